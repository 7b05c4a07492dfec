"""Remove layout debris: stray glyphs, invisible and control characters; move page numbers and
running heads to the document's furniture."""

from __future__ import annotations

import re
from functools import lru_cache

import regex

from sutun.document import Document, Edit
from sutun.steps.evidence import (
    SOFT_HYPHEN,
    WEB_ADDRESS,
    Context,
    head_of,
    starts_lower,
    tail_of,
)

STEP = "cleanup"
# Soft hyphen, zero-width characters, BOM, U+FFFD, private use, control characters but \t, \n
# and the \r of a CRLF line end (stdlib ``re``: a plain character class scans several times
# faster than ``regex``'s \p{…}).
INVISIBLE_CHARS = (
    "\u00ad\u200b-\u200d\u2060\ufeff\ufffd\ue000-\uf8ff\U000f0000-\U0010ffff"
    "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
)
"""A character class; a line of nothing else separates blocks as a blank one does (readers)."""
INVISIBLE = re.compile(f"[{INVISIBLE_CHARS}]")
LONE_CR = re.compile("\r(?!\n)")
"""A line end of its own (classic Mac OS, Word's paragraph mark), read as \n (pipeline)."""
PAGE_NUMBER = regex.compile(r"^[—–-]?\s*\d{1,4}\s*[—–-]?$")
PAGE_LABEL = regex.compile(
    r"^(?:page|p\.|səhifə|səh\.|sayfa|s\.|страница|стр\.|с\.)\s*\d{1,4}"
    r"(?:\s*(?:of|/|из)\s*\d{1,4})?$",
    regex.IGNORECASE,
)
"""Page 2 of 5, Səhifə 3, Sayfa 4, Стр. 5"""
REPEATED_MIN = 2
"""A short unpunctuated block the document repeats this often, and that once cuts a sentence in
two, is a running head (the paper's name on every page)."""
CAPITALS_HEAD = regex.compile(r"^(?=(?:\P{L}*\p{L}){3})[\p{Lu}\s.,•|/–—-]+$")
"""A paper's name in capitals (XALQ QƏZETİ): a running head even once, where it cuts a sentence."""
PAGE_AND_NAME = regex.compile(
    r"^(?:\d{1,4}\s*[|•·]\s*\p{Lu}[\p{L}\s.]{1,40}|\p{Lu}[\p{L}\s.]{1,40}[|•·]\s*\d{1,4})$"
)
"""7 | Kaspi, Xalq qəzeti • 12: a page number set off from the paper's name."""
ISSUE_MARK = regex.compile(r"(?:№|\bNo\.|\bSayı:?)\s*\d+")
CLOSING = regex.compile(r"[.!?:;]$")
YEAR = regex.compile(r"\b(?:1[89]|20)\d\d\b")
DATE = regex.compile(
    r"\b\d{1,2}\.?\s+\p{L}{3,}\.?,?\s+(?:1[89]|20)\d\d\b"  # 16 mart 2006
    r"|\b\p{L}{3,}\.?\s+\d{1,2},\s+(?:1[89]|20)\d\d\b"  # March 16, 2006
    r"|\b\d{1,2}[./]\d{1,2}[./](?:1[89]|20)?\d\d\b"  # 16.03.2006
)
SENTENCE_GOES_ON = regex.compile(r"-\p{L}|\s+\p{Ll}")
"""After a date, a suffix (2019-cu) or a lower-case word (01.12.2024 tarixində): a sentence's
fragment, not a page's dateline (Bakı, 5 dekabr 2019 • № 12)."""
WORD = regex.compile(r"\p{L}{2,}")
HEAD_WORDS = 3
"""A dated line is a running head when little but the date is in it (the paper's name, a page),
not a sentence's fragment that names a date."""
CAPTION = regex.compile(
    r"^(?:foto(?:şəkil)?|şəkil|photo|fotoğraf|resim|фото)\s*\d*\s*[:–—-]\s*\S", regex.IGNORECASE
)
"""Foto: Nigar Quliyeva, Şəkil 2 – …, Photo: Reuters"""
CAPTION_WORDS = 25
IMAGE_PLACEHOLDER = regex.compile(r"^<!--\s*image\s*-->$", regex.IGNORECASE)
"""docling's mark where a picture was."""
CAPS_WITH_NUMBER = regex.compile(r"^(?=.*\d)(?=.*\p{Lu}{2})[\p{Lu}\d\s.,•|/–—-]+$")
LINE_END_SPECK = re.compile(r"[.!?][\"'”»)]?([ \t]+[^\W\d_])(?=[ \t\r]*(?:\n|$))")
"""A letter alone at a line's end after a sentence's (edilir. i, duyurur. m): a speck of the
page's margin the OCR read."""
NEXT_LINE = regex.compile(r"[ \t\r]*\n?[ \t\r]*(?:(\n|$)|[\"'“«„]?\p{Lu}|[-–•] )")
"""After the speck: a blank line or the text's end (group 1), or a line that opens a sentence or
a list item."""
MARK_AFTER_MARK = re.compile(
    r"[.,:;!?](?<=(?:[^\W\d_]|[)\]”\"])[.,:;!?])([ \t]+[.,:;|`])(?=[ \t\r]*(?:\n|$))"
)
"""A mark alone at a line's end after the line's own (aiddir: :, edilir. .): a speck. Not a
spaced ellipsis's last dot (. . .), whose mark before it follows a space, nor a full stop set
off from a bracket (… bərabər) .)."""
ROMAN = "IVXLCDM"
"""A Roman numeral opens sentences too (… başladı. I | Dünya müharibəsi …)."""
WORD_BEFORE_STOP = 4
"""Lower-case letters before the full stop: a word's end, not an abbreviation that a number
follows (səh. 5, Fig. 3)."""


def furniture_kind(text: str, strong_only: bool) -> str:
    """'page-number' / 'running-head' / 'caption' / 'image' / 'web-address' for furniture-looking
    blocks, '' otherwise."""
    t = text.strip()
    if "\n" in t or len(t) > 100:
        return ""
    if PAGE_NUMBER.match(t) or PAGE_LABEL.match(t):
        return "page-number"
    if not strong_only:  # between fragments; in clean text these are no sign of damage
        if CAPTION.match(t) and len(t.split()) <= CAPTION_WORDS:
            return "caption"
        if IMAGE_PLACEHOLDER.match(t):
            return "image"
        if WEB_ADDRESS.match(t):
            return "web-address"
    if CLOSING.search(t):
        return ""
    if (
        _issue_mark(t)
        or CAPS_WITH_NUMBER.match(t)
        or PAGE_AND_NAME.match(t)
        or ("•" in t and YEAR.search(t))
    ):
        return "running-head"
    date = None if strong_only else DATE.search(t)
    if (
        date
        and sum(any(ch.isalnum() for ch in w) for w in t.split()) <= 8  # not OCR's • read as “
        and len(WORD.findall(DATE.sub("", t))) <= HEAD_WORDS
        and not t.endswith("-")
        and not SENTENCE_GOES_ON.match(t, date.end())
    ):
        return "running-head"
    return ""


def _issue_mark(line: str) -> bool:
    """An issue number set in a paper's head line (… • № 35), not one a sentence cites: the
    line starts in lower case (tarixli (protokol №14) qərarı), the number is in parentheses, or
    a suffix or a lower-case word goes on from it (Qurbanlarının Sayı 800-ü keçib)."""
    m = ISSUE_MARK.search(line)
    return (
        m is not None
        and not line[:1].islower()
        and "(" not in line[: m.start()]
        and not SENTENCE_GOES_ON.match(line, m.end())
    )


@lru_cache(maxsize=8)
def _glyph(glyphs: str) -> regex.Pattern:
    # The spaces after a glyph go with it, unless they end the line (that break is dehyphenate's)
    # — or the glyph stands alone on a block's line: then the break goes too (no leading space).
    chars = regex.escape(glyphs)
    return regex.compile(
        rf"(?<=\n|^)[{chars}][ \t\r\u00a0]*\n[ \t]*(?=\S)"
        rf"|(?<!\S)[{chars}](?:[ \t\u00a0]+(?=\S)|(?=[ \t\r\u00a0]*(?:\n|$)))"
    )


def glyph_spans(doc: Document, ctx: Context) -> list[tuple[int, int, str]]:
    """Stand-alone layout glyphs (with the spaces after them) and invisible characters."""
    hit = ctx.memo.get(("glyph spans",))
    if hit is None:
        hit = ctx.memo[("glyph spans",)] = _glyph_spans(doc, ctx)
    return hit


def _glyph_spans(doc: Document, ctx: Context) -> list[tuple[int, int, str]]:
    source = doc.source
    spans = []
    if any(g in source for g in ctx.config.glyphs):
        spans += [
            (m.start(), m.end(), "remove-glyph") for m in _glyph(ctx.config.glyphs).finditer(source)
        ]
    if "• " in source:
        # A list's items stand next to each other; a bullet alone before a paragraph (at a
        # block's start or a line's) is layout.
        items = [_bullets(source, b.start, b.end) for b in doc.blocks] + [[]]
        spans += [
            (at, at + 2, "remove-glyph")
            for k, found in enumerate(items)
            if len(found) == 1 and not items[k - 1] and not items[k + 1]
            for at in found
        ]
    block_ends = (
        {b.start + len(source[b.start : b.end].rstrip()) for b in doc.blocks}
        if SOFT_HYPHEN in source
        else set()
    )
    for m in INVISIBLE.finditer(source):
        # A soft hyphen ending a block is where the typesetter broke a word: a hyphen to join.
        soft_end = m.group() == SOFT_HYPHEN and m.end() in block_ends
        spans.append((m.start(), m.end(), "soft-hyphen" if soft_end else "remove-invisible"))
    return spans


def _bullets(source: str, start: int, end: int) -> list[int]:
    """Where the block's lines start with a bullet before text."""
    found = [start] if source.startswith("• ", start) else []
    at = source.find("\n• ", start, end)
    while at != -1:
        found.append(at + 1)
        at = source.find("\n• ", at + 1, end)
    return [k for k in found if source[k + 2 : k + 3] not in BULLET_NOT_TEXT]


BULLET_NOT_TEXT = ("", "•", " ", "\t", "\n")


def line_end_specks(doc: Document, ctx: Context) -> list[tuple[int, int, str]]:
    """Letters alone at a line's end after a sentence's end, with the space before them: a
    speck, unless the model knows the letter for a word that starts sentences (O, A, I), which
    a column may cut from the rest of its sentence. A capital is one before a line that opens a
    sentence (no sentence is one letter long), unless it is a Roman numeral; a small letter
    before that or the paragraph's end (no sentence starts with one). Without a model, it
    stays; so does a digit (… dedi. 5 | nəfər …). A mark alone after the line's last mark is a
    speck too. No damage on its own: a repair's own joins may leave one at a line's end (a mark
    alone on its line)."""
    hit = ctx.memo.get(("line end specks",))
    if hit is None:
        hit = ctx.memo[("line end specks",)] = []
        source = doc.source
        for m in MARK_AFTER_MARK.finditer(source):
            hit.append((*m.span(1), "a mark alone at a line's end, after the line's own"))
        for m in LINE_END_SPECK.finditer(source):
            before = source[max(0, m.start() - WORD_BEFORE_STOP) : m.start()]
            if len(before) < WORD_BEFORE_STOP or not (before.isalpha() and before.islower()):
                continue
            after = NEXT_LINE.match(source, m.end())
            if after is None:
                continue
            letter = source[m.end() - 1]
            if letter.isupper() and (after.group(1) is not None or letter in ROMAN):
                continue  # a capital may start a sentence a column cut (… oynayacaq. A | qrupu)
            if ctx.model is not None and not ctx.model.function_word(letter):
                hit.append((*m.span(1), "a letter alone at a line's end, after a sentence's"))
        hit.sort()
    return hit


def run(doc: Document, ctx: Context) -> None:
    for start, end, why in line_end_specks(doc, ctx):
        doc.add(
            Edit(
                "remove-speck",
                start,
                end,
                "",
                step=STEP,
                confidence=0.8,
                evidence={"removed": doc.source[start:end].strip(), "reason": why},
            )
        )
    for start, end, kind in glyph_spans(doc, ctx):
        soft = kind == "soft-hyphen"
        doc.add(
            Edit(
                kind,
                start,
                end,
                "-" if soft else "",
                step=STEP,
                confidence=0.99,
                evidence={"soft hyphen": "ends a block"}
                if soft
                else {"removed": doc.source[start:end]},
            )
        )
    repeated = repeated_heads(doc, ctx)
    for i, b in enumerate(doc.blocks):
        text = doc.view(b.start, b.end)  # as the glyph removal above leaves it
        kind = "running-head" if i in repeated else furniture_kind(text, strong_only=False)
        if not kind or (i == 0 and i not in repeated and not dated_head(text)):
            continue  # the first block is the title unless it carries a page's date or issue
        b.kind, b.furniture_kind = "furniture", kind
        doc.furniture.append({"kind": kind, "text": text, "offset": b.start})
        doc.add(
            Edit(
                "furniture",
                doc.separator_start(i),
                b.end,
                "",
                step=STEP,
                confidence=0.9,
                evidence={"furniture": kind, "text": text},
            )
        )


def dated_head(text: str) -> bool:
    """A page head that carries a date, an issue number or a page number (furniture even as
    the document's first block, where a title would otherwise be)."""
    t = text.strip()
    return bool(furniture_kind(t, strong_only=True)) and bool(
        ISSUE_MARK.search(t) or DATE.search(t) or PAGE_NUMBER.match(t) or PAGE_LABEL.match(t)
    )


def repeated_heads(doc: Document, ctx: Context) -> set[int]:
    """Blocks holding a short unpunctuated line the document repeats (or one in capitals), one
    of them between a block that ends open and one that starts in lower case (a page break
    inside a sentence)."""
    hit = ctx.memo.get(("repeated heads",))
    if hit is None:
        hit = ctx.memo[("repeated heads",)] = _repeated_heads(doc)
    return hit


def _repeated_heads(doc: Document) -> set[int]:
    source, blocks = doc.source, doc.blocks
    seen: dict[str, list[int]] = {}
    for i, b in enumerate(blocks):
        if b.end - b.start <= 100:
            t = source[b.start : b.end]
            if "\n" not in t and not CLOSING.search(t) and not starts_lower(t):
                seen.setdefault(t, []).append(i)
    out: set[int] = set()
    for t, where in seen.items():
        if (len(where) >= REPEATED_MIN or CAPITALS_HEAD.match(t)) and any(
            0 < i < len(blocks) - 1
            and tail_of(source[blocks[i - 1].start : blocks[i - 1].end]).open
            and head_of(source[blocks[i + 1].start : blocks[i + 1].end]).lower
            for i in where
        ):
            out.update(where)
    return out
