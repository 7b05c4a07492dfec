"""Recover the reading order of blocks from the text alone.

Every ordered pair of nearby blocks is scored by :func:`continuation` (does A end open, does B
start as its continuation, does the broken word across the junction exist?). A beam search then
looks for the order with the best sum over its junctions: a continuation earns its score, an open
end or a lower-case start left without one costs ``open_cost``, and every block passed over costs
``move_cost``, so weak evidence leaves the input order standing. Layout extractors misplace
fragments by a few blocks, so a block never moves further than ``max_shift``: that keeps the
search small, and a hand-written beam fits it better than a generic ATSP solver, which has no
notion of the input order.
"""

from __future__ import annotations

from typing import NamedTuple

from sutun.document import Document, Edit
from sutun.steps.evidence import (
    CLOSING_QUOTES,
    Context,
    Continuation,
    Ends,
    continuation,
    is_closed,
    starts_lower,
    title_like,
)

STEP = "reorder"


def pinned(doc: Document) -> set[int]:
    """The title stays first."""
    body = doc.body()
    if body and title_like(Ends.of(doc.text_of(body[0])).core):
        return {body[0]}
    return set()


STRONG = 2.0
"""A continuation this strong fully explains an open end and a lower-case start."""


def openness(core: str) -> float:
    """1 for an open end, 0 for a closed one; a closing quote often ends the quoted sentence."""
    if is_closed(core):
        return 0.0
    return 0.5 if core.rstrip()[-1:] in CLOSING_QUOTES else 1.0


class _State(NamedTuple):
    score: float
    seq: tuple[int, ...]
    placed: frozenset[int]


def run(doc: Document, ctx: Context) -> None:
    body = doc.body()
    if len(body) < 3:
        return
    texts = [doc.text_of(i) for i in body]
    cores = [Ends.of(t).core for t in texts]
    n, window = len(body), ctx.config.max_shift
    title = body[0] in pinned(doc)
    links: dict[tuple[int, int], Continuation] = {}
    for k in range(1 if title else 0, n):
        for j in range(max(1, k - window - 1), min(n, k + window + 2)):
            if j != k:
                c = continuation(texts[k], texts[j], ctx, doc.language)
                if c.score >= (ctx.config.link_threshold if j != k + 1 else 1e-9):
                    links[k, j] = c
    if not any(j != k + 1 for k, j in links):
        return  # nothing links out of order
    open_end = [openness(c) for c in cores]
    open_end[0] = 0.0 if title else open_end[0]
    lower_start = [starts_lower(c.lstrip()) for c in cores]
    cost = ctx.config.open_cost

    def junction(k: int, j: int | None) -> float:
        unexplained = cost * (open_end[k] + (j is not None and lower_start[j]))
        c = links.get((k, j)) if j is not None else None
        if c is None:
            return -unexplained
        # A weak continuation explains an open end only in part.
        return c.score - unexplained * max(0.0, 1.0 - c.score / STRONG)

    def move_price(j: int, s: int) -> float:
        # Extractors misplace the fragment that heads a column, which starts in lower case
        # when it continues a paragraph: such a move is the likelier explanation.
        cheap = lower_start[j] or lower_start[s]
        return ctx.config.move_cost * (0.75 if cheap else 1.0)

    # The first block (title or opening text) stays first.
    beam = [_State(-cost * lower_start[0], (0,), frozenset({0}))]
    for _ in range(n - 1):
        best: dict[tuple[frozenset[int], int], _State] = {}
        for st in beam:
            first_free = next(i for i in range(n) if i not in st.placed)
            forced = len(st.seq) - first_free >= window
            passed: list[int] = []
            for j in range(first_free, min(n, first_free + window + 1)):
                if j in st.placed:
                    continue
                moves = sum(move_price(j, s) for s in passed)
                score = st.score + junction(st.seq[-1], j) - moves
                passed.append(j)
                placed = st.placed | {j}
                key = (placed, j)
                if key not in best or score > best[key].score:
                    best[key] = _State(score, (*st.seq, j), placed)
                if forced:
                    break
        beam = sorted(best.values(), key=lambda s: s.score, reverse=True)[: ctx.config.beam]
    final = max(beam, key=lambda s: s.score + junction(s.seq[-1], None))
    order = [body[k] for k in final.seq]
    if order == body:
        return
    evidence = {}
    for prev, k in zip(final.seq, final.seq[1:], strict=False):
        c = links.get((prev, k))
        evidence[body[k]] = {"after_block": body[prev]} | (
            {"score": round(c.score, 3), **c.evidence} if c else {"reason": "its neighbours moved"}
        )
    _emit_moves(doc, body, order, evidence)


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
