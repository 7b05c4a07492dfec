"""Across blocks, in reading order: re-join words broken by a line-end hyphen and paragraphs broken
mid-sentence; keep real compounds' hyphens."""

from __future__ import annotations

import itertools

from sutun.document import Document, Edit
from sutun.steps.evidence import (
    TAIL,
    Context,
    Continuation,
    Ends,
    continuation,
    debris,
    head_of,
    heading_goes_on,
    heads_an_article,
    is_closed,
    word_across,
)
from sutun.steps.reorder import STRONG, pinned

STEP = "join"
MIN_SCORE = 0.5
LEAD_WORDS = 8
"""Fewest words of each part of a bold lead a column cut at a sentence end (fewer: a bold
subheading, a label)."""


def run(doc: Document, ctx: Context) -> None:
    body = [i for i in doc.body() if doc.text_of(i).strip()]  # not emptied by cleanup
    fixed = pinned(doc)
    # A is judged as the paragraph joined so far, as a second pass over the output would see it.
    paragraph = ""
    for k, (a, b) in enumerate(itertools.pairwise(body)):
        ta, tb = doc.text_of(a), doc.text_of(b)
        # Marks are measured in the text as edited; an input offset inside an edit ends past it.
        mark = heading_goes_on(ta, tb)
        if mark:
            doc.add(
                Edit(
                    "join",
                    _separator_start(doc, a, b),
                    doc.past_edits(doc.blocks[b].start + mark),
                    " ",
                    step=STEP,
                    confidence=0.8,
                    evidence={"reason": "a heading goes on in lower case", "b_start": tb[:20]},
                )
            )
            paragraph = ""
            continue
        fresh, paragraph = not paragraph, paragraph or ta
        # The lead: the block under the title (pinned first), or the first without one.
        if fresh and k == len(fixed) and _bold_lead_cut(ta, tb):
            c = Continuation("space", STRONG, True, {"reason": "a bold lead cut at a sentence end"})
        else:
            c = continuation(paragraph, tb, ctx, doc.language)
        if c.score < MIN_SCORE:
            paragraph = ""
            continue
        headline = a in fixed or (fresh and k > 0 and _headline(body, k, doc, ctx))
        # A title is followed by a capital; a lower-case start after it goes on its sentence.
        title = headline and not (c.score >= STRONG and head_of(tb).lower)
        if title or (c.kind == "space" and _headline(body, k + 1, doc, ctx)):
            paragraph = ""
            continue
        if not word_across(c) and (debris(ta, ctx, at_end=True) or debris(tb, ctx)):
            paragraph = ""
            continue
        paragraph = _joined(paragraph, tb, c)
        ea, eb = Ends.of(ta), Ends.of(tb)
        block_a, block_b = doc.blocks[a], doc.blocks[b]
        # In A: drop the hyphen (when joining) and the closing emphasis mark; a hyphen kept is
        # written "-", whatever mark the extractor printed for it (¬).
        hyphen = c.kind == "hyphen"
        mark = hyphen and not c.join and not ea.core.rstrip().endswith("-")
        cut = ea.trail + (1 if hyphen and (c.join or mark) else 0)
        trailing_space = len(ea.core) - len(ea.core.rstrip())
        if cut:
            end = block_a.end
            doc.add(
                Edit(
                    "dehyphenate" if hyphen and c.join else "keep-hyphen" if mark else "unbold",
                    end - cut - trailing_space,
                    end,
                    "-" if mark else "",
                    step=STEP,
                    confidence=0.9,
                    evidence=c.evidence,
                )
            )
        glue = " " if c.kind == "space" else ""
        kind = {"space": "join", "letter": "join", "hyphen": "join" if c.join else "keep-hyphen"}[
            c.kind
        ]
        # Separator before B, and B's opening emphasis mark and stray glyph.
        doc.add(
            Edit(
                kind,
                _separator_start(doc, a, b),
                doc.past_edits(block_b.start + eb.lead),
                glue,
                step=STEP,
                confidence=min(1.0, c.score / 3),
                evidence={"score": round(c.score, 3), **c.evidence},
            )
        )


def _bold_lead_cut(a: str, b: str) -> bool:
    """The block under the title and the next are both sentences set in bold: one lead a column
    cut where a sentence ends (a news lead is one paragraph; bold subheadings are short)."""
    ea, eb = Ends.of(a), Ends.of(b)
    return (
        ea.emphasis_start == ea.emphasis_end == eb.emphasis_start == eb.emphasis_end == "**"
        and is_closed(ea.core)
        and eb.core.lstrip()[:1].isupper()
        and all(len(e.core.split(None, LEAD_WORDS)) > LEAD_WORDS for e in (ea, eb))
    )


def _separator_start(doc: Document, a: int, b: int) -> int:
    """Where the blank space before block ``b`` begins: over blocks cleanup emptied when ``a``
    stands before them in the input; within ``b``'s own span when reorder moved ``b``."""
    j = b - 1
    while j > a and doc.blocks[j].kind != "furniture" and not doc.text_of(j).strip():
        j -= 1
    return doc.blocks[j].end if j == a else doc.separator_start(b)


def _headline(body: list[int], k: int, doc: Document, ctx: Context) -> bool:
    """Block ``body[k]`` heads an article inside the document: no sentence goes on into it."""
    if k + 1 >= len(body):
        return False
    before, text, after = (doc.text_of(body[i]) for i in (k - 1, k, k + 1))
    return heads_an_article(before, text, after, ctx, doc.language)


def _joined(a: str, b: str, c: Continuation) -> str:
    """The paragraph so far with B joined on; only its end is kept (all a continuation reads),
    so that a long chain of joins costs no more than its blocks."""
    ea, eb = Ends.of(a), Ends.of(b)
    core_a = ea.core.rstrip()
    if c.kind == "hyphen" and c.join:
        core_a = core_a[:-1]
    out = core_a + (" " if c.kind == "space" else "") + b[eb.lead :]
    return out if len(out) <= 2 * KEPT else "…" + out[-KEPT:]


KEPT = 8 * TAIL
