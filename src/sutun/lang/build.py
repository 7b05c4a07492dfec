"""Build language models: the shipped Azerbaijani one from ``../shared/corpora``, or any language
from plain text (``sutun model build``)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import regex

from sutun.lang.alphabet import lower
from sutun.lang.model import (
    WORD,
    LanguageModel,
    canonical,
    counts_from_text,
    ends_from_text,
    names_from_text,
)

AZE_SOURCES = [
    "symspell-az/frequency_dictionary_az_80k.txt (MIT)",
    "az-lang-nlp/spell_freq.txt, stems.txt (Apache-2.0)",
    "tesseract-langdata-aze/aze.wordlist, aze.word.bigrams (Apache-2.0)",
    "azwiki-sentences/vocab.txt, sent_gold_actual.txt, sent_gold.txt (CC BY-SA)",
]


def _counted(path: Path) -> Counter[str]:
    out: Counter[str] = Counter()
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) == 2 and parts[1].isdigit():
            out[lower(parts[0].replace("ә", "ə"), "aze")] += int(parts[1])
    return out


def _ranked(path: Path, limit: int) -> list[str]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines()[:limit]:
        w = line.strip()
        if WORD.fullmatch(w) and not any(ch in w for ch in "ﬁﬂﬆ"):
            out.append(lower(w, "aze"))
    return out


def build_azerbaijani(corpora: Path, ranked_limit: int = 200_000) -> LanguageModel:
    words = _counted(corpora / "symspell-az" / "frequency_dictionary_az_80k.txt")
    spell = _counted(corpora / "az-lang-nlp" / "spell_freq.txt")
    # The two frequency lists come from corpora of different sizes: scale the smaller to match.
    scale = max(1, sum(words.values()) // max(1, sum(spell.values())))
    for w, c in spell.items():
        words[w] += c * scale
    for path in (
        corpora / "azwiki-sentences" / "vocab.txt",
        corpora / "tesseract-langdata-aze" / "aze.wordlist",
    ):
        for w in _ranked(path, ranked_limit):
            words[w] += 1 if w not in words else 0
    wiki = (corpora / "azwiki-sentences" / "sent_gold_actual.txt").read_text(encoding="utf-8")
    text_words, bigrams = counts_from_text(wiki.splitlines(), "aze")
    words.update({w: c for w, c in text_words.items() if w not in words})
    for line in (
        (corpora / "tesseract-langdata-aze" / "aze.word.bigrams")
        .read_text(encoding="utf-8")
        .splitlines()[:80_000]
    ):
        parts = line.split()
        if len(parts) == 2 and all(WORD.fullmatch(p) for p in parts):
            bigrams[f"{lower(parts[0], 'aze')} {lower(parts[1], 'aze')}"] += 2
    words = Counter({w: c for w, c in words.items() if WORD.fullmatch(w) and len(w) < 40})
    stems = [
        lower(s.strip(), "aze")
        for s in (corpora / "az-lang-nlp" / "stems.txt").read_text(encoding="utf-8").splitlines()
        if s.strip()
    ]
    return LanguageModel.from_counts(
        "aze",
        words,
        stems=stems,
        bigrams=bigrams,
        sources=AZE_SOURCES,
        names=[
            *names_from_text(wiki.splitlines(), "aze"),
            *_capitalised_only(corpora / "tesseract-langdata-aze" / "aze.wordlist", ranked_limit),
        ],
        ends=ends_from_text(
            [*wiki.splitlines(), *_wiki_lines(corpora / "azwiki-sentences" / "sent_gold.txt")],
            "aze",
        ),
    )


def _capitalised_only(path: Path, limit: int) -> list[str]:
    """Words a cased word list has only capitalised (Sergio, never sergio): names. The frequency
    lists are lower-cased, so they cannot tell a name from a word that starts sentences."""
    ranked = path.read_text(encoding="utf-8").split()[:limit]
    present = set(ranked)
    return sorted(
        {
            lower(w, "aze")
            for w in ranked
            if w[:1].isupper() and w[1:].islower() and lower(w, "aze") not in present
        }
    )


def _wiki_lines(path: Path) -> list[str]:
    """Sentences of a wiki dump, without its markup lines (``thumb|200px|…``)."""
    return [
        line
        for line in path.read_text(encoding="utf-8").splitlines()
        if "|" not in line and "[[" not in line and "{{" not in line
    ]


def build_from_text(
    texts: Iterable[str], language: str, sources: Iterable[str] = ()
) -> LanguageModel:
    texts = list(texts)
    words, bigrams = counts_from_text(texts, language)
    return LanguageModel.from_counts(
        canonical(language) or language,
        words,
        bigrams=bigrams,
        sources=sources,
        names=names_from_text(texts, language),
        ends=ends_from_text(texts, language),
    )


BREAK_AT_EDGE = regex.compile(r"-\s*$")


def intact_spans(text: str) -> list[str]:
    """The stretches of a broken text a model can trust: each block without its first and last
    word (fragments a column or line break may have cut) and without the words around a line
    break inside it."""
    spans = []
    for block in regex.split(r"\n[ \t]*\n", text):
        for line in block.split("\n"):
            words = line.split()
            if len(words) > 2:
                spans.append(" ".join(words[1:-1]))
    return spans


def learn_from_corpus(
    texts: Iterable[str],
    language: str,
    sources: Iterable[str] = (),
    base: LanguageModel | None = None,
) -> LanguageModel:
    """A model from the corpus being repaired: words and bigrams of its intact spans only, so
    that break fragments do not vote for themselves; ``base`` (a shipped model) is merged in."""
    spans = [span for text in texts for span in intact_spans(text)]
    words, bigrams = counts_from_text(spans, language)
    ends = ends_from_text(spans, language, base.ends if base is not None else None)
    if base is not None:
        words.update(base.words)
        bigrams.update(base.bigrams)
    return LanguageModel.from_counts(
        canonical(language) or language,
        words,
        stems=base.stems if base is not None else (),
        bigrams=bigrams,
        sources=[*sources, *(base.sources if base is not None else [])],
        names=base.names if base is not None else (),
        ends=ends,
    )
