"""Build a Document from extracted text: blocks are runs of text between blank lines."""

from __future__ import annotations

import regex

from sutun.document import Block, Document

_BLOCK = regex.compile(r"\S(?:[^\n]|\n(?![ \t]*\n))*")


def document_from_text(text: str, language: str | None = None, source_name: str = "") -> Document:
    blocks = []
    for m in _BLOCK.finditer(text):
        end = m.end()
        while end > m.start() and text[end - 1].isspace():
            end -= 1
        blocks.append(Block(m.start(), end))
    return Document(
        source=text,
        blocks=blocks,
        order=list(range(len(blocks))),
        language=language,
        source_name=source_name,
    )
