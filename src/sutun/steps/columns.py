"""Columns printed side by side in a text (``pdftotext -layout``, an OCR engine that keeps the
spacing): each run of such lines is read column after column, a paragraph starting where a
column's line is indented. Every other step then reads the text as a column's raw lines."""

from __future__ import annotations

import re
from collections import Counter
from typing import NamedTuple

from sutun.document import Edit

STEP = "columns"
GAP = re.compile(r"\S+(?: \S+)*")
"""A line's segments: text parted from the next by two spaces or more."""
MIN_LINES = 6
"""Lines of a block that must show the same gutters."""
SUPPORT = 0.4
"""Of a block's lines, the share that must start a segment at a column's left edge."""
JITTER = 1
"""Characters a column's edge may move from line to line (letters differ in width)."""
INDENT = 2
"""Characters right of its column's edge at which a line starts a paragraph."""
MIN_SEGMENT = 15
"""Mean characters of a column's lines at least: a table's cells are shorter."""
HEADLINE_LINES = 4
"""Lines over the columns that may run across their gutters (a headline)."""
LETTER_SHARE = 0.5
"""Of a column's characters, the share of letters at least (prose, not a table of numbers)."""


class Segment(NamedTuple):
    start: int
    text: str


def edits(text: str) -> list[Edit]:
    """One edit for each block of side-by-side columns: its lines read column by column."""
    out = []
    offset = 0
    # Blocks part at blank lines and at page breaks (a form feed): a page's columns are its own.
    for block in re.split(r"(\n(?:[ \t]*\n)+|\f)", text):
        if block.strip() and block[:1] not in "\n\f":
            read = _read(block)
            if read is not None:
                replacement, columns, lines = read
                out.append(
                    Edit(
                        "columns",
                        offset,
                        offset + len(block),
                        replacement,
                        step=STEP,
                        confidence=0.9,
                        evidence={
                            "reason": "columns printed side by side, read one after another",
                            "column_edges": columns,
                            "lines": lines,
                        },
                    )
                )
        offset += len(block)
    return out


def _read(block: str) -> tuple[str, list[int], int] | None:
    """The block read column by column, the columns' left edges and its line count; None when
    its lines do not stand in columns of prose."""
    lines = [
        [Segment(m.start(), m.group()) for m in GAP.finditer(line)] for line in block.split("\n")
    ]
    edges = _edges(lines)
    if len(edges) < 2:
        return None
    # Lines above the columns that cross a gutter (a headline over them) stay as they are.
    head = 0
    while head < len(lines) and _crosses(lines[head], edges[1:]):
        head += 1
    body = lines[head:]
    if any(_crosses(segments, edges[1:]) for segments in body):
        return None
    columns: list[list[Segment]] = [[] for _ in edges]
    for segments in body:
        placed: list[tuple[int, Segment]] = []
        for seg in segments:
            j = max((k for k, e in enumerate(edges) if e <= seg.start + JITTER), default=0)
            if placed and placed[-1][0] == j:  # a wide space inside the column's line
                last = placed[-1][1]
                placed[-1] = (j, Segment(last.start, f"{last.text} {seg.text}"))
            else:
                placed.append((j, seg))
        for j, seg in placed:
            columns[j].append(seg)
    if not all(_prose(col) for col in columns):
        return None
    parts = ["\n".join(" ".join(seg.text for seg in segments) for segments in lines[:head])]
    parts = [p for p in parts if p]
    for edge, col in zip(edges, columns, strict=True):
        paragraphs: list[list[str]] = []
        for seg in col:
            if not paragraphs or seg.start - edge >= INDENT:
                paragraphs.append([])
            paragraphs[-1].append(seg.text)
        parts += ["\n".join(p) for p in paragraphs]
    return "\n\n".join(parts), edges, len(lines)


def _edges(lines: list[list[Segment]]) -> list[int]:
    """The left edges of the block's columns: where enough of its lines start a segment (the
    first column's edge is where most lines start)."""
    filled = [segments for segments in lines if segments]
    if len(filled) < MIN_LINES:
        return []
    starts = Counter(seg.start for segments in filled for seg in segments)
    edges: list[int] = []
    for start in sorted(starts):
        near = sum(starts[s] for s in range(start - JITTER, start + JITTER + 1))
        if near >= SUPPORT * len(filled) and not (edges and start - edges[-1] <= JITTER):
            edges.append(start)
    # A gutter no line of text runs across, but a headline over the columns: justified lines'
    # wide spaces line up by chance too.
    edges = edges[:1] + [
        e
        for e in edges[1:]
        if all(k < HEADLINE_LINES for k, seg in enumerate(lines) if _crosses(seg, [e]))
    ]
    if sum(len(segments) > 1 for segments in filled) < MIN_LINES:
        return []
    return edges


def _crosses(segments: list[Segment], gutters: list[int]) -> bool:
    """A segment runs over a gutter into the next column's edge (``gutters``: those edges)."""
    return any(
        seg.start < edge - JITTER and seg.start + len(seg.text) > edge + JITTER
        for seg in segments
        for edge in gutters
    )


def _prose(column: list[Segment]) -> bool:
    text = "".join(seg.text for seg in column)
    if not column or len(text) < MIN_SEGMENT * len(column):
        return False
    return sum(ch.isalpha() for ch in text) >= LETTER_SHARE * len(text)
