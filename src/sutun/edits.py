"""Replay a list of edits on the input text, exactly (like ftfy's ``apply_plan``)."""

from __future__ import annotations

import itertools
from collections.abc import Iterable

from sutun.document import Edit


def apply_edits(text: str, edits: Iterable[Edit | dict]) -> str:
    """Apply ``edits`` (spans in ``text``) and return the output.

    Replacements must not overlap one another and must lie wholly inside or wholly outside every
    moved span; moves are applied in list order. Dropping any edit from the list still replays.
    """
    return "".join(p[2] for p in _pieces(text, edits))


def map_offsets(text: str, edits: Iterable[Edit | dict], offsets: Iterable[int]) -> list[int]:
    """Where input offsets (page ends, say) land in the output of ``apply_edits``.

    An offset inside replaced text lands at the end of its replacement; the results are made
    non-decreasing (a page end cannot come before the previous one, even when reordering moved
    text across it).
    """
    pieces = _pieces(text, edits)
    starts, out_at = [], 0
    for a, b, piece in pieces:
        starts.append((a, b, out_at, piece))
        out_at += len(piece)
    result, floor = [], 0
    for offset in offsets:
        landed = out_at
        for a, b, at, piece in starts:
            if a <= offset <= b and a != b:
                unchanged = piece == text[a:b]
                landed = at + (offset - a if unchanged else len(piece))
                break
        floor = max(floor, min(landed, out_at))
        result.append(floor)
    return result


def _pieces(text: str, edits: Iterable[Edit | dict]) -> list[list]:
    """The input cut at every edit boundary, each piece ``[start, end, output text]``, in output
    order."""
    edits = [e if isinstance(e, Edit) else Edit.from_dict(e) for e in edits]
    for e in edits:
        if not 0 <= e.start <= e.end <= len(text):
            raise ValueError(f"edit span out of range: {e.start}..{e.end} of {len(text)}")
    replaces = sorted((e for e in edits if not e.is_move), key=lambda e: (e.start, e.end))
    moves = [e for e in edits if e.is_move]
    for a, b in itertools.pairwise(replaces):
        if b.start < a.end:
            raise ValueError(f"overlapping edits at {b.start}")
    cuts = {0, len(text)}
    for e in edits:
        cuts.update((e.start, e.end))
        if e.after is not None:
            cuts.add(e.after)
    bounds = sorted(cuts)
    # Pieces: (start, end, text). Zero-width pieces hold insertions.
    pieces: list[list] = []
    inserts = {e.start: e for e in replaces if e.start == e.end}
    for a, b in itertools.pairwise(bounds):
        if a in inserts:
            pieces.append([a, a, inserts.pop(a).replacement])
        pieces.append([a, b, text[a:b]])
    for pos, e in inserts.items():
        pieces.append([pos, pos, e.replacement])
    index = {p[0]: k for k, p in enumerate(pieces) if p[0] != p[1]}
    for e in replaces:
        if e.start == e.end:
            continue
        first = True
        for p in pieces[index[e.start] :]:
            if p[0] >= e.end:
                break
            if p[0] != p[1]:
                p[2] = e.replacement if first else ""
                first = False
    for m in moves:
        inside = [
            p for p in pieces if m.start <= p[0] and p[1] <= m.end and not (p[0] == p[1] == m.end)
        ]
        for e in replaces:
            if e.start < m.end and m.start < e.end and not (m.start <= e.start and e.end <= m.end):
                raise ValueError(f"edit {e.start}..{e.end} straddles moved span {m.start}..{m.end}")
        if not inside:
            continue
        moving = {id(p) for p in inside}
        rest = [p for p in pieces if id(p) not in moving]
        anchor = max(
            (k for k, p in enumerate(rest) if p[1] == m.after and p[0] != p[1]),
            default=None,
            key=lambda k: k,
        )
        k = (0 if m.after == 0 else len(rest)) if m.after == 0 or anchor is None else anchor + 1
        pieces = rest[:k] + inside + rest[k:]
    return pieces
