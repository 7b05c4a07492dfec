"""A small Azerbaijani suffix grammar with vowel harmony.

The word lists miss most inflected forms (ayrıl-dığ-ı-nı), so a word is also accepted when stripping
harmonic suffixes leaves a known stem. The chains follow az-lang-nlp's analyser in shape (noun:
derivation → plural → possessive → case → copula; verb: voice → negation → tense/participle →
person), written here as suffix templates: ``A`` is the two-way vowel (a/ə), ``I`` the four-way
vowel (ı/i/u/ü), and a leading ``(y)``/``(n)``/``(s)`` is a buffer consonant used after a vowel
(which no vowel-initial suffix follows without one).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from sutun.lang.alphabet import BACK_VOWELS, FRONT_VOWELS, VOWELS

_TEMPLATES = (
    # case, possessive, plural, copula (noun chain)
    "lAr",
    "(n)In",
    "(y)A",
    "(n)I",
    "dA",
    "dAn",
    "lA",
    "(y)lA",
    "(s)I",
    "Im",
    "ImIz",
    "InIz",
    "lArI",
    "(n)dA",
    "(n)dAn",
    "(n)A",
    "dIr",
    "dIrlAr",
    "ki",
    "(y)dI",
    "(y)mIş",
    "(y)sA",
    "(y)Am",
    "(y)Ik",
    "sAn",
    "sInIz",
    "dAkI",
    "kI",
    "cA",
    # derivation
    "lI",
    "sIz",
    "lIq",
    "lIk",
    "çI",
    "cI",
    "lAş",
    "lAn",
    "lAt",
    "lAr",
    "CAsInA",
    "dAş",
    "ıncı",
    "IncI",
    "(y)IncI",
    # verb chain: voice, negation, tense, participles, converbs, person
    "Il",
    "In",
    "Iş",
    "dIr",
    "t",
    "mA",
    "mAz",
    "mAyAn",
    "(y)Ir",
    "Ar",
    "Ir",
    "(y)AcAq",
    "(y)AcAk",
    "(y)AcAy",
    "mIş",
    "dI",
    "(y)Ib",
    "(y)Araq",
    "(y)An",
    "dIq",
    "dIk",
    "dIğ",
    "dIy",
    "mAq",
    "mAk",
    "mAl",
    "mAlI",
    "(y)AndA",
    "(y)AndAn",
    "sA",
    "(y)Im",
    "sIn",
    "(y)Iq",
    "(y)Ik",
    "lAr",
    "(y)Aq",
    "(y)Ay",
    "(y)AsI",
    "mA",
    "mAğ",
    "mAy",
    "(y)Ici",
    "(y)IcI",
    "(y)Anda",
    "kən",
    "mAdAn",
    "(y)Inca",
    "(y)IncA",
    "dIqcA",
    "(y)AlI",
    "(y)Ib",
    "(y)ArAk",
)

_FINAL_TEMPLATES = (
    "(y)dIm",
    "(y)dIn",
    "(y)dInIz",
    "dIm",
    "dIn",
    "dInIz",
    "sAm",
    "sAq",
    "sAk",
    "sAnIz",
)
"""The person endings of the past and the conditional (gəl-di-n, bax-sa-q, düşün-ər-di-n), which
end a word: taken anywhere in the chain, they would read letters of a misspelt word as suffixes
(ax-sam-ları-nda)."""


def _expand(template: str) -> list[tuple[str, bool]]:
    """Surface forms of a template: (form, needs_vowel_before) pairs."""
    buffer = ""
    if template.startswith("("):
        buffer, template = template[1], template[3:]
    forms = [""]
    for ch in template:
        if ch == "A":
            forms = [f + v for f in forms for v in "aə"]
        elif ch == "I":
            forms = [f + v for f in forms for v in "ıiuü"]
        elif ch == "C":
            forms = [f + v for f in forms for v in "cç"]
        else:
            forms = [f + ch for f in forms]
    out = [(f, False) for f in forms]
    if buffer:
        out += [(buffer + f, True) for f in forms]
    return out


SUFFIXES: dict[str, bool] = {}
for _t in _TEMPLATES:
    for _form, _after_vowel in _expand(_t):
        SUFFIXES[_form] = SUFFIXES.get(_form, False) or _after_vowel
FINAL: dict[str, bool] = {}
"""Forms that only end a word (none of SUFFIXES's)."""
for _t in _FINAL_TEMPLATES:
    for _form, _after_vowel in _expand(_t):
        if _form not in SUFFIXES:
            FINAL[_form] = FINAL.get(_form, False) or _after_vowel
_BY_LENGTH = sorted(SUFFIXES, key=len, reverse=True)
_MAX_SUFFIX = max(map(len, [*SUFFIXES, *FINAL]))


def last_vowel(word: str) -> str | None:
    for ch in reversed(word):
        if ch in BACK_VOWELS or ch in FRONT_VOWELS:
            return ch
    return None


def harmonic(stem: str, suffix: str) -> bool:
    """Whether ``suffix``'s first vowel agrees with the last vowel of ``stem``."""
    v = last_vowel(stem)
    s = next((ch for ch in suffix if ch in BACK_VOWELS or ch in FRONT_VOWELS), None)
    if v is None or s is None:
        return True
    if s in "aə":
        return (s == "a") == (v in BACK_VOWELS)
    if s in "ıiuü":
        want = {
            "a": "ı",
            "ı": "ı",
            "o": "u",
            "u": "u",
            "e": "i",
            "ə": "i",
            "i": "i",
            "ö": "ü",
            "ü": "ü",
        }
        return want[v] == s
    return True


def harmony_breaks(word: str) -> bool:
    """True when the word mixes back and front vowels (a hint of an OCR letter error or a loan)."""
    vowels = [ch for ch in word if ch in BACK_VOWELS or ch in FRONT_VOWELS]
    return (
        bool(vowels)
        and any(v in BACK_VOWELS for v in vowels)
        and any(v in FRONT_VOWELS for v in vowels)
    )


def analyse(word: str, is_stem: Callable[[str], bool], depth: int = 5) -> list[str] | None:
    """Split ``word`` (lower-case) into a known stem and harmonic suffixes, or None."""
    return _analyse(word, is_stem, depth)


def _analyse(
    word: str, is_stem: Callable[[str], bool], depth: int, last: bool = True
) -> list[str] | None:
    """``last``: the suffix stripped first ends the word, and may be one of FINAL."""
    if is_stem(word):
        return [word]
    if depth == 0 or len(word) < 3:
        return None
    for k in range(min(_MAX_SUFFIX, len(word) - 2), 0, -1):
        suffix = word[-k:]
        after_vowel = SUFFIXES.get(suffix, FINAL.get(suffix) if last else None)
        if after_vowel is None:
            continue
        stem = word[:-k]
        if after_vowel and suffix[0] in "yns" and last_vowel(stem[-1:]) is None:
            continue  # a buffer consonant only follows a vowel
        if vowels_meet(stem, suffix):
            continue
        if not harmonic(stem, suffix):
            continue
        for candidate in _alternants(stem, suffix):
            found = _analyse(candidate, is_stem, depth - 1, last=False)
            if found is not None:
                return [*found, suffix]
    return None


_VOICED = {"ğ": "q", "y": "k"}


def _alternants(stem: str, suffix: str) -> tuple[str, ...]:
    """Final q/k voice to ğ/y before a vowel (alçaqlıq → alçaqlığı, çörək → çörəyi)."""
    plain = _VOICED.get(stem[-1:])
    if plain and last_vowel(suffix[:1]) is not None and len(stem) > 2:
        return (stem, stem[:-1] + plain)
    return (stem,)


@lru_cache(maxsize=1)
def suffix_forms() -> frozenset[str]:
    return frozenset(SUFFIXES)


@lru_cache(maxsize=4096)
def suffix_chain(text: str, after: str = "") -> bool:
    """Whether ``text`` (lower-case) is nothing but harmonic suffixes (``dakı``, ``ların``),
    as if following ``after``."""
    if not text:
        return bool(after)
    for k in range(min(_MAX_SUFFIX, len(text)), 0, -1):
        part = text[:k]
        known = part in SUFFIXES or (k == len(text) and part in FINAL)
        if not known or (after and not harmonic(after, part)):
            continue
        if suffix_chain(text[k:], part):
            return True
    return False


def vowels_meet(stem: str, suffix: str) -> bool:
    """Whether a vowel-final stem meets a vowel-initial suffix: they never do, after a vowel a
    buffer consonant comes first (altı-ya, not altı-a)."""
    return stem[-1:] in VOWELS and suffix[:1] in VOWELS


def attaches(stem: str, suffixes: str) -> bool:
    """Whether ``suffixes`` (lower-case) follow ``stem`` as Turkic suffixes do: in harmony with
    its last vowel, and with no two vowels meeting (after a vowel a buffer consonant comes
    first: altı-ya, not altı-a)."""
    if vowels_meet(stem, suffixes):
        return False
    return suffix_chain(suffixes, stem)


_UNITS = ("", "bir", "iki", "üç", "dörd", "beş", "altı", "yeddi", "səkkiz", "doqquz")
_TENS = ("", "on", "iyirmi", "otuz", "qırx", "əlli", "altmış", "yetmiş", "səksən", "doxsan")
_POWERS = ((12, "trilyon"), (9, "milyard"), (6, "milyon"), (3, "min"), (2, "yüz"))


def numeral_end(digits: str) -> str:
    """The last word of a whole number read aloud (``1996`` → ``altı``, ``40`` → ``qırx``,
    ``300`` → ``yüz``), which its suffixes follow; Turkish numerals end in the same vowels."""
    digits = digits.lstrip("0")
    if not digits:
        return "sıfır"
    if digits[-1] != "0":
        return _UNITS[int(digits[-1])]
    if len(digits) > 1 and digits[-2] != "0":
        return _TENS[int(digits[-2])]
    zeros = len(digits) - len(digits.rstrip("0"))
    return next(word for power, word in _POWERS if zeros >= power)
