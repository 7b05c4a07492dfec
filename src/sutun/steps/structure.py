"""Title, lead and paragraphs of the repaired text (for ``--format json``)."""

from __future__ import annotations

from sutun.document import Document
from sutun.steps.evidence import Context, Ends, title_like

STEP = "structure"


def fill(doc: Document, text: str) -> None:
    """The paragraphs are the repaired text's blocks, read as the input's were."""
    from sutun.readers import document_from_text  # readers imports the steps

    paras = [text[b.start : b.end] for b in document_from_text(text).blocks]
    doc.title = doc.lead = ""
    if paras and title_like(Ends.of(paras[0]).core) and len(paras) > 1:
        doc.title = paras.pop(0)
    if paras and Ends.of(paras[0]).emphasis_start and Ends.of(paras[0]).emphasis_end:
        doc.lead = Ends.of(paras[0]).core
    doc.paragraphs = paras


def run(doc: Document, ctx: Context) -> None:  # structure reads the output; see pipeline
    return None
