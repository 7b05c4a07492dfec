"""Recover the reading order of blocks from the text alone.

Every ordered pair of nearby blocks is scored by :func:`continuation` (does A end open, does B
start as its continuation, does the broken word across the junction exist?). A beam search then
looks for the order with the best sum over its junctions: a continuation earns its score, an open
end or a lower-case start left without one costs ``open_cost``, and every block passed over costs
``move_cost``, so weak evidence leaves the input order standing. Layout extractors misplace
fragments by a few blocks, so the search moves a block no further than ``max_shift``: that keeps
it small, and a hand-written beam fits it better than a generic ATSP solver, which has no notion
of the input order. A column head emitted after everything else comes back from further only on
the strongest evidence: a broken word the lexicon knows whole, or the one open end and the one
lower-case start nothing else explains. List items (1), 2), a., b.) are ordered by their marks too.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Callable
from typing import Any

from sutun.document import Document, Edit
from sutun.steps.evidence import (
    CLOSING_QUOTES,
    DASH_END,
    HYPHEN_END,
    ITEM_MARK,
    SEEN_JOIN_SCORE,
    TAIL,
    Context,
    Continuation,
    Ends,
    abbreviation,
    caption,
    continuation,
    debris,
    first_line,
    head_of,
    heads_an_article,
    inner_stop,
    is_closed,
    last_line,
    starts_lower,
    structural,
    tail_of,
    title_like,
    word_across,
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
    tail = core.rstrip()[-TAIL:]
    if HYPHEN_END.search(tail):
        return 1.0
    if DASH_END.search(tail) or tail.endswith(":"):
        return 0.5  # a quote's attribution may follow (“…”, – deyə), or a quote, or a list
    if is_closed(core):
        return 0.5 if abbreviation(tail) else 0.0  # R. | Quliyev, 8. | səhifəsində
    return 0.5 if tail[-1:] in CLOSING_QUOTES else 1.0


def run(doc: Document, ctx: Context) -> None:
    # Blocks cleanup emptied (a lone glyph) have no text to place: they stay where they are.
    body = [i for i in doc.body() if doc.text_of(i).strip()]
    if len(body) < 3:
        return
    aside, evidence = _floats_set_aside(body, [doc.text_of(i) for i in body], ctx, doc.language)
    order = _reading_order(doc, ctx, aside, evidence)
    if order != body:
        _emit_moves(doc, body, order, evidence)


FLOAT_RUN = 2
"""Most blocks in a row (a table, its caption) that may stand inside a sentence."""
FLOAT_REACH = 4
"""Most blocks a paragraph so interrupted is followed through, looking for its end."""


def _floats_set_aside(
    body: list[int], texts: list[str], ctx: Context, language: str | None
) -> tuple[list[int], dict[int, dict]]:
    """Tables and captions that stand inside a sentence — the text before them ends open and
    the text after goes on from it, in lower case or across a broken word — are a layout's
    floats (docling sets a table where it was drawn): each is set after the paragraph it
    interrupts. Headings, images and rules stay where they are: an OCR tool's page marks."""
    n = len(texts)
    cores = [Ends.of(t).core for t in texts]
    floats = [
        t.lstrip()[:1] == "|" or caption(first_line(c)) for t, c in zip(texts, cores, strict=True)
    ]
    order = list(range(n))
    evidence: dict[int, dict] = {}
    k = 1
    while k < n - 1:
        if not floats[k]:
            k += 1
            continue
        end = k
        while end + 1 < n and floats[end + 1]:
            end += 1
        before, after = k - 1, end + 1
        if (
            after < n
            and end - k < FLOAT_RUN
            and not floats[before]
            and openness(cores[before]) == 1.0
            and starts_lower(cores[after].lstrip())
            and not (debris(texts[before], ctx, at_end=True) or debris(texts[after], ctx))
        ):
            c = continuation(texts[before], texts[after], ctx, language)
            if c.score >= STRONG:
                last = after  # the paragraph goes on while its blocks end open
                while (
                    last + 1 < n
                    and last - after < FLOAT_REACH
                    and not floats[last + 1]
                    and openness(cores[last])
                ):
                    last += 1
                run = order[k : end + 1]
                del order[k : end + 1]
                at = order.index(last) + 1
                order[at:at] = run
                reason = "a table or caption inside a sentence: set after its paragraph"
                for p in run:
                    evidence[body[p]] = {"after_block": body[last], "reason": reason}
        k = end + 1
    return [body[p] for p in order], evidence


def _reading_order(doc: Document, ctx: Context, body: list[int], evidence: dict) -> list[int]:
    """The blocks ``body`` in reading order; the evidence for each block moved goes into
    ``evidence``."""
    texts = [doc.text_of(i) for i in body]
    cores = [Ends.of(t).core for t in texts]
    n, window, cost = len(body), ctx.config.max_shift, ctx.config.open_cost
    title = body[0] in pinned(doc)
    open_end = [openness(c) for c in cores]
    open_end[0] = 0.0 if title else open_end[0]
    headlines = [
        0 < k < n - 1
        and bool(open_end[k])
        and heads_an_article(texts[k - 1], texts[k], texts[k + 1], ctx, doc.language)
        for k in range(n)
    ]
    for k in range(n):
        if headlines[k]:
            open_end[k] = 0.0  # a headline needs nothing after it, as the first one
    for k in _headings(cores, texts):
        open_end[k] = 0.0
    for k, core in enumerate(cores):
        if open_end[k] and caption(last_line(core)):
            open_end[k] = 0.0
    lower_start = [starts_lower(c.lstrip()) for c in cores]
    links: dict[tuple[int, int], Continuation] = {}
    for k in range(n):
        if not open_end[k]:
            continue  # a closed block continues into nothing
        tail = tail_of(texts[k])
        # Away from its neighbour, only a strong continuation counts: into a lower-case start,
        # or across a hyphen, a comma or an open parenthesis.
        strong_end = bool(tail.hyphen) or tail.core.endswith(",") or tail.parenthesis
        for j in range(max(1, k - window - 1), min(n, k + window + 2)):
            if j == k or (j != k + 1 and not lower_start[j] and not strong_end):
                continue
            c = continuation(texts[k], texts[j], ctx, doc.language)
            if c.score >= (ctx.config.link_threshold if j != k + 1 else 1e-9):
                links[k, j] = c

    listed = _next_items(cores, window, lambda k: _strong(links, k, k + 1))
    for k, j in listed.items():
        links.setdefault((k, j), Continuation("", LIST_SCORE, True, {"next_list_item": True}))
    far = _far_links(texts, open_end, lower_start, window, ctx, doc.language)
    links.update(far)
    layout = [structural(t) for t in texts]
    fixed = [s or h for s, h in zip(layout, headlines, strict=True)]
    for k, j in links:
        lo, hi = min(k, j), max(k, j)
        if hi - lo > 1 and word_across(links[k, j]) and not any(layout[lo + 1 : hi]):
            # A word broken across it (…çıxsa, bi- | … | zim fabrikdə…): one article's text
            # stands on both sides of the line, which heads none (…” | Cənab Clark dedi).
            for h in range(lo + 1, hi):
                fixed[h] = False
    barriers = list(itertools.accumulate(fixed))
    # Letter debris (a picture read by OCR) neither continues nor is continued (asked when a
    # link out of order could move a block: most documents have none).
    sorting = any(j != k + 1 for k, j in links)

    def kept(k: int, j: int, c: Continuation) -> bool:
        # No text moves across a heading, a headline or an image (a record may hold several
        # articles): a link across one would tie the stretches on its two sides into one left
        # alone.
        if barriers[min(k, j)] != barriers[max(k, j)]:
            return False
        return (
            not sorting
            or word_across(c)
            or not (debris(texts[k], ctx, at_end=True) or debris(texts[j], ctx))
        )

    # A fragment right under a heading whose broken word's first half ends the text right over
    # it (a known word across) is no continuation of anything on its own side: left where it is.
    claimed = {
        j: c.score
        for (k, j), c in links.items()
        if k < j
        and c.kind == "hyphen"
        and c.score >= SEEN_JOIN_SCORE
        and barriers[k] != barriers[j]
        and all(fixed[k + 1 : j])
    }
    links = {
        (k, j): c for (k, j), c in links.items() if kept(k, j, c) and c.score >= claimed.get(j, 0.0)
    }
    far = {kj: c for kj, c in far.items() if kj in links}
    if not any(j != k + 1 for k, j in links) and not _lone_orphans(
        list(range(n)), links, open_end, lower_start, window
    ):
        return body  # without a link out of order, no move can pay for itself

    def junction(k: int, j: int | None) -> float:
        unexplained = cost * (open_end[k] + (j is not None and lower_start[j]))
        c = links.get((k, j)) if j is not None else None
        if c is None:
            return -unexplained
        # A weak continuation explains an open end only in part.
        return c.score - unexplained * max(0.0, 1.0 - c.score / STRONG)

    def reads_well(k: int) -> bool:
        """The input order's junction after position k needs no explaining."""
        if k + 1 == n:
            return not open_end[k]
        if k in listed:
            return False  # the next list item stands elsewhere
        c = links.get((k, k + 1))
        return c.score >= STRONG if c else junction(k, k + 1) == 0

    # Extractors misplace the fragment that heads a column, which starts in lower case when it
    # continues a paragraph: such a move is the likelier explanation, so it costs less.
    price = [ctx.config.move_cost * (0.75 if low else 1.0) for low in lower_start]
    # Blocks move only within stretches that a link out of order spans; the first block (title
    # or opening text) stays first.
    seq: list[int] = [0]
    for lo, hi in _stretches(links, n):
        if all(reads_well(k) for k in range(lo - 1, hi + 1)) or any(fixed[lo : hi + 1]):
            continue  # reads well already, or would move text across a heading or an image
        seq += range(len(seq), lo)
        seq += _search(lo, hi, n, window, ctx.config.beam, junction, price, lower_start)
    seq += range(len(seq), n)
    # Then the moves from beyond the window: broken words first, then a lone pair of orphans.
    pairs = sorted(far, key=lambda kj: -far[kj].score)
    orphans = _lone_orphans(seq, links, open_end, lower_start, window)
    if orphans and orphans not in links:
        c = continuation(texts[orphans[0]], texts[orphans[1]], ctx, doc.language)
        if c.score >= STRONG:
            links[orphans] = c
            pairs.append(orphans)
    for k, j in pairs:
        _move_far(seq, k, j, junction, links, fixed)
    for prev, k in itertools.pairwise(seq):
        link = links.get((prev, k))
        # A float set aside keeps its reason; every block its actual predecessor.
        reason = evidence.get(body[k], {}).get("reason", "its neighbours moved")
        evidence[body[k]] = {"after_block": body[prev]} | (
            {"score": round(link.score, 3), **link.evidence} if link else {"reason": reason}
        )
    return [body[k] for k in seq]


def _search(
    lo: int,
    hi: int,
    n: int,
    window: int,
    width: int,
    junction: Callable[[int, int | None], float],
    price: list[float],
    lower_start: list[bool],
) -> tuple[int, ...]:
    """The best order of positions lo..hi, between the fixed blocks lo-1 and hi+1, by a beam
    ``width`` states wide."""
    # Junction values by (last, j) position, offset by lo - 1; filled on first use.
    side = hi - lo + 2
    values: list[float | None] = [None] * (side * side)
    base = lo - 1
    # A state: (score, last position, placed bit set, first unplaced position, the path as a
    # linked list (position, previous link)) — no sequence is copied while searching.
    beam: list[tuple[float, int, int, int, Any]] = [(0.0, lo - 1, (1 << lo) - 1, lo, None)]
    for _ in range(hi - lo + 1):
        # State key: the placed bit set and the last position, packed in one int (hashed faster
        # than a tuple).
        best: dict[int, tuple] = {}
        get = best.get
        for score0, last, placed0, first_free, path in beam:
            # Blocks placed past the first unplaced one: at the window's width it must go next.
            forced = placed0.bit_count() - first_free >= window
            passed, passed_price = 0, 0.0  # unplaced blocks before j: each is an inversion
            row = (last - base) * side - base
            for j in range(first_free, min(hi + 1, first_free + window + 1)):
                if placed0 >> j & 1:
                    continue
                value = values[row + j]
                if value is None:
                    value = values[row + j] = junction(last, j)
                score = score0 + value - (price[j] * passed if lower_start[j] else passed_price)
                key = (placed0 | 1 << j) << KEY_BITS | j
                old = get(key)
                if old is None or score > old[0]:
                    best[key] = (score, first_free, path)
                if forced:
                    break
                passed += 1
                passed_price += price[j]
        beam = []
        top = sorted(best.items(), key=_score, reverse=True)[:width]
        for key, (score, first_free, path) in top:
            placed, j = key >> KEY_BITS, key & KEY_MASK
            while placed >> first_free & 1:
                first_free += 1
            beam.append((score, j, placed, first_free, (j, path)))
    after = hi + 1 if hi + 1 < n else None
    final = max(beam, key=lambda st: st[0] + junction(st[1], after))
    seq: list[int] = []
    path = final[4]
    while path is not None:
        seq.append(path[0])
        path = path[1]
    return tuple(reversed(seq))


LIST_SCORE = 2.0
"""A complete list item followed by the item its enumerator says comes next (1) → 2), a. → b.)."""


HEADING_WORDS = 8


def _heading_like(core: str) -> bool:
    """One short line that starts with a capital and has no sentence end, inside or at its end,
    and no hyphen, dash or comma to go on from."""
    core = core.strip()
    return (
        title_like(core)
        and core[:1].isupper()
        and not inner_stop(core)
        and len(core.split()) <= HEADING_WORDS
        and core[-1:] not in HEADING_NEVER_ENDS
    )


HEADING_NEVER_ENDS = "-,–—¬"


def _headings(cores: list[str], texts: list[str]) -> list[int]:
    """Section headings: two or more heading-like blocks in a row (Fəsil 3 | Torpağın
    nəmliyi) after a closed block, before one that starts with a capital. One such block alone
    is as often a column's last line."""
    out: list[int] = []
    k, n = 1, len(cores)
    while k < n - 1:
        if not _heading_like(cores[k]):
            k += 1
            continue
        end = k
        while end + 1 < n and _heading_like(cores[end + 1]):
            end += 1
        if (
            end > k
            and end + 1 < n
            and is_closed(cores[k - 1])
            and head_of(texts[end + 1]).capital[:1].isupper()
        ):
            out += range(k, end + 1)
        k = end + 1
    return out


def _next_items(cores: list[str], window: int, goes_on: Callable[[int], bool]) -> dict[int, int]:
    """{k: j}: block k ends a list item (it starts the item, or it is where the item's strong
    continuations from its start end) and block j, nearby, starts the item after it."""
    items: dict[tuple[str, bool, int], list[int]] = {}  # (closing mark, digits, number)
    for k, core in enumerate(cores):
        head = core.lstrip()[:5]
        m = ITEM_MARK.match(head) if ")" in head or "." in head else None
        if m:
            mark = m.group(1)
            number = int(mark) if mark.isdigit() else ord(mark)
            items.setdefault((m.group(2), mark.isdigit(), number), []).append(k)
    marked = {k for starts in items.values() for k in starts}
    out = {}
    for (closing, digits, number), starts in items.items():
        following = items.get((closing, digits, number + 1), [])
        if len(starts) != 1 or len(following) != 1:
            continue  # two lists with the same marks: which item follows which is unclear
        k, j = starts[0], following[0]
        while k + 1 < len(cores) and goes_on(k) and k + 1 != j:
            k += 1  # the item goes on in the next block
        if j > k and not any(i in marked for i in range(k + 1, j)):
            continue  # in order, with other text between (a figure, its caption): as it stands
        if 0 < abs(j - k) <= window + 1 and k + 1 != j and is_closed(cores[k]):
            out[k] = j
    return out


FAR_LINK = 3.0
"""A continuation this strong (a broken word the lexicon knows whole) may bring a block from
beyond ``max_shift``: extractors also emit a column's head after everything else."""
FAR_GAIN = 1.0
"""How much better the junctions must read after such a move."""
FAR_REACH = 40
"""Blocks a column head may come back over: an article's length (a record may hold a whole
issue, whose other articles it does not belong to)."""


def _far_links(
    texts: list[str],
    open_end: list[float],
    lower_start: list[bool],
    window: int,
    ctx: Context,
    language: str | None,
) -> dict[tuple[int, int], Continuation]:
    """Links beyond the search window, from an end broken by a hyphen into a lower-case start,
    strong enough to move a block that far."""
    out: dict[tuple[int, int], Continuation] = {}
    starts = [j for j in range(1, len(texts)) if lower_start[j]]
    if not starts:
        return out
    ends = [k for k in range(len(texts)) if open_end[k] == 1.0 and tail_of(texts[k]).hyphen]
    model = ctx.model
    for k in ends:
        left = tail_of(texts[k]).hyphen
        for j in starts[bisect.bisect_left(starts, k - FAR_REACH) :]:
            if j > k + FAR_REACH:
                break
            if abs(j - k) <= window + 1:
                continue
            # Only a word the document or the lexicon spells whole can be that strong: asked
            # first, in two look-ups, before the full junction score.
            joined = ctx.lower(left + head_of(texts[j]).first, language)
            if ctx.vocab.get(joined) or (model is not None and model.words.get(joined)):
                c = continuation(texts[k], texts[j], ctx, language)
                if c.score >= FAR_LINK:
                    out[k, j] = c
    return out


def _lone_orphans(
    seq: list[int],
    links: dict[tuple[int, int], Continuation],
    open_end: list[float],
    lower_start: list[bool],
    window: int,
) -> tuple[int, int] | None:
    """The one open end and the one lower-case start that nothing explains, when there is just
    one of each and they stand too far apart for the search: each is what the other lacks."""
    ends = [at for at, k in enumerate(seq) if open_end[k] == 1.0]
    starts = [at for at, j in enumerate(seq) if at and lower_start[j]]
    ends = [at for at in ends if not (at + 1 < len(seq) and _strong(links, seq[at], seq[at + 1]))]
    starts = [at for at in starts if not _strong(links, seq[at - 1], seq[at])]
    if len(ends) != 1 or len(starts) != 1:
        return None
    k, j = seq[ends[0]], seq[starts[0]]
    return (k, j) if window + 1 < abs(k - j) <= FAR_REACH else None


def _strong(links: dict[tuple[int, int], Continuation], a: int, b: int) -> bool:
    c = links.get((a, b))
    return c is not None and c.score >= STRONG


def _move_far(
    seq: list[int],
    k: int,
    j: int,
    junction: Callable[[int, int | None], float],
    links: dict[tuple[int, int], Continuation],
    fixed: list[bool],
) -> None:
    """Move block ``j`` (with nothing else) right after block ``k`` in ``seq`` when neither is
    explained where it stands, no heading or image stands between, and the junctions read
    better for it."""
    at_k, at_j = seq.index(k), seq.index(j)
    if at_j in (0, at_k + 1) or any(fixed[i] for i in seq[min(at_k, at_j) : max(at_k, at_j)]):
        return
    after_k = seq[at_k + 1] if at_k + 1 < len(seq) else None
    before_j = seq[at_j - 1]
    after_j = seq[at_j + 1] if at_j + 1 < len(seq) else None
    if _strong(links, before_j, j) or (after_k is not None and _strong(links, k, after_k)):
        return
    now = junction(k, after_k) + junction(before_j, j) + junction(j, after_j)
    then = junction(k, j) + junction(j, after_k) + junction(before_j, after_j)
    if then - now >= FAR_GAIN:
        seq.pop(at_j)
        seq.insert(seq.index(k) + 1, j)


KEY_BITS = 32  # block positions below 2**32
KEY_MASK = (1 << KEY_BITS) - 1


def _score(item: tuple[Any, tuple]) -> float:
    return item[1][0]


def _stretches(links: dict[tuple[int, int], Continuation], n: int) -> list[tuple[int, int]]:
    """Merged position ranges spanned by links between blocks that are not next to each other."""
    spans = sorted((max(1, min(k, j)), max(k, j)) for k, j in links if j != k + 1)
    out: list[tuple[int, int]] = []
    for lo, hi in spans:
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out


def _emit_moves(doc: Document, body: list[int], order: list[int], evidence: dict) -> None:
    stay = set(_longest_increasing(order))
    position = {i: k for k, i in enumerate(body)}
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
                    "from": position[i],
                    "to": k,
                    **evidence.get(i, {"reason": "its chain moved"}),
                },
            )
        )
    placed = set(order)
    for i in doc.body():  # an emptied block follows the block before it in the input
        if i not in placed:
            before = max((j for j in placed if j < i), default=None)
            order.insert(order.index(before) + 1 if before is not None else 0, i)
            placed.add(i)
    furniture = [i for i in doc.order if doc.blocks[i].kind == "furniture"]
    doc.order = order + furniture


def _longest_increasing(seq: list[int]) -> list[int]:
    """The longest increasing subsequence of distinct non-negative ``seq``: of equal ones the
    one ending first, each element after the earliest it can follow. A Fenwick tree over the
    values keeps the best (length, earliest position) ending below each: O(n log n), so a record
    of thousands of blocks costs no quadratic time or memory."""
    if not seq:
        return []
    size = max(seq) + 1
    tree = [(0, 0)] * (size + 1)  # (length, -position), maxima over value prefixes
    length, before = [0] * len(seq), [-1] * len(seq)
    for i, x in enumerate(seq):
        best, v = (0, 0), x
        while v > 0:
            best = max(best, tree[v])
            v -= v & -v
        length[i], before[i] = best[0] + 1, -best[1] if best[0] else -1
        item, v = (length[i], -i), x + 1
        while v <= size:
            tree[v] = max(tree[v], item)
            v += v & -v
    k = max(range(len(seq)), key=lambda i: (length[i], -i))
    out = []
    while k != -1:
        out.append(seq[k])
        k = before[k]
    return out[::-1]
