"""Azerbaijani text stored on Cyrillic code points by a legacy "AzLat" font (``вя`` = *və*) back to
Latin, span by span; with ``to_latin``, Azerbaijani Cyrillic too. Russian stays Russian: a span is
converted only when the Azerbaijani model knows most of what it would become."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from sutun.document import Document, Edit
from sutun.lang.model import LanguageModel, shipped
from sutun.lang.scripts import AZERBAIJANI_CYRILLIC_ONLY, azlat_to_latin, cyrillic_to_latin
from sutun.steps.evidence import Context
from sutun.steps.normalise import CYRILLIC

STEP = "legacy"
# Whole Cyrillic words only: a Latin word with a Cyrillic look-alike inside is normalise's.
CYRILLIC_WORD = regex.compile(
    r"(?<![\p{L}\p{N}])[\p{Cyrillic}\p{N}]*\p{Cyrillic}[\p{Cyrillic}\p{N}]*(?![\p{L}\p{N}])"
)
LATIN_LETTER = regex.compile(r"\p{Latin}")
MIN_KNOWN = 0.6
"""Share of a span's words the lexicon must know after conversion."""
AZLAT_OWN = frozenset("яъцщюэь")
"""Code points the AzLat font uses for ə c ü h ö g ğ, where a transliteration would differ."""
LONE_WORD_COUNT = 100
"""A span of one word is converted only to a word the lexicon has seen this often."""


@dataclass(frozen=True)
class Conversion:
    kind: str  # "legacy-font" | "to-latin"
    words: list[tuple[int, int, str, str]]  # start, end, old, new
    known: float


def conversions(doc: Document, ctx: Context) -> list[Conversion]:
    """The Cyrillic spans to convert (memoised: the gate asks first, the step emits)."""
    hit = ctx.memo.get(("legacy",))
    if hit is None:
        hit = ctx.memo[("legacy",)] = _conversions(doc, ctx)
    return hit


def _conversions(doc: Document, ctx: Context) -> list[Conversion]:
    source = doc.source
    if not CYRILLIC.search(source):
        return []
    model = ctx.model if ctx.model is not None and ctx.model.language == "aze" else shipped("aze")
    if model is None:
        return []
    out = []
    for span in _spans(source):
        for kind, convert in _options(span, ctx):
            words = [(s, e, w, convert(w)) for s, e, w in span]
            known = _known_share([new for *_, new in words], model)
            if known >= MIN_KNOWN and (kind != "legacy-font" or _own_letters_read(words, model)):
                out.append(Conversion(kind, words, known))
                break
    return out


def _options(span: list[tuple[int, int, str]], ctx: Context):
    words = [w.lower() for *_, w in span]
    if any(ch in AZERBAIJANI_CYRILLIC_ONLY for w in words for ch in w):
        return [("to-latin", cyrillic_to_latin)] if ctx.config.to_latin else []
    options = []
    # The font's own letters (я = ə, ц = ü, …) must be in play, or this is plain Cyrillic.
    if any(ch in AZLAT_OWN for w in words for ch in w):
        options.append(("legacy-font", azlat_to_latin))
    if ctx.config.to_latin:
        options.append(("to-latin", cyrillic_to_latin))
    return options


def _spans(source: str) -> list[list[tuple[int, int, str]]]:
    """Runs of Cyrillic-bearing words with no Latin word between them."""
    spans: list[list[tuple[int, int, str]]] = []
    last_end = None
    for m in CYRILLIC_WORD.finditer(source):
        between = source[last_end : m.start()] if last_end is not None else ""
        if spans and last_end is not None and not LATIN_LETTER.search(between):
            spans[-1].append((m.start(), m.end(), m.group(0)))
        else:
            spans.append([(m.start(), m.end(), m.group(0))])
        last_end = m.end()
    return spans


def _own_letters_read(words: list[tuple[int, int, str, str]], model: LanguageModel) -> bool:
    """Some word that needs the font's own letters becomes a word the lexicon knows."""
    return any(
        model.count(new) > 0 for _, _, old, new in words if AZLAT_OWN.intersection(old.lower())
    )


def _known_share(words: list[str], model: LanguageModel) -> float:
    """Share of the converted words the lexicon has seen (the suffix grammar alone would accept
    too much of what Russian turns into)."""
    judged = [w for w in words if sum(ch.isalpha() for ch in w) >= 2]
    if not judged:
        return 0.0
    share = sum(model.count(w) > 0 for w in judged) / len(judged)
    if len(judged) == 1 and model.count(judged[0]) < LONE_WORD_COUNT:
        return 0.0
    return share


def edits(doc: Document, ctx: Context) -> list[Edit]:
    """One edit per converted word."""
    return [
        Edit(
            conv.kind,
            start,
            end,
            new,
            step=STEP,
            confidence=round(min(0.99, conv.known), 3),
            evidence={"from": old, "span_known": round(conv.known, 3)},
        )
        for conv in conversions(doc, ctx)
        for start, end, old, new in conv.words
        if new != old
    ]


def run(doc: Document, ctx: Context) -> None:
    for e in edits(doc, ctx):
        if not doc.covered(e.start, e.end):  # not in furniture cleanup took out
            doc.add(e)
