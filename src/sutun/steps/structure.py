"""Title, lead and paragraphs of the repaired text (for ``--format json``)."""

from __future__ import annotations

from sutun.document import Document
from sutun.steps.evidence import Context, Ends, title_like

STEP = "structure"


def fill(doc: Document, text: str) -> None:
    """The paragraphs are the repaired text's runs, or its lines where they are paragraphs."""
    from sutun.readers import paragraphs  # readers imports the steps

    paras = paragraphs(text)
    doc.title = doc.lead = ""
    if paras and title_like(Ends.of(paras[0]).core) and len(paras) > 1:
        doc.title = paras.pop(0)
    if paras and Ends.of(paras[0]).emphasis_start and Ends.of(paras[0]).emphasis_end:
        doc.lead = Ends.of(paras[0]).core
    doc.paragraphs = paras


def run(doc: Document, ctx: Context) -> None:  # structure reads the output; see pipeline
    return None
