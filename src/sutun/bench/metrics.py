"""Scores for restored text against the printed (gold) article.

Every function takes plain strings (and, for hyphen and order scores, the simulator's truth), so any
restorer — sütun, a baseline, another tool — is scored the same way.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

import regex
from rapidfuzz.distance import Levenshtein

from sutun.bench.simulate import Block, SimDoc, restore_block

_EMPHASIS = regex.compile(r"\*\*|__")
_PARA_SPLIT = regex.compile(r"\n[ \t]*\n\s*")
_WORDS = regex.compile(r"[\p{L}\p{N}\p{M}]+(?:[-'’][\p{L}\p{N}\p{M}]+)*")
_GRAPHEME = regex.compile(r"\X")


def paragraphs(text: str) -> list[str]:
    """Paragraphs after folding whitespace and markdown emphasis."""
    text = _EMPHASIS.sub("", text)
    return [" ".join(p.split()) for p in _PARA_SPLIT.split(text.strip()) if p.strip()]


def fold(text: str) -> str:
    return "\n\n".join(paragraphs(text))


def exact(output: str, gold: str) -> float:
    return float(fold(output) == fold(gold))


def paragraphs_reproduced(output: str, gold: str) -> float:
    """Share of gold paragraphs that appear, whole, as paragraphs of the output."""
    want = Counter(paragraphs(gold))
    got = Counter(paragraphs(output))
    total = sum(want.values())
    return sum((want & got).values()) / total if total else 1.0


def cer(output: str, gold: str) -> float:
    """Grapheme edit distance over gold graphemes, on folded text."""
    g = _GRAPHEME.findall(fold(gold))
    o = _GRAPHEME.findall(fold(output))
    if not g:
        return 0.0 if not o else 1.0
    return Levenshtein.distance(o, g) / len(g)


def words(text: str) -> list[str]:
    return _WORDS.findall(_EMPHASIS.sub("", text))


def word_error(output: str, gold: str) -> float:
    """Order-insensitive word error: (missing + extra words) / gold words, as multisets."""
    g, o = Counter(words(gold)), Counter(words(output))
    total = sum(g.values())
    if not total:
        return 0.0 if not o else 1.0
    return (sum((g - o).values()) + sum((o - g).values())) / total


# --------------------------------------------------------------------------------------------
# Hyphens


@dataclass(frozen=True)
class Junction:
    """A place where a word broke at a line end: ``gold`` is the printed word, ``wrong`` the
    other reading (joined for a compound, hyphenated for a syllable break)."""

    kind: str  # "syllable" | "compound"
    gold: str
    wrong: str


_TOKEN = regex.compile(r"[\p{L}\p{N}]+")


def junctions(doc: SimDoc) -> list[Junction]:
    """Every line-break hyphen the extracted text shows, and every compound docling glued."""
    out: list[Junction] = []
    body = [b for b in doc.blocks if b.kind == "body"]
    restored = {id(b): restore_block(b, b.text, lines=False) for b in body}
    for b, nxt in itertools.pairwise(body):
        if b.end_junction in ("syllable", "compound") and nxt.paragraph == b.paragraph:
            left = _TOKEN.findall(restored[id(b)])[-1]
            right = _TOKEN.findall(restored[id(nxt)])[0]
            out.append(_junction(b.end_junction, left, right))
    for b in body:
        for compound in b.glued:
            left, _, right = compound.rpartition("-")
            out.append(Junction("compound", compound, left + right))
        if b.line_junctions:
            lines = restored[id(b)].split("\n")
            for kind, line, nxt_line in zip(b.line_junctions, lines, lines[1:], strict=False):
                if kind in ("syllable", "compound"):
                    out.append(
                        _junction(kind, _TOKEN.findall(line)[-1], _TOKEN.findall(nxt_line)[0])
                    )
    return out


def _junction(kind: str, left: str, right: str) -> Junction:
    if kind == "syllable":
        return Junction(kind, left + right, f"{left}-{right}")
    return Junction(kind, f"{left}-{right}", left + right)


def _count(text: str, token: str) -> int:
    pattern = rf"(?<![\p{{L}}\p{{N}}-]){regex.escape(token)}(?![\p{{L}}\p{{N}}]|-[\p{{L}}\p{{N}}])"
    return len(regex.findall(pattern, text))


@dataclass
class HyphenCounts:
    join_tp: int = 0  # syllable breaks joined into the printed word
    join_fn: int = 0  # syllable breaks left broken or hyphenated
    join_fp: int = 0  # compounds joined into one word
    compound_kept: int = 0
    compound_total: int = 0

    def add(self, other: HyphenCounts) -> None:
        for k in vars(self):
            setattr(self, k, getattr(self, k) + getattr(other, k))


def hyphen_counts(output: str, gold: str, found: Iterable[Junction]) -> HyphenCounts:
    """Count junction outcomes by how many gold and wrong forms the output holds.

    Occurrences of a form outside the junctions (the same word printed whole elsewhere) are assumed
    kept, so only the surplus or deficit at junctions is scored.
    """
    out_text, gold_text = _EMPHASIS.sub("", output), _EMPHASIS.sub("", gold)
    by_form: dict[tuple[str, str, str], int] = Counter((j.kind, j.gold, j.wrong) for j in found)
    c = HyphenCounts()
    for (kind, good, bad), n in by_form.items():
        other_good = max(0, _count(gold_text, good) - n)
        hits = min(n, max(0, _count(out_text, good) - other_good))
        wrong = min(n - hits, max(0, _count(out_text, bad) - _count(gold_text, bad)))
        if kind == "syllable":
            c.join_tp += hits
            c.join_fn += n - hits
        else:
            c.compound_total += n
            c.compound_kept += hits
            c.join_fp += wrong
    return c


# --------------------------------------------------------------------------------------------
# Block order


def block_order(output: str, doc: SimDoc) -> tuple[float, bool] | None:
    """Kendall τ between the printed order of body blocks and where they appear in ``output``,
    and whether all were found in order. None when fewer than two blocks can be located.

    A block is located by the middle of its restored text (its edge words may be rightly changed).
    """
    flat = " ".join(paragraphs(output))
    positions: list[int] = []
    missing = 0
    for b in _located_blocks(doc.blocks):
        anchor = _anchor(b)
        if anchor is None:
            continue
        pos = flat.find(anchor)
        if pos < 0:
            missing += 1
            continue
        positions.append(pos)
    if len(positions) < 2:
        return None
    n = len(positions)
    concordant = sum(1 for i in range(n) for j in range(i + 1, n) if positions[i] < positions[j])
    pairs = n * (n - 1) // 2
    tau = (2 * concordant - pairs) / pairs
    return tau, missing == 0 and concordant == pairs


def _located_blocks(blocks: list[Block]) -> list[Block]:
    return [b for b in blocks if b.kind == "body"]


def _anchor(block: Block) -> str | None:
    text = " ".join(restore_block(block, block.text).split())
    parts = text.split(" ")
    if len(parts) < 5:
        return None
    middle = parts[1:-1]
    k = len(middle)
    take = middle[max(0, k // 2 - 4) : k // 2 + 4]
    return " ".join(take)
