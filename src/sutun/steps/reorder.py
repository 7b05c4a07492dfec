"""Recover the reading order of blocks from the text alone.

Every ordered pair of nearby blocks is scored by :func:`continuation` (does A end open, does B
start as its continuation, does the broken word across the junction exist?). Links are taken
best-first — each block gets at most one successor and one predecessor, no cycles — and chains of
linked blocks are placed where their first block stood. Weak evidence links nothing, so the input
order stands. A hand-written greedy matching: the pair scores are sparse and local, and an exact
ATSP solver would move blocks on evidence this thin.
"""

from __future__ import annotations

from sutun.document import Document, Edit
from sutun.steps.evidence import Context, Ends, continuation, is_closed, title_like

STEP = "reorder"


def pinned(doc: Document) -> set[int]:
    """The title stays first."""
    body = doc.body()
    if body and title_like(Ends.of(doc.text_of(body[0])).core):
        return {body[0]}
    return set()


def run(doc: Document, ctx: Context) -> None:
    body = doc.body()
    if len(body) < 3:
        return
    fixed = pinned(doc)
    texts = {i: doc.text_of(i) for i in body}
    pos = {b: k for k, b in enumerate(body)}
    candidates = []
    for a in body:
        if a in fixed or is_closed(Ends.of(texts[a]).core):
            continue
        for b in body:
            if b == a or b in fixed or b == body[0]:
                continue
            distance = pos[b] - pos[a]
            if abs(distance) > ctx.config.max_shift:
                continue
            c = continuation(texts[a], texts[b], ctx, doc.language)
            if c.score <= 0:
                continue
            adjacent = distance == 1
            score = c.score - 0.15 * (abs(distance) - 1) + (0.3 if adjacent else 0)
            if adjacent or c.score >= ctx.config.link_threshold:
                candidates.append((score, -abs(distance), a, b, c))
    candidates.sort(key=lambda t: (t[0], t[1]), reverse=True)
    succ: dict[int, int] = {}
    pred: dict[int, int] = {}
    evidence: dict[int, dict] = {}
    for score, _, a, b, c in candidates:
        if a in succ or b in pred or _reaches(succ, b, a):
            continue
        succ[a], pred[b] = b, a
        evidence[b] = {"after_block": a, "score": round(score, 3), **c.evidence}
    heads = [i for i in body if i not in pred]
    order: list[int] = []
    for h in sorted(heads, key=pos.__getitem__):
        i: int | None = h
        while i is not None:
            order.append(i)
            i = succ.get(i)
    if order == body:
        return
    _emit_moves(doc, body, order, evidence)


def _reaches(succ: dict[int, int], start: int, target: int) -> bool:
    i: int | None = start
    while i is not None:
        if i == target:
            return True
        i = succ.get(i)
    return False


def _emit_moves(doc: Document, body: list[int], order: list[int], evidence: dict) -> None:
    stay = set(_longest_increasing(order))
    for k, i in enumerate(order):
        if i in stay:
            continue
        prev = order[k - 1]
        doc.add(
            Edit(
                "move",
                doc.separator_start(i),
                doc.blocks[i].end,
                after=doc.blocks[prev].end,
                step=STEP,
                confidence=0.8,
                evidence={
                    "block": i,
                    "from": body.index(i),
                    "to": k,
                    **evidence.get(i, {"reason": "its chain moved"}),
                },
            )
        )
    furniture = [i for i in doc.order if doc.blocks[i].kind == "furniture"]
    doc.order = order + furniture


def _longest_increasing(seq: list[int]) -> list[int]:
    best: list[list[int]] = []
    for x in seq:
        options = [run for run in best if run[-1] < x]
        new = [*max(options, key=len, default=[]), x]
        best.append(new)
    return max(best, key=len, default=[])
