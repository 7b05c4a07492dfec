"""Inside blocks: printed line breaks (raw-line extraction) and compounds glued by an extractor
that dropped every line-end hyphen."""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter
from collections.abc import Iterator
from typing import NamedTuple

import regex

from sutun.document import Document, Edit
from sutun.lang import morphology
from sutun.lang.alphabet import VOWELS, lower, upper
from sutun.lang.model import PREFIX_LETTERS, LanguageModel
from sutun.steps import normalise
from sutun.steps.cleanup import INVISIBLE, INVISIBLE_CHARS, SOFT_HYPHEN, furniture_kind
from sutun.steps.evidence import (
    CLOSED_END,
    CLOSING_QUOTES,
    HYPHEN_CHARS,
    ITEM_MARK,
    LINE_END_HYPHENS,
    MARKDOWN_LINE,
    MARKDOWN_STRUCTURE,
    OPENING_QUOTES,
    TOKEN,
    Context,
    HyphenDecision,
    among_debris,
    continuation,
    hyphen_decision,
    in_code,
    in_prose,
    inner_stop,
    reduplicated,
    sentence_starter,
    thin_letters,
    turkic,
    words_of,
)
from sutun.steps.join import MIN_SCORE

STEP = "dehyphenate"
SPECK = r"(?:[:;.,'`|!]|[^\W_])"
SPECK_AFTER_HYPHEN = rf"(?:(?<=[^\W\d_][{LINE_END_HYPHENS}])[ \t]+{SPECK}(?=[ \t\r]*\n))?"
"""A mark alone after a word's line-end hyphen: a speck of the page's margin the OCR read
(qətiyyət- :), which goes with the line break. One read as a letter or a digit (gös- İ,
göstəri- 3) goes only where the word joined across it is one the evidence knows."""
LINE_BREAK = re.compile(r"[ \t\r]*\n[ \t]*")
SPECKED = re.compile(rf"[{LINE_END_HYPHENS}][ \t]+{SPECK}[ \t\r]*\n")
LINE_BREAK_OR_SPECK = re.compile(SPECK_AFTER_HYPHEN + LINE_BREAK.pattern)
"""A line break, with a speck after a line-end hyphen before it (asked of a block with one:
the optional speck costs the scan of every other block three times as long)."""
# Found from the hyphen, the word before it read backwards: a scan for the rare character is
# several times faster than one that starts a letter run everywhere. The right part is looked
# at, not taken: it may end in its own hyphen (məc-|buriyyətində-|dir).
HYPHEN_BREAK = regex.compile(
    rf"[{LINE_END_HYPHENS}]{SPECK_AFTER_HYPHEN}[ \t\r]*\n[ \t]*[{INVISIBLE_CHARS}]*"
    rf"(?=([\p{{L}}\p{{N}}][\p{{L}}\p{{N}}{SOFT_HYPHEN}]*))"
)
WORD_BEFORE = regex.compile(
    rf"(?r)[\p{{L}}\p{{N}}][\p{{L}}\p{{N}}{SOFT_HYPHEN}]*(?:['’]\p{{L}}+)?%?[{INVISIBLE_CHARS}]*"
)
"""The word a line-end hyphen ends, with its apostrophe (Sainsbury's-|nin); a share's per cent
sign takes suffixes too (3%-|ə). Invisible characters around the break are read through, as
cleanup removes them (mə\ufffd-|ruz)."""


class HyphenBreak(NamedTuple):
    left_start: int
    left: str
    right: str
    end: int  # where the right part starts


def _hyphen_breaks(text: str) -> dict[int, HyphenBreak]:
    """Words broken by a hyphen at a line end, by the hyphen's offset. The parts are read
    without their soft hyphens: a browser's PDF keeps every discretionary hyphen of a word,
    the one it broke at before the hyphen it printed too (``tə­rə­fin­‐``)."""
    out = {}
    for m in HYPHEN_BREAK.finditer(text):
        left = WORD_BEFORE.match(text, 0, m.start())
        if left:
            out[m.start()] = HyphenBreak(
                left.start(),
                INVISIBLE.sub("", left.group(0)),
                m.group(1).replace(SOFT_HYPHEN, ""),
                m.end(),
            )
    return out


NUMBER_SUFFIX = regex.compile(r"(?<![\p{L}\p{N}-])(\d+(?:[.,]\d+)*)(\p{Ll}{1,6})(?![\p{L}\p{N}])")
ACRONYM_SUFFIX = regex.compile(r"(?<![\p{L}\p{N}-])(\p{Lu}{2,})(\p{Ll}{1,6})(?![\p{L}\p{N}])")
POSSESSIVE_SUFFIX = regex.compile(
    r"(?<![\p{L}\p{N}-])(\p{Lu}\p{L}*\p{Ll}['’]s)(\p{Ll}{1,6})(?![\p{L}\p{N}])"
)
"""A name's English possessive glued to suffixes (Sainsbury'snin): Azerbaijani writes a hyphen
there. Not Turkish, whose apostrophe sets off suffixes that may start with s (Ali'si)."""
ITEM = regex.compile(rf"{ITEM_MARK.pattern}|[•▪■]\s")
YEAR_RANGE = re.compile(r"([12]\d{3})([12]\d{3}|\d\d(?=-[^\W\d_]))(?![\w/]|[.,]\d)")
"""Eight digits that read as two years (1870|1872): a range whose line-end hyphen an extractor
dropped; a later year no more than YEAR_SPAN after the first, up to LAST_YEAR. The second year
may be written by its last two digits where suffixes follow it (1950|53-cü: no count of 195,053
takes an ordinal's suffix)."""
YEAR_SPAN = 100
LAST_YEAR = 2099
# stdlib re (scans faster): [^\W_] is a letter or digit, [^\W\d_] a letter.
GLUED = re.compile(r"(?<![^\W_])(?<!-)[^\W\d_]{5,}(?![^\W_]|-)")


def run(doc: Document, ctx: Context) -> None:
    for start, end, decision in hyphens_inside_lines(doc, ctx):
        if not doc.overlaps(start, end):
            why = "a line-end hyphen kept inside the line when the lines were joined"
            evidence = {**decision.evidence, "reason": f"{why}; {decision.evidence['reason']}"}
            doc.add(
                Edit("dehyphenate", start, end, "", step=STEP, confidence=0.8, evidence=evidence)
            )
    for b in doc.blocks:
        if b.kind == "furniture":
            continue
        _line_breaks(doc, ctx, b.start, b.end)
        if ctx.config.split_glued:
            _glued(doc, ctx, b.start, b.end)
            _names_apart(doc, ctx, b.start, b.end)
            _glued_in_a_compound(doc, ctx, b.start, b.end)
            _names_glued_in_a_compound(doc, ctx, b.start, b.end)


# stdlib re (scans faster): [^\W\d_] is a letter; the right part's lower case is asked after.
HYPHEN_INSIDE_A_LINE = re.compile(
    rf"(?<![^\W_]|[{LINE_END_HYPHENS}])([^\W\d_]{{2,}})([{LINE_END_HYPHENS}] ?)([^\W\d_]{{2,}})"
    rf"(?![^\W_]|[{LINE_END_HYPHENS}])"
)


HYPHEN = re.compile(rf"[{LINE_END_HYPHENS}]")


def _hyphenated_words(text: str) -> Iterator[re.Match]:
    """HYPHEN_INSIDE_A_LINE's matches, each tried from the word before a hyphen (a scan of the
    whole text from every word is several times slower)."""
    for h in HYPHEN.finditer(text):
        at = h.start()
        before = text[at - 1 : at]
        if at < 2 or not before.isalnum() or before.isdecimal():  # [^\W\d_]: a letter
            continue
        start = at - 1
        while start and (text[start - 1].isalnum() or text[start - 1] in HYPHEN_CHARS):
            start -= 1
        m = HYPHEN_INSIDE_A_LINE.match(text, start)
        if m is not None and m.start(2) == at:
            yield m


def hyphens_inside_lines(doc: Document, ctx: Context) -> list[tuple[int, int, HyphenDecision]]:
    """Line-end hyphens inside a line, where the lines of a hyphenated word were joined and the
    hyphen kept, with a space after it (``tikin- tisinə``) or none (``mürək-kəb``, as OCR reads
    a photographed page): the word joined is one the lexicon, the grammar or the document knows,
    more often seen than its right part alone (``atdı- çox`` is a dash). A capitalised word's
    hyphen before suffixes is a name's (``Palin-in``)."""
    hit = ctx.memo.get(("hyphens inside lines",))
    if hit is not None:
        return hit
    hit = []
    model = ctx.model
    if model is not None:
        for m in _hyphenated_words(doc.source):
            left, right = m.group(1), m.group(3)
            if not right[0].islower() or model.count(right) > model.count(left + right):
                continue
            spaced = m.group(2).endswith(" ")
            if not spaced and left[0].isupper() and morphology.suffix_chain(right):
                continue
            # Asked by the gate too: the document's spellings are read first, so that both ask
            # the same question (and the hyphen decisions they remember agree).
            ctx.read_vocabulary()
            d = hyphen_decision(left, right, ctx, doc.language, in_question=not spaced)
            if d.join and d.attested and not d.inferred and model.known(left + right):
                hit.append((m.start(2), m.end(2), d))
    ctx.memo[("hyphens inside lines",)] = hit
    return hit


def _line_breaks(doc: Document, ctx: Context, start: int, end: int) -> None:
    text = doc.source[start:end]
    if "\n" not in text:
        return
    lines = text.split("\n")
    if sorted(map(len, lines))[len(lines) // 2] > ctx.config.max_line:
        return  # lines this long are paragraphs, not a column's wrapped lines
    written = _markdown_breaks(text, lines)
    hyphen_breaks = _hyphen_breaks(text)
    # A full line's width; not the longest, which may hold several joined by the extractor.
    width = sorted(_printed(line) for line in lines)[len(lines) * 3 // 4]
    carried: dict[int, str] = {}  # where a fragment starts → the word joined up to it
    paragraph = 0  # where the paragraph being read starts
    headline = _headline_end(lines, width) if not written else None
    bold = any(mark in text for mark in BOLD_MARKS)
    breaks = LINE_BREAK_OR_SPECK if SPECKED.search(text) else LINE_BREAK
    for k, m in enumerate(breaks.finditer(text)):  # one line break each: k is the line
        if k in written or doc.overlaps(start + m.start(), start + m.end()):
            continue  # markdown's, or gone with the glyph alone on the line before it
        h = hyphen_breaks.get(m.start() - 1)
        if h is not None:
            left = carried.get(h.left_start, "") + h.left
            d = _marked(text, m.start() - 1, left, h.right, doc, ctx) or hyphen_decision(
                left, h.right, ctx, doc.language
            )
            speck = _letter_speck(text, m)
            if speck and not (d.join and d.attested and not d.inferred):
                # No word the evidence spells joins across it: the line's own last word.
                h, m = None, LINE_BREAK.match(text, speck)
        if h is None and text[m.start() - 1 : m.start()] == SOFT_HYPHEN:
            # A discretionary hyphen: the typesetter's own mark of a word broken at the line end.
            doc.add(
                Edit(
                    "dehyphenate",
                    start + m.start() - 1,
                    start + m.end(),
                    "",
                    step=STEP,
                    confidence=0.99,
                    evidence={"reason": "soft hyphen at a line end"},
                )
            )
            continue
        if h is None:
            why = "a line cut short before a capital"
            cut = _ends_a_line_of_its_own(text, m, width, ctx, doc.language)
            if k == headline:
                cut, why = "paragraph", "a headline wider than its column, over the text"
            elif not cut and bold and _emphasis_apart(text, m):
                cut, why = "paragraph", "whole sentences in bold (a lead), a paragraph of their own"
            if cut == "paragraph" and not _apart_once_repaired(
                doc, ctx, start + paragraph, start + m.start(), start + m.end(), end
            ):
                cut = ""
            if cut == "paragraph":
                paragraph = m.end()
                # Markdown reads a single line break as a space: the paragraph needs a blank line.
                doc.add(
                    Edit(
                        "paragraph-break",
                        start + m.start(),
                        start + m.end(),
                        "\n\n",
                        step=STEP,
                        confidence=0.8,
                        evidence={"reason": why},
                    )
                )
            if cut:
                continue
        if h is not None and doc.overlaps(start + m.start() - 1, start + m.end()):
            continue  # the hyphen is part of a word an earlier step rewrote (mojibake)
        if h is not None:
            if d.join:
                carried[h.end] = left
            kind = "dehyphenate" if d.join else "keep-hyphen"
            mark = text[m.start() - 1]
            read = text[m.start() : m.end()].strip()
            evidence = {**d.evidence, "speck": read} if read else d.evidence
            # A hyphen is kept as "-", whatever mark the extractor printed for it (¬).
            keep = "-" if not d.join and mark != "-" else ""
            doc.add(
                Edit(
                    kind,
                    start + m.start() - (1 if d.join or keep else 0),
                    start + m.end(),
                    keep,
                    step=STEP,
                    confidence=d.confidence,
                    evidence=evidence,
                )
            )
        else:
            quote = _quote_goes_on(text, m)
            suffixed = quote and _suffixes_of_a_quote(text, m, doc.language)
            if suffixed:
                reason = "a hyphen after a closing quote, suffixes next: what it quotes takes them"
            elif quote:
                reason = "a dash after a closing quote: its attribution goes on"
            else:
                reason = "line break inside a block"
            doc.add(
                Edit(
                    "keep-hyphen" if quote else "join-line",
                    start + m.start(),
                    start + m.end(),
                    "" if suffixed else " ",
                    step=STEP,
                    confidence=0.8 if quote else 0.9,
                    evidence={"reason": reason},
                )
            )


def _letter_speck(text: str, m: re.Match) -> int:
    """Where the letter or digit a line break's match holds after a line-end hyphen ends, or 0
    (gös- İ | tərmək)."""
    at = m.start()
    while text[at] in " \t":
        at += 1
    return at + 1 if text[at].isalnum() else 0


def _marked(
    text: str, hyphen: int, left: str, right: str, doc: Document, ctx: Context
) -> HyphenDecision | None:
    """Where the text marks its hyphenation with soft hyphens (a browser's PDF keeps them), a
    line-end hyphen after one is the typesetter's and one without is the word's own."""
    if not _marks_its_breaks(doc, ctx):
        return None
    ev = {"left": left, "right": right}
    if text[hyphen - 1 : hyphen] == SOFT_HYPHEN:
        ev["reason"] = "a soft hyphen before it: the typesetter's break"
        return HyphenDecision(True, 0.99, ev, attested=True)
    ev["reason"] = "the text marks its hyphenation with soft hyphens, and not this one"
    return HyphenDecision(False, 0.95, ev, attested=True)


SOFT_BREAK = re.compile(rf"{SOFT_HYPHEN}[{LINE_END_HYPHENS}][ \t]*\r?\n")
"""A soft hyphen, then the hyphen printed for it, at a line end: how a browser's PDF marks the
breaks it chose (a soft hyphen alone at a line end may stand for the printed one instead)."""


def _marks_its_breaks(doc: Document, ctx: Context) -> bool:
    hit = ctx.memo.get(("soft breaks",))
    if hit is None:
        hit = ctx.memo[("soft breaks",)] = (
            SOFT_HYPHEN in doc.source and SOFT_BREAK.search(doc.source) is not None
        )
    return hit


def _quote_goes_on(text: str, m: re.Match) -> bool:
    """A line ends in a closing quote and a hyphen, the next starts in lower case: what the
    quote names takes its suffixes (“…”-dən), or its attribution follows a dash (,”- deyə)."""
    before = text[max(0, m.start() - 2) : m.start()]
    return (
        len(before) == 2
        and before[1] == "-"
        and before[0] in CLOSING_QUOTES
        and text[m.end() : m.end() + 1].islower()
    )


def _suffixes_of_a_quote(text: str, m: re.Match, language: str | None) -> bool:
    """After a closing quote and a hyphen, the next line's word is suffixes (“…”-dən) rather
    than an attribution after a dash (,”- deyə); outside Turkic text, taken as suffixes."""
    word = TOKEN.match(text, m.end())
    if word is None or not turkic(language):
        return True
    return morphology.suffix_chain(lower(word.group(0), language))


MARKDOWN_START = re.compile(r"^[ \t]*[#!\-*_|`+><]", re.MULTILINE)
"""Where a markdown line (MARKDOWN_STRUCTURE, MARKDOWN_LINE, BULLET) may start."""
BULLET = regex.compile(r"\s*([-*+])\s")


def _markdown_breaks(text: str, lines: list[str]) -> frozenset[int]:
    """The line breaks markdown reads (by the line before them), kept as written: after a
    heading, image, rule, table row or fence line; before one, a quote, HTML or a list item;
    all of a block that holds a code fence."""
    if not MARKDOWN_START.search(text):
        return frozenset()
    if any(line.lstrip().startswith("```") for line in lines):
        return frozenset(range(len(lines) - 1))
    marked = [MARKDOWN_STRUCTURE.match(line) is not None for line in lines]
    opens = [MARKDOWN_LINE.match(line) is not None for line in lines]
    bullets = [m.group(1) if (m := BULLET.match(line)) else "" for line in lines]
    # A dash the line wrapped before (... çatmırdı | - yalnız ...) reads like a bullet: an item
    # is one of several, or follows a closed line.
    listed = Counter(bullets)
    return frozenset(
        k
        for k in range(len(lines) - 1)
        if marked[k]
        or marked[k + 1]
        or opens[k + 1]
        or (
            bullets[k + 1]
            and (listed[bullets[k + 1]] > 1 or CLOSED_END.search(lines[k].rstrip()) is not None)
        )
    )


HEADLINE_LINES = 4
"""A headline set across its article's columns runs to this many lines at most."""
HEADLINE_BODY_LINES = 6
"""Lines of text under it that tell its column's width."""
HEADLINE_WIDER = 1.3
"""How much wider than its column a headline's lines are at least (a table's header or a
paragraph's longer first line is not)."""
HEADLINE_CHARS = 90
"""Characters a headline's line holds at most (longer lines are a page-wide paragraph's)."""
COLUMN_CHARS = 20
"""Characters a column of text holds at least."""


OPEN_LINE_END = regex.compile(r"[\p{L}\p{N}\"'»”’?!]$")
"""How a headline's line ends: on a word, a quote, or a question or exclamation mark."""


def _headline_end(lines: list[str], width: int) -> int | None:
    """Raw lines (one printed line to a text line) that open with a headline set across the
    article's columns: lines wider than the column (the first by HEADLINE_WIDER), its last one
    maybe not, going on in lower case; no sentence ending inside or at their ends; then the
    text, opening as a sentence does. The index of the headline's last line, or None."""
    if width < COLUMN_CHARS:
        return None
    wide = 0
    while wide < min(HEADLINE_LINES, len(lines)) and (
        (HEADLINE_WIDER if not wide else 1 / FIT) * width < _printed(lines[wide]) <= HEADLINE_CHARS
    ):
        wide += 1
    if not wide or len(lines) - wide < HEADLINE_BODY_LINES:
        return None
    after = lines[wide].strip()
    if (
        wide < HEADLINE_LINES
        and not SENTENCE_START.match(after)
        and SENTENCE_START.match(lines[wide + 1].lstrip())
    ):
        last = wide  # its last line, in lower case
    elif SENTENCE_START.match(after):
        last = wide - 1
    else:
        return None
    title = [line.strip() for line in lines[: last + 1]]
    if not all(OPEN_LINE_END.search(line) for line in title):
        return None
    words = " ".join(title)
    return None if inner_stop(words) or thin_letters(words) else last


def _apart_once_repaired(
    doc: Document, ctx: Context, start: int, cut: int, resume: int, end: int
) -> bool:
    """Whether a second pass, reading ``[start, cut)`` and ``[resume, end)`` as blocks of their
    own (as earlier steps left them: legacy letters), keeps them apart: joins them not, and
    takes neither for page furniture."""
    # Junctions read a block's last and first characters: a bounded span of each keeps a long
    # block of raw lines linear.
    before = doc.view(max(start, cut - EDGE_SPAN), cut)
    after = doc.view(resume, min(end, resume + EDGE_SPAN))
    line = after.split("\n", 1)[0]
    if furniture_kind(before, strong_only=False) or furniture_kind(line, strong_only=False):
        return False
    return continuation(before, after, ctx, doc.language).score < MIN_SCORE


EDGE_SPAN = 2000
"""Characters of each side of a written line break that judge whether it stays a paragraph
break (a junction reads 512 at most; a parenthesis is looked for within them)."""
FIT = 0.9
"""A line wraps only when the next word does not fit: a sentence end followed by a word that
would have fit in this share of a full line's characters (letters differ in width) was a
paragraph end."""
NEXT_WORD = re.compile(r"\S+")
LEADERS = ".…·"
"""A table's leader dots run on from its row's first word (Pambıq.........): no word's width."""
FIRST_WORD = regex.compile(r"\p{L}+")
SENTENCE_START = regex.compile(
    rf"[{regex.escape(OPENING_QUOTES)}]*"
    r"(?:\p{Lu}|\p{N}+(?:[.,]\p{N}+)*(?:[-–]\p{N}+)?(?:-\p{L}+)?[ \t]+\p{L})"
)
"""How a sentence may open, after any opening quotes: a capital, or a number and a word (40
yaşlı, 2024-cü ildə; a table's row of numbers is no sentence)."""


def _ends_a_line_of_its_own(
    text: str, m: regex.Match, width: int, ctx: Context, language: str | None
) -> str:
    """Whether the break was written, not wrapped, before a sentence's start: ``item`` when a
    list item starts after it, ``paragraph`` after a sentence ending on a line the next word
    would have fit on, or after a line of half the width before a word that opens sentences (a
    heading, a label line: Zaman limiti: 0.5 s); else ""."""
    if ITEM.match(text, m.end()):
        return "item"
    if not SENTENCE_START.match(text, m.end()):
        return ""
    line = text[text.rfind("\n", 0, m.start()) + 1 : m.start()].strip()
    printed = _printed(line)
    if CLOSED_END.search(line):
        # Only a line the next word would have fit on was cut short: a long word wraps early.
        word = NEXT_WORD.match(text, m.end())
        room = printed + 1 + (_printed(word.group(0).rstrip(LEADERS)) if word else 0)
        return "paragraph" if room <= FIT * width else ""
    if 2 * printed < width:
        # A reader may also cut a printed line at a gap (Londonda | Stamfor | Bridge): a name
        # goes on, a word that opens sentences starts anew.
        first = FIRST_WORD.match(text, m.end())
        return "paragraph" if first and sentence_starter(first.group(0), ctx, language) else ""
    return ""


BOLD_MARKS = ("**", "__")


def _emphasis_apart(text: str, m: regex.Match) -> bool:
    """Whether the break parts a run of whole sentences in bold (a lead) from the text beside
    it: the line before closes the run after a sentence's end, or the line after opens one that
    closes so at a line's end; a sentence opens after the break either way."""
    line_start = text.rfind("\n", 0, m.start()) + 1
    line = text[line_start : m.start()].rstrip()
    for mark in BOLD_MARKS:
        if line.endswith(mark) and CLOSED_END.search(line[: -len(mark)]):
            inside = text.count(mark, 0, line_start + len(line) - len(mark)) % 2 == 1
            return inside and SENTENCE_START.match(text, m.end()) is not None
    mark = text[m.end() : m.end() + 2]
    if mark not in BOLD_MARKS or text.count(mark, 0, m.start()) % 2:
        return False
    if SENTENCE_START.match(text, m.end() + 2) is None:
        return False
    close = text.find(mark, m.end() + 2)
    line_end = text.find("\n", close)
    rest = text[close + 2 : line_end if line_end != -1 else len(text)]
    return close != -1 and CLOSED_END.search(text[:close]) is not None and not rest.strip()


def _printed(line: str) -> int:
    """Characters the line shows: its soft hyphens print only where they break it."""
    return len(line.strip()) - line.count(SOFT_HYPHEN)


def glued_suffixes(doc: Document) -> bool:
    """A number, an acronym or an English possessive glued to its suffixes (``19cu``,
    ``NATOnun``, ``Sainsbury'snin``): Turkic text writes a hyphen there, so this is an
    extractor's dropped line-end hyphen (a sign of damage)."""
    return any(
        _suffixed(pattern, m.group(1), m.group(2))
        for pattern, _ in _suffix_patterns(doc.language)
        for m in pattern.finditer(doc.source)
    )


def _suffix_patterns(language: str | None) -> list[tuple[regex.Pattern, str]]:
    """What a Turkic language writes a hyphen between and its suffixes, with why each split."""
    if not turkic(language):
        return []
    out = [(NUMBER_SUFFIX, "number + suffix"), (ACRONYM_SUFFIX, "acronym + suffix")]
    if language == "aze":
        out.append((POSSESSIVE_SUFFIX, "English possessive + suffix"))
    return out


def _suffixed(pattern: regex.Pattern, base: str, suffixes: str) -> bool:
    """Whether ``suffixes`` read as suffixes of the number or acronym ``base``. A suffix that
    starts with a vowel must follow the last word the number is read out with (16-ya, 3-ə; 16a
    and 3a are an equation's or an item's marks); the others are taken as written (authors
    write 2009-ci for 2009-cu)."""
    if pattern is NUMBER_SUFFIX and suffixes[:1] in VOWELS:
        spoken = morphology.numeral_end(base.replace(",", "").replace(".", ""))
        return morphology.attaches(spoken, suffixes)
    return morphology.suffix_chain(suffixes)


def _glued(doc: Document, ctx: Context, start: int, end: int) -> None:
    # Words are judged as earlier steps left them (look-alike letters already Latin).
    text = doc.source[start:end]
    for pattern, why in _suffix_patterns(doc.language):
        for m in pattern.finditer(text):
            word = doc.word(start + m.start(), start + m.end())
            parts = pattern.fullmatch(word) if word else None
            if word is None or parts is None:
                continue
            if not _suffixed(pattern, parts.group(1), parts.group(2)):
                continue
            a, b = start + m.start(), start + m.end()
            _split(doc, ctx, a, b, word, len(parts.group(1)), why, 0.95)
    for m in YEAR_RANGE.finditer(text):
        since, until = int(m.group(1)), int(m.group(2))
        if len(m.group(2)) == 2:
            until += since - since % 100
        glued_on = m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] in ".,/-")
        if not glued_on and since < until <= min(since + YEAR_SPAN, LAST_YEAR):
            why = "two years glued, the second later: a range"
            _split(doc, ctx, start + m.start(), start + m.end(), m.group(0), 4, why, 0.9)
    repeated = _repeated_words(doc, ctx)  # in document order
    first = bisect.bisect_left(repeated, (start,))
    spans = {
        (a - start, b - start) for a, b in repeated[first : bisect.bisect_left(repeated, (end,))]
    }
    if not spans and not ctx.glued:
        return
    no_w = doc.language in normalise.NO_W
    suspect = normalise.document_suspect(doc, ctx) and normalise.suspect(text, no_w)
    whole = doc.lowered()
    lowered = whole[start:end] if len(whole) == len(doc.source) else ctx.lower(text, doc.language)
    if len(lowered) != len(text):  # a letter whose lower case is longer: no offsets to share
        return
    inflected = _inflected_compounds(doc, ctx)
    if ctx.glued and (suspect or inflected or _has_glued_compound(lowered, ctx)):
        spans.update(m.span() for m in GLUED.finditer(text))
    for a, b in sorted(spans):
        word = text[a:b]
        lw = lowered[a:b]
        if suspect and normalise.suspect(word, no_w):  # look-alike letters: as normalise left them
            word = doc.word(start + a, start + b) or ""
            lw = ctx.lower(word, doc.language)
        hyphenated = ctx.glued.get(lw)
        if hyphenated is not None and len(hyphenated) == len(word) + 1:
            at = hyphenated.index("-")
            _split(doc, ctx, start + a, start + b, word, at, "attested compound", 0.85)
        elif lw in inflected:
            at, why = inflected[lw]
            _split(doc, ctx, start + a, start + b, word, at, why, 0.8)
        elif ctx.model is not None and ctx.model.count(lw) == 0:
            at = _reduplication_point(lw, ctx)
            if at:
                _split(doc, ctx, start + a, start + b, word, at, "reduplication", 0.8)


def _inflected_compounds(doc: Document, ctx: Context) -> dict[str, tuple[int, str]]:
    """The document's unknown words that are a compound's glued spelling and suffixes
    (tərcümeyihallar: tərcümeyi-hal + lar), or a name the document sets its suffixes off from
    and suffixes (Kavanaughla beside Kavanaugh-a), each with where its hyphen goes; found once."""
    hit = ctx.memo.get(("inflected compounds",))
    if hit is None:
        hit = ctx.memo[("inflected compounds",)] = {}
        model = ctx.model
        if model is None or not model.grammar:
            return hit
        names = _names_with_hyphenated_suffixes(doc, ctx)
        if not ctx.glued and not names:
            return hit
        for lw in _unknown_words(doc, ctx):
            if len(lw) <= MIN_COMPOUND or lw in ctx.glued or not lw.isalpha():
                continue
            split = _compound_and_suffixes(lw, ctx.glued, names, model)
            if split is not None:
                hit[lw] = split
    return hit


def _compound_and_suffixes(
    lw: str, glued: dict[str, str], names: frozenset[str], model: LanguageModel
) -> tuple[int, str] | None:
    """Where the hyphen goes in ``lw``, an unknown word, when it is a compound's glued spelling
    (or a name of ``names``) and suffixes, or a hyphen prefix and a word, with why; else None."""
    for k in range(len(lw) - 1, MIN_COMPOUND - 1, -1):
        hyphenated = glued.get(lw[:k])
        if lw[:k] in names:
            split = k, "a name the document sets its suffixes off from, and suffixes"
        elif hyphenated is not None and len(hyphenated) == k + 1:
            split = hyphenated.index("-"), "attested compound and suffixes"
        else:
            continue
        if morphology.suffix_chain(lw[k:], lw[:k]):
            return None if model.known(lw) else split
    for prefix in model.hyphen_prefixes():
        k = len(prefix)
        if lw.startswith(prefix) and len(lw) - k >= PREFIX_LETTERS and model.known(lw[k:]):
            return None if model.known(lw) else (k, "a hyphen prefix and a word")
    return None


def glued_compounds(doc: Document, ctx: Context) -> bool:
    """A word the lexicon writes with a hyphen, glued, alone or with suffixes (qeyriqanuni,
    hiphopu): an extractor's dropped line-end hyphen (a sign of damage). Authors write none: not
    in the clean dev articles, nor in Wikipedia's sentences."""
    model = ctx.model
    if model is None or not model.grammar or not model.glued:
        return False
    return any(
        len(lw) > MIN_COMPOUND
        and lw.isalpha()
        and (lw in model.glued or _compound_and_suffixes(lw, model.glued, frozenset(), model))
        for lw in _unknown_words(doc, ctx)
    )


def _unknown_words(doc: Document, ctx: Context) -> frozenset[str]:
    """The document's words (lower case) the lexicon does not list, found once (the set
    difference is asked in C)."""
    hit = ctx.memo.get(("unknown words",))
    if hit is None:
        assert ctx.model is not None
        hit = ctx.memo[("unknown words",)] = frozenset(words_of(doc, ctx)[2]).difference(
            ctx.model.words
        )
    return hit


def _names_with_hyphenated_suffixes(doc: Document, ctx: Context) -> frozenset[str]:
    """Names (lower case) the document writes with a hyphen before their suffixes: ones the
    lexicon does not know, capitalised in the text (a known word's hyphen before suffixes is a
    line break's, güldanı-nın)."""
    model = ctx.model
    assert model is not None
    out = set()
    for w in ctx.vocab:
        name, _, suffixes = w.rpartition("-")
        if (
            len(name) > MIN_COMPOUND
            and name.isalpha()
            and morphology.suffix_chain(suffixes, name)
            and not model.known(name)
            and upper(w[:1], doc.language) + w[1:] in doc.source
        ):
            out.add(name)
    return frozenset(out)


MIN_COMPOUND = 5
"""Letters a compound's glued spelling has at least, before the suffixes after it."""


HYPHENATED = re.compile(r"(?<![^\W_])[^\W_]+(?:-[^\W_]+)+")
PART = re.compile(r"[^\W\d_]{5,}")


def _glued_in_a_compound(doc: Document, ctx: Context, start: int, end: int) -> None:
    """A part of a hyphenated word that is two of the document's words glued, where the
    extractor dropped one of the compound's hyphens at a line end (sosial-iqtisadisiyasi)."""
    if not _compound_with_glued_words(doc, ctx):
        return
    text = doc.source[start:end]
    for m in HYPHENATED.finditer(text):
        for part in PART.finditer(m.group(0)):
            a, b = start + m.start() + part.start(), start + m.start() + part.end()
            word = doc.word(a, b)
            at = _two_words_point(word, ctx, doc.language) if word else 0
            if word and at:
                _split(doc, ctx, a, b, word, at, "two of the document's words in a compound", 0.7)


NAMES_GLUED = regex.compile(r"(?<=\p{Lu}\p{Ll}{2,})(?=\p{Lu}\p{Ll}{2,})")
"""Inside a word, where a capitalised name of three letters or more runs into another."""
NAMES_GLUED_ANYWHERE = regex.compile(r"\p{Ll}{2}\p{Lu}\p{Ll}{2}")


def _names_apart(doc: Document, ctx: Context, start: int, end: int) -> None:
    """The block's names run together (glued_names), split where the hyphen was."""
    found = glued_names(doc, ctx)
    for a, b, at in found[bisect.bisect_left(found, (start,)) : bisect.bisect_left(found, (end,))]:
        word = doc.word(a, b)
        if word == doc.source[a:b]:
            why = "two names the document writes apart, run together"
            _split(doc, ctx, a, b, word, at, why, 0.8)


def _names_glued_in_a_compound(doc: Document, ctx: Context, start: int, end: int) -> None:
    """A part of a hyphenated name that is two capitalised names run together, where the
    extractor dropped one of the name's hyphens at a line end (Rhein-NeckarArena,
    RheinNeckar-Arena): the name keeps its other hyphens, its parts their capitals."""
    text = doc.source[start:end]
    if "-" not in text or not NAMES_GLUED_ANYWHERE.search(text):
        return  # most blocks: asked of the whole block first
    for m in HYPHENATED.finditer(text):
        parts = list(TOKEN.finditer(m.group(0)))
        for part in parts:
            points = [j.start() for j in NAMES_GLUED.finditer(part.group(0))]
            # Another part capitalised too: a name of names (not YouGov-un, a name's suffix).
            if len(points) != 1 or not any(
                p is not part and p.group(0)[0].isupper() for p in parts
            ):
                continue
            a, b = start + m.start() + part.start(), start + m.start() + part.end()
            word = doc.word(a, b)
            # Written so elsewhere, it is a name's own spelling (YouTube, MacBook).
            if word == part.group(0) and ctx.written(word) == 1:
                _split(doc, ctx, a, b, word, points[0], "two capitalised names in a compound", 0.7)


CAPITAL_INSIDE = regex.compile(r"\p{Ll}\p{Lu}")
"""Asked of the whole document first: the scan for the shortest pattern is the fastest."""
NAMES_RUN_TOGETHER = regex.compile(
    r"(?<![\p{L}\p{N}-])(\p{Lu}\p{Ll}{2,})(\p{Lu}\p{Ll}{2,})(?![\p{L}\p{N}-])"
)


def glued_names(doc: Document, ctx: Context) -> list[tuple[int, int, int]]:
    """Two names run together where an extractor dropped a double name's line-end hyphen
    (BlackDaley: Black-Daley), with where the hyphen goes: each name the document writes on its
    own after another word, and the word itself once and unknown to the lexicon (not a brand's
    own spelling, YouGov, MacBook). No damage on its own: rare, and the scan for it costs every
    clean document."""
    hit = ctx.memo.get(("glued names",))
    if hit is None:
        hit = ctx.memo[("glued names",)] = []
        source = doc.source
        if not CAPITAL_INSIDE.search(source):
            return hit
        for m in NAMES_RUN_TOGETHER.finditer(source):
            word = m.group(0)
            if ctx.model is not None and ctx.model.count(word):
                continue
            if (
                ctx.capitalised_mid_sentence(m.group(1))
                and ctx.capitalised_mid_sentence(m.group(2))
                and ctx.written(word) == 1
            ):
                hit.append((m.start(), m.end(), len(m.group(1))))
    return hit


def _compound_with_glued_words(doc: Document, ctx: Context) -> bool:
    """Whether any hyphenated word of the document has such a part: its words are asked first
    (the vocabulary pass found them), once, before any block is scanned."""
    hit = ctx.memo.get(("compound with glued words",))
    if hit is None:
        hit = ctx.memo[("compound with glued words",)] = any(
            _two_words_point(part, ctx, doc.language)
            for w in itertools.chain(ctx.vocab, ctx.edge_words)
            if "-" in w
            for part in w.split("-")
            if len(part) >= 5 and part.isalpha()
        )
    return hit


def _two_words_point(word: str, ctx: Context, language: str | None) -> int:
    """Where ``word`` (lower case, unknown) splits into two words the document writes on their
    own, when exactly one split does; else 0."""
    lw = ctx.lower(word, language)
    if lw != word or ctx.vocab.get(lw) or (ctx.model is not None and ctx.model.known(lw)):
        return 0
    points = [i for i in range(2, len(lw) - 1) if ctx.vocab.get(lw[:i]) and ctx.vocab.get(lw[i:])]
    return points[0] if len(points) == 1 else 0


def _has_glued_compound(lowered: str, ctx: Context) -> bool:
    """Whether a block's text (lower-cased) holds a glued spelling of a compound; the
    document's words are asked first (a glued spelling is a word of its own there)."""
    keys = ctx.glued.keys()
    anywhere = ctx.memo.get(("glued compound",))
    if anywhere is None:
        anywhere = not (keys.isdisjoint(ctx.vocab.keys()) and keys.isdisjoint(ctx.edge_words))
        ctx.memo[("glued compound",)] = anywhere
    return anywhere and not keys.isdisjoint(GLUED.findall(lowered))


def _repeated_words(doc: Document, ctx: Context) -> list[tuple[int, int]]:
    """Where the document has a word the lexicon lacks whose first letters come back later in it
    (iki|iki, planla…|planla…): the candidates for a reduplication split."""
    if ctx.model is None or not ctx.model.grammar:
        return []  # written with a hyphen in Azerbaijani (iki-iki); other languages differ
    hit = ctx.memo.get(("repeated words",))
    if hit is None:
        found, lows, _ = words_of(doc, ctx)
        wanted = {w for w in _unknown_words(doc, ctx) if _repeats(w)}
        hit = ctx.memo[("repeated words",)] = (
            [
                m.span()
                for m, lw in zip(found, lows, strict=True)
                if lw in wanted and not m.group(0).isupper()  # an acronym (ISIS) is no word
            ]
            if wanted
            else []
        )
    return hit


def _repeats(lw: str) -> bool:
    if len(lw) < 10:
        half = len(lw) // 2
        return len(lw) >= 4 and len(lw) % 2 == 0 and lw[:half] == lw[half:]
    return lw.find(lw[:4], 4) != -1


def _reduplication_point(lw: str, ctx: Context) -> int:
    """Where a word the lexicon lacks splits into a known word said twice (ikiiki) or two
    known words of the same stem (planlaşdırıb + planlaşdırmadığını), or 0."""
    model = ctx.model
    assert model is not None
    half = len(lw) // 2
    if len(lw) % 2 == 0 and lw[:half] == lw[half:] and model.count(lw[:half]):
        return half
    if len(lw) < 10 or model.known(lw):
        return 0
    for at in range(4, len(lw) - 3):
        left, right = lw[:at], lw[at:]
        if reduplicated(left, right) and model.known(left) and model.known(right):
            return at
    return 0


def _split(
    doc: Document,
    ctx: Context,
    start: int,
    end: int,
    word: str,
    at: int,
    why: str,
    confidence: float,
) -> None:
    """``word`` is the input span as earlier edits left it; edits inside the span are subsumed."""
    if doc.word(start, end) is None:
        return  # an edit glues this word to a neighbour: judged by the join, not here
    if in_code(doc.source, start):
        return
    if among_debris(doc.source, start, end) or (
        ctx.model is not None
        and not in_prose(doc.view, len(doc.source), start, end, ctx.model.known)
    ):
        return  # OCR of a picture or a table: as read
    doc.add(
        Edit(
            "split-compound",
            start,
            end,
            f"{word[:at]}-{word[at:]}",
            step=STEP,
            confidence=confidence,
            evidence={"reason": why, "glued": word},
        )
    )
