"""From positioned words to articles: lines, columns, headlines, article regions, paragraphs.

Works on word boxes from any source (a PDF's text layer or Tesseract's TSV), so the content-stream
order of a PDF never matters: everything is decided from geometry.
"""

from __future__ import annotations

import itertools
import statistics
from dataclasses import dataclass, field, replace

import regex

from sutun.steps.cleanup import furniture_kind
from sutun.steps.evidence import ITEM_MARK, OPENING_QUOTES, inner_stop

CLOSED = regex.compile(r"[.!?…:;][\"'»”’)]*$")
JUSTIFIED = 0.55
"""Share of a region's lines (each column's last aside) ending within 0.3 em of their column's
right edge in justified text (0.67-1.0 on the bench's pages and scans, 0.05-0.43 ragged right)."""
RAGGED_SHORT = 0.35
"""A ragged column's last line this much of the column's width short ends its paragraph."""
JUSTIFIED_LINES = 4
"""Fewer lines than this cannot tell justified text from ragged: taken as justified."""
PARAGRAPH_GAP = 1.3
"""Lines this many times as far apart as a column's usual spacing are in different paragraphs
(spaced paragraphs part by half a line or more; a scan's lines vary by up to 1.15)."""
HEADLINE = 1.25
"""Lines this many times the body size are headlines."""
CAPTION = 0.75
"""Lines this small against the body size are captions (furniture)."""
HEADLINE_SPACE = 0.7
"""A gap wider than this share of a headline's size is no space between its words."""
GUTTER_GAP = 0.8
"""A gap in a row this many times its words' size may be a gutter (a justified line's spaces
reach it too)."""
Box = tuple[float, float, float, float]  # x0, y0, x1, y1 in page units, top-left origin


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
    headline: bool = False  # set in headline type (lines_of tells by its words)

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
    """An article on a page: its headline lines and its body lines, run by column run in reading
    order (text above every headline goes to a region without one)."""

    title: list[Line]
    columns: list[list[Line]] = field(default_factory=list)
    y0: float = 0.0
    x0: float = 0.0


@dataclass
class PageLayout:
    regions: list[Region]
    furniture: list[dict]
    grid: list[tuple[float, float]] = field(default_factory=list)  # its gutters (x0, x1)


Grid = list[tuple[float, float]]


def lines_of(
    words: list[Word], grid_hint: Grid = (), found: Grid | None = None, level: bool = False
) -> list[Line]:
    """Words on the same baseline make a row; a row splits into lines at gutters. A body row's
    gap is a gutter when a strip of it stays free of words for several rows up and down the
    column, beside lines that start in line (a justified line's wide spaces line up with its
    neighbours' words within a row or two); in a column too short to tell, when the gap lines
    up with a gutter found near it on the page (GRID_REACH: a page's articles may keep different
    grids) or on the page before. Headlines split at gaps wider than two spaces. ``grid_hint``:
    the gutters of the page before, which speak for this one too (an article's last lines run
    onto it); the page's own go into ``found``. ``level``: words of one size have boxes of one
    height (a text layer's, not OCR's)."""
    if not words:
        return []
    size = statistics.median(w.size for w in words)
    big = _headline_words(words, size)
    body = _rows([w for w in words if id(w) not in big], level)
    heads = _rows([w for w in words if id(w) in big], level)
    # A folio set just under the columns (— 3 —) would close the gutters it stands in.
    folios = [row for row in body if _folio(row)]
    body = [row for row in body if not _folio(row)]
    verdicts: dict[tuple[int, int], str] = {}
    for i, row in enumerate(body):
        gaps = [b.x0 - a.x1 for a, b in itertools.pairwise(row)]
        for k, (left, right) in enumerate(itertools.pairwise(row)):
            gap_size = max(left.size, right.size)
            if right.x0 - left.x1 >= GUTTER_GAP * gap_size:
                spacing = _as_wide(gaps, k, 0.1 * gap_size)
                verdicts[i, k] = _gutter(body, i, left, right, gap_size, spacing)
    grid: list[tuple[float, float, float | None]] = []  # gutters, each with its row's middle
    for (i, k), v in verdicts.items():
        if v == "gutter":
            a, b, y = body[i][k].x1, body[i][k + 1].x0, _mid(body[i])
            inside = _column_inside(body, i, a, b, max(body[i][k].size, body[i][k + 1].size))
            grid += [(a, inside[0], y), (inside[1], b, y)] if inside else [(a, b, y)]
    if found is not None:
        found += [(a, b) for a, b, _ in grid]
    grid += [(a, b, None) for a, b in grid_hint]
    lines = []
    for i, row in enumerate(body):
        current = [row[0]]
        for k, w in enumerate(row[1:]):
            verdict = verdicts.get((i, k), "")
            a, b = current[-1].x1, w.x0
            if (
                verdict == "gutter"
                or (verdict == "maybe" and _on_grid(a, b, w.size, grid, _mid(row)))
                or (a - b > OVERRUN * w.size and _overrun(current[-1], w, grid, _mid(row)))
            ):
                lines.append(Line(current))
                current = [w]
            else:
                current.append(w)
        lines.append(Line(current))
    lines += [Line(row) for row in folios]
    for row in heads:
        current = [row[0]]
        for w in row[1:]:
            # Headlines are set ragged with plain spaces (a third of an em): twice that is a gutter.
            if w.x0 - current[-1].x1 > HEADLINE_SPACE * max(current[-1].size, w.size):
                lines.append(Line(current, headline=True))
                current = [w]
            else:
                current.append(w)
        lines.append(Line(current, headline=True))
    return lines


OVERRUN = 0.1
"""Words of one line never overlap: one that runs this far (in ems) into the next word's box,
across a gutter of the page, ran out of its column into the next (a word too long to break)."""


def _overrun(
    left: Word, right: Word, grid: list[tuple[float, float, float | None]], y: float
) -> bool:
    """The next word starts where a gutter's column does, a gutter found near (as
    :func:`_on_grid` asks): OCR boxes one word over its neighbour inside a column too, where a
    paragraph's short last line, or another article's grid, left a gutter's left edge."""
    return any(
        left.x0 < a < left.x1
        and right.x0 >= a
        and abs(right.x0 - b) <= INDENT * right.size
        and (at is None or abs(at - y) <= GRID_REACH * right.size)
        for a, b, at in grid
    )


def _folio(row: list[Word]) -> bool:
    return len(row) <= FOLIO_WORDS and (
        furniture_kind(" ".join(w.text for w in row), strong_only=True) == "page-number"
    )


FOLIO_WORDS = 3
"""Words of a page number's row at most (— 3 —, Səh. 12)."""


INDENT = 2.5
"""A paragraph's first line starts at most this many ems right of its column's edge."""


GRID_REACH = 30
"""Body sizes up or down the page a gutter found in one row speaks for another's (a page's
articles may keep different grids; a gutter from the page before speaks for the whole page)."""


def _on_grid(
    a: float, b: float, size: float, grid: list[tuple[float, float, float | None]], y: float
) -> bool:
    """Whether the gap a..b lies on a gutter found elsewhere on the page: it overlaps one, and
    the text right of it starts where that gutter's column does (an indent either way). A
    gutter beside a paragraph's short last line reaches far left of its column: only its right
    edge is the grid's."""
    return any(
        min(b, x1) - max(a, x0) > 0.3 * size
        and abs(b - x1) <= INDENT * size
        and (at is None or abs(at - y) <= GRID_REACH * size)
        for x0, x1, at in grid
    )


def _headline_words(words: list[Word], size: float) -> set[int]:
    """Words set in headline type: by their size, unless the word a space before it is of the
    other type and the one a space after it (if any) is not of its own: an OCR box misjudges a
    word's type from its letters (a short word without ascenders, Aİ, reads small; bilərlər.
    at a body line's end, large). Small words after headline words are asked first."""
    big = {id(w) for w in words if w.size >= HEADLINE * size}
    rows = _rows(words)

    def spaced(a: Word, b: Word) -> bool:
        return b.x0 - a.x1 < HEADLINE_SPACE * max(a.size, b.size)

    for grow in (True, False):
        flipped = set()
        for row in rows:
            for k in range(1, len(row)):
                before, w = row[k - 1], row[k]
                if (id(w) in big) == grow or not spaced(before, w) or (id(before) in big) != grow:
                    continue
                after = row[k + 1] if k + 1 < len(row) else None
                if after is None or not spaced(w, after) or (id(after) in big) == grow:
                    flipped.add(id(w))
        big ^= flipped
    for row in rows:
        big ^= _one_line_of_type(row, big, size)
    return big


def _one_line_of_type(row: list[Word], big: set[int], size: float) -> set[int]:
    """The words of a row to flip where the row is one line of type: no gap in it as wide as a
    gutter may be (GUTTER_GAP of the body size, or of the two words' larger size where that is
    smaller). Its words take their mean size, weighted by their letters: tall symbols of a
    formula stay in their body line, a heading's smaller part (Subtask 1 (bal: 40)) and a word
    measured small stay in the heading."""
    if len(row) < 2 or any(
        b.x0 - a.x1 >= GUTTER_GAP * min(size, max(a.size, b.size))
        for a, b in itertools.pairwise(row)
    ):
        return set()
    weights = [max(1, sum(ch.isalnum() for ch in w.text)) for w in row]
    mean = sum(k * w.size for k, w in zip(weights, row, strict=True)) / sum(weights)
    headline = mean >= HEADLINE * size
    return {id(w) for w in row if (id(w) in big) != headline}


ROW_LEVEL = 0.45
"""How far apart, in word heights, the middles of two words in a row may lie."""


def _level(a: Word, b: Word, share: float) -> bool:
    return abs(a.y0 + a.y1 - b.y0 - b.y1) / 2 < share * max(a.y1 - a.y0, b.y1 - b.y0)


def _rows(words: list[Word], level: bool = False) -> list[list[Word]]:
    """Words on one baseline, left to right: each joins the row whose last word is level with
    it. ``level`` (boxes of one height, a text layer's): and the row's first word too, else
    columns whose baselines are staggered (a picture or a quote having moved one down by part
    of a line) chain their lines, each a little lower than the last, into one row; OCR's boxes
    are as tall as their letters, and a row's words lie up to half a line apart."""
    rows: list[list[Word]] = []
    for w in sorted(words, key=lambda w: ((w.y0 + w.y1) / 2, w.x0)):
        for row in reversed(rows[-8:]):
            if _level(row[-1], w, ROW_LEVEL) and (not level or _level(row[0], w, ROW_LEVEL)):
                row.append(w)
                break
        else:
            rows.append([w])
    for row in rows:
        row.sort(key=lambda w: w.x0)
    return rows


LIST_MARKS = frozenset("•◦▪■●○‣·")
"""Bullets a list item starts with, hung in the margin left of its text (not a dash: a line
that wrapped before one starts with it too)."""
WITNESSES = 6
"""Rows around a gap that must leave a strip of it free for the gap to be a gutter (fewer when
the column is shorter)."""


def _gutter(
    rows: list[list[Word]], i: int, left: Word, right: Word, size: float, spacing: bool
) -> str:
    """ "gutter", "maybe" (a column too short to tell) or "" (a space) between the words
    ``left`` and ``right``. ``spacing``: the gap is as wide as the one next to it, as a justified
    line's spaces are. Beside a gutter the next column's lines start at one x; beside a river of
    wide spaces they do not, and in a narrow justified column the words right of the river end
    at one x instead (the column's edge). In a column of two rows, the words left of a gutter
    end at one x too (a justified column's edge)."""
    a, b = left.x1, right.x0
    up, down = _clear(rows, i, a, b, -1, size), _clear(rows, i, a, b, 1, size)
    if up is None or down is None:
        return ""
    (seen_up, ended_up, firsts_up, lasts_up), (seen_down, ended_down, firsts_down, lasts_down) = (
        up,
        down,
    )
    if all(w.text in LIST_MARKS for w in (left, *lasts_up, *lasts_down)):
        return ""  # a list's marks hang left of its items
    firsts = [right, *firsts_up, *firsts_down]
    starts = [w.x0 for w in firsts]
    if not _aligned(starts, 0.1 * size) or _right_edge(firsts, 0.1 * size):
        return ""
    if seen_up + seen_down >= WITNESSES:
        return "gutter"
    if not (ended_up and ended_down):
        return ""
    if spacing and seen_up + seen_down < 2:
        return "maybe"  # as wide as a space beside it: only the page's grid can tell
    if _column_inside(rows, i, a, b, size):
        return "gutter"  # it spans a whole column of the row above or below: two gutters
    lasts = [left, *lasts_up, *lasts_down]
    tolerance = 0.1 * size
    edges = len(lasts) >= 2 and _in_line([w.x1 for w in lasts], tolerance)
    if edges:
        return "gutter"  # a justified column's edge left of it, lines starting in line right
    # Lines starting in line beside a short column's wide spaces may be chance: the page's grid
    # decides.
    return "maybe"


COLUMN_MIN = 5.0
"""Fewest ems a run of words inside a gap must span to be a column of its own there."""


def _column_inside(
    rows: list[list[Word]], i: int, a: float, b: float, size: float
) -> tuple[float, float] | None:
    """Whether the next row up or down holds, inside the gap a..b and gutter-wide apart from
    its other words, words spanning a column's width: the gap is the empty cell of a short
    column between two others (an article's last lines on a page of their own), wider than any
    river of spaces. The column's extent, or None."""
    if b - a < COLUMN_MIN * size:
        return None  # a gutter of the usual width: no column fits in it
    if a - rows[i][0].x0 < COLUMN_MIN * size:
        return None  # a table's cells, not a column's lines, left of it
    y = _mid(rows[i])
    for j in (i - 1, i + 1):
        if not 0 <= j < len(rows) or abs(_mid(rows[j]) - y) > 3.2 * size:
            continue
        inside = [w for w in rows[j] if a <= w.x0 and w.x1 <= b]
        if not inside:
            continue
        lo, hi = min(w.x0 for w in inside), max(w.x1 for w in inside)
        apart = all(
            w.x1 <= lo - 0.8 * size or w.x0 >= hi + 0.8 * size
            for w in rows[j]
            if not (a <= w.x0 and w.x1 <= b)
        )
        if apart and hi - lo >= COLUMN_MIN * size:
            return lo, hi
    return None


def _right_edge(firsts: list[Word], tolerance: float) -> bool:
    """Whether the words right of a gap end in line and start out of line: a justified column's
    last words, the gap a river of its wide spaces."""
    ends, starts = [w.x1 for w in firsts], [w.x0 for w in firsts]
    return len(firsts) >= 3 and _in_line(ends, tolerance) and not _in_line(starts, tolerance)


def _in_line(xs: list[float], tolerance: float) -> bool:
    return max(xs) - min(xs) <= tolerance


def _aligned(starts: list[float], tolerance: float) -> bool:
    """Whether most lines start at one of two x positions (flush and indented)."""
    if len(starts) < 3:
        return True
    left = sorted(starts)
    clusters: list[int] = []
    for k, x in enumerate(left):
        if k and x - left[k - 1] <= tolerance:
            clusters[-1] += 1
        else:
            clusters.append(1)
    return sum(sorted(clusters)[-2:]) >= 0.75 * len(starts)


def _as_wide(gaps: list[float], k: int, tolerance: float) -> bool:
    return any(0 <= j < len(gaps) and abs(gaps[j] - gaps[k]) <= tolerance for j in (k - 1, k + 1))


def _clear(
    rows: list[list[Word]], i: int, a: float, b: float, step: int, size: float
) -> tuple[int, bool, list[Word], list[Word]] | None:
    """Going up (step -1) or down (+1) the page from row i: how many rows with words next to
    the gap a..b leave some strip of it free, whether the column ended there, and the words
    with which each of those rows resumes right of the strip and stops left of it; None when a
    row closes it."""
    free = [(a, b)]
    y = _mid(rows[i])
    seen, firsts, lasts = 0, [], []
    overrun = False  # a word too long for its column may run into the gutter, once
    plain = not _displayed(rows[i], size)
    j = i + step
    while 0 <= j < len(rows) and seen < WITNESSES:
        row = rows[j]
        # A headline set in bold little larger than the text, across the columns, ends them.
        if abs(_mid(row) - y) > 3.2 * size or (plain and _displayed(row, size)):
            return seen, True, firsts, lasts
        near = [w for w in row if w.x1 > a - 2 * size and w.x0 < b + 2 * size]
        if near:
            still = [
                part
                for lo, hi in free
                for part in _free_parts(lo, hi, near)
                if part[1] - part[0] >= 0.6 * size
            ]
            if not still:
                if overrun or not _runs_into(near, free[0][0], free[-1][1], size):
                    return None
                overrun = True
                y = _mid(row)
                j += step
                continue
            free = still
            seen += 1
            y = _mid(row)
            right = [w for w in near if w.x0 >= free[-1][0]]
            if right:
                firsts.append(min(right, key=lambda w: w.x0))
            left = [w for w in near if w.x1 <= free[0][1]]
            if left:
                lasts.append(max(left, key=lambda w: w.x1))
        j += step
    return seen, not 0 <= j < len(rows), firsts, lasts


def _runs_into(near: list[Word], a: float, b: float, size: float) -> bool:
    """A word of the left column runs into the free strip a..b, and the right column's word
    starts at its edge beside it (a word too long to break); a river of spaces closes with a
    word that spans the strip."""
    slack = 0.15 * size
    inside = [w for w in near if w.x1 > a and w.x0 < b - slack]
    return (
        bool(inside)
        and all(w.x0 < a and w.x1 <= b + slack for w in inside)
        and any(abs(w.x0 - b) <= slack for w in near)
    )


def _mid(row: list[Word]) -> float:
    return sum(w.y0 + w.y1 for w in row) / (2 * len(row))


def _free_parts(lo: float, hi: float, words: list[Word]) -> list[tuple[float, float]]:
    """The parts of lo..hi that no word covers."""
    out, x = [], lo
    for w in sorted(words, key=lambda w: w.x0):
        if w.x1 <= x or w.x0 >= hi:
            continue
        if w.x0 > x:
            out.append((x, w.x0))
        x = max(x, w.x1)
    if hi > x:
        out.append((x, hi))
    return out


def body_size(lines: list[Line]) -> float:
    sizes = [ln.size for ln in lines for _ in ln.words]
    return statistics.median(sizes) if sizes else 10.0


def segments_of(lines: list[Line]) -> list[list[Line]]:
    """Runs of body lines stacked in one column: each line joins the run whose last line sits
    just above it and shares most of its width."""
    runs: list[list[Line]] = []
    for ln in sorted(lines, key=lambda x: (x.y0, x.x0)):
        best, best_gap = None, 0.0
        for run in runs:
            last = run[-1]
            gap = ln.y0 - last.y1
            # Against the run's last few lines, not the last one alone: that may be a paragraph's
            # short last line.
            run_x0 = min(x.x0 for x in run[-3:])
            run_x1 = max(x.x1 for x in run[-3:])
            overlap = min(run_x1, ln.x1) - max(run_x0, ln.x0)
            width = min(run_x1 - run_x0, ln.x1 - ln.x0)
            # A line as short as an indent (idi.) under a paragraph's indented first line
            # shares little of its width but lies within the column.
            within = ln.x1 <= run_x1 + ln.size
            if (
                -0.3 * ln.size < gap < 1.5 * ln.size
                and (overlap > 0.5 * width or within)
                and abs(ln.x0 - run_x0) < 3 * ln.size
                and (best is None or gap < best_gap)
            ):
                best, best_gap = run, gap
        if best is None:
            runs.append([ln])
        else:
            best.append(ln)
    return runs


DROP_CAP = 2.0
"""A lone letter (or digit: 2|6 yaşlı) this many times the body size, beside the first lines of
a paragraph, is its drop cap."""
DROP_CAP_ROWS = 2
"""Fewest lines a drop cap stands beside."""
DROP_CAP_TEXT = regex.compile(rf"[{OPENING_QUOTES}]*[\p{{L}}\p{{N}}][^\p{{L}}\p{{N}}\s]*$")
"""One letter or digit, with the quote before it or the punctuation after it that a first-letter
style takes along. One alone goes onto the word beside it; one with punctuation is a word."""


BOLD_HEADLINE = 1.05
"""Bold lines this many times the body size, in a short block of their own, are a headline too
(a brief's headline is set little larger than its text)."""
BOLD_GAP = 1.2
"""Ems between the words of a bold line at most (a justified line's spaces reach about one)."""
BOLD_HEADLINE_LINES = 3
"""Most lines of such a headline (a bold lead runs longer)."""
ACROSS = 1.5
"""A bold block this many times wider than every line under it spans columns: a headline even
when it ends on a full stop (a bold lead is set in its column)."""
BOLD_HEADLINE_WORDS = 3
"""Fewest words of such a headline (a table's bold cell or a label has one or two); it ends on
no full stop, comma, colon or semicolon (a bold lead ends its sentence)."""


def _displayed(words: list[Word], size: float) -> bool:
    """All in bold a little larger than ``size``, a plain space apart (a table's bold header
    cells stand ems apart)."""
    return all(w.bold and w.size >= BOLD_HEADLINE * size for w in words) and all(
        b.x0 - a.x1 <= BOLD_GAP * b.size for a, b in itertools.pairwise(words)
    )


def _bold_headlines(lines: list[Line], size: float) -> None:
    """Marks as a headline the body lines all in bold, a little larger than the text, in a
    block of at most three stacked under each other (a first line may be indented) whose last
    line ends no sentence and which has plain text right under it: not a bold lead, nor the part
    of one that a column's end cut off."""
    shown = [ln for ln in lines if not ln.headline and _displayed(ln.words, size)]
    if not shown:
        return
    blocks: list[list[Line]] = []
    for ln in sorted(shown, key=lambda ln: (ln.y0, ln.x0)):
        for b in blocks:
            last = b[-1]
            # Boxes of tightly set lines overlap a little (as in _titles).
            if (
                abs(last.x0 - ln.x0) < INDENT * size
                and -0.25 * ln.size <= ln.y0 - last.y1 < 1.2 * ln.size
            ):
                b.append(ln)
                break
        else:
            blocks.append([ln])
    plain = [ln for ln in lines if not ln.headline and not ln.bold]
    for b in blocks:
        x0, x1, y1 = min(ln.x0 for ln in b), max(ln.x1 for ln in b), b[-1].y1
        below = [ln for ln in plain if -0.25 * ln.size <= ln.y0 - y1 < 3 * ln.size and ln.x1 > x0]
        under = any(ln.y0 - y1 < 2 * ln.size and ln.x0 < x1 for ln in below)
        # Over two columns or more: a headline, whatever it ends on (a lead keeps to its column).
        across = bool(below) and x1 - x0 > ACROSS * max(ln.x1 - ln.x0 for ln in below)
        said = " ".join(ln.text for ln in b)
        if (
            under
            and len(b) <= BOLD_HEADLINE_LINES
            and sum(len(ln.words) for ln in b) >= BOLD_HEADLINE_WORDS
            and (b[-1].text.rstrip()[-1:] not in ".,:;" or (across and not inner_stop(said)))
        ):
            for ln in b:
                ln.headline = True


def _drop_caps(words: list[Word]) -> list[Word]:
    """A paragraph's first letter set large beside its first lines goes back onto its word, and
    the lines beside it start where the letter does, as the lines under it do (else they read
    as indented, each a paragraph)."""
    if not words:
        return words
    size = statistics.median(w.size for w in words)
    caps = [w for w in words if w.size >= DROP_CAP * size and DROP_CAP_TEXT.match(w.text)]
    if not caps:
        return words
    moved: dict[int, Word] = {}
    taken: set[int] = set()
    for cap in caps:
        rows: dict[float, Word] = {}  # each row level with the letter: its first word from it on
        for w in words:
            if (
                w.size < DROP_CAP * size
                and cap.y0 - w.size / 2 <= w.y0 < cap.y1 - w.size / 4
                and w.x0 >= cap.x0
                and (w.y0 not in rows or w.x0 < rows[w.y0].x0)
            ):
                rows[w.y0] = w
        # Beside the letter: a row whose first word starts just right of it (a row under it
        # starts at its left edge, whatever words further on come near its right one).
        rows = {y: w for y, w in rows.items() if 0 <= w.x0 - cap.x1 <= 1.5 * w.size}
        if len(rows) < DROP_CAP_ROWS:
            continue
        first = min(rows.values(), key=lambda w: w.y0)
        for w in rows.values():
            moved[id(w)] = replace(w, x0=cap.x0)
        if cap.text[-1].isalnum():
            moved[id(first)] = replace(first, x0=cap.x0, text=cap.text + first.text)
            taken.add(id(cap))
        else:  # a word of its own (O, …): set at the size and on the line of the text beside it
            width = first.size * len(cap.text) / 2
            moved[id(cap)] = replace(
                first, x0=cap.x0, x1=cap.x0 + width, text=cap.text, bold=cap.bold
            )
            moved[id(first)] = replace(first, x0=cap.x0 + width + first.size / 3)
    return [moved.get(id(w), w) for w in words if id(w) not in taken]


def layout(
    words: list[Word],
    width: float,
    height: float,
    frames: list[Box] = (),
    repeated: frozenset[str] = frozenset(),
    grid_hint: Grid = (),
    figures: list[Box] = (),
    text_layer: bool | None = None,
) -> PageLayout:
    """``frames`` are drawn boxes (x0, y0, x1, y1): text inside one belongs to what else is
    inside it. ``repeated``: :func:`edge_key` of lines other pages of the document have at
    their top or bottom (running heads). ``figures``: where pictures are (their captions are
    furniture). ``text_layer``: whether the words come from a PDF's text layer, whose boxes
    are its fonts' (one height for a size, bold known), not OCR's; None: when some line is bold."""
    grid: Grid = []
    lines = lines_of(_drop_caps(words), grid_hint, grid, level=bool(text_layer))
    if not lines:
        return PageLayout([], [], grid)
    size = body_size(lines)
    _bold_headlines(lines, size)
    furniture, content = [], []
    top, bottom = min(ln.y0 for ln in lines), max(ln.y1 for ln in lines)
    for ln in lines:
        kind = _furniture(ln, size, height)
        if not kind and _outermost(ln, top, bottom, height):
            # A page's first or last line that reads as a dated head or a folio, though the
            # margins set it further in than the edge band.
            kind = furniture_kind(ln.text, strong_only=False)
        if not kind and repeated and _at_edge(ln, height) and edge_key(ln.text) in repeated:
            kind = "running-head"
        if kind:
            furniture.append({"kind": kind, "text": ln.text, "y": round(ln.y0, 1)})
        else:
            content.append(ln)
    heads = [ln for ln in content if ln.headline]
    body = [ln for ln in content if not ln.headline]
    captions = {id(ln) for ln in body if ln.size < CAPTION * size}
    captions.update(id(ln) for ln in _under_figures(body, content, figures, size))
    for ln in body:
        if id(ln) in captions:
            furniture.append({"kind": "caption", "text": ln.text, "y": round(ln.y0, 1)})
    body = [ln for ln in body if id(ln) not in captions]
    frames = [f for f in frames if f[2] - f[0] > 4 * size and f[3] - f[1] > 4 * size]
    if text_layer is None:
        text_layer = any(ln.bold for ln in content)
    said = _said(body, size) if text_layer else ""
    titles = []
    for t in _titles(heads, size):
        quoted = _pull_quote(t, said) if said else 0
        if quoted:
            text = " ".join(ln.text for ln in t[:quoted])
            furniture.append({"kind": "pull-quote", "text": text, "y": round(t[0].y0, 1)})
        if t[quoted:]:
            titles.append(t[quoted:])
    regions = [Region(title=t, y0=min(x.y0 for x in t), x0=min(x.x0 for x in t)) for t in titles]
    regions.sort(key=lambda r: (r.y0, r.x0))
    right = max((ln.x1 for ln in content), default=width)
    reach = {id(r): _reach(r, regions, right, size) for r in regions}
    headless = Region(title=[], y0=0.0, x0=0.0)
    owned: dict[int, list[list[Line]]] = {id(r): [] for r in [headless, *regions]}
    for seg in segments_of(body):
        owner = _owner(seg, regions, reach, frames, size) or headless
        owned[id(owner)].append(seg)
    out = []
    for r in [headless, *regions]:
        segs = owned[id(r)]
        r.columns = _reading_order(segs, size)
        if r.columns or r.title:
            out.append(r)
    return PageLayout(out, furniture, grid)


def _under_figures(
    lines: list[Line], content: list[Line], figures: list[Box], size: float
) -> list[Line]:
    """The ``lines`` of a caption under a picture: set in smaller type than the text, within
    the picture's width, the first right under it (or, where the picture ends its column — a
    headline or nothing of ``content`` comes next under it —, at the top of the next column)
    and each next one a line's spacing below."""
    out: list[Line] = []
    ordered = sorted(lines, key=lambda ln: ln.y0)
    for x0, y0, x1, y1 in figures:
        if x1 - x0 < FIGURE * size or y1 - y0 < FIGURE * size:
            continue  # a rule, a logo, an ornament
        caption = _caption(ordered, x0, x1, y1, size)
        under = [ln for ln in content if ln.x0 < x1 and ln.x1 > x0 and ln.y0 > y1]
        if not caption and (not under or min(under, key=lambda ln: ln.y0).headline):
            # The next column starts under the headline over both, a gutter on (as wide as the
            # picture's, give or take: columns and pictures differ by a few points).
            x2 = 2 * x1 - x0 + NEXT_COLUMN * size
            heads = [ln.y1 for ln in content if ln.headline and ln.y1 <= y0 and ln.x1 > x1]
            top = max(heads, default=0.0)
            right = [ln for ln in ordered if _within(ln, x1, x2, size) and top <= ln.y0 < y1]
            if right:
                caption = _caption(ordered, x1, x2, right[0].y0, size)
        out += caption
    return out


def _caption(ordered: list[Line], x0: float, x1: float, top: float, size: float) -> list[Line]:
    """Lines of smaller type from ``top`` down, within x0..x1, each a line's spacing from the
    one before."""
    out: list[Line] = []
    below = top
    for ln in ordered:
        if ln.y0 < top - CAPTION_OVERLAP * size or not _within(ln, x0, x1, size):
            continue
        if ln.y0 - below > CAPTION_GAP * size or ln.size >= FIGURE_CAPTION * size:
            break
        out.append(ln)  # the pieces of a justified row too (Foto: | tədbirdən …)
        below = max(below, ln.y1)
    return out


def _within(ln: Line, x0: float, x1: float, size: float) -> bool:
    return ln.x0 >= x0 - size and ln.x1 <= x1 + size


NEXT_COLUMN = 2.0
"""Body sizes past the picture's width that the next column may reach (its gutter)."""
FIGURE = 3
"""A picture this many body sizes wide and high or more has a caption under it, if any."""
FIGURE_CAPTION = 0.95
"""Lines under a picture in type this much smaller than the text are its caption."""
CAPTION_GAP = 1.5
"""The most space, in body sizes, between a picture and its caption, and between its lines."""
CAPTION_OVERLAP = 0.5
"""How far, in body sizes, a caption's line box may reach up into the picture's."""


def _reach(r: Region, regions: list[Region], right: float, size: float) -> tuple[float, float]:
    """A headline's x-range: from its left edge to the next headline beside it, or the page's
    right edge (a headline is often narrower than its article)."""
    x0 = min(x.x0 for x in r.title)
    y0, y1 = min(x.y0 for x in r.title), max(x.y1 for x in r.title)
    limit = right
    for other in regions:
        ox0 = min(x.x0 for x in other.title)
        oy0, oy1 = min(x.y0 for x in other.title), max(x.y1 for x in other.title)
        if ox0 > x0 + size and oy0 < y1 + 3 * size and oy1 > y0 - 3 * size:
            limit = min(limit, ox0 - 0.5 * size)
    return x0 - size, limit


def _inside(box: Box, x0: float, y0: float, x1: float, y1: float) -> bool:
    return box[0] - 1 <= x0 and x1 <= box[2] + 1 and box[1] - 1 <= y0 and y1 <= box[3] + 1


def _owner(
    seg: list[Line],
    regions: list[Region],
    reach: dict[int, tuple[float, float]],
    frames: list[Box],
    size: float,
) -> Region | None:
    """The nearest headline above the run whose reach covers the run's middle, inside the same
    frame (or outside all frames) as the run."""
    x0, x1 = min(ln.x0 for ln in seg), max(ln.x1 for ln in seg)
    y0, y1 = seg[0].y0, seg[-1].y1
    mid = (x0 + x1) / 2
    frame = next((f for f in frames if _inside(f, x0, y0, x1, y1)), None)
    best = None
    for r in regions:
        a, b = reach[id(r)]
        ty1 = max(x.y1 for x in r.title)
        tx0, ty0 = min(x.x0 for x in r.title), min(x.y0 for x in r.title)
        tx1 = max(x.x1 for x in r.title)
        if not (a <= mid <= b and ty1 <= y0 + size):
            continue
        if next((f for f in frames if _inside(f, tx0, ty0, tx1, ty1)), None) != frame:
            continue
        if best is None or ty1 > best[0]:
            best = (ty1, r)
    return best[1] if best else None


def _reading_order(segs: list[list[Line]], size: float) -> list[list[Line]]:
    """An article's column runs: column by column, left to right, each top to bottom."""
    ordered = sorted(segs, key=lambda s: min(ln.x0 for ln in s))
    columns: list[list[list[Line]]] = []
    for seg in ordered:
        x0 = min(ln.x0 for ln in seg)
        if columns and x0 < max(ln.x1 for s in columns[-1] for ln in s) - 2 * size:
            columns[-1].append(seg)
        else:
            columns.append([seg])
    return [seg for col in columns for seg in sorted(col, key=lambda s: s[0].y0)]


EDGE_BAND = 0.15
"""Top and bottom share of a page where a line other pages repeat is a running head."""
NUMBERS = regex.compile(r"\d+")


def edge_key(text: str) -> str:
    """A line's text with its numbers blanked (page numbers and dates change page to page)."""
    return NUMBERS.sub("#", " ".join(text.split()))


def _at_edge(ln: Line, height: float) -> bool:
    return ln.y1 < EDGE_BAND * height or ln.y0 > (1 - EDGE_BAND) * height


def edge_keys(words: list[Word], height: float) -> list[str]:
    """The :func:`edge_key` of the outermost lines of a page (its top row and its bottom row,
    where running heads and footers sit), top to bottom."""
    lines = lines_of(words)
    if not lines:
        return []
    top, bottom = min(ln.y0 for ln in lines), max(ln.y1 for ln in lines)
    outer = [ln for ln in lines if _outermost(ln, top, bottom, height)]
    return [edge_key(ln.text) for ln in sorted(outer, key=_top_left)]


def _outermost(ln: Line, top: float, bottom: float, height: float) -> bool:
    """In the page's top row or its bottom row (``top``/``bottom``: its lines' extent), within
    the edge band."""
    return _at_edge(ln, height) and (ln.y0 - top < ln.size / 2 or bottom - ln.y1 < ln.size / 2)


def _top_left(ln: Line) -> tuple[float, float]:
    return (ln.y0, ln.x0)


def repeated_edges(pages: list[list[str]], reach: int = 2) -> list[frozenset[str]]:
    """For each page, its edge lines that a nearby page also has at its edge — whole, or split
    into lines differently ("Turu 15 May" as one line there, two here)."""
    out = []
    for p, keys in enumerate(pages):
        others = [
            " ".join(pages[q])
            for q in range(max(0, p - reach), min(len(pages), p + reach + 1))
            if q != p
        ]
        out.append(
            frozenset(
                k
                for k in keys
                if len(k) >= MIN_HEAD_CHARS
                and any(ch.isalpha() for ch in k)
                and any(k in other for other in others)
            )
        )
    return out


MIN_HEAD_CHARS = 5
"""A repeated edge line this short ("# #", a lone page number) tells nothing by repeating."""


def _furniture(ln: Line, size: float, height: float) -> str:
    top, bottom = ln.y1 < 0.06 * height, ln.y0 > 0.94 * height
    if not (top or bottom):
        return ""
    kind = furniture_kind(ln.text, strong_only=False)
    if kind:
        return kind
    if top and ln.size >= 2 * size:
        return "masthead"
    if ln.headline or ln.size >= HEADLINE * size:
        return ""  # an article's headline set at the top of the page (a running head is small)
    return "running-head" if len(ln.words) <= 12 else ""


PULL_QUOTE_LETTERS = 30
"""Display type whose letters (this many at least) the page's body text holds word for word is
a pull quote, not a headline: a headline says in other words what its article says."""


QUOTED = regex.compile(r"^[\"'«“„‘]|[\"'»”’][.!?]?$")
QUOTED_SHARE = 0.4
"""Share of PULL_QUOTE_LETTERS enough for display type in quote marks: it quotes someone."""


def _skeleton(text: str) -> str:
    """Letters only, lower case: line-end hyphens, soft hyphens and quotes fall away."""
    return "".join(ch for ch in text.lower() if ch.isalpha())


def _said(body: list[Line], size: float) -> str:
    """The body's letters, its lines read down each run of lines that start near one x (a
    column, roughly: rows run across columns)."""
    starts = sorted({round(ln.x0) for ln in body})
    column, at = {}, 0
    for k, x in enumerate(starts):
        at += k > 0 and x - starts[k - 1] > 3 * size
        column[x] = at
    ordered = sorted(body, key=lambda ln: (column[round(ln.x0)], ln.y0))
    return _skeleton(" ".join(ln.text for ln in ordered))


def _pull_quote(title: list[Line], said: str) -> int:
    """How many of the title's first lines are a pull quote (set right over a headline, they
    group with it): display type not in bold that the body says word for word (a news lead
    often repeats its headline, in bold)."""
    for k in range(len(title), 0, -1):
        if any(ln.bold for ln in title[:k]):
            continue
        text = " ".join(ln.text for ln in title[:k])
        letters = _skeleton(text)
        least = PULL_QUOTE_LETTERS * (QUOTED_SHARE if QUOTED.search(text) else 1)
        if len(letters) >= least and _said_in_two(letters, said, least):
            return k
    return 0


def _said_in_two(letters: str, said: str, least: int) -> bool:
    """Whether the body says ``letters`` whole, or its first ``least`` letters or more in one
    place and the rest in another (the body's lines are read column by column down the page:
    a quote from a paragraph a column's end cuts is in two parts there)."""
    if letters in said:
        return True
    lo, hi = 0, len(letters)  # the longest prefix the body says: every shorter one it says too
    while lo < hi:
        mid = (lo + hi + 1) // 2
        lo, hi = (mid, hi) if letters[:mid] in said else (lo, mid - 1)
    return lo >= least and letters[lo:] in said


def _titles(heads: list[Line], size: float) -> list[list[Line]]:
    """Headline lines that sit under each other with the same left edge make one title."""
    out: list[list[Line]] = []
    for ln in sorted(heads, key=lambda x: (x.y0, x.x0)):
        for t in out:
            last = t[-1]
            # OCR boxes of a tightly set headline overlap a little (descenders over ascenders).
            if abs(last.x0 - ln.x0) < size and -0.25 * ln.size <= ln.y0 - last.y1 < 1.2 * ln.size:
                t.append(ln)
                break
        else:
            out.append([ln])
    return out


def paragraphs(region: Region) -> list[list[str]]:
    """Body lines in reading order, cut into paragraphs by indentation, short closed last lines
    and vertical gaps. Each paragraph is its printed lines (hyphens still in place)."""
    out: list[list[str]] = []
    prev: Line | None = None
    prev_right = prev_left = 0.0
    # Where paragraphs open indented, indentation alone marks them: ragged-right lines that end
    # short after a full stop are only sentences ending.
    lefts = [_left_edge(col) for col in region.columns]
    indenting = any(
        ln.x0 - left > 0.6 * ln.size
        for col, left in zip(region.columns, lefts, strict=True)
        for ln in col
    )
    # Where lines end ragged, a line short after a full stop is any sentence's end.
    rights = [max(ln.x1 for ln in col) for col in region.columns]
    flush = [
        right - ln.x1 <= 0.3 * ln.size
        for col, right in zip(region.columns, rights, strict=True)
        for ln in col[:-1]
    ]
    justified = len(flush) < JUSTIFIED_LINES or sum(flush) >= JUSTIFIED * len(flush)
    cut_short = not indenting and justified
    item_text = None  # where the text of the list item being read starts
    for col, left, right in zip(region.columns, lefts, rights, strict=True):
        pairs = list(itertools.pairwise(col))
        spacing = statistics.median([b.y0 - a.y0 for a, b in pairs if b.y0 > a.y0] or [0])
        baselines = statistics.median([b.y1 - a.y1 for a, b in pairs if b.y1 > a.y1] or [0])
        for k, ln in enumerate(col):
            char = ln.size * 0.5
            starts = prev is None
            hung = item_text is not None and abs(ln.x0 - item_text) <= char
            if _list_item(ln) or (
                _numbered(ln) and prev is not None and CLOSED.search(prev.text) is not None
            ):
                starts = True
            elif hung and not _numbered(ln):
                starts = False  # the item goes on, hung under its text
            elif not starts and k > 0:
                # Both the tops and the bottoms of the lines part (a tall letter moves one).
                gap = min(
                    (ln.y0 - col[k - 1].y0) / spacing if spacing else 0,
                    (ln.y1 - col[k - 1].y1) / baselines if baselines else 0,
                )
                indented = ln.x0 - left > 1.2 * char
                short_closed = (
                    cut_short
                    and right - col[k - 1].x1 > 4 * char
                    and CLOSED.search(col[k - 1].text) is not None
                )
                starts = indented or short_closed or gap > PARAGRAPH_GAP
            elif not starts and k == 0 and prev is not None:
                # A new column: the paragraph goes on unless the last one ended short and closed
                # (where lines end ragged, shorter than any line ends for want of room).
                short = 4 * char if justified else RAGGED_SHORT * (prev_right - prev_left)
                starts = ln.x0 - left > 1.2 * char or (
                    not indenting
                    and CLOSED.search(prev.text) is not None
                    and prev_right - prev.x1 > short
                )
            if _list_item(ln) or _numbered(ln):
                item_text = ln.words[1].x0
            elif not hung:
                item_text = None
            if starts or not out:
                out.append([])
            out[-1].append(ln.text)
            prev = ln
        prev_right, prev_left = right, left
    return out


def _list_item(ln: Line) -> bool:
    return len(ln.words) > 1 and ln.words[0].text in LIST_MARKS


def _numbered(ln: Line) -> bool:
    """Opens with a number or letter and its closing mark (1. 2) a.): an item whose lines may
    hang under its text, though a wrapped sentence may open so too (… səhifənin | 5. bəndi)."""
    return len(ln.words) > 1 and ITEM_MARK.match(ln.text) is not None


def _left_edge(col: list[Line]) -> float:
    """Where a column's lines start flush: the leftmost start that a few of them share (an OCR
    box that sticks out a little, over noise, is no edge to measure indents from)."""
    starts = sorted(ln.x0 for ln in col)
    enough = max(2, len(starts) // 10)
    if len(starts) < 2 * enough:
        return starts[0]
    slack = 0.3 * statistics.median(ln.size for ln in col)
    return next(
        (
            x
            for k, x in enumerate(starts)
            if k + enough <= len(starts) and starts[k + enough - 1] - x <= slack
        ),
        starts[0],
    )
