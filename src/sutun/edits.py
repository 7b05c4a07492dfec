"""Replay a list of edits on the input text, exactly (like ftfy's ``apply_plan``)."""

from __future__ import annotations

import bisect
import dataclasses
import itertools
from collections.abc import Callable, Iterable

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
    placed, out_at = [], 0  # (input start, input end, output offset, text, output rank)
    for rank, (a, b, piece) in enumerate(pieces):
        if a != b:
            placed.append((a, b, out_at, piece, rank))
        out_at += len(piece)
    placed.sort()
    starts = [p[0] for p in placed]
    result, floor = [], 0
    for offset in offsets:
        # The piece holding the offset, or the one ending at it: whichever the output has first.
        k = bisect.bisect_right(starts, offset) - 1
        found = [p for p in placed[max(k - 1, 0) : k + 1] if p[0] <= offset <= p[1]]
        landed = out_at
        if found:
            a, b, at, piece, _ = min(found, key=lambda p: p[4])
            unchanged = piece == text[a:b]
            landed = at + (offset - a if unchanged else len(piece))
        floor = max(floor, min(landed, out_at))
        result.append(floor)
    return result


def compose(text: str, first: list[Edit], then: list[Edit]) -> list[Edit] | None:
    """Edits of ``text`` that do what ``first`` (replacements only) and then ``then`` (edits of
    ``first``'s output) do: ``apply_edits(text, result)`` replays both at once.

    An edit of ``then`` that cuts into a replacement of ``first`` takes it in (one edit from the
    input span to the final text). None when a move would start or end inside one.
    """
    first = sorted(first, key=lambda e: e.start)
    middle = apply_edits(text, first)
    spans = _spans(first)
    starts = [s[2] for s in spans]
    back = _back(spans)

    groups: list[list] = []  # [start, end, edits of ``then``] in the middle text
    for e in sorted((e for e in then if not e.is_move), key=lambda e: (e.start, e.end)):
        lo, hi = e.start, e.end
        for _, _, s, t in spans[max(0, bisect.bisect_right(starts, lo) - 1) :]:
            if s >= hi:
                break
            if s < lo < t or s < hi < t or lo <= s < t <= hi:
                lo, hi = min(lo, s), max(hi, t)
        if groups and lo < groups[-1][1]:
            groups[-1][1] = max(groups[-1][1], hi)
            groups[-1][2].append(e)
        else:
            groups.append([lo, hi, [e]])
    out: list[Edit] = []
    for lo, hi, members in groups:
        start, end = back(lo), back(hi)
        assert start is not None and end is not None  # widened to whole replacements
        head = members[0]
        if len(members) == 1 and (lo, hi) == (head.start, head.end):
            out.append(dataclasses.replace(head, start=start, end=end))
            continue
        local = [dataclasses.replace(m, start=m.start - lo, end=m.end - lo) for m in members]
        evidence = {**head.evidence, "from": text[start:end]}
        if len(members) > 1:
            evidence["with"] = [m.kind for m in members[1:]]
        replacement = apply_edits(middle[lo:hi], local)
        out.append(
            dataclasses.replace(
                head, start=start, end=end, replacement=replacement, evidence=evidence
            )
        )
    covered = [(g[0], g[1]) for g in groups]
    for e, (_, _, s, t) in zip(first, spans, strict=True):
        k = bisect.bisect_right(covered, (s, len(middle) + 1)) - 1
        lo, hi = covered[k] if k >= 0 else (0, 0)
        if not (lo <= s and t <= hi and (s < t or lo < s < hi)):
            out.append(e)  # untouched by ``then``
    for e in then:
        if e.is_move:
            start, end, after = back(e.start), back(e.end), back(e.after or 0)
            if start is None or end is None or after is None:
                return None
            out.append(dataclasses.replace(e, start=start, end=end, after=after))
    return out


def back_through(replacements: list[Edit]) -> Callable[[int], int | None]:
    """For non-overlapping ``replacements``: the input offset of an offset in their output, None
    for one inside a replacement."""
    return _back(_spans(sorted(replacements, key=lambda e: e.start)))


def _back(spans: list[tuple[int, int, int, int]]) -> Callable[[int], int | None]:
    starts = [s[2] for s in spans]

    def back(pos: int) -> int | None:
        k = bisect.bisect_right(starts, pos) - 1
        if k < 0:
            return pos
        a, b, s, t = spans[k]
        return pos - t + b if pos >= t else a if pos == s else None

    return back


def _spans(replacements: list[Edit]) -> list[tuple[int, int, int, int]]:
    """Each replacement (sorted) as (input start, input end, start, end in the output)."""
    spans, shift = [], 0
    for e in replacements:
        spans.append((e.start, e.end, e.start + shift, e.start + shift + len(e.replacement)))
        shift += len(e.replacement) - (e.end - e.start)
    return spans


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
        k = index[e.start]
        pieces[k][2] = e.replacement
        k += 1
        while k < len(pieces) and pieces[k][0] < e.end:
            if pieces[k][0] != pieces[k][1]:
                pieces[k][2] = ""
            k += 1
    return _moved(pieces, replaces, moves) if moves else pieces


def _moved(pieces: list[list], replaces: list[Edit], moves: list[Edit]) -> list[list]:
    """``pieces`` (in input order) reordered by ``moves``, in list order: each takes the pieces
    inside its span, in their current order, to after the piece that ends at its ``after``.
    Kept as a linked list, so a document of thousands of moved blocks costs no more per move
    than one of ten."""
    n = len(pieces)
    head, tail = n, n + 1
    nxt = [*range(1, n), tail, 0, -1] if n else [tail, -1]
    prv = [head, *range(n - 1), -1, n - 1] if n else [-1, head]
    starts = [p[0] for p in pieces]
    ends_at = {p[1]: k for k, p in enumerate(pieces) if p[0] != p[1]}
    edit_starts = [e.start for e in replaces]
    for m in moves:
        inside = []
        k = bisect.bisect_left(starts, m.start)
        while k < n and pieces[k][1] <= m.end:
            if not pieces[k][0] == pieces[k][1] == m.end:
                inside.append(k)
            k += 1
        for at in (m.start, m.end):  # an edit across either end of the span
            j = bisect.bisect_left(edit_starts, at) - 1
            if j >= 0 and replaces[j].end > at:
                e = replaces[j]
                raise ValueError(f"edit {e.start}..{e.end} straddles moved span {m.start}..{m.end}")
        if not inside:
            continue
        if any(nxt[a] != b for a, b in itertools.pairwise(inside)):
            # Pieces an earlier move scattered: take them in their current order.
            wanted, inside, k = set(inside), [], nxt[head]
            while k != tail:
                if k in wanted:
                    inside.append(k)
                k = nxt[k]
        for k in inside:
            nxt[prv[k]], prv[nxt[k]] = nxt[k], prv[k]
        anchor = ends_at.get(m.after)
        if m.after == 0:
            anchor = head
        elif anchor is None or anchor in inside:
            anchor = prv[tail]
        for k in inside:
            nxt[k], prv[k] = nxt[anchor], anchor
            prv[nxt[anchor]] = k
            nxt[anchor] = k
            anchor = k
    out, k = [], nxt[head]
    while k != tail:
        out.append(pieces[k])
        k = nxt[k]
    return out
