"""Unicode NFC, Cyrillic or IPA look-alike letters inside Latin words (whole-Cyrillic words are
left alone), typographic ligatures (ﬁ → fi), UTF-8 read as Windows-1252 (AzÉ™rbaycan →
Azərbaycan; ftfy judges and decodes it) and, in languages whose alphabet has no W, a W an OCR
model without one read as VV (Vvasilla, FVVC, and inside a foreign name the model does not know:
Maxvvell)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

import ftfy
import regex
from ftfy.fixes import fix_latin_ligatures

from sutun.document import Document, Edit
from sutun.lang.alphabet import VOWELS
from sutun.lang.model import LanguageModel
from sutun.steps.evidence import Context
from sutun.steps.letters import usable as letters_usable

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
MOJIBAKE = (
    "[\u00c2-\u00df\u00e2-\u00ef][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e"
    "\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
)
"""A UTF-8 lead byte then a continuation byte, both read as Windows-1252 (or Latin-1)."""
# Not a hyphen at its end: a line-end hyphen is the joins' to decide.
MOJIBAKE_TOKEN = regex.compile(r"\S*" + MOJIBAKE + r"(?:\S*[^\s\-\u2010¬\u00ad])?")
LATIN = regex.compile(r"\p{Latin}")
CYRILLIC = regex.compile(r"\p{Cyrillic}")
LIGATURE = regex.compile("[\ufb00-\ufb06]")
# Two scans for a plain class each run faster than one for a class that mixes in a property.
SUSPECT_LATIN = re.compile("[ǝƎ\ufb00-\ufb06]")
MOJIBAKE_PAIR = re.compile(MOJIBAKE)  # stdlib ``re``: a plain class pair scans faster
_LOOKALIKE_KEYS = frozenset(chr(k) for k in LOOKALIKES)
TO_CYRILLIC = str.maketrans(
    {latin: chr(k) for k, latin in LOOKALIKES.items() if CYRILLIC.match(chr(k))}
    | {"ǝ": "ә", "Ǝ": "Ә"}
)
"""Latin letters that look like Cyrillic ones, for a Cyrillic word a Latin letter got into."""
NO_W = frozenset({"aze", "tur"})
"""Languages whose alphabet has no W: their OCR models read one as VV."""


def w_read_as_vv(token: str) -> str:
    """``token`` with each W an OCR model read as VV put back: at a word's start (no Azerbaijani
    or Turkish word starts with vv), or in capitals away from vowels (FVVC; QÜVVƏ stays)."""
    if token[:2] in ("VV", "Vv") and (len(token) == 2 or token[2].isalpha()):
        token = "W" + token[2:]  # alone too: the start of a word a line break cut
    if "VV" not in token or not token.isupper():
        return token
    out, k = [], 0
    while k < len(token):
        if token.startswith("VV", k):
            before, after = token[k - 1 : k], token[k + 2 : k + 3]
            if before not in VOWELS and after not in VOWELS and (before or after):
                out.append("W")
                k += 2
                continue
        out.append(token[k])
        k += 1
    return "".join(out)


CAPITAL_VV = re.compile(r"(?<![^\W\d_])[A-Z][A-Za-z]*vv[A-Za-z]*(?![^\W\d_])")
"""A capitalised word in ASCII letters with vv inside (what ``w_in_a_name`` may change)."""


def _name_with_vv(text: str) -> bool:
    """Whether a word with vv inside is a ``CAPITAL_VV`` one: asked at each vv (Azerbaijani
    writes əvvəl and qüvvə on every page; a scan of the whole text would cost more)."""
    k = text.find("vv")
    while k != -1:
        start = k
        while start and text[start - 1].isalpha():
            start -= 1
        if CAPITAL_VV.match(text, start) or BROKEN_NAME_HEAD.search(
            text, max(0, start - 40), start
        ):
            return True  # a name, or the second part of one a line-end hyphen broke (Fle-|etvvood)
        k = text.find("vv", k + 2)
    return False


BROKEN_NAME_HEAD = re.compile(r"(?<![^\W\d_])[A-Z][A-Za-z]*-[ \t]*\r?\n$")


def w_in_a_name(token: str, known: Callable[[str], bool]) -> str:
    """``token`` with its vv read as the W it was, when it is a capitalised word in ASCII letters
    (none of the language's own) that the model does not know (Fleetvvood, Maxvvell: a foreign
    name; Qüvvələr, Ravvin stay)."""
    if not CAPITAL_VV.fullmatch(token):
        return token
    return token if known(token) else token.replace("vv", "w")


def fixed(
    token: str, latin_block: bool, no_w: bool = False, known: Callable[[str], bool] | None = None
) -> str:
    t = unicodedata.normalize("NFC", token)
    if no_w and "V" in t:
        t = w_read_as_vv(t)
    if known is not None and "vv" in t:
        t = w_in_a_name(t, known)
    if LIGATURE.search(t):
        t = fix_latin_ligatures(t)
    lookalikes_only = latin_block and all(ch in _LOOKALIKE_KEYS for ch in t)
    if lookalikes_only:
        return t.translate(LOOKALIKES)
    return unmixed(t) if _mixed(t) else t


def unmixed(token: str) -> str:
    """A word of Latin and Cyrillic letters in one script: Latin when every Cyrillic letter in
    it has a Latin look-alike (Azərbaycаn), else Cyrillic when every Latin one has a Cyrillic
    look-alike (a Russian name with a Latin e); as written when neither (half-converted words
    are worse than mixed ones)."""
    latin = token.translate(LOOKALIKES)
    if not CYRILLIC.search(latin):
        return latin
    cyrillic = token.translate(TO_CYRILLIC)
    return token if LATIN.search(cyrillic) else cyrillic


def _mixed(token: str) -> bool:
    return "ǝ" in token or "Ǝ" in token or bool(LATIN.search(token) and CYRILLIC.search(token))


def mostly_latin(text: str) -> bool:
    """Counted as if mixed tokens were already fixed, so that a second pass sees the same answer."""
    latin = cyrillic = 0
    for m in TOKEN.finditer(text):
        t = m.group(0)
        if _mixed(t):
            t = unmixed(t)
        latin += len(LATIN.findall(t))
        cyrillic += len(CYRILLIC.findall(t))
    return latin > 2 * cyrillic


def suspect(text: str, no_w: bool = False, names: bool = False) -> bool:
    """Whether ``text`` might hold something this step changes (cheap, no false negatives);
    ``names``: a model tells foreign names (``w_in_a_name``)."""
    if no_w and ("VV" in text or "Vv" in text or (names and _name_with_vv(text))):
        return True
    return not (
        text.isascii()
        or (
            unicodedata.is_normalized("NFC", text)
            and not CYRILLIC.search(text)
            and not SUSPECT_LATIN.search(text)
            and not MOJIBAKE_PAIR.search(text)
        )
    )


def document_suspect(doc: Document, ctx: Context) -> bool:
    """``suspect`` of the whole source (a block can be suspect only if this is)."""
    hit = ctx.memo.get(("suspect",))
    if hit is None:
        no_w = doc.language in NO_W
        hit = ctx.memo[("suspect",)] = suspect(doc.source, no_w, no_w and letters_usable(ctx.model))
    return hit


def damaged_tokens(doc: Document, ctx: Context) -> list[tuple[int, int, str]]:
    """Tokens to rewrite, as (start, end, new) (found once: the gate asks, then the step)."""
    hit = ctx.memo.get(("normalise",))
    if hit is None:
        hit = ctx.memo[("normalise",)] = (
            _damaged_tokens(doc, ctx.model) if document_suspect(doc, ctx) else []
        )
    return hit


def _damaged_tokens(doc: Document, model: LanguageModel | None) -> list[tuple[int, int, str]]:
    out = []
    latin = None  # is the document mostly Latin? counted only once a block looks suspect
    no_w = doc.language in NO_W
    # Whether a capitalised vv word is a known one: asked of a model big enough to know.
    known = model.known if no_w and letters_usable(model) else None
    for b in doc.blocks:
        text = doc.source[b.start : b.end]
        if not suspect(text, no_w, known is not None):
            continue
        if latin is None:
            latin = mostly_latin(doc.source)
        decoded = []
        plan = _block_plan(text)
        for m in MOJIBAKE_TOKEN.finditer(text):
            new = fix_latin_ligatures(_decoded(m.group(0), plan))
            if new != m.group(0):
                out.append((b.start + m.start(), b.start + m.end(), new))
                decoded.append(m.span())
        before = None  # the token before, while it ends where this one's line break starts
        for m in TOKEN.finditer(text):
            if decoded and any(s <= m.start() < e for s, e in decoded):
                continue
            new = fixed(m.group(0), latin, no_w, known)
            if new == m.group(0) and known is not None and before is not None:
                new = _w_after_a_break(before, m, text, known)
            if new != m.group(0):
                out.append((b.start + m.start(), b.start + m.end(), new))
            before = m
    return sorted(out)


def _w_after_a_break(before: re.Match, m: re.Match, text: str, known: Callable[[str], bool]) -> str:
    """The second part of a name a line-end hyphen broke (``Fle-`` | ``etvvood``) with its vv
    read as W, judged as the whole name."""
    token = m.group(0)
    if "vv" not in token or not LINE_END_BREAK.fullmatch(text, before.end(), m.start()):
        return token
    whole = before.group(0) + token
    return token.replace("vv", "w") if w_in_a_name(whole, known) != whole else token


LINE_END_BREAK = re.compile(r"-[ \t]*\r?\n")


def mojibake_plan(text: str) -> list[tuple[str, str]] | None:
    """ftfy's plan when the text as a whole reads as UTF-8 mis-decoded (the document is then
    decoded before any other step reads it)."""
    if text.isascii():
        return None
    try:
        text.encode("sloppy-windows-1252")  # ftfy's Windows-1252: mojibake is all in it
    except UnicodeEncodeError:
        return None  # a letter it has not (ə, ş) was read right
    return _block_plan(text)


def decoding(text: str, plan: list[tuple[str, str]]) -> list[Edit]:
    """``plan`` replayed word by word: one edit per mojibake token it decodes."""
    out = []
    for m in MOJIBAKE_TOKEN.finditer(text):
        new = fix_latin_ligatures(_decoded(m.group(0), plan))
        if new != m.group(0):
            out.append(
                Edit(
                    "normalise-mojibake",
                    m.start(),
                    m.end(),
                    new,
                    step=STEP,
                    confidence=0.98,
                    evidence={"from": m.group(0), "to": new, "plan": [list(p) for p in plan]},
                )
            )
    return out


def _block_plan(text: str) -> list[tuple[str, str]] | None:
    """ftfy's plan for a block that reads as mojibake as a whole: alone, a word gives ftfy's
    caution too little to go on (ilÉ™, uÄŸurla)."""
    if not MOJIBAKE_PAIR.search(text):
        return None
    fixed, plan = ftfy.fix_encoding_and_explain(text)
    return plan if fixed != text and plan else None


def _decoded(token: str, plan: list[tuple[str, str]] | None) -> str:
    """The block's plan replayed on one token (offsets stay per word); where it leaves the token
    mis-decoded (a text mixing right and wrong words gets a plan that reads only some of them),
    the token read back through the code page it was mis-read in; ftfy's own judgement of a
    token when the text has no plan (a lone mojibake)."""
    if not plan:
        return ftfy.fix_encoding(token)
    try:
        new = ftfy.apply_plan(token, plan)
    except UnicodeError:
        new = token
    if not MOJIBAKE_PAIR.search(new):
        return new
    try:
        return token.encode("sloppy-windows-1252").decode("utf-8")
    except UnicodeError:  # a word already right (its ö is not UTF-8's lead byte)
        return new


def run(doc: Document, ctx: Context) -> None:
    for start, end, new in damaged_tokens(doc, ctx):
        if any(e.start < end and start < e.end for e in doc.edits if not e.is_move):
            continue  # already rewritten (a legacy-font word)
        old = doc.source[start:end]
        kind = _kind(old, new)
        doc.add(
            Edit(
                kind, start, end, new, step=STEP, confidence=0.98, evidence={"from": old, "to": new}
            )
        )


def _kind(old: str, new: str) -> str:
    if unicodedata.normalize("NFC", old) == new:
        return "normalise-nfc"
    if fix_latin_ligatures(old) == new:
        return "normalise-ligature"
    if MOJIBAKE_PAIR.search(old):
        return "normalise-mojibake"
    if w_read_as_vv(old) == new or ("vv" in old and "vv" not in new):
        return "normalise-w"
    return "normalise-script"
