"""Across blocks, in reading order: re-join words broken by a line-end hyphen and paragraphs broken
mid-sentence; keep real compounds' hyphens."""

from __future__ import annotations

import itertools

from sutun.document import Document, Edit
from sutun.steps.evidence import Context, Ends, continuation
from sutun.steps.reorder import pinned

STEP = "join"
MIN_SCORE = 0.5


def run(doc: Document, ctx: Context) -> None:
    body = doc.body()
    fixed = pinned(doc)
    for a, b in itertools.pairwise(body):
        if a in fixed:
            continue
        ta, tb = doc.text_of(a), doc.text_of(b)
        c = continuation(ta, tb, ctx, doc.language)
        if c.score < MIN_SCORE:
            continue
        ea, eb = Ends.of(ta), Ends.of(tb)
        block_a, block_b = doc.blocks[a], doc.blocks[b]
        # In A: drop the hyphen (when joining) and the closing emphasis mark.
        cut = ea.trail + (1 if c.kind == "hyphen" and c.join else 0)
        trailing_space = len(ea.core) - len(ea.core.rstrip())
        if cut:
            end = block_a.end
            doc.add(
                Edit(
                    "dehyphenate" if c.kind == "hyphen" and c.join else "unbold",
                    end - cut - trailing_space,
                    end,
                    "",
                    step=STEP,
                    confidence=0.9,
                    evidence=c.evidence,
                )
            )
        glue = " " if c.kind == "space" else ""
        kind = {"space": "join", "hyphen": "join" if c.join else "keep-hyphen"}[c.kind]
        # Separator before B, and B's opening emphasis mark and stray glyph.
        doc.add(
            Edit(
                kind,
                doc.separator_start(b),
                block_b.start + eb.lead,
                glue,
                step=STEP,
                confidence=min(1.0, c.score / 3),
                evidence={"score": round(c.score, 3), **c.evidence},
            )
        )
