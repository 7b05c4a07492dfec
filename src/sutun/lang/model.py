"""The language model the repair steps consult: lexicon, suffix grammar, char n-grams, bigrams.

Stored as gzip'd JSON (safe to load from anywhere, unlike pickle). ``sutun model build`` makes one.
"""

from __future__ import annotations

import gzip
import itertools
import json
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

import regex

from sutun.lang import morphology
from sutun.lang.alphabet import VOWELS, is_turkic, lower

FORMAT = 1
WORD = regex.compile(r"[\p{L}\p{M}]+(?:-[\p{L}\p{M}]+)*")
GLUED_RATIO = 3
"""A glued spelling is split back when the hyphenated one is this many times more frequent."""
FREQUENT_LETTER = 0.03
"""A letter the language writes at least this often (of all letters) is one of its frequent
letters: no long text in the language goes without it (Azerbaijani's ə, 7 %)."""
PREFIX_LETTERS = 4
"""Letters a hyphen prefix and the word after it have at least (shorter ones are acronyms and
suffixes: ABŞ-dan)."""
PREFIX_WORDS = 15
"""Lexicon words a prefix must set off with a hyphen to count as one."""
PREFIX_GLUED_SHARE = 0.1
"""Glued lexicon words (prefix, then a lexicon word) a prefix may have, per hyphenated one."""
_PLAIN = str.maketrans("əıöüşçğ", "eiouscg")
_BOUNDARY = "^"
_END = "$"


@dataclass
class LanguageModel:
    language: str
    words: dict[str, int]
    stems: frozenset[str] = frozenset()
    char: dict[str, int] = field(default_factory=dict)
    bigrams: dict[str, int] = field(default_factory=dict)
    order: int = 4
    sources: list[str] = field(default_factory=list)
    grammar: bool = False
    min_stem_count: int = 3
    names: frozenset[str] = frozenset()
    """Words the training text capitalises mid-sentence (names), lower-cased."""
    ends: dict[str, list[int]] = field(default_factory=dict)
    """How often a word, or a word ending (``~`` and its last letters), closes a sentence:
    ``[sentence ends, occurrences]``, for the frequent ones."""
    memo: dict = field(default_factory=dict, repr=False, compare=False)
    """Answers steps computed from this model alone, kept for the next document."""

    def __post_init__(self) -> None:
        self._total_chars = sum(v for k, v in self.char.items() if len(k) == 1) or 1
        self._cache: dict[str, bool] = {}
        self._char_cache: dict[str, float] = {}
        self._plain: dict[str, str] | None = None
        suffixes = morphology.suffix_forms()
        self.glued = {
            w.replace("-", ""): w
            for w, c in self.words.items()
            if "-" in w
            and c >= 2
            and c >= GLUED_RATIO * self.words.get(w.replace("-", ""), 0)
            # "ses-in" is an acronym with its suffix (SES-in), not a compound of lower-case text
            and w.rsplit("-", 1)[1] not in suffixes
        }

    # ---- lexicon and grammar
    def norm(self, word: str) -> str:
        return lower(word, self.language)

    def count(self, word: str) -> int:
        return self.words.get(self.norm(word), 0)

    def _is_stem(self, w: str) -> bool:
        # A frequency list's stem needs a vowel: web lists keep letter debris (bx, gr) that
        # would take a misread word's letters for suffixes (bx+dığ+ım for baxdığım).
        return w in self.stems or (
            self.words.get(w, 0) >= self.min_stem_count and not VOWELS.isdisjoint(w)
        )

    def known(self, word: str) -> bool:
        """In the lexicon, or a known stem plus harmonic suffixes (for languages with a grammar)."""
        w = self.norm(word)
        hit = self._cache.get(w)
        if hit is None:
            hit = w in self.words
            if not hit and self.grammar and "-" not in w:
                hit = morphology.analyse(w, self._is_stem) is not None
            if len(self._cache) > 200_000:
                self._cache.clear()
            self._cache[w] = hit
        return hit

    def stem_of(self, word: str) -> str | None:
        """The known stem the suffix grammar finds under ``word``, or None."""
        if not self.grammar:
            return None
        found = morphology.analyse(self.norm(word), self._is_stem)
        return found[0] if found else None

    # ---- character model (stupid backoff over n-grams of words, boundaries marked)
    def char_logp(self, word: str) -> float:
        """Mean log-probability per character of ``word`` (higher is more word-like); remembered,
        as the same words come back document after document."""
        hit = self._char_cache.get(word)
        if hit is None:
            if len(self._char_cache) > 200_000:
                self._char_cache.clear()
            hit = self._char_cache[word] = self._word_char_logp(word)
        return hit

    def _word_char_logp(self, word: str) -> float:
        w = _BOUNDARY + self.norm(word) + _END
        if len(w) <= 2 or not self.char:
            return 0.0
        total = 0.0
        for i in range(1, len(w)):
            total += self._char_logp(w[max(0, i - self.order + 1) : i], w[i])
        return total / (len(w) - 1)

    def _char_logp(self, history: str, ch: str) -> float:
        penalty = 0.0
        while history:
            num = self.char.get(history + ch)
            if num:
                den = self.char.get(history) or num
                return penalty + math.log(num / den)
            history = history[1:]
            penalty += math.log(0.4)
        return penalty + math.log((self.char.get(ch, 0) + 1) / (self._total_chars + 100))

    def undiacritised(self) -> dict[str, str]:
        """Each spelling without diacritics (``ucun``) → the likeliest word it stands for
        (``üçün``); built on first use."""
        if self._plain is None:
            best: dict[str, str] = {}
            for w, c in self.words.items():
                key = w.translate(_PLAIN)
                if c > self.words.get(best.get(key, ""), 0):
                    best[key] = w
            self._plain = best
        return self._plain

    def frequent_letters(self) -> tuple[tuple[str, float], ...]:
        """The letters the language writes most (each with its share of all letters, as the
        character model counts them), commonest first; found on first use."""
        hit = self.memo.get("frequent letters")
        if hit is None:
            letters = {k: v for k, v in self.char.items() if len(k) == 1 and k.isalpha()}
            total = sum(letters.values()) or 1
            hit = self.memo["frequent letters"] = tuple(
                (k, v / total)
                for k, v in sorted(letters.items(), key=lambda kv: (-kv[1], kv[0]))
                if v / total >= FREQUENT_LETTER
            )
        return hit

    def hyphen_prefixes(self) -> tuple[str, ...]:
        """Words the lexicon sets off with a hyphen before many words and glues to almost none
        (qeyri-, vitse-): a productive prefix, which a compound it forms keeps (qeyri-icraçı),
        even one the lexicon never saw; longest first, found on first use."""
        hit = self.memo.get("hyphen prefixes")
        if hit is None:
            after: defaultdict[str, set[str]] = defaultdict(set)
            for w in self.words:
                left, hyphen, right = w.partition("-")
                if (
                    hyphen
                    and len(left) >= PREFIX_LETTERS
                    and len(right) >= PREFIX_LETTERS
                    and left.isalpha()
                    and right in self.words
                ):
                    after[left].add(right)
            found = {p for p, rights in after.items() if len(rights) >= PREFIX_WORDS}
            glued: Counter[str] = Counter()
            for n in {len(p) for p in found}:
                glued.update(
                    w[:n]
                    for w in self.words
                    if w[:n] in found and len(w) - n >= PREFIX_LETTERS and w[n:] in self.words
                )
            hit = self.memo["hyphen prefixes"] = tuple(
                sorted(
                    (p for p in found if glued[p] <= PREFIX_GLUED_SHARE * len(after[p])),
                    key=lambda p: (-len(p), p),
                )
            )
        return hit

    def bigram(self, left: str, right: str) -> int:
        return self.bigrams.get(f"{self.norm(left)} {self.norm(right)}", 0)

    def end_rate(self, word: str) -> float | None:
        """How often the training text ends a sentence on ``word`` (or, for a word it saw too
        rarely, on words ending like it); None without enough evidence."""
        return end_rate(self.ends, self.norm(word))

    def never_ends(self, word: str) -> bool:
        """Whether sentences (almost) never end on ``word``: a conjunction, a postposition, a
        participle, a genitive."""
        rate = self.end_rate(word)
        return rate is not None and rate <= NEVER_ENDS

    def function_word(self, word: str) -> bool:
        """A word seen often enough on its own (not judged by its ending) that (almost) never
        ends a sentence: a conjunction, an article, a postposition (və, ki, bu, the, ile)."""
        seen = self.ends.get(self.norm(word))
        return seen is not None and seen[1] >= ENDS_MIN_WORD and seen[0] <= NEVER_ENDS * seen[1]

    # ---- storage
    def to_json(self) -> dict:
        return {
            "format": FORMAT,
            "language": self.language,
            "order": self.order,
            "grammar": self.grammar,
            "sources": self.sources,
            "words": self.words,
            "stems": sorted(self.stems),
            "char": self.char,
            "bigrams": self.bigrams,
            "names": sorted(self.names),
            "ends": self.ends,
        }

    def save(self, path: str | Path) -> None:
        data = json.dumps(
            self.to_json(), ensure_ascii=False, sort_keys=True, separators=(",", ":")
        ).encode("utf-8")
        with gzip.GzipFile(path, "wb", mtime=0) as f:
            f.write(data)

    @classmethod
    def load(cls, path: str | Path) -> LanguageModel:
        with gzip.open(path, "rb") as f:
            data = json.loads(f.read())
        if data.get("format") != FORMAT:
            raise ValueError(f"{path}: unsupported model format {data.get('format')!r}")
        return cls(
            language=data["language"],
            words=data["words"],
            stems=frozenset(data.get("stems", [])),
            char=data.get("char", {}),
            bigrams=data.get("bigrams", {}),
            order=data.get("order", 4),
            sources=data.get("sources", []),
            grammar=data.get("grammar", False),
            names=frozenset(data.get("names", [])),
            ends=data.get("ends", {}),
        )

    # ---- building
    @classmethod
    def from_counts(
        cls,
        language: str,
        words: Counter[str],
        *,
        stems: Iterable[str] = (),
        bigrams: Counter[str] | None = None,
        order: int = 4,
        sources: Iterable[str] = (),
        max_bigrams: int = 60_000,
        names: Iterable[str] = (),
        ends: dict[str, list[int]] | None = None,
    ) -> LanguageModel:
        char: Counter[str] = Counter()
        for w, c in words.items():
            weight = 1 + int(math.log1p(c))
            padded = _BOUNDARY + w + _END
            for n in range(1, order + 1):
                for i in range(len(padded) - n + 1):
                    char[padded[i : i + n]] += weight
        char = Counter({k: v for k, v in char.items() if v >= 2 or len(k) == 1})
        top_bigrams = dict((bigrams or Counter()).most_common(max_bigrams))
        return cls(
            language=language,
            words=dict(words),
            stems=frozenset(stems),
            char=dict(char),
            bigrams=top_bigrams,
            order=order,
            sources=list(sources),
            grammar=language in ("aze", "azj"),
            names=frozenset(names),
            ends=ends or {},
        )


def tokens(text: str, language: str) -> list[str]:
    return [lower(w, language) for w in WORD.findall(text)]


def counts_from_text(texts: Iterable[str], language: str) -> tuple[Counter[str], Counter[str]]:
    words: Counter[str] = Counter()
    bigrams: Counter[str] = Counter()
    for text in texts:
        toks = tokens(text, language)
        words.update(toks)
        bigrams.update(f"{a} {b}" for a, b in itertools.pairwise(toks))
    return words, bigrams


MID_SENTENCE = regex.compile(r"(?<=[\p{L}\p{N},][ \t]+)\p{L}+")


def names_from_text(texts: Iterable[str], language: str, min_count: int = 2) -> list[str]:
    """Words written capitalised mid-sentence at least ``min_count`` times and more than three
    times as often as in lower case: names, which do not start sentences."""
    capital: Counter[str] = Counter()
    small: Counter[str] = Counter()
    for text in texts:
        for m in MID_SENTENCE.finditer(text):
            w = m.group(0)
            (capital if w[:1].isupper() else small)[lower(w, language)] += 1
    return sorted(w for w, c in capital.items() if c >= min_count and c > 3 * small[w])


SENTENCE = regex.compile(r"(?<=[.!?…][\"'»”’)]*)\s+")
CLOSED = regex.compile(r"[.!?…][\"'»”’)]*\s*$")
ENDS_MIN_WORD = 20
ENDS_MIN_SUFFIX = 50
"""Occurrences a word (or an ending) needs before its sentence-end rate is trusted."""
NEVER_ENDS = 0.01
"""A word (or ending) that closes at most this share of its sentences never ends one."""


def end_rate(
    ends: Mapping[str, Sequence[int]],
    word: str,
    min_word: int = ENDS_MIN_WORD,
    min_suffix: int = ENDS_MIN_SUFFIX,
) -> float | None:
    """The share of ``word``'s occurrences (lower case) that end a sentence, from counts keyed as
    :func:`ends_from_text` keys them, or, seen fewer than ``min_word`` times, of the words ending
    like it (``min_suffix``); None without enough evidence."""
    keys = [(word, min_word), *((f"~{word[-k:]}", min_suffix) for k in (3, 2) if len(word) > k)]
    for key, least in keys:
        seen = ends.get(key)
        if seen is not None and seen[1] >= least:
            return seen[0] / seen[1]
    return None


def ends_from_text(
    texts: Iterable[str], language: str, base: dict[str, list[int]] | None = None
) -> dict[str, list[int]]:
    """Sentence-end counts of words and of their last two and three letters (added to a
    model's ``base`` counts); a text's last sentence counts only if punctuation closes it."""
    final: Counter[str] = Counter({k: f for k, (f, _) in (base or {}).items()})
    seen: Counter[str] = Counter({k: n for k, (_, n) in (base or {}).items()})
    for text in texts:
        for sentence in SENTENCE.split(text):
            toks = tokens(sentence, language)
            closed = bool(CLOSED.search(sentence))
            for i, w in enumerate(toks):
                last = i == len(toks) - 1
                if last and not closed:
                    continue
                keys = [w, *(f"~{w[-k:]}" for k in (2, 3) if len(w) > k)]
                seen.update(keys)
                if last:
                    final.update(keys)
    return {
        k: [final[k], n]
        for k, n in seen.items()
        if n >= (ENDS_MIN_SUFFIX if k.startswith("~") else ENDS_MIN_WORD)
    }


def canonical(language: str | None) -> str | None:
    """``azj_Latn``, ``az``, ``aze`` → ``aze``; ``tr``, ``tur_Latn`` → ``tur``."""
    if not language:
        return None
    code = language.split("_")[0].split("-")[0].lower()
    aliases = {"az": "aze", "azj": "aze", "azb": "aze", "tr": "tur", "en": "eng"}
    return aliases.get(code, code)


@lru_cache(maxsize=8)
def shipped(language: str) -> LanguageModel | None:
    """The model shipped in the package for ``language``, if any."""
    name = f"{canonical(language)}.json.gz"
    ref = resources.files("sutun.data").joinpath(name)
    if not ref.is_file():
        return None
    with resources.as_file(ref) as path:
        return LanguageModel.load(path)


__all__ = [
    "LanguageModel",
    "canonical",
    "counts_from_text",
    "end_rate",
    "ends_from_text",
    "is_turkic",
    "shipped",
    "tokens",
]
