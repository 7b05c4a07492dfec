"""Across blocks, in reading order: re-join words broken by a line-end hyphen and paragraphs broken
mid-sentence; keep real compounds' hyphens."""

from __future__ import annotations

import itertools

from sutun.document import Document, Edit
from sutun.steps.evidence import Context, Continuation, Ends, continuation
from sutun.steps.reorder import pinned

STEP = "join"
MIN_SCORE = 0.5


def run(doc: Document, ctx: Context) -> None:
    body = doc.body()
    fixed = pinned(doc)
    # A is judged as the paragraph joined so far, as a second pass over the output would see it.
    paragraph = ""
    for a, b in itertools.pairwise(body):
        ta, tb = doc.text_of(a), doc.text_of(b)
        paragraph = paragraph or ta
        if a in fixed:
            paragraph = ""
            continue
        c = continuation(paragraph, tb, ctx, doc.language)
        if c.score < MIN_SCORE:
            paragraph = ""
            continue
        paragraph = _joined(paragraph, tb, c)
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


def _joined(a: str, b: str, c: Continuation) -> str:
    ea, eb = Ends.of(a), Ends.of(b)
    core_a = ea.core.rstrip()
    if c.kind == "hyphen" and c.join:
        core_a = core_a[:-1]
    return core_a + (" " if c.kind == "space" else "") + b[eb.lead :]
