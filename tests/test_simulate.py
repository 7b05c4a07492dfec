from __future__ import annotations

import dataclasses

import pytest
import regex

from sutun.bench import metrics
from sutun.bench.simulate import (
    GLYPHS,
    NO_DEFECTS,
    Defects,
    articles_from_ntrex,
    clean_variants,
    invert,
    simulate,
)
from sutun.lang.alphabet import syllable_breaks

LANGS = ["aze", "tur", "eng"]


@pytest.mark.parametrize("lang", LANGS)
def test_deterministic_per_seed(ntrex, lang):
    article = articles_from_ntrex(ntrex, lang)[5]
    a, b = simulate(article, 3), simulate(article, 3)
    assert a.text == b.text and a.truth() == b.truth()
    assert any(simulate(article, s).text != a.text for s in range(4, 10))


@pytest.mark.parametrize("lang", LANGS)
def test_truth_inverts_every_document(ntrex, lang):
    noisy = Defects(ocr=0.02, legacy=0.3)
    for article in articles_from_ntrex(ntrex, lang):
        for seed in (0, 1):
            doc = simulate(article, seed, noisy)
            assert invert(doc) == doc.gold, doc.id


@pytest.mark.parametrize("lang", LANGS)
def test_no_defects_is_the_clean_article(ntrex, lang):
    for article in articles_from_ntrex(ntrex, lang)[:20]:
        doc = simulate(article, 1, NO_DEFECTS)
        assert doc.text == doc.gold == article.text()


def _docs(ntrex, defects, n=25):
    return [simulate(a, s, defects) for a in articles_from_ntrex(ntrex, "aze")[:n] for s in (0, 1)]


def test_each_knob_at_zero_removes_its_defect(ntrex):
    base = Defects()
    on = _docs(ntrex, base)
    assert any(d.order_damaged for d in on)
    assert any(b.kind == "furniture" for d in on for b in d.blocks)
    assert any(b.glyph for d in on for b in d.blocks)
    assert any(b.end_junction == "syllable" for d in on for b in d.blocks)
    assert any(d.extractor == "raw" for d in on)

    off = _docs(ntrex, dataclasses.replace(base, order=0))
    assert not any(d.order_damaged for d in off)
    assert all(d.order == sorted(d.order) for d in off)
    off = _docs(ntrex, dataclasses.replace(base, furniture=0))
    assert not any(b.kind == "furniture" for d in off for b in d.blocks)
    off = _docs(ntrex, dataclasses.replace(base, glyph=0))
    assert not any(b.glyph for d in off for b in d.blocks)
    assert not any(part[:1] in GLYPHS for d in off for part in d.text.split("\n\n"))
    off = _docs(ntrex, dataclasses.replace(base, hyphenate=0))
    assert not any(
        b.end_junction in ("syllable", "compound") or b.glued for d in off for b in d.blocks
    )
    off = _docs(ntrex, dataclasses.replace(base, raw_lines=0))
    assert all(d.extractor == "docling" for d in off)
    off = _docs(ntrex, dataclasses.replace(base, split_columns=0, order=0))
    assert all(sum(b.kind == "body" for b in d.blocks) == d.gold.count("\n\n") for d in off)
    noisy = _docs(ntrex, dataclasses.replace(base, ocr=0.05))
    assert any(b.ocr for d in noisy for b in d.blocks)
    assert not any(b.ocr for d in on for b in d.blocks)


def test_docling_glues_compounds_and_keeps_block_end_hyphens(ntrex):
    docs = _docs(ntrex, dataclasses.replace(Defects(), raw_lines=0), n=62)
    glued = [c for d in docs for b in d.blocks for c in b.glued]
    assert glued and all("-" in c for c in glued)
    for d in docs:
        for b in d.blocks:
            for c in b.glued:
                assert c.replace("-", "") in b.text
            if b.end_junction == "syllable":
                assert b.text.endswith("-")


def test_a_compound_glued_after_a_closing_quote_keeps_the_quote_in_its_record(ntrex):
    # həqiqtələr”-in broken at its hyphen and glued: the record is the text's own spelling.
    narrow = Defects(width_min=20, width_max=28, raw_lines=0)
    docs = [
        simulate(a, seed, narrow) for a in articles_from_ntrex(ntrex, "aze") for seed in (10, 11)
    ]
    glued = [(b, c) for d in docs for b in d.blocks for c in b.glued]
    assert any(not c.split("-")[0][-1].isalnum() for _, c in glued)
    assert all(c.replace("-", "") in b.text for b, c in glued)
    for d in docs:
        metrics.junctions(d)  # restores each block's compounds from the record


def test_unrecoverable_means_a_closed_paragraph_moved(ntrex):
    docs = [d for d in _docs(ntrex, Defects(), n=62) if d.order_damaged]
    assert any(d.recoverable for d in docs) and any(not d.recoverable for d in docs)


def test_clean_variants_are_unchanged_articles(ntrex):
    article = articles_from_ntrex(ntrex, "aze")[0]
    for doc in clean_variants(article, 0):
        assert doc.text == doc.gold and doc.kind == "clean"


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("ayrıldığını", ["ay|rıldığını", "ayrıl|dığını", "ayrıldı|ğını", "ayrıldığı|nı"]),
        ("təəssürat", ["tə|əssürat", "təəs|sürat", "təəssü|rat"]),
        ("hərbi-texniki", ["hər|bi-texniki", "hərbi-|texniki", "hərbi-tex|niki", "hərbi-texni|ki"]),
        ("5-də", []),
    ],
)
def test_syllable_breaks(word, expected):
    assert [word[:i] + "|" + word[i:] for i in syllable_breaks(word)] == expected


def test_legacy_font_blocks_are_stored_on_cyrillic_code_points(ntrex):
    docs = _docs(ntrex, Defects(legacy=0.5))
    legacy = [b for d in docs for b in d.blocks if b.legacy]
    assert legacy and all(b.kind == "body" for b in legacy)
    doc = next(d for d in docs if any(b.legacy for b in d.blocks))
    assert "вя" in doc.text.split() or regex.search(r"\p{Cyrillic}{3}", doc.text)


def test_ocr_errors_are_recorded_by_kind(ntrex):
    docs = _docs(ntrex, Defects(ocr=0.05, ocr_drop=0.3))
    kinds = {k for d in docs for b in d.blocks for *_, k in b.ocr}
    assert "drop" in kinds and "ə→e" in kinds
