"""Build a Document from extracted text: blocks are runs of text between blank lines."""

from __future__ import annotations

import re

from sutun.document import Block, Document
from sutun.steps.cleanup import INVISIBLE_CHARS

# stdlib ``re``: plain classes, which it scans about twice as fast as ``regex``.
BLANK_LINES = re.compile(rf"\n(?:[ \t\r{INVISIBLE_CHARS}]*\n)+")
"""What separates blocks: one or more lines holding nothing but spaces, or characters cleanup
removes (Word's table-cell marks \x07, zero-width spaces), so that a second pass sees the same
blocks (CRLF and form feeds included)."""
_EDGE = re.compile(r"\S")


def document_from_text(text: str, language: str | None = None, source_name: str = "") -> Document:
    blocks = []
    pos = 0
    for sep in [*BLANK_LINES.finditer(text), None]:
        stop = sep.start() if sep else len(text)
        first = _EDGE.search(text, pos, stop)
        if first is not None:
            end = stop
            while end > first.end() and text[end - 1].isspace():
                end -= 1
            blocks.append(Block(first.start(), end))
        pos = sep.end() if sep else len(text)
    return Document(
        source=text,
        blocks=blocks,
        order=list(range(len(blocks))),
        language=language,
        source_name=source_name,
    )
