"""Letters, casing and syllables for Latin-script Turkic languages (Azerbaijani first).

Python's ``str.lower`` maps "I" to "i" and "İ" to "i̇"; Azerbaijani and Turkish need I↔ı and İ↔i.
"""

from __future__ import annotations

import itertools
import unicodedata
from functools import lru_cache

TURKIC = frozenset({"aze", "azj", "tur", "az", "tr"})

BACK_VOWELS = frozenset("aıou")
FRONT_VOWELS = frozenset("eəiöü")
VOWELS = frozenset("aeəıioöuüAEƏIİOÖUÜ")
ALL_VOWELS = VOWELS | frozenset("âîûÂÎÛéèêàäëïôœ")

_TURKIC_UPPER = str.maketrans({"i": "İ", "ı": "I"})


@lru_cache(maxsize=64)
def is_turkic(language: str | None) -> bool:
    return (language or "").split("_")[0].lower() in TURKIC


def lower(text: str, language: str | None = "aze") -> str:
    """Lower-case with Turkic dotted/dotless i rules when the language is Turkic."""
    if is_turkic(language):
        if "I" in text:
            text = text.replace("I", "ı")  # str.replace is far faster than str.translate
        if "İ" in text:
            text = text.replace("İ", "i")
    return text.lower()


def upper(text: str, language: str | None = "aze") -> str:
    if is_turkic(language):
        text = text.translate(_TURKIC_UPPER)
    return text.upper()


def is_vowel(ch: str) -> bool:
    return ch in ALL_VOWELS or (ch.isalpha() and unicodedata.normalize("NFD", ch)[0] in ALL_VOWELS)


LINE_BREAK_LETTERS = 2
"""Letters a typesetter leaves at least either side of a word's line-end hyphen."""


@lru_cache(maxsize=65536)
def syllable_breaks(
    word: str, min_left: int = LINE_BREAK_LETTERS, min_right: int = LINE_BREAK_LETTERS
) -> tuple[int, ...]:
    """Offsets where ``word`` may be hyphenated at a line end.

    Print rules shared by Azerbaijani and Turkish (and close enough for English typesetting):
    V-V, V-CV, VC-CV, VCC-CV — a break falls before the last consonant preceding a vowel.
    An existing hyphen is always a break point (after it). Only letters count as syllable material.
    """
    breaks: list[int] = []
    n = len(word)
    for i, ch in enumerate(word):
        if ch == "-" and min_left <= i and n - i - 1 >= min_right:
            breaks.append(i + 1)
    # Syllabify each alphabetic run separately.
    start = 0
    while start < n:
        while start < n and not word[start].isalpha():
            start += 1
        end = start
        while end < n and word[end].isalpha():
            end += 1
        if end > start:
            breaks.extend(_run_breaks(word, start, end, min_left, min_right))
        start = end
    return tuple(sorted(set(breaks)))


def _run_breaks(word: str, start: int, end: int, min_left: int, min_right: int) -> list[int]:
    vowel_at = [i for i in range(start, end) if is_vowel(word[i])]
    out = []
    for a, b in itertools.pairwise(vowel_at):
        consonants = b - a - 1
        cut = b if consonants == 0 else b - 1
        if cut - start >= min_left and end - cut >= min_right:
            out.append(cut)
    return out
