"""Unicode NFC, and Cyrillic or IPA look-alike letters inside Latin words (whole-Cyrillic words
are left alone)."""

from __future__ import annotations

import unicodedata

import regex

from sutun.document import Document, Edit
from sutun.steps.evidence import Context

STEP = "normalise"
LOOKALIKES = str.maketrans(
    {
        "а": "a",
        "е": "e",
        "о": "o",
        "р": "p",
        "с": "c",
        "х": "x",
        "у": "y",
        "і": "i",
        "ј": "j",
        "һ": "h",
        "ә": "ə",
        "Ә": "Ə",
        "А": "A",
        "В": "B",
        "Е": "E",
        "К": "K",
        "М": "M",
        "Н": "H",
        "О": "O",
        "Р": "P",
        "С": "C",
        "Т": "T",
        "Х": "X",
        "І": "I",
        "Ј": "J",
        "ǝ": "ə",
        "Ǝ": "Ə",
    }
)
TOKEN = regex.compile(r"[\p{L}\p{M}]+")
LATIN = regex.compile(r"\p{Latin}")
CYRILLIC = regex.compile(r"\p{Cyrillic}")
SUSPECT = regex.compile(r"[\p{Cyrillic}ǝƎ]")
_LOOKALIKE_KEYS = frozenset(chr(k) for k in LOOKALIKES)


def fixed(token: str, latin_block: bool) -> str:
    t = unicodedata.normalize("NFC", token)
    lookalikes_only = latin_block and all(ch in _LOOKALIKE_KEYS for ch in t)
    if _mixed(t) or lookalikes_only:
        t = t.translate(LOOKALIKES)
    return t


def _mixed(token: str) -> bool:
    return "ǝ" in token or "Ǝ" in token or bool(LATIN.search(token) and CYRILLIC.search(token))


def mostly_latin(text: str) -> bool:
    """Counted as if mixed tokens were already fixed, so that a second pass sees the same answer."""
    latin = cyrillic = 0
    for m in TOKEN.finditer(text):
        t = m.group(0)
        if _mixed(t):
            t = t.translate(LOOKALIKES)
        latin += len(LATIN.findall(t))
        cyrillic += len(CYRILLIC.findall(t))
    return latin > 2 * cyrillic


def suspect(text: str) -> bool:
    """Whether ``text`` might hold something this step changes (cheap, no false negatives)."""
    return not (
        text.isascii() or (unicodedata.is_normalized("NFC", text) and not SUSPECT.search(text))
    )


def damaged_tokens(doc: Document, ctx: Context) -> list[tuple[int, int, str]]:
    """Tokens to rewrite, as (start, end, new) (found once: the gate asks, then the step)."""
    hit = ctx.memo.get(("normalise",))
    if hit is None:
        hit = ctx.memo[("normalise",)] = _damaged_tokens(doc)
    return hit


def _damaged_tokens(doc: Document) -> list[tuple[int, int, str]]:
    out = []
    latin = None  # is the document mostly Latin? counted only once a block looks suspect
    for b in doc.blocks:
        text = doc.source[b.start : b.end]
        if not suspect(text):
            continue
        if latin is None:
            latin = mostly_latin(doc.source)
        for m in TOKEN.finditer(text):
            new = fixed(m.group(0), latin)
            if new != m.group(0):
                out.append((b.start + m.start(), b.start + m.end(), new))
    return out


def run(doc: Document, ctx: Context) -> None:
    for start, end, new in damaged_tokens(doc, ctx):
        if any(e.start < end and start < e.end for e in doc.edits if not e.is_move):
            continue  # already rewritten (a legacy-font word)
        old = doc.source[start:end]
        kind = "normalise-nfc" if unicodedata.normalize("NFC", old) == new else "normalise-script"
        doc.add(
            Edit(
                kind, start, end, new, step=STEP, confidence=0.98, evidence={"from": old, "to": new}
            )
        )
