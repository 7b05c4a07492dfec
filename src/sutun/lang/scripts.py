"""Letters on the wrong code points: legacy "AzLat" fonts and Azerbaijani Cyrillic.

Word processors of the 1990s typed Azerbaijani Latin with fonts that drew Latin letters on Cyrillic
code points, so the saved text reads as Cyrillic: ``Тяърцбя`` is *Təcrübə*, ``вя`` is *və*. The
table below was read off ``specimens/legacy-azlat-font-lecture.txt`` and checked against the
Azerbaijani model: with it 96.5 % of the specimen's 1,530 Cyrillic-coded words become words the
model knows; the rest are formula symbols (``В1``), abbreviations and the author's own typos.
The letters that differ from a plain transliteration are ``я``→ə, ``ъ``→c, ``ц``→ü, ``ю``→ö,
``щ``→h, ``э``→g, ``ь``→ğ, ``г``→q, ``ы``→ı, ``й``→y.

Soviet-era Azerbaijani Cyrillic (1958–1991) has its own letters (ә ғ ҹ ҝ ј һ ө ү) and the
official correspondence to the 1991 Latin alphabet, used by :func:`cyrillic_to_latin`.
"""

from __future__ import annotations

import re

from sutun.lang.alphabet import upper

_CYRILLIC = re.compile("[\u0400-\u04ff]")
_LETTER = re.compile(r"[^\W\d_]")

AZLAT = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "q",
    "д": "d",
    "е": "e",
    "ж": "j",
    "з": "z",
    "и": "i",
    "й": "y",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ф": "f",
    "х": "x",
    "ц": "ü",
    "ч": "ç",
    "ш": "ş",
    "щ": "h",
    "ъ": "c",
    "ы": "ı",
    "ь": "ğ",
    "э": "g",
    "ю": "ö",
    "я": "ə",
}
"""AzLat font code point (lower case) → the Azerbaijani Latin letter it shows."""

AZERBAIJANI_CYRILLIC = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "q",
    "ғ": "ğ",
    "д": "d",
    "е": "e",
    "ә": "ə",
    "ж": "j",
    "з": "z",
    "и": "i",
    "ы": "ı",
    "ј": "y",
    "й": "y",
    "к": "k",
    "ҝ": "g",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "ө": "ö",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ү": "ü",
    "ф": "f",
    "х": "x",
    "һ": "h",
    "ч": "ç",
    "ҹ": "c",
    "ш": "ş",
    "ъ": "",
    "ь": "",
    "э": "e",
    "ю": "yu",
    "я": "ya",
    "ё": "yo",
    "щ": "şç",
    "ц": "ts",
}
"""Azerbaijani Cyrillic → Latin (the 1991 correspondence; Russian-only letters as pronounced)."""

AZERBAIJANI_CYRILLIC_ONLY = frozenset("әғҹҝјһөүӘҒҸҜЈҺӨҮ")
"""Letters only Azerbaijani Cyrillic uses: a word with one of them is not Russian."""

_LATIN_OF_AZLAT = {latin: cyr for cyr, latin in AZLAT.items() if latin not in "e"}
_LATIN_OF_AZLAT["e"] = "е"


def _convert(word: str, table: dict[str, str]) -> str:
    shouting = word.isupper()
    out = []
    for ch in word:
        low = ch.lower()
        latin = table.get(low)
        if latin is None:
            out.append(ch)
        elif ch == low:
            out.append(latin)
        elif shouting:
            out.append(upper(latin, "aze"))
        else:
            out.append(upper(latin[:1], "aze") + latin[1:])
    return "".join(out)


def azlat_to_latin(word: str) -> str:
    """``Тяърцбя`` → ``Təcrübə``; characters outside the table are kept."""
    return _convert(word, AZLAT)


def latin_to_azlat(word: str) -> str:
    """The inverse of :func:`azlat_to_latin` (how such a font stored Azerbaijani text)."""
    out = []
    for ch in word:
        low = "i" if ch == "İ" else "ı" if ch == "I" else ch.lower()
        cyr = _LATIN_OF_AZLAT.get(low)
        if cyr is None:
            out.append(ch)
        else:
            out.append(cyr.upper() if ch != low else cyr)
    return "".join(out)


def cyrillic_to_latin(word: str) -> str:
    """Azerbaijani Cyrillic ``Азәрбајҹан`` → ``Azərbaycan``."""
    return _convert(word, AZERBAIJANI_CYRILLIC)


_ONE_TO_ONE = {
    ord(cyr): latin for cyr, latin in AZERBAIJANI_CYRILLIC.items() if len(latin) == 1
} | {
    ord(cyr.upper()): upper(latin, "aze")
    for cyr, latin in AZERBAIJANI_CYRILLIC.items()
    if len(latin) == 1 and cyr.upper() != cyr
}


def cyrillic_read_as_latin(text: str) -> str:
    """Azerbaijani Cyrillic letters in Latin, letter for letter, so that offsets stay: the
    Russian-only letters that take two Latin ones (я, ю, ц…) and the signs are left as they
    are. For reading the text with a Latin-alphabet model, not for output."""
    return text.translate(_ONE_TO_ONE)


_LATIN_BACK = {
    latin: cyr
    for cyr, latin in AZERBAIJANI_CYRILLIC.items()
    if len(latin) == 1 and cyr not in "йэ"  # y and e are ј and е in Azerbaijani Cyrillic
}


def latin_back_to_cyrillic(text: str) -> str | None:
    """The inverse of :func:`cyrillic_read_as_latin` for Azerbaijani text, or None when a
    letter has no Azerbaijani Cyrillic counterpart (w)."""
    out = []
    for ch in text:
        low = "i" if ch == "İ" else "ı" if ch == "I" else ch.lower()
        cyr = _LATIN_BACK.get(low)
        if cyr is None:
            if ch.isalpha() and not "\u0400" <= ch <= "\u04ff":
                return None
            out.append(ch)
        else:
            out.append(cyr.upper() if ch != low else cyr)
    return "".join(out)


def azerbaijani_cyrillic(text: str) -> bool:
    """Mostly Cyrillic letters, among them ones only Azerbaijani Cyrillic has (ә, ҹ, ҝ, ј…)."""
    sample = text[:20_000]
    if not any(ch in sample for ch in AZERBAIJANI_CYRILLIC_ONLY):
        return False  # each letter looked for in C: most texts stop here
    return 2 * len(_CYRILLIC.findall(sample)) > len(_LETTER.findall(sample))
