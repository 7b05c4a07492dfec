"""Junction evidence: how a block ends, how the next one starts, and what a broken word was.

Every decision about hyphens and continuations is made here, once; reorder, join and dehyphenate
ask these functions and record what they answered in their Edits.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, NamedTuple

import regex

from sutun.config import RepairConfig
from sutun.document import Document
from sutun.lang import morphology
from sutun.lang.alphabet import (
    LINE_BREAK_LETTERS,
    VOWELS,
    is_turkic,
    lower,
    syllable_breaks,
    upper,
)
from sutun.lang.model import LanguageModel, end_rate

SOFT_HYPHEN = "\u00ad"
CLOSED_END = regex.compile(r"[.!?…:;—–][\"'»”’)\]]*$", regex.REVERSE)
OPEN_END = regex.compile(r"[\p{L}\p{N},()\[\]\"'»”’]$", regex.REVERSE)
LINE_END_HYPHENS = "\\-\u2010¬"
"""What extractors print for a line-end hyphen: ASCII, U+2010 HYPHEN, and OCR engines' ¬."""
HYPHEN_CHARS = "-\u2010¬"
CLOSED_END_CHARS = ".!?…:;—–\"'»”’)]"
"""The characters CLOSED_END can end on."""
DASH_END = regex.compile(r"\s[-–—]$", regex.REVERSE)
HYPHEN_END = regex.compile(
    rf"([\p{{L}}\p{{N}}]+(?:['’]\p{{L}}+)?%?)[{LINE_END_HYPHENS}]$", regex.REVERSE
)
LAYOUT_GLYPHS = "□■▪◾◼"
LEADING_GLYPHS = LAYOUT_GLYPHS + "•"
# A bullet cleanup left in place marks a list item (the lone ones are gone): not peeled off.
MARKUP_START = LAYOUT_GLYPHS + "*_"
LEADING_MARKUP = regex.compile(
    rf"(?:[{LAYOUT_GLYPHS}][ \t]*)?(\*{{1,3}}(?=[^\s*])|_{{1,3}}(?=[^\s_]))?"
)
TRAILING_EMPHASIS = regex.compile(r"(?<=[^\s*_])(?:\*{1,3}|_{1,3})$")
WORDY_END = regex.compile(r"[\p{L},][\"'»”’]?$", regex.REVERSE)
MARKDOWN_STRUCTURE = regex.compile(r"\s*(?:#{1,6}\s|!\[|(?:-{3,}|\*{3,}|_{3,})\s*$|\||```)")
MARKDOWN_LINE = regex.compile(r"\s*(?:>|<[A-Za-z!/])")
"""A line that opens a quote or HTML: markdown needs the line break before it."""
TITLE_CLOSED = regex.compile(r"[.!?…:;]$", regex.REVERSE)
INNER_STOP = re.compile(r"[.!?…] \S")
ABBREVIATED = re.compile(r"(?<![^\W\d_])[^\W\d_]{1,2}$")
"""A word of one or two letters before a full stop: an abbreviation or an initial (St., U.S.)."""


def inner_stop(core: str) -> bool:
    """A sentence ends inside ``core``: a stop and a space, not after an abbreviation."""
    return any(
        core[m.start()] != "." or not ABBREVIATED.search(core, 0, m.start())
        for m in INNER_STOP.finditer(core)
    )


TAIL = 64  # end-anchored patterns only ever look at a block's last characters
ENUMERATOR = regex.compile(r"^(?:(?:\p{Ll}|[ivx]{1,4}|\p{N}{1,3})[).]|[-–—•*])\s")
ITEM_MARK = regex.compile(r"(\d{1,3}|\p{Ll})([.)])\s")
"""A list item's mark that counts (1) 2), a. b.): the number or letter, and how it closes."""
FIRST_TOKEN = regex.compile(r"^[\p{L}\p{N}]+")
LAST_TOKEN = regex.compile(r"[\p{L}\p{N}]+$", regex.REVERSE)
# stdlib ``re`` for the document-wide scans: [^\W_] is \p{L}\p{N} and scans faster.
WORDS = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
TOKEN = re.compile(r"[^\W\d_]+")
TOKEN_CHAR = re.compile(r"[^\W\d_]")
FIND_LIMIT = 20
"""Occurrences of a word inside longer ones ``written_lower`` steps over before it collects the
document's tokens instead."""
STEM_LETTERS = 4
ENDING_LETTERS = 4
"""A word's first letters, all but ENDING_LETTERS and at least STEM_LETTERS, stand for it with
any case ending."""
INNER_SPACE = re.compile(r"\S\s+\S")
# A word: not part of an address, a number or a path.
WORD_TOKEN = re.compile(r"(?<![\w@/\\.])[^\W\d_]+(?![\w@/\\]|\.\w)")  # stdlib re: faster here
CLOSING_QUOTES = "\"'»”’"
OPENING_QUOTES = "\"'«“„‘(["
CURRENCY = "$€£₼₺¥"


@dataclass
class Context:
    """What a step may consult besides the document."""

    config: RepairConfig
    model: LanguageModel | None
    vocab: Counter[str] = field(default_factory=Counter)
    """The document's words inside lines, lower-cased, counted (``document_vocabulary``)."""
    edge_words: set[str] = field(default_factory=set)
    """The document's words at line edges, lower-cased."""
    glued: dict[str, str] = field(default_factory=dict)
    """Compounds (lexicon's and document's) by their glued spelling: ``elmitexniki`` → ``elmi-
    texniki``."""
    document: Document | None = None
    memo: dict[tuple, Any] = field(default_factory=dict)
    """Answers already given for this document (hyphen decisions, sentence starters)."""
    reread: Callable[[str, str | None], Document] | None = None
    """How the pipeline reads text into a Document, for a step that must judge its output as a
    second pass would."""
    _counts: Counter[str] | None = None
    _capitalised: dict[str, bool] = field(default_factory=dict)
    _vocabulary_read: bool = False

    def read_vocabulary(self) -> None:
        """Fill ``vocab`` and ``edge_words`` from the document, once, whichever step (or the
        gate) asks first."""
        if not self._vocabulary_read and self.document is not None:
            self.vocab, self.edge_words = document_vocabulary(self.document)
            self._vocabulary_read = True

    def written_lower(self, word: str) -> bool:
        """Whether the document writes ``word`` (lower-cased) in lower case somewhere, as a word
        of its own. A document asks about a few words: each is looked for with str.find, and
        the document's tokens are collected only when one turns up inside many longer words."""
        if self.document is None or not TOKEN.fullmatch(word):
            return False
        if self._counts is not None:
            return self._counts[word] > 0
        source = self.document.source
        at = source.find(word)
        for _ in range(FIND_LIMIT):
            if at == -1:
                return False
            glued_before = at and TOKEN_CHAR.match(source, at - 1)
            if not glued_before and not TOKEN_CHAR.match(source, at + len(word)):
                return True
            at = source.find(word, at + 1)
        return self.written(word) > 0

    def written(self, word: str) -> int:
        """How often the document writes ``word``, in this case, as a word of its own."""
        if self._counts is None:
            self._counts = Counter(TOKEN.findall(self.document.source if self.document else ""))
        return self._counts[word]

    def written_together(self, left: str, right: str) -> bool:
        """Whether the document writes ``left`` and then ``right`` (or a word with its first
        letters, another case ending of it: Şurası, Şurasında for Şurasının) side by side, a
        space apart."""
        source = self.document.source if self.document else ""
        stem = right[: max(STEM_LETTERS, len(right) - ENDING_LETTERS)]
        needle = f"{left} {stem}"
        at = source.find(needle)
        while at != -1:
            if not (at and TOKEN_CHAR.match(source, at - 1)):
                return True
            at = source.find(needle, at + 1)
        return False

    def capitalised_mid_sentence(self, word: str) -> bool:
        """Whether the document writes ``word`` capitalised after another word or a comma: then
        it is a name."""
        hit = self._capitalised.get(word)
        if hit is None:
            hit = self._capitalised[word] = _mid_sentence(
                self.document.source if self.document else "", word
            )
        return hit

    def lower(self, word: str, language: str | None) -> str:
        return lower(word, language)


def _mid_sentence(source: str, word: str) -> bool:
    at = source.find(word, 2)
    while at != -1:
        before, after = source[at - 2 : at], source[at + len(word) : at + len(word) + 1]
        if (
            before[1] in " \t"
            and (before[0].isalnum() or before[0] == ",")
            and not (after.isalnum())
        ):
            return True
        at = source.find(word, at + 1)
    return False


def words_of(doc: Document, ctx: Context) -> tuple[list[re.Match], list[str], Counter[str]]:
    """The document's words (not parts of addresses, numbers or paths), lower-cased, and how
    often each occurs; found once per document."""
    hit = ctx.memo.get(("words",))
    if hit is None:
        found = list(WORD_TOKEN.finditer(doc.source))
        lows = WORD_TOKEN.findall(doc.lowered())
        if len(lows) != len(found):  # a letter whose lower case is longer: go word by word
            lows = [lower(m.group(0), doc.language) for m in found]
        hit = ctx.memo[("words",)] = (found, lows, Counter(lows))
    return hit


def document_vocabulary(doc: Document) -> tuple[Counter[str], set[str]]:
    """The document's own words (lower-cased) from line interiors, counted (edge fragments
    would vote for themselves), and the words at line edges. A hyphenated word that opens a
    line with a capital (``Əl-Zorvadi``) is no fragment, and counts too."""
    words: list[str] = []
    edges: set[str] = set()
    source, lowered = doc.source, doc.lowered()
    aligned = len(lowered) == len(source)  # else a letter whose lower case is longer
    for b in doc.blocks:
        if b.kind == "furniture":
            continue
        block = source[b.start : b.end]
        text = lowered[b.start : b.end] if aligned else lower(block, doc.language)
        at = b.start
        for line in text.split("\n"):
            # Words are read through their soft hyphens (a browser's PDF keeps them all).
            found = WORDS.findall(read_through(line))
            if found:
                words += found[1:-1]  # a line's first and last words may be fragments
                if line.count("-") > 1:
                    words += [
                        w for c in found[1:-1] if c.count("-") > 1 for w in _inner_compounds(c)
                    ]
                edges.add(found[0])
                edges.add(found[-1])
                if aligned and "-" in found[0] and len(found) > 1 and found[0] in line:
                    first = at + line.index(found[0])
                    if source[first].isupper():
                        words.append(found[0])
            at += len(line) + 1
    return Counter(words), edges


def _inner_compounds(word: str) -> list[str]:
    """The compounds of words inside a longer hyphenated one (year-old in 44-year-old, next-of
    and of-kin in next-of-kin): the document spells them so too."""
    parts = word.split("-")
    return [
        "-".join(parts[i:j])
        for i in range(len(parts))
        for j in range(i + 2, len(parts) + 1)
        if (i, j) != (0, len(parts)) and all(p.isalpha() for p in parts[i:j])
    ]


GLUED_ODDS = 2
"""A document's hyphenated word is a compound unless the document writes it glued more than this
many times as often (an extractor that drops line-end hyphens glues a compound at most at the
line ends it falls on)."""


def glued_index(
    vocab: Counter[str], model: LanguageModel | None, source: str = ""
) -> dict[str, str]:
    """Glued spelling → compound, from the lexicon and from the document's own hyphenated words
    (unless the lexicon knows the glued spelling as a word of its own, or the document writes it
    glued far more often: ``istifa-də`` or ``texno-loji`` in a text is a hyphenation
    leftover, not a reason to split every ``istifadə``)."""
    own = {}
    for w, n in vocab.items():
        if "-" in w and not _word_then_suffixes(w, model, source):
            glued = w.replace("-", "")
            if (model is None or model.count(glued) == 0) and vocab.get(glued, 0) <= GLUED_ODDS * n:
                own[glued] = w
    lexicon = model.glued if model is not None else {}
    return {**lexicon, **own} if own else lexicon  # read-only: may be the model's own


def _word_then_suffixes(hyphenated: str, model: LanguageModel | None, source: str) -> bool:
    """A word of the language, a hyphen and suffixes (``güldanı-nın``): Turkic text hyphenates
    suffixes after numbers, acronyms and names only, so this hyphen was a line break's. A name is
    one the lexicon has, or one the document capitalises."""
    if model is None or not turkic(model.language):
        return False
    left, _, right = hyphenated.rpartition("-")
    return (
        morphology.suffix_chain(right)
        and model.known(left)
        and left not in model.names
        and upper(hyphenated[:1], model.language) + hyphenated[1:] not in source
    )


@dataclass(frozen=True)
class Ends:
    """A block's text with its markup peeled off its edges."""

    core: str
    emphasis_start: str  # the markdown emphasis mark opening the text (** bold, * italic), or ""
    emphasis_end: str  # the one closing it, or ""
    lead: int  # characters of markup/glyph before the core
    trail: int  # characters of markup after the core

    @classmethod
    @lru_cache(maxsize=8192)
    def of(cls, text: str) -> Ends:
        m = LEADING_MARKUP.match(text) if text[:1] in MARKUP_START else None
        lead = m.end() if m else 0
        t = TRAILING_EMPHASIS.search(text[-4:]) if text[-1:] in "*_" else None
        closing = t.group(0) if t and len(text) - len(t.group(0)) >= lead else ""
        if len(closing) != 2 and (m and m.group(1)) != closing and closing not in text[:-3]:
            closing = ""  # a lone asterisk after a word is a footnote mark, not emphasis
        core = text[lead : len(text) - len(closing)]
        return cls(core, (m.group(1) or "") if m else "", closing, lead, len(closing))


def is_closed(core: str) -> bool:
    """Ends a sentence, or is a lone capitalised word (a heading, a byline); a lone lower-case
    word is a fragment of a paragraph and ends as openly as the paragraph would."""
    end = core.rstrip()[-TAIL:]
    if end[-1:] in CLOSED_END_CHARS and CLOSED_END.search(end):
        return True
    return not INNER_SPACE.search(core) and not core.lstrip()[:1].islower()


CAPTION = regex.compile(
    r"\p{Lu}\p{L}*\.?[ \t]+\p{N}+(?:\.\p{N}+)*[.:)]?(?:[ \t]+[^\p{Ll}\s]|[ \t]*$)"
)
"""A word and a number, then a capital or nothing: Şəkil 2.4 Yeni…, Cədvəl 2, Figure 4: A…
(not İyun 12 tarixində…, a sentence that goes on)."""


def caption(line: str) -> bool:
    """A figure's or a table's caption, a chapter's number: a line that neither goes on from
    the text before it nor into the text after it."""
    line = line.strip()
    return title_like(line) and CAPTION.match(line) is not None


def last_line(core: str) -> str:
    return core.rstrip().rsplit("\n", 1)[-1]


def first_line(core: str) -> str:
    return core.lstrip().split("\n", 1)[0]


WEB_ADDRESS = regex.compile(r"^(?:https?://|www\.)[^\s/]+\.\p{L}{2,}(?:/\S*)?$", regex.IGNORECASE)
"""A line of nothing but a web address (a page footer with the paper's site)."""


def starts_lower(core: str) -> bool:
    """Starts in lower case (after any opening quote: “müharibənin … bəyanat”a goes on a
    sentence), and not as a list item or a web address on a line of its own."""
    first = core.lstrip(OPENING_QUOTES)[:1]
    return (
        first.islower()
        and not "\U0001d400" <= first <= "\U0001d7ff"  # a formula's math italic (𝑓, 𝑥)
        and not ENUMERATOR.match(core)
        and not WEB_ADDRESS.match(core.strip())
    )


TITLE_MAX = 200


def title_like(core: str) -> bool:
    return len(core) <= TITLE_MAX and "\n" not in core and not TITLE_CLOSED.search(core.strip())


BOTH_WORDS_MIN_COUNT = 5
"""Both halves of a line-end hyphen must be this frequent as words of their own to keep it."""
IN_WORD_MIN_COUNT = 100
IN_WORD_RATIO = 10
"""A hyphen read inside a word (``mürək-kəb``) is a line break's only where the lexicon counts
the word whole this often, and this many times as often as with the hyphen."""


@dataclass(frozen=True)
class HyphenDecision:
    join: bool
    confidence: float
    evidence: dict[str, Any]
    attested: bool = False  # backed by the document, the lexicon or the grammar
    inferred: bool = False  # by the suffix grammar or a name used bare, not a spelling seen


def hyphen_decision(
    left: str, right: str, ctx: Context, language: str | None, in_question: bool = False
) -> HyphenDecision:
    """``left-`` at a line end, ``right`` after it: one word broken by hyphenation (join), or a
    compound whose hyphen fell at the line end (keep)? ``in_question``: the document's
    ``left-right`` words are the ones being judged (a hyphen read inside a word), no evidence
    of their own spelling."""
    key = (left, right, language, in_question)
    hit = ctx.memo.get(key)
    if hit is None:
        hit = ctx.memo[key] = _hyphen_decision(left, right, ctx, language, in_question)
    return hit


def _spelt_stem(word: str, cut: int, ctx: Context) -> str:
    """The longest word of the document that ``word`` (lower case) starts with, past ``cut``,
    followed by nothing but suffixes (zorba-morba + nın), or ""."""
    for k in range(len(word) - 1, cut + 1, -1):
        if ctx.vocab.get(word[:k]) and morphology.suffix_chain(word[k:], word[:k]):
            return word[:k]
    return ""


def _suffixed_glued(name: str, ctx: Context) -> str:
    """A word of the document that is ``name`` (lower case) with suffixes glued on, when the
    document never writes the name with a hyphen before them; else ""."""
    glued = ""
    for w in ctx.vocab:
        if w.startswith(name) and len(w) > len(name):
            if w[len(name)] == "-":
                return ""
            if not glued and morphology.suffix_chain(w[len(name) :], name):
                glued = w
    return glued


SHORT_STEM = 4
"""Letters of a stem short enough to be a word's first syllable too (pi-, ba-, üz-)."""


def reduplicated(left: str, right: str) -> bool:
    """üz-üzə, gəlib-gəlmədiyini: the right part repeats the left one's stem. A short left part
    repeated at the right one's start is a reduplication only with suffixes after it, or none:
    pi-|pistrelles is a word broken after its first syllable."""
    if len(left) >= 2 and right.startswith(left):
        rest = right[len(left) :]
        return len(left) >= SHORT_STEM or not rest or morphology.suffix_chain(rest, left)
    shared = next(
        (k for k, (a, b) in enumerate(zip(left, right, strict=False)) if a != b),
        min(len(left), len(right)),
    )
    return shared >= 4 and 2 * shared >= len(left)


def _spelt_whole(joined: str, hyphened: str, ctx: Context, language: str | None) -> bool:
    """FI-|FA is FIFA where the document or the lexicon writes that, more than FI-FA (two
    acronyms, OPEC-|NATO, are never written as one)."""
    whole = ctx.vocab.get(lower(joined, language), 0)
    cut = ctx.vocab.get(lower(hyphened, language), 0)
    if ctx.model is not None:
        whole, cut = whole + ctx.model.count(joined), cut + ctx.model.count(hyphened)
    return whole > cut


def _word(part: str, m: LanguageModel) -> bool:
    """A word of its own: frequent, or an inflection of a frequent stem of five letters or more
    (``çəkilmə-nin``); a bare syllable (``rinin``) is often frequent too, as a web list's
    hyphenation debris, but is rarely inflected from a long stem."""
    if m.count(part) >= BOTH_WORDS_MIN_COUNT:
        return True
    stem = m.stem_of(part)
    return stem is not None and len(stem) >= 5 and m.count(stem) >= BOTH_WORDS_MIN_COUNT


POSSESSIVE = regex.compile(r"\p{L}['’]s$")
"""A name's English possessive (Sainsbury's-|nin): no suffix is written onto its s."""


def _hyphen_decision(
    left: str, right: str, ctx: Context, language: str | None, in_question: bool
) -> HyphenDecision:
    joined, hyphened = left + right, f"{left}-{right}"
    ev: dict[str, Any] = {"left": left, "right": right}
    if left.isupper() and right.isupper() and _spelt_whole(joined, hyphened, ctx, language):
        ev["reason"] = "an acronym cut in two: the document or the lexicon spells it whole"
        return HyphenDecision(True, 0.9, ev, attested=True)
    if left.removesuffix("%").isnumeric() or (left.isupper() and len(left) > 1):
        ev["reason"] = "number or acronym before the hyphen"
        return HyphenDecision(False, 0.9, ev)
    if POSSESSIVE.search(left):
        ev["reason"] = "an English possessive takes its suffixes after a hyphen"
        return HyphenDecision(False, 0.9, ev)
    jl, hl = lower(joined, language), lower(hyphened, language)
    doc_joined, doc_hyph = ctx.vocab.get(jl, 0), 0 if in_question else ctx.vocab.get(hl, 0)
    if right[:1].isupper() and not (left[:1].isupper() and doc_joined + doc_hyph):
        # A capital goes on a word only inside a name the document spells (Tik-|Tak: TikTak).
        ev["reason"] = "capital after the hyphen"
        return HyphenDecision(False, 0.9, ev)
    m = ctx.model
    lex_joined = m.count(joined) if m else 0
    lex_hyph = m.count(hyphened) if m else 0
    ev.update(
        doc_joined=doc_joined,
        doc_hyphenated=doc_hyph,
        lex_joined=lex_joined,
        lex_hyphenated=lex_hyph,
    )
    if doc_joined + doc_hyph:
        join = doc_joined >= doc_hyph
        ev["reason"] = "the document's own spelling"
        return HyphenDecision(join, 0.95, ev, attested=True)
    if turkic(language):
        joined_stem = _spelt_stem(jl, len(left), ctx)
        hyphened_stem = _spelt_stem(hl, len(left) + 1, ctx)
        if bool(joined_stem) != bool(hyphened_stem):
            ev["document_stem"] = joined_stem or hyphened_stem
            ev["reason"] = "the document's own spelling of the stem, then suffixes"
            return HyphenDecision(bool(joined_stem), 0.9, ev, attested=True)
    if in_question and lex_joined < max(IN_WORD_MIN_COUNT, IN_WORD_RATIO * lex_hyph):
        # Read inside a word, the hyphen is the word's own unless the lexicon knows the word
        # whole far better: web word lists keep a hyphenator's debris (za-man) and drop a
        # compound's hyphen (antisemitizm) at random.
        ev["reason"] = "a hyphen inside a word the lexicon does not know far better whole"
        return HyphenDecision(False, 0.7, ev)
    if lex_joined or lex_hyph:
        join = lex_joined >= lex_hyph
        ev["reason"] = "lexicon frequency"
        return HyphenDecision(join, 0.9, ev, attested=True)
    known_joined = m is not None and m.known(joined)
    if reduplicated(lower(left, language), lower(right, language)) and not known_joined:
        # A repeated stem joined into a word the grammar knows is a syllable repeated (ba-baları).
        ev["reason"] = "reduplication"
        return HyphenDecision(False, 0.9, ev, attested=True)
    if turkic(language) and _consonant_then_vowel(left, right, language):
        # Turkic hyphenation puts a consonant before a vowel on the next line with it (Kel-vor-
        # tun): a line that ends after it (Kelvort-|un) ends on the word's own hyphen.
        ev["reason"] = "a consonant and a vowel apart: no syllable break, the word's own hyphen"
        return HyphenDecision(False, 0.7, ev)
    if m is not None:
        suffix = m.grammar and morphology.suffix_chain(lower(right, language))
        both_words = (
            m.count(left) >= BOTH_WORDS_MIN_COUNT
            and _word(right, m)
            # a name breaks into word-like syllables (Max-well, Rush-den): no evidence of a compound
            and not left[:1].isupper()
            and len(left) > 2
            and len(right) > 2
            and not suffix
        )
        ev.update(grammar_joined=known_joined, parts_known=both_words)
        if known_joined:
            ev["reason"] = "suffix grammar accepts the joined word"
            return HyphenDecision(True, 0.8, ev, attested=True, inferred=True)
        if both_words:
            ev["reason"] = "both parts are words, the joined form is not"
            return HyphenDecision(False, 0.6, ev)
        if suffix and left[:1].isupper() and ctx.vocab.get(lower(left, language), 0):
            # The document names it bare elsewhere: a name, and the hyphen sets off its suffixes
            # (Zinke … Zinke-nin); a hyphenator cutting a name leaves no name on the left. Unless
            # the document writes the name's suffixes on without one (Zorqa … Zorqanın).
            glued = _suffixed_glued(lower(left, language), ctx)
            ev["document_suffixes"] = glued or "with a hyphen"
            if glued:
                ev["reason"] = "a name the document suffixes without a hyphen"
                return HyphenDecision(True, 0.6, ev, attested=True, inferred=True)
            ev["reason"] = "a name the document uses bare, then only suffixes"
            return HyphenDecision(False, 0.6, ev, attested=True, inferred=True)
        gain = m.char_logp(joined) - (m.char_logp(left) + m.char_logp(right)) / 2
        ev["char_gain"] = round(gain, 3)
    ev["syllable_break"] = len(left) in syllable_breaks(joined)
    if m is None and not turkic(language) and _both_written(left, right, ctx, language):
        # Without a model, the document's own words (not in Turkic text: its suffixes are words
        # as often, kitap-|tan).
        ev["reason"] = "both parts are words the document writes, the joined one it does not"
        return HyphenDecision(False, 0.55, ev)
    ev["reason"] = "default: line-end hyphens are mostly hyphenation"
    return HyphenDecision(True, 0.55, ev)


def _both_written(left: str, right: str, ctx: Context, language: str | None) -> bool:
    return (
        len(left) >= 3
        and len(right) >= 3
        and ctx.vocab.get(lower(left, language), 0) > 0
        and ctx.vocab.get(lower(right, language), 0) > 0
    )


def _consonant_then_vowel(left: str, right: str, language: str | None) -> bool:
    end, start = lower(left[-1:], language), lower(right[:1], language)
    return end.isalpha() and end not in VOWELS and start in VOWELS


@dataclass(frozen=True)
class Continuation:
    kind: str  # "hyphen" | "space" | "letter" (a drop cap goes on its word) | ""
    score: float
    join: bool = True  # for "hyphen": join the halves (True) or keep the hyphen
    evidence: dict[str, Any] = field(default_factory=dict)


NONE = Continuation("", 0.0)


STEM_JOIN_SCORE = 2.5
"""A broken word whose beginning, past the hyphen, the document writes in another word."""
STEM_REACH = 2
"""Letters past the hyphen that a word of the document must share with the joined one."""
STEM_MIN = 6
"""Letters that shared beginning must have at least."""


def _stem_written(left: str, right: str, ctx: Context, language: str | None) -> bool:
    """Whether a word the document writes inside a line begins as ``left`` + ``right`` do, some
    letters past the hyphen (polit-|ikasındaki beside politikası): its stem runs across the
    break, as it would not into another fragment's word (polit-|nu). Text without a lexicon has
    only this for evidence."""
    joined = lower(left + right, language)
    reach = len(left) + STEM_REACH
    if len(joined) < max(reach, STEM_MIN):
        return False
    words = ctx.memo.get(("sorted vocabulary",))
    if words is None:
        words = ctx.memo[("sorted vocabulary",)] = sorted(ctx.vocab)
    start = joined[: max(reach, STEM_MIN)]
    k = bisect.bisect_left(words, start)
    return k < len(words) and words[k].startswith(start) and words[k] != joined


def word_across(c: Continuation) -> bool:
    """A hyphen join into a word the evidence knows: prose on both sides, never letter debris."""
    return c.kind == "hyphen" and c.score >= STRONG_HYPHEN


STRONG_HYPHEN = 3.0
SEEN_JOIN_SCORE = 3.5
"""A broken word whose whole spelling the document or the lexicon holds."""
INFERRED_JOIN_SCORE = STRONG_HYPHEN
"""A broken word only the suffix grammar accepts: the grammar accepts some joins of the wrong
fragments too (a stem's first syllables with another word's suffixes), so a spelling seen wins."""


class Tail(NamedTuple):
    """What a continuation needs from the end of block A (computed once per text)."""

    emphasis: str  # the emphasis mark closing A (** or *), or ""
    core: str  # markup peeled, trailing space stripped
    hyphen: str  # the word before a final hyphen, or ""
    open: bool  # no closing punctuation, ends in a word, comma or closing mark
    quoted: bool  # ends in a closing quote
    dash: bool  # ends in a dash after a space (“…”, – deyə…): a quote's attribution may follow
    wordy: bool  # ends in a letter or comma (a closing quote may follow)
    last: str  # the last word
    words: int  # how many words
    abbreviation: str  # ends on an initial (Z.) or an ordinal (8.), which sentences go on past
    parenthesis: bool  # a parenthesis opened and not closed
    listed: bool  # ends on the last item of a list (unpunctuated as items are)


class Head(NamedTuple):
    """What a continuation needs from the start of block B (computed once per text)."""

    emphasis: str  # the emphasis mark opening B, or ""
    core: str  # markup peeled, leading space stripped
    first: str  # the first word, or ""
    lower: bool  # starts in lower case and is not a list item
    enumerated: bool  # starts like a list item
    capital: str  # the first word after any opening quotes, or ""
    parenthesis: bool  # closes a parenthesis it did not open
    caption: bool  # its first line is a caption (Şəkil 2.4 …, Cədvəl 4)


@lru_cache(maxsize=4096)
def tail_of(text: str) -> Tail:
    e = Ends.of(text)
    core = e.core.rstrip()
    tail = core[-TAIL:]
    # A pattern anchored at the end is asked only when the last character can end its match.
    hy = HYPHEN_END.search(tail) if tail[-1:] in HYPHEN_CHARS else None
    last = LAST_TOKEN.search(tail)
    return Tail(
        emphasis=e.emphasis_end,
        core=core,
        hyphen=hy.group(1) if hy else "",
        open=bool(core) and not is_closed(core) and bool(OPEN_END.search(tail)),
        quoted=tail[-1:] in CLOSING_QUOTES,
        dash=tail[-1:] in "-–—" and bool(DASH_END.search(tail)),
        wordy=bool(WORDY_END.search(tail)),
        last=last.group(0) if last else "",
        words=len(core[-8 * TAIL :].split()),  # enough to tell a heading from a sentence
        abbreviation=abbreviation(tail),
        parenthesis=core.rfind("(") > core.rfind(")"),
        listed="\n" in core and ends_a_list(core),
    )


LIST_ITEM = regex.compile(rf"^[ \t]*(?:[-*+•][ \t]|{ITEM_MARK.pattern})", regex.MULTILINE)
"""A line that opens a list item: a markdown bullet, or ITEM_MARK's number or letter."""


def ends_a_list(core: str) -> bool:
    """The last line is an item of a list written as one: lines of their own that open with a
    bullet or a number, two or more of them."""
    last = core.rfind("\n") + 1
    return LIST_ITEM.match(core, last) is not None and LIST_ITEM.search(core, 0, last) is not None


INITIAL = regex.compile(r"(?:^|[\s.(])\p{Lu}\.$", regex.REVERSE)
ORDINAL = regex.compile(r"(?:^|\s)\p{N}{1,3}\.$", regex.REVERSE)


def abbreviation(tail: str) -> str:
    """``initial`` for a lone capital with a full stop (R. Quliyev, M.S. Ordubadi), ``ordinal``
    for a number of up to three digits with one (8. səhifə: Turkic and German ordinals)."""
    if tail[-1:] != "." or not (tail[-2:-1].isupper() or tail[-2:-1].isdigit()):
        return ""
    if INITIAL.search(tail):
        return "initial"
    if ORDINAL.search(tail):
        return "ordinal"
    return ""


@lru_cache(maxsize=4096)
def head_of(text: str) -> Head:
    e = Ends.of(text)
    core = e.core.lstrip()
    first = FIRST_TOKEN.match(core)
    capital = FIRST_TOKEN.match(core.lstrip(OPENING_QUOTES + CURRENCY))
    return Head(
        emphasis=e.emphasis_start,
        core=core,
        first=first.group(0) if first else "",
        lower=starts_lower(core),
        enumerated=bool(ENUMERATOR.match(core)),
        capital=capital.group(0) if capital else "",
        parenthesis=_closes_unopened(core),
        caption=caption(first_line(core)),
    )


def _closes_unopened(core: str) -> bool:
    close = core.find(")")
    return close != -1 and not 0 <= core.find("(") < close


HEADING = regex.compile(r"(#{1,6})[ \t]+")


def heading_goes_on(a: str, b: str) -> int:
    """The length of ``b``'s heading mark when ``b`` is a heading of ``a``'s level that goes on
    in lower case (a headline set on two lines, extracted as two headings), else 0."""
    if a[:1] != "#" or b[:1] != "#":
        return 0
    ma, mb = HEADING.match(a), HEADING.match(b)
    if not (ma and mb and ma.group(1) == mb.group(1)) or "\n" in a.strip() or "\n" in b.strip():
        return 0
    if CLOSED_END.search(a.rstrip()[-TAIL:]) or not b[mb.end() :][:1].islower():
        return 0
    return mb.end()


PROSE_SHARE = 0.5
"""Of the visible characters of prose, the share that runs of three letters or more make up at
least (less is letter debris: the OCR of a picture or a table, `Xk 7 üq Bə 31 .. ğl Ş 9 o`)."""
MIN_LEXICON = 50_000
"""A model needs this many words (or a suffix grammar) before unknown words mean errors, or
letter debris."""
KNOWN_SHARE = 0.5
"""Of the words of prose (three letters or more), the share the model knows at least (with at
least KNOWN_SHARE_MIN_WORDS of them; fewer say nothing: `Ek Bs nonum qerdu sMloka` is debris)."""
KNOWN_SHARE_MIN_WORDS = 3
LETTER_RUNS = re.compile(r"[^\W\d_]{3,}")
DEBRIS_SPAN = 300
"""Characters of a block's opening that tell debris from prose (a block is one or the other)."""
DEBRIS_MIN = 40
"""Visible characters a block needs before it can be judged debris (a fragment ``di.`` is not)."""


def read_through(text: str) -> str:
    """The text without its soft hyphens: a browser's PDF keeps every one, inside words."""
    return text.replace(SOFT_HYPHEN, "") if SOFT_HYPHEN in text else text


def thin_letters(text: str, min_visible: int = 0) -> bool:
    """Runs of three letters or more fill less than PROSE_SHARE of the visible characters (of
    at least ``min_visible``): letter debris, not prose."""
    visible = len("".join(text.split()))
    letters = len(text) - len(LETTER_RUNS.sub("", text))
    return visible >= min_visible and letters < PROSE_SHARE * visible


PROSE_WINDOW = 50
"""Characters looked at on each side of a word to tell whether it stands in prose (across block
edges: blocks the joins make one read as one paragraph on a second pass)."""


def in_prose(
    read: Callable[[int, int], str], size: int, start: int, end: int, known: Callable[[str], bool]
) -> bool:
    """Whether the word at ``start:end`` of a text ``size`` long (``read(a, b)`` gives its
    characters) stands in prose. OCR of a picture or a table reads as letter debris (`Xk 7 üq
    Bə 31 .. ğl Ş 9 o`, `Ek Bs nonum qerdu sMloka`): runs of letters must fill the window, and
    words the model knows must be the most of them."""
    lo, hi = max(0, start - PROSE_WINDOW), min(size, end + PROSE_WINDOW)
    if thin_letters(read(lo, hi)):
        return False
    # The outermost runs may be words the window cut.
    neighbours = LETTER_RUNS.findall(read(lo, start))[1:] + LETTER_RUNS.findall(read(end, hi))[:-1]
    if len(neighbours) < KNOWN_SHARE_MIN_WORDS:
        return True
    return sum(map(known, neighbours)) >= KNOWN_SHARE * len(neighbours)


DEBRIS_WINDOW = 50
"""Characters looked at on each side of a word to tell whether it stands in letter debris."""


def in_code(text: str, start: int) -> bool:
    """Whether ``text[start]`` stands inside a markdown code span (`azwiki-sentences/`): an odd
    number of backticks before it on its line (within CODE_REACH). A name in code is spelt as its
    program needs."""
    line = max(text.rfind("\n", max(0, start - CODE_REACH), start) + 1, start - CODE_REACH)
    return text.count("`", max(0, line), start) % 2 == 1


CODE_REACH = 1000
"""Characters looked back for a code span's opening backtick (a text of one huge line is asked
no further)."""


def among_debris(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` stands in letter debris (``7ıq 45 :3 HŞs``), where a
    'repair' only turns debris into other debris; looked at within its paragraph."""
    lo = max(0, start - DEBRIS_WINDOW, text.rfind("\n\n", 0, start))
    hi = text.find("\n\n", end, end + DEBRIS_WINDOW)
    return thin_letters(text[lo : hi if hi != -1 else end + DEBRIS_WINDOW])


def debris(text: str, ctx: Context, at_end: bool = False) -> bool:
    """Letter debris, the OCR of a picture or a table (``ks T a 4 üq r . 7 zo``, leader dots):
    never a fragment to move or join. Runs of three letters or more fill less than PROSE_SHARE
    of its visible characters (whatever the language, and whatever a model knows: a model
    learned from a few articles knows too few words to tell prose by them)."""
    key = ("debris", text, at_end)
    hit = ctx.memo.get(key)
    if hit is None:
        # The paragraph at the junction: earlier edits may have cut a block in two (a blank
        # line), and a second pass reads the two apart.
        if at_end:
            opening = text.rsplit("\n\n", 1)[-1][-DEBRIS_SPAN:]
        else:
            opening = text.split("\n\n", 1)[0][:DEBRIS_SPAN]
        hit = ctx.memo[key] = thin_letters(opening, DEBRIS_MIN) or _unknown_words(opening, ctx)
    return hit


def _unknown_words(text: str, ctx: Context) -> bool:
    """Runs of letters most of which a large lexicon does not know: OCR of a picture (``qo
    vülpa zz ö``, ``b nııxxomnuuu``); a model learned from a few articles knows too few words
    to tell."""
    model = ctx.model
    if model is None or len(model.words) < MIN_LEXICON:
        return False
    words = LETTER_RUNS.findall(text)
    letters = sum(map(len, words))
    if letters < DEBRIS_LETTERS:
        return False
    enough, known = DEBRIS_KNOWN_SHARE * letters, 0
    for w in words:  # prose shows enough known words in its first few: asked one by one
        if model.known(w):
            known += len(w)
            if known >= enough:
                return False
    return True


DEBRIS_KNOWN_SHARE = 0.25
"""Of those letters, the share in words the model knows below which a block end is debris: prose
with names, half-words and rare forms keeps far more (a line's fragment of a dev article with a
name, a half-word and a rare verb form: 0.46)."""
DEBRIS_LETTERS = 30
"""Letters (in runs of three or more) a block end must show to be judged by its known words,
counted by letters: a line's fragment holds a name or a half-word, debris long runs of none."""


@lru_cache(maxsize=8192)  # asked of each block once per pair it is scored in
def structural(text: str) -> bool:
    """A markdown heading, image, rule, table row or code fence: layout, never a fragment."""
    return bool(MARKDOWN_STRUCTURE.match(text))


def forget_blocks() -> None:
    """Answers about block texts are kept for one document: in a corpus no other document asks
    about the same text, and a benchmark that repeats its documents must not be answered from
    memory."""
    for cached in (tail_of, head_of, structural, Ends.of.__func__):
        cached.cache_clear()


def continuation(a: str, b: str, ctx: Context, language: str | None) -> Continuation:
    """How strongly block text ``b`` reads as the direct continuation of block text ``a``."""
    ta, hb = tail_of(a), head_of(b)
    if ta.emphasis != hb.emphasis or not ta.core or not hb.core or structural(a) or structural(b):
        return NONE
    if hb.caption:
        return NONE  # a caption (Şəkil 2.1 …, Cədvəl 4) goes on from nothing
    if hb.lower and hb.first and DROP_CAP.fullmatch(ta.core):
        return _drop_cap(ta, hb, ctx, language)
    if ta.hyphen and hb.first and not hb.enumerated:
        extra: dict[str, Any] = {}
        d = hyphen_decision(ta.hyphen, hb.first, ctx, language)
        if hb.core[:1].islower():
            syllabic = d.join and len(ta.hyphen) in syllable_breaks(ta.hyphen + hb.first)
            if len(hb.first) < LINE_BREAK_LETTERS:
                score = 1.0  # a typesetter leaves two letters or more after a line-end hyphen
            elif d.attested:
                score = INFERRED_JOIN_SCORE if d.inferred else SEEN_JOIN_SCORE
            elif d.join and _stem_written(ta.hyphen, hb.first, ctx, language):
                score, extra = STEM_JOIN_SCORE, {"stem_in_document": True}
            else:
                score = 2.0 if syllabic and not _stray(ta, hb, ctx) else 1.0
        elif d.attested:
            score = 1.5
        else:
            # A word broken before a capital goes on into a name (Black-|Daley), not into a
            # word that opens sentences (Black-|Üç).
            score = 0.3 if sentence_starter(hb.first, ctx, language) else 0.6
        ev = {"a_end": ta.core[-20:], "b_start": hb.core[:20], **d.evidence, **extra}
        return Continuation("hyphen", score, d.join, ev)
    if hb.enumerated:
        return NONE  # a list item starts a paragraph of its own (its "2)" closes nothing)
    ev: dict[str, Any] = {"a_end": ta.core[-20:], "b_start": hb.core[:20]}
    if ta.parenthesis and hb.parenthesis and (ta.open or ta.abbreviation):
        ev["parenthesis"] = True  # A opens one, B closes it: a sentence goes on across
        return Continuation("space", PARENTHESIS_SCORE + 0.5 * hb.lower, True, ev)
    if ta.abbreviation == "ordinal" and hb.lower:
        ev["ordinal"] = True
        return Continuation("space", ORDINAL_SCORE, True, ev)
    if ta.abbreviation == "initial" and hb.capital:
        # R. | Quliyev, S. | Vurğun: an initial goes on into its name, whatever else the name
        # means; not into a word the document itself writes in lower case (vitamin C. | Bu).
        if ctx.written_lower(lower(hb.capital, language)):
            return NONE
        ev["initial"] = True
        return Continuation("space", NAME_SCORE, True, ev)
    if ta.dash and hb.lower:
        ev["dash"] = True  # only into lower case: a heading or list intro ends in a dash too
        return Continuation("space", 2.0, True, ev)
    if ta.core.endswith(":") and (hb.lower or hb.core[:1] in OPENING_QUOTES):
        # A colon introduces what its sentence quotes (dedi: “…”) or goes on to, in the same
        # paragraph as often as not; a list's items (enumerated) start their own.
        ev["colon"] = True
        return Continuation("space", COLON_SCORE + 0.5 * hb.lower, True, ev)
    if not ta.open:
        return NONE
    if ta.quoted:  # a closing quote often ends the quoted sentence
        ev["closing_quote"] = True
    if hb.lower:
        score = 1.0 if ta.quoted else 2.0
        if ctx.model is not None and ta.last and hb.first and ctx.model.bigram(ta.last, hb.first):
            score += 0.5
            ev["bigram"] = True
        elif ta.last and hb.first and ctx.written_together(ta.last, hb.first):
            # The document's own pair, elsewhere: text without a model has only this.
            score += 0.5
            ev["document_bigram"] = True
        return Continuation("space", score, True, ev)
    if _thousands(ta, hb):
        ev["number_goes_on"] = True  # 15 | 000 dollar: a thousands separator's space
        return Continuation("space", 2.0, True, ev)
    if ta.listed:
        return NONE  # a list's items go unpunctuated: a capital after the last starts anew
    if _name_written_whole(ta, hb, ctx, language):
        # …BMT Təhlükəsizlik | Şurasının…: the document writes the two capitalised words
        # together elsewhere, a name of several words that a column end cut, however short the
        # fragment before it.
        ev["name_written_whole"] = True
        return Continuation("space", NAME_SCORE, True, ev)
    if hb.capital[:1].isupper() and _quote_left_open(ta.core):
        # … dedi ki, “Eylid | Şotlandiya …: a quote opened and not closed goes on, whatever its
        # next word, however short the text before it.
        ev["quote_left_open"] = True
        return Continuation("space", QUOTE_OPEN_SCORE, True, ev)
    # B starts with a capital: a sentence cannot end without punctuation, but a heading can
    # (not on a comma).
    comma = ta.core.endswith(",")
    short = ta.words < ctx.config.space_join_min_words and not comma
    if not hb.capital or not ta.wordy or (short and not _function_word_end(ta, ctx)):
        return NONE
    starter = sentence_starter(hb.capital, ctx, language)
    ev["sentence_starter"] = starter
    if short:
        # A paragraph's first words at a column's foot (…məşqdən sonra | Ceymsdən…): a heading
        # or caption ends on no function word; into a name only, not a sentence's first word.
        if starter or hb.core[:1] in OPENING_QUOTES:
            return NONE
        ev["function_word_end"] = True
        return Continuation("space", 0.8, True, ev)
    if comma:
        # A list item ends in a comma too: next to it, join; from afar, never move for it. Never
        # into a word that opens sentences (…, | Bu gün), unless it opens a quote.
        if starter and hb.core[:1] not in OPENING_QUOTES:
            return NONE
        return Continuation("space", 0.9, True, ev)
    name_end = (_name_end(ta) and not _title_case(ta)) or (_acronym_end(ta) and _prose(ta))
    if name_end and not opens_sentences(hb.capital, ctx, language):
        # A ends inside a name (…Senato Yargıçlar | Komitesinin…, …Mayk | Trudel…, …deyə
        # BBC | Radio 4-ün…); not into one of the document's function words (a headline ending
        # on a name, then | It rained…).
        ev["name_goes_on"] = True
        return Continuation("space", NAME_SCORE, True, ev)
    if ends_on_a_word_no_sentence_ends_on(a, ctx):
        ev["a_never_ends_a_sentence"] = True
        return Continuation("space", 0.8, True, ev)
    if starter or ta.quoted or _title_case(ta):
        return NONE  # in title case: a headline over its text
    if _usually_ends(ta.last, ctx, language):
        return NONE  # a paragraph left without its full stop
    return Continuation("space", 0.8, True, ev)


QUOTE_OPEN_SCORE = 0.8


def _quote_left_open(core: str) -> bool:
    """The text ends on a word inside a quote it opened (typographic marks only: a straight
    quote opens and closes alike)."""
    if not core[-1:].isalpha():
        return False
    if "„" in core:  # „…“ quotes close on the mark others open with
        return core.count("„") > core.count("“") + core.count("”")
    return core.count("“") + core.count("«") > core.count("”") + core.count("»")


def _function_word_end(ta: Tail, ctx: Context) -> bool:
    return (
        ctx.model is not None
        and ta.last[:1].islower()
        and not ta.quoted
        and not ta.listed
        and ctx.model.function_word(ta.last)
    )


def _name_written_whole(ta: Tail, hb: Head, ctx: Context, language: str | None) -> bool:
    """A ends on a capitalised word and B starts with one, and the document writes the two
    side by side elsewhere, neither one a function word of its own (…, | The)."""
    return (
        _name_end(ta)
        and hb.first == hb.capital
        and hb.capital[:1].isupper()
        and not hb.capital.isupper()
        and ctx.written_together(ta.last, hb.capital)
        and not opens_sentences(hb.capital, ctx, language)
    )


DROP_CAP = regex.compile(rf"[{regex.escape(OPENING_QUOTES)}]?\p{{Lu}}")
"""A block of one capital letter: a drop cap, set apart from the rest of its word."""


def _drop_cap(ta: Tail, hb: Head, ctx: Context, language: str | None) -> Continuation:
    """A drop cap goes back on its word (Ü | çlü → Üçlü) when the model or the document knows
    the word whole and not what the block after it starts with."""
    letter = ta.core.lstrip(OPENING_QUOTES)
    whole, rest = lower(letter + hb.first, language), lower(hb.first, language)
    model = ctx.model
    # The word whole may start a line (a line's edge words are whole but for a broken one's
    # parts, which the block after a drop cap is not).
    seen = ctx.vocab.get(whole, 0) > 0 or whole in ctx.edge_words
    known = (model is not None and model.known(whole)) or seen
    alone = (model is not None and model.count(rest) > 0) or ctx.vocab.get(rest, 0) > 0
    if not known or alone:
        return NONE
    ev = {"drop_cap": letter, "word": letter + hb.first}
    return Continuation("letter", SEEN_JOIN_SCORE, True, ev)


def _usually_ends(word: str, ctx: Context, language: str | None) -> bool:
    rate = (
        ctx.model.end_rate(word)
        if ctx.model is not None
        else document_end_rate(word, ctx, language)
    )
    return rate is not None and rate >= USUALLY_ENDS


def _stray(ta: Tail, hb: Head, ctx: Context) -> bool:
    """A join no lexicon knows whose right part is a word of its own (kompo-|və) is as likely a
    fragment met by the wrong block; not a name's syllable (Dek-|lan) nor a suffix (-|dan)."""
    return (
        ctx.model is not None
        and not ta.hyphen[:1].isupper()
        and _word(hb.first, ctx.model)
        and not (turkic(ctx.model.language) and morphology.suffix_chain(ctx.model.norm(hb.first)))
    )


THOUSANDS = regex.compile(r"(?:^|[^\p{N}.,])\p{N}{1,3}$")


def _thousands(ta: Tail, hb: Head) -> bool:
    """A ends on a number of one to three digits, B starts with three more."""
    return (
        len(hb.first) == 3
        and hb.first.isdigit()
        and ta.last.isdigit()
        and bool(THOUSANDS.search(ta.core[-8:]))
    )


COLON_SCORE = 1.0
"""A ends on a colon and B opens a quote (or goes on in lower case)."""
PARENTHESIS_SCORE = 2.5
"""A continues into B when A leaves a parenthesis open and B closes one it did not open."""
ORDINAL_SCORE = 1.5
"""A ends on an ordinal (8.) and B starts in lower case: likely, though a number can end a
sentence too and B may be another block's continuation."""


USUALLY_ENDS = 0.5
"""A word that ends sentences this often (a finite verb), unpunctuated before a capital, ends
its paragraph."""


NAME_SCORE = 0.9
"""A block ending inside a name goes on into the next one; from afar this is too weak to move
blocks for (measured: moves for it lost more documents than they won)."""


PROSE_WORDS = 10
"""A block this long, with punctuation inside, is a paragraph rather than a heading or caption."""
INNER_PUNCTUATION = regex.compile(r"[.,;:!?]\s")


def _name_end(t: Tail) -> bool:
    """Ends, unpunctuated, on a capitalised word that is not an acronym."""
    return t.last[:1].isupper() and not t.last.isupper() and not t.quoted


def _title_case(t: Tail) -> bool:
    """A headline in title case (Why Trump Will Win a Second Term): not a name cut off, though
    it ends on one capitalised word as a name would."""
    words = t.core[-8 * TAIL :].split()
    if len(words) < TITLE_CASE_WORDS or not t.last[:1].isupper():
        return False  # title case capitalises the last word, whatever it is
    capitalised = [w[:1].isupper() for w in words]
    # Style books leave short words in lower case (… Books Move to a New Home by the River).
    return sum(capitalised) >= TITLE_CASE_SHARE * len(words) or all(
        up for w, up in zip(words, capitalised, strict=True) if len(w) > TITLE_CASE_MINOR
    )


TITLE_CASE_WORDS = 4
TITLE_CASE_SHARE = 0.75
TITLE_CASE_MINOR = 3
"""Words this short (of, to, the, and) title case may leave in lower case."""


def _acronym_end(t: Tail) -> bool:
    """Ends, unpunctuated, on an acronym (a heading or a credit line may; prose does not)."""
    return len(t.last) > 1 and t.last.isupper() and t.last.isalpha() and not t.quoted


def _prose(t: Tail) -> bool:
    """Long and punctuated inside: a paragraph rather than a heading or caption."""
    return t.words >= PROSE_WORDS and bool(INNER_PUNCTUATION.search(t.core[-8 * TAIL :]))


def ends_inside_a_name(text: str) -> bool:
    """A paragraph of prose whose last word is a capitalised one or an acronym with no full stop
    after it: a name cut off by a column end (… Senato Yargıçlar, … deyə BBC)."""
    t = tail_of(text)
    return (
        t.open
        and t.wordy
        and not t.listed
        and (_name_end(t) or _acronym_end(t))
        and _prose(t)
        and not _title_case(t)
    )


def new_title(before: str, text: str, after: str) -> bool:
    """A headline inside the document (a record may hold several articles): a line of its own
    after a closed block, one sentence without its full stop, over a lead set in bold (as the
    first headline is)."""
    if not after[:8].lstrip().startswith("**") or len(text) > 2 * TITLE_MAX:
        return False  # the common cases, asked first
    core = Ends.of(text).core.strip()
    if not title_like(core) or not core[:1].isupper() or inner_stop(core):
        return False
    if tail_of(text).hyphen or core.endswith(","):
        return False  # a word or a sentence goes on
    lead = head_of(after)
    if lead.emphasis != "**" or not lead.capital[:1].isupper():
        return False
    # After an open block too when the bold block is a lead, not a bold subheading: a record's
    # articles are cut into fragments, and the one before a headline may be any of them.
    return is_closed(Ends.of(before).core) or len(lead.core.split(None, LEAD_WORDS)) > LEAD_WORDS


LEAD_WORDS = 12
"""A bold block of more words than this is a lead paragraph, not a bold subheading."""


def headline_inside(text: str, after: str, ctx: Context, language: str | None) -> bool:
    """A headline inside the document, its lead not in bold: one capitalised line, no sentence
    end inside it and none at its end, over a capitalised block. Either it ends on a word
    sentences end on (a finite verb: …park açtı) or is set in title case, and does not go on
    into that block; or, ending on neither a name nor a common word, the block opens by naming
    again what the line names (… wins the chess title at fourteen | Sarah Lane, 14, …: a lead
    restates its headline's subject)."""
    if len(text) > 2 * TITLE_MAX:
        return False  # the common case, asked first
    core = Ends.of(text).core.strip()
    if not title_like(core) or not core[:1].isupper() or inner_stop(core):
        return False
    first = head_of(after).capital
    if not first[:1].isupper():
        return False
    t = tail_of(text)
    if not t.open or not t.wordy or t.hyphen or t.core.endswith(",") or t.listed:
        return False
    if _title_case(t) or _usually_ends(t.last, ctx, language):
        return continuation(text, after, ctx, language).score == 0
    if _name_end(t) or ctx.written(lower(t.last, language)) >= FUNCTION_WORD_MIN:
        # On a name the lead may go on (… the new coach Anna | Berg, …); on a word the document
        # writes often in lower case, a sentence does (… with Berg still to | Berg's team …).
        return False
    subject = TOKEN.findall(head_of(after).core[:SUBJECT_SPAN])[:2]
    if subject and opens_sentences(subject[0], ctx, language):
        subject = subject[1:]  # The | Harbour master has written…
    named = TOKEN.findall(core)
    return bool(subject) and len(subject[0]) >= RESTATED_LETTERS and subject[0] in named


def heads_an_article(
    before: str, text: str, after: str, ctx: Context, language: str | None
) -> bool:
    """Block text ``text``, between ``before`` and ``after``, is a headline inside the document
    (over a bold lead, or by :func:`headline_inside`): nothing goes on into it, nor from it."""
    return new_title(before, text, after) or headline_inside(text, after, ctx, language)


RESTATED_LETTERS = 3
"""A word the lead opens with names the headline's subject again if it is this long (not a
function word, not an initial)."""
SUBJECT_SPAN = 60
"""Characters of the lead read for the word it opens with (past an article: The Harbour …)."""


def ends_on_a_word_no_sentence_ends_on(text: str, ctx: Context) -> bool:
    """A block of prose whose last word, unpunctuated, is one sentences never end on (a
    conjunction, a participle, a genitive: … qəhrəmanı olan): cut off by a column end."""
    t = tail_of(text)
    return (
        t.open
        and t.wordy
        and not t.listed
        and not t.quoted
        and t.words >= ctx.config.space_join_min_words
        and ctx.model is not None
        and ctx.model.never_ends(t.last)
    )


def sentence_starter(word: str, ctx: Context, language: str | None) -> bool:
    """A capitalised word that is usually written in lower case starts a sentence; a name does
    not. The document's own mid-sentence spelling decides first, then the lexicon."""
    key = (word, language)
    hit = ctx.memo.get(key)
    if hit is None:
        hit = ctx.memo[key] = _sentence_starter(word, ctx, language)
    return hit


def document_end_rate(word: str, ctx: Context, language: str | None) -> float | None:
    """Without a model, how often the document itself ends a sentence on ``word`` (or, seen too
    rarely, on words ending like it), read as a model reads its training text: a language's
    finite verbs (açıkladı, bildirdi) end its sentences, and a headline on one is a sentence
    without its full stop."""
    if ctx.document is None:
        return None
    ends = ctx.memo.get(("sentence ends",))
    if ends is None:
        ends = ctx.memo[("sentence ends",)] = SentenceEnds(ctx.document.lowered())
    w = lower(word, language)
    return end_rate(ends, w, DOCUMENT_ENDS_MIN_WORD, DOCUMENT_ENDS_MIN_SUFFIX)


DOCUMENT_ENDS_MIN_WORD = 2
DOCUMENT_ENDS_MIN_SUFFIX = 6
"""Occurrences a word (an ending) needs in one document before its sentence-end rate counts."""


class SentenceEnds:
    """A document's sentence-end counts keyed as a model's (``ends_from_text``: a word, or
    ``~`` and an ending), an ending summed only when asked: a document is asked about a few
    words, and summing every word's two endings up front costs more than its repair."""

    def __init__(self, lowered: str):
        found = SENTENCE_WORDS.findall(lowered)
        self.seen = Counter(w for w, _ in found)
        self.ends = Counter(w for w, end in found if end)
        self.endings: dict[str, tuple[int, int]] = {}

    def get(self, key: str, default: tuple[int, int] | None = None) -> tuple[int, int] | None:
        if not key.startswith("~"):
            return (self.ends[key], self.seen[key]) if key in self.seen else default
        hit = self.endings.get(key)
        if hit is None:
            ending = key[1:]
            like = [w for w in self.seen if len(w) > len(ending) and w.endswith(ending)]
            hit = self.endings[key] = (
                sum(self.ends[w] for w in like),
                sum(self.seen[w] for w in like),
            )
        return hit


SENTENCE_WORDS = re.compile(r"([^\W\d_]+)([.!?…]?)")


def opens_sentences(word: str, ctx: Context, language: str | None) -> bool:
    """A function word of the document (The, It, Bu): written in lower case at least
    FUNCTION_WORD_MIN times, and FUNCTION_WORD_ODDS times as often as capitalised. No name goes
    on into it; a noun a name takes in (State, Police) the document writes in lower case less
    often. Counted by case alone, which no repair changes (a second pass counts the same)."""
    lw = lower(word, language)
    if lw == word:
        return False
    written_lower, capitalised = ctx.written(lw), ctx.written(word)
    return written_lower >= max(FUNCTION_WORD_MIN, FUNCTION_WORD_ODDS * capitalised)


FUNCTION_WORD_MIN = 3
FUNCTION_WORD_ODDS = 1
"""A function word is written in lower case at least FUNCTION_WORD_MIN times, and at least
FUNCTION_WORD_ODDS times as often as capitalised (at 2, a clean record of three English dev
articles still had its second headline joined into the ``It …`` under it)."""


def _sentence_starter(word: str, ctx: Context, language: str | None) -> bool:
    lw = lower(word, language)
    if lw == word:
        return False
    if ctx.capitalised_mid_sentence(word):
        return False
    if ctx.written_lower(lw):
        return True
    if ctx.model is None or lw in ctx.model.names:
        return False
    return ctx.model.count(lw) >= 1000


def turkic(language: str | None) -> bool:
    return is_turkic(language)
