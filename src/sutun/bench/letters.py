"""Letter-level scoring: OCR errors fixed and words wrongly changed, legacy-font text converted.

Documents here keep their layout (no column breaks) so that words line up one to one between the
input, the gold and the output, and every difference is a letter decision.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import regex

from sutun.bench.simulate import NO_DEFECTS, Article, simulate

WORD = regex.compile(r"\p{L}+")
Restorer = Callable[[str, str | None], str]


def kind_of(gold: str, noisy: str) -> str:
    """``ə→e`` for a one-letter confusion, ``drop``/``insert`` for a letter lost/added."""
    if len(noisy) < len(gold):
        return "drop"
    if len(noisy) > len(gold):
        return "insert"
    pairs = [f"{g}→{n}" for g, n in zip(gold, noisy, strict=True) if g != n]
    return pairs[0] if len(pairs) == 1 else "other"


def score_words(
    restore: Restorer, docs: list[tuple[str, str, str]], kind: str | None = None
) -> dict:
    """``docs``: (input, gold, language). Counts by error kind: injected, fixed; and words the
    restorer changed that were right."""
    injected: Counter[str] = Counter()
    fixed: Counter[str] = Counter()
    words = introduced = unaligned = 0
    for text, gold, lang in docs:
        out = restore(text, lang)
        w_in, w_gold, w_out = (WORD.findall(t) for t in (text, gold, out))
        if not len(w_in) == len(w_gold) == len(w_out):
            unaligned += 1
            continue
        words += len(w_gold)
        for a, g, o in zip(w_in, w_gold, w_out, strict=True):
            if a != g:
                k = kind or kind_of(g, a)
                injected[k] += 1
                fixed[k] += o == g
            elif o != g:
                introduced += 1
    total_injected = sum(injected.values())
    return {
        "documents": len(docs),
        "unaligned": unaligned,
        "words": words,
        "injected": total_injected,
        "fixed": sum(fixed.values()) / total_injected if total_injected else None,
        "introduced": introduced,
        "introduced_rate": introduced / words if words else None,
        "by_kind": {k: {"injected": n, "fixed": fixed[k] / n} for k, n in injected.most_common()},
    }


def documents(
    articles: list[Article], seeds: tuple[int, ...], **defects: float
) -> list[tuple[str, str, str]]:
    """(input, gold, language) for articles that keep their layout, with only ``defects`` (like
    ``ocr=0.01`` or ``legacy=0.5``) applied; documents the defects left untouched are kept."""
    knobs = dataclasses.replace(NO_DEFECTS, **defects)
    return [
        (doc.text, doc.gold, doc.language)
        for a in articles
        for doc in (simulate(a, seed, knobs) for seed in seeds)
    ]


def legacy_specimen(restore: Restorer, gold_file: Path) -> dict | None:
    """The hand-made gold sample of the real AzLat specimen: ``cyrillic<TAB>latin`` lines."""
    if not gold_file.is_file():
        return None
    total = right = 0
    for line in gold_file.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        coded, latin = line.split("\t")
        out = restore(coded, "aze")
        words = zip(WORD.findall(coded), WORD.findall(latin), WORD.findall(out), strict=False)
        for c, g, o in words:
            if regex.search(r"\p{Cyrillic}", c):
                total += 1
                right += o == g
    return {"words": total, "converted_right": right / total if total else None}


_FOLD = str.maketrans("əıöüşçğƏÖÜŞÇĞİ", "eiouscgEOUSCGI")


def undiacritised_documents(articles: list[Article]) -> list[tuple[str, str, str]]:
    """Articles as typed on a keyboard without Azerbaijani letters."""
    return [(a.text().translate(_FOLD), a.text(), a.language) for a in articles]
