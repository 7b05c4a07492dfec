"""From positioned words to articles: lines, columns, headlines, article regions, paragraphs.

Works on word boxes from any source (a PDF's text layer or Tesseract's TSV), so the content-stream
order of a PDF never matters: everything is decided from geometry.
"""

from __future__ import annotations

import itertools
import statistics
from dataclasses import dataclass, field

import regex

from sutun.steps.cleanup import furniture_kind

CLOSED = regex.compile(r"[.!?…:;][\"'»”’)]*$")
HEADLINE = 1.25
"""Lines this many times the body size are headlines."""
CAPTION = 0.75
"""Lines this small against the body size are captions (furniture)."""


@dataclass
class Word:
    x0: float
    y0: float
    x1: float
    y1: float
    text: str
    size: float  # font size (or box height for OCR)
    bold: bool = False


@dataclass
class Line:
    words: list[Word]
    x0: float = 0.0
    y0: float = 0.0
    x1: float = 0.0
    y1: float = 0.0
    size: float = 0.0
    bold: bool = False

    def __post_init__(self) -> None:
        self.words.sort(key=lambda w: w.x0)
        self.x0 = min(w.x0 for w in self.words)
        self.x1 = max(w.x1 for w in self.words)
        self.y0 = min(w.y0 for w in self.words)
        self.y1 = max(w.y1 for w in self.words)
        self.size = statistics.median(w.size for w in self.words)
        self.bold = sum(w.bold for w in self.words) * 2 > len(self.words)

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)


@dataclass
class Region:
    """An article on a page: its headline lines and its body lines per column."""

    title: list[Line]
    columns: list[list[Line]] = field(default_factory=list)
    y0: float = 0.0
    x0: float = 0.0


@dataclass
class PageLayout:
    regions: list[Region]
    furniture: list[dict]


def lines_of(words: list[Word], gap: float = 1.2) -> list[Line]:
    """Words on the same baseline and close in x make a line; a wide gap (a gutter) splits it."""
    words = sorted(words, key=lambda w: ((w.y0 + w.y1) / 2, w.x0))
    rows: list[list[Word]] = []
    for w in words:
        mid = (w.y0 + w.y1) / 2
        for row in reversed(rows[-8:]):
            r = row[-1]
            if abs((r.y0 + r.y1) / 2 - mid) < 0.45 * max(r.y1 - r.y0, w.y1 - w.y0):
                row.append(w)
                break
        else:
            rows.append([w])
    lines = []
    for row in rows:
        row.sort(key=lambda w: w.x0)
        current = [row[0]]
        for w in row[1:]:
            space = w.x0 - current[-1].x1
            if space > gap * max(current[-1].size, w.size):
                lines.append(Line(current))
                current = [w]
            else:
                current.append(w)
        lines.append(Line(current))
    return lines


def body_size(lines: list[Line]) -> float:
    sizes = [ln.size for ln in lines for _ in ln.words]
    return statistics.median(sizes) if sizes else 10.0


def columns_of(lines: list[Line], width: float) -> list[tuple[float, float]]:
    """Column extents from where body lines start and end: x-ranges no body line crosses."""
    if not lines:
        return []
    spans = sorted((ln.x0, ln.x1) for ln in lines)
    merged: list[list[float]] = []
    for x0, x1 in spans:
        if merged and x0 <= merged[-1][1] - 2:
            merged[-1][1] = max(merged[-1][1], x1)
        else:
            merged.append([x0, x1])
    return [(a, b) for a, b in merged if b - a > 0.05 * width]


def layout(words: list[Word], width: float, height: float) -> PageLayout:
    lines = lines_of(words)
    if not lines:
        return PageLayout([], [])
    size = body_size(lines)
    furniture, content = [], []
    for ln in lines:
        kind = _furniture(ln, size, height)
        if kind:
            furniture.append({"kind": kind, "text": ln.text, "y": round(ln.y0, 1)})
        else:
            content.append(ln)
    heads = [ln for ln in content if ln.size >= HEADLINE * size]
    body = [ln for ln in content if ln.size < HEADLINE * size]
    captions = [ln for ln in body if ln.size < CAPTION * size]
    for ln in captions:
        furniture.append({"kind": "caption", "text": ln.text, "y": round(ln.y0, 1)})
    body = [ln for ln in body if ln.size >= CAPTION * size]
    cols = columns_of(body, width)
    titles = _titles(heads, size)
    regions = [Region(title=t, y0=min(x.y0 for x in t), x0=min(x.x0 for x in t)) for t in titles]
    regions.sort(key=lambda r: (r.y0, r.x0))
    if not regions:
        regions = [Region(title=[], y0=0.0, x0=0.0)]
    owner: dict[int, list[list[Line]]] = {id(r): [[] for _ in cols] for r in regions}
    for ln in body:
        c = _column(ln, cols)
        r = _owner(ln, regions, cols, c)
        owner[id(r)][c].append(ln)
    for r in regions:
        r.columns = [sorted(col, key=lambda ln: ln.y0) for col in owner[id(r)] if col]
    regions = [r for r in regions if r.columns or r.title]
    return PageLayout(regions, furniture)


def _furniture(ln: Line, size: float, height: float) -> str:
    top, bottom = ln.y1 < 0.06 * height, ln.y0 > 0.94 * height
    if not (top or bottom):
        return ""
    kind = furniture_kind(ln.text, strong_only=False)
    if kind:
        return kind
    if top and ln.size >= 2 * size:
        return "masthead"
    return "running-head" if len(ln.words) <= 12 else ""


def _titles(heads: list[Line], size: float) -> list[list[Line]]:
    """Headline lines that sit under each other with the same left edge make one title."""
    out: list[list[Line]] = []
    for ln in sorted(heads, key=lambda x: (x.y0, x.x0)):
        for t in out:
            last = t[-1]
            if abs(last.x0 - ln.x0) < size and 0 <= ln.y0 - last.y1 < 1.2 * ln.size:
                t.append(ln)
                break
        else:
            out.append([ln])
    return out


def _column(ln: Line, cols: list[tuple[float, float]]) -> int:
    best, overlap = 0, -1.0
    for k, (a, b) in enumerate(cols):
        o = min(b, ln.x1) - max(a, ln.x0)
        if o > overlap:
            best, overlap = k, o
    return best


def _owner(ln: Line, regions: list[Region], cols: list[tuple[float, float]], c: int) -> Region:
    """The nearest headline above the line that starts left of the line's column right edge owns
    it (a headline is often narrower than its article); side by side, the one further right."""
    _, b = cols[c] if cols else (ln.x0, ln.x1)
    above = []
    for r in regions:
        if not r.title:
            return r
        tx0 = min(x.x0 for x in r.title)
        ty1 = max(x.y1 for x in r.title)
        if tx0 <= b and ty1 <= ln.y0 + 1:
            above.append((ty1, tx0, r))
    if above:
        return max(above, key=lambda t: (t[0], t[1]))[2]
    # Above every headline (a page that opens with the end of an article): the first one.
    return min(regions, key=lambda r: (r.y0, r.x0))


def paragraphs(region: Region) -> list[list[str]]:
    """Body lines in reading order, cut into paragraphs by indentation, short closed last lines
    and vertical gaps. Each paragraph is its printed lines (hyphens still in place)."""
    out: list[list[str]] = []
    prev: Line | None = None
    prev_right = 0.0
    # Where paragraphs open indented, indentation alone marks them: ragged-right lines that end
    # short after a full stop are only sentences ending.
    indenting = any(
        ln.x0 - min(x.x0 for x in col) > 0.6 * ln.size for col in region.columns for ln in col
    )
    for col in region.columns:
        left = min(ln.x0 for ln in col)
        right = max(ln.x1 for ln in col)
        spacing = statistics.median(
            [b.y0 - a.y0 for a, b in itertools.pairwise(col) if b.y0 > a.y0] or [0]
        )
        for k, ln in enumerate(col):
            char = ln.size * 0.5
            starts = prev is None
            if not starts and k > 0:
                gap = ln.y0 - col[k - 1].y0
                indented = ln.x0 - left > 1.2 * char
                short_closed = (
                    not indenting
                    and right - col[k - 1].x1 > 4 * char
                    and CLOSED.search(col[k - 1].text) is not None
                )
                starts = indented or short_closed or (spacing and gap > 1.6 * spacing)
            elif not starts and k == 0 and prev is not None:
                # A new column: the paragraph goes on unless the last one ended short and closed.
                starts = ln.x0 - left > 1.2 * char or (
                    not indenting
                    and CLOSED.search(prev.text) is not None
                    and prev_right - prev.x1 > 4 * char
                )
            if starts or not out:
                out.append([])
            out[-1].append(ln.text)
            prev = ln
        prev_right = right
    return out
