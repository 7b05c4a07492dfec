"""Baselines scored beside sütun: do nothing, a naive regex joiner, and ftfy."""

from __future__ import annotations

import ftfy
import regex

_TERMINAL = regex.compile(r"[.!?…][\"'»”’)\]*]*$")
_LINE_HYPHEN = regex.compile(r"(\w)-\n(\w)")
_BLOCKS = regex.compile(r"\n[ \t]*\n\s*")


def identity(text: str, language: str | None = None) -> str:
    return text


def naive_joiner(text: str, language: str | None = None) -> str:
    """Join ``\\w-\\n\\w``; join a block that ends without terminal punctuation to a next block that
    starts lowercase (dropping a trailing hyphen)."""
    text = _LINE_HYPHEN.sub(r"\1\2", text)
    blocks = [b for b in _BLOCKS.split(text) if b.strip()]
    out: list[str] = []
    for block in blocks:
        if out and block[:1].islower() and not _TERMINAL.search(out[-1]):
            prev = out[-1]
            out[-1] = prev[:-1] + block if regex.search(r"\w-$", prev) else prev + " " + block
        else:
            out.append(block)
    return "\n\n".join(out)


def ftfy_fix(text: str, language: str | None = None) -> str:
    return ftfy.fix_text(text)


BASELINES = {"identity": identity, "naive-joiner": naive_joiner, "ftfy": ftfy_fix}
