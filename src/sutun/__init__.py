"""sütun: restore newspaper articles broken by PDF and OCR extraction.

>>> import sutun
>>> fixed = sutun.repair(broken_text, language="aze")
>>> sutun.apply_edits(broken_text, fixed.edits) == fixed.text
True
"""

from sutun.config import RepairConfig
from sutun.document import Block, Document, Edit, Repaired
from sutun.edits import apply_edits
from sutun.pipeline import repair


def extract(path, language: str | None = None):
    """The articles of a newspaper page (PDF or image) in reading order: ``list[Article]``."""
    from sutun.pages import extract as _extract

    return _extract(path, language)


__all__ = [
    "Block",
    "Document",
    "Edit",
    "RepairConfig",
    "Repaired",
    "apply_edits",
    "extract",
    "repair",
]
