from __future__ import annotations

import pytest

from sutun.bench import metrics
from sutun.bench.baselines import identity, naive_joiner
from sutun.bench.run import build_dataset, evaluate
from sutun.bench.simulate import articles_from_ntrex, invert, simulate

GOLD = "Başlıq\n\n**Birinci abzas hərbi-texniki sahədə.**\n\nİkinci abzas burada bitir."


@pytest.mark.parametrize("fn", [metrics.exact, metrics.paragraphs_reproduced])
def test_identical_and_empty(fn):
    assert fn(GOLD, GOLD) == 1.0
    assert fn("", GOLD) == 0.0


def test_cer_and_word_error_bounds():
    assert metrics.cer(GOLD, GOLD) == 0.0
    assert metrics.cer("", GOLD) == 1.0
    assert metrics.word_error(GOLD, GOLD) == 0.0
    assert metrics.word_error("", GOLD) == 1.0
    assert 0 < metrics.cer(GOLD.replace("hərbi-texniki", "hərbitexniki"), GOLD) < 0.05


def test_fold_ignores_whitespace_and_emphasis_but_not_paragraphs():
    assert metrics.exact(GOLD.replace("**", "").replace(" ", "  "), GOLD) == 1.0
    assert metrics.exact(GOLD.replace("\n\nİkinci", " İkinci"), GOLD) == 0.0


def test_order_and_hyphen_scores_reward_the_truth(ntrex):
    for article in articles_from_ntrex(ntrex, "aze")[:30]:
        doc = simulate(article, 2)
        gold = invert(doc)
        order = metrics.block_order(gold, doc)
        if order is not None:
            assert order == (1.0, True)
        h = metrics.hyphen_counts(gold, doc.gold, metrics.junctions(doc))
        assert h.join_fn == 0 and h.join_fp == 0 and h.compound_kept == h.compound_total
        if doc.order_damaged:
            tau, perfect = metrics.block_order(doc.text, doc) or (1.0, True)
            assert not perfect or tau == 1.0


def test_identity_keeps_glued_compounds_glued(ntrex):
    docs = [simulate(a, 0) for a in articles_from_ntrex(ntrex, "aze")]
    totals = metrics.HyphenCounts()
    for d in docs:
        totals.add(metrics.hyphen_counts(d.text, d.gold, metrics.junctions(d)))
    assert totals.compound_total > 0 and totals.compound_kept < totals.compound_total
    assert totals.join_tp < totals.join_fn


def test_evaluate_oracle_scores_perfectly_and_baselines_do_not(shared):
    docs = build_dataset(shared, seeds=(0,), limit=6)
    by_text = {d.text: d for d in docs}

    def oracle(text, language):
        d = by_text[text]
        return invert(d) if d.kind == "broken" else d.gold

    perfect = evaluate(oracle, docs)
    assert all(row["exact"] == 1.0 and row["cer"] == 0.0 for row in perfect.values())
    ident = evaluate(identity, docs)
    assert ident["aze/broken"]["exact"] < 0.5 and ident["aze/broken"]["cer"] > 0.01
    assert ident["aze/clean"]["changed"] == 0.0
    naive = evaluate(naive_joiner, docs)
    assert naive["aze/broken"]["word_error"] < ident["aze/broken"]["word_error"]


def test_naive_joiner_behaviour():
    assert naive_joiner("ayrıl-\ndığını") == "ayrıldığını"
    assert naive_joiner("Bir söz ayrıldı-\n\nğını bildirdi.") == "Bir söz ayrıldığını bildirdi."
    assert naive_joiner("Cümlə bitdi.\n\nyeni abzas") == "Cümlə bitdi.\n\nyeni abzas"
