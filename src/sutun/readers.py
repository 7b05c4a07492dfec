"""Build a Document from extracted text: blocks are runs of text between blank lines, or the
lines of a run that holds a paragraph on each line."""

from __future__ import annotations

import itertools
import re

from sutun.config import RepairConfig
from sutun.document import Block, Document
from sutun.steps.cleanup import CAPS_WITH_NUMBER, INVISIBLE_CHARS, furniture_kind

# stdlib ``re``: plain classes, which it scans about twice as fast as ``regex``.
BLANK_LINES = re.compile(rf"\n(?:[ \t\r{INVISIBLE_CHARS}]*\n)+")
"""What separates blocks: one or more lines holding nothing but spaces, or characters cleanup
removes (Word's table-cell marks \x07, zero-width spaces), so that a second pass sees the same
blocks (CRLF and form feeds included)."""
_EDGE = re.compile(r"\S")
SENTENCE_CLOSED = re.compile(r"[.!?…][\"'»”’)*_]*[ \t\r]*$")
OPENING = " \t\"'«“„(*_•□■▪-–—"
PARAGRAPH_LINE = RepairConfig().max_line
"""A line longer than this is a paragraph's (``RepairConfig.max_line``'s default)."""
PARAGRAPH_LINES = 3
"""A run of this many lines or more, most of which close a sentence before a line that opens
one, holds a paragraph on each line (few of a wrapped column's lines do)."""
PARAGRAPH_RUNS = 3
"""Lines are read as paragraphs only in text of this many runs or fewer (blank lines set off a
title and a lead at most): text that parts its paragraphs by blank lines breaks its lines for
other reasons (a column's wrap, a table's cells, a formula)."""


def document_from_text(
    text: str,
    language: str | None = None,
    source_name: str = "",
    paragraph_line: int = PARAGRAPH_LINE,
) -> Document:
    """Blocks between blank lines; in text of a few runs, a run of lines a quarter of which are
    longer than ``paragraph_line``, or most of which close a sentence, is a block per line."""
    runs = []
    pos = 0
    for sep in [*BLANK_LINES.finditer(text), None]:
        run = _trimmed(text, pos, sep.start() if sep else len(text))
        if run is not None:
            runs.append(run)
        pos = sep.end() if sep else len(text)
    few = len(runs) <= PARAGRAPH_RUNS
    blocks = []
    for start, end in runs:
        lines = _paragraph_lines(text, start, end, paragraph_line) if few else None
        blocks.extend(lines if lines is not None else _furniture_apart(text, start, end))
    return Document(
        source=text,
        blocks=blocks,
        order=list(range(len(blocks))),
        language=language,
        source_name=source_name,
    )


def paragraphs(text: str) -> list[str]:
    """The paragraphs of (repaired) text: its runs between blank lines, or in text of a few runs
    the lines of a run that holds a paragraph on each."""
    runs = [p.strip() for p in PARAGRAPH_BREAK.split(text.strip()) if p.strip()]
    if len(runs) > PARAGRAPH_RUNS:
        return runs
    out = []
    for run in runs:
        lines = run.split("\n")
        if len(lines) > 1 and _lines_are_paragraphs(lines, PARAGRAPH_LINE):
            out += [line.strip() for line in lines if line.strip()]
        else:
            out.append(run)
    return out


PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")


def _paragraph_lines(text: str, start: int, end: int, paragraph_line: int) -> list[Block] | None:
    """The lines of the run ``text[start:end]`` as blocks when they are paragraphs one to a
    line, else None."""
    if text.find("\n", start, end) == -1:
        return None
    lines = text[start:end].split("\n")
    if not _lines_are_paragraphs(lines, paragraph_line):
        return None
    out = []
    at = start
    for line in lines:
        stripped = line.strip()
        if stripped:
            first = at + line.index(stripped[0])
            out.append(Block(first, first + len(stripped)))
        at += len(line) + 1
    return out


def _lines_are_paragraphs(lines: list[str], paragraph_line: int) -> bool:
    return sorted(map(len, lines))[len(lines) * 3 // 4] > paragraph_line or (
        len(lines) >= PARAGRAPH_LINES and _most_lines_end_a_paragraph(lines)
    )


def _most_lines_end_a_paragraph(lines: list[str]) -> bool:
    ends = sum(
        bool(SENTENCE_CLOSED.search(line)) and _opens(nxt.lstrip(OPENING)[:1])
        for line, nxt in itertools.pairwise(lines)
    )
    return ends * 2 > len(lines) - 1


def _opens(first: str) -> bool:
    return first.isupper() or first.isdigit()


def _furniture_apart(text: str, start: int, end: int) -> list[Block]:
    """The run ``text[start:end]``, a page's head or number printed on a line of its own inside
    it (a tool's lines of a page, no blank line around it) set apart as a block of its own."""
    if text.find("\n", start, end) == -1:
        return [Block(start, end)]
    out = []
    piece = start
    # Every mark of a page's head or number has a digit: lines without one are passed over in C.
    for m in NUMBERED_LINE.finditer(text, start, end):
        line = m.group(1).rstrip()
        if len(line) <= FURNITURE_LINE and _page_furniture(line):
            out += _pieces(text, piece, m.start())
            out.append(Block(m.start(1), m.start(1) + len(line)))
            piece = m.end()
    if not out:
        return [Block(start, end)]
    return out + _pieces(text, piece, end)


NUMBERED_LINE = re.compile(r"\n[ \t]*([^\n\d]*\d[^\n]*)")
FURNITURE_LINE = 100


def _page_furniture(line: str) -> bool:
    """A page's head or number, by its marks (— 7 —, № 12, a date after a •); a bare number or
    a line in capitals may be a narrow column's line (2500, COVID-19)."""
    return (
        bool(furniture_kind(line, strong_only=True))
        and not line.isdigit()
        and not CAPS_WITH_NUMBER.match(line)
    )


def _trimmed(text: str, start: int, end: int) -> tuple[int, int] | None:
    """``text[start:end]`` without the white space at its edges, or None if that is all."""
    first = _EDGE.search(text, start, end)
    if first is None:
        return None
    while end > first.end() and text[end - 1].isspace():
        end -= 1
    return first.start(), end


def _pieces(text: str, start: int, end: int) -> list[Block]:
    run = _trimmed(text, start, end)
    return [] if run is None else [Block(*run)]
