"""``python -m sutun.bench``: build the dev set, run every restorer on it, write the scores.

Restorers are plain ``(text, language) -> text`` callables; sütun is scored through its public API
only, like any user would call it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import statistics
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sutun.bench import corpus_run, letters, metrics, pages_bench, review_load
from sutun.bench.baselines import BASELINES
from sutun.bench.simulate import (
    Article,
    Defects,
    SimDoc,
    articles_from_ntrex,
    clean_variants,
    simulate,
)
from sutun.config import RepairConfig

LANGUAGES = ("aze", "tur", "eng")
Restorer = Callable[[str, str | None], str]


def shared_dir() -> Path:
    """``../shared`` beside the repository (or ``$SUTUN_SHARED``)."""
    env = os.environ.get("SUTUN_SHARED")
    if env:
        return Path(env)
    for base in (Path.cwd(), *Path(__file__).resolve().parents):
        candidate = base.parent / "shared"
        if (candidate / "corpora").is_dir():
            return candidate
    raise FileNotFoundError("cannot find ../shared; set SUTUN_SHARED")


def load_ntrex(shared: Path) -> list[dict]:
    path = shared / "corpora" / "ntrex-dev" / "ntrex.jsonl"
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def build_dataset(
    shared: Path,
    seeds: tuple[int, ...] = (0, 1, 2),
    limit: int | None = None,
    defects: Defects = Defects(),
) -> list[SimDoc]:
    records = load_ntrex(shared)
    docs: list[SimDoc] = []
    for lang in LANGUAGES:
        articles = articles_from_ntrex(records, lang)[:limit]
        for article in articles:
            docs.extend(simulate(article, seed, defects) for seed in seeds)
            docs.extend(clean_variants(article, seeds[0]))
    seed_dir = shared / "seed"
    broken = (seed_dir / "seed.md").read_text(encoding="utf-8")
    gold = (seed_dir / "seed.gold.md").read_text(encoding="utf-8")
    docs.append(SimDoc(id="seed", language="aze", kind="seed", gold=gold, text=broken))
    docs.append(SimDoc(id="seed#clean", language="aze", kind="clean", gold=gold, text=gold))
    return docs


def groups(doc: SimDoc) -> list[str]:
    if doc.kind != "broken":
        return [doc.kind]
    out = ["broken"]
    if doc.order_damaged:
        out.append("recoverable" if doc.recoverable else "unrecoverable")
    else:
        out.append("no-order-damage")
    return out


@dataclass
class Scores:
    n: int = 0
    exact: float = 0.0
    paragraphs: float = 0.0
    cer: float = 0.0
    word_error: float = 0.0
    changed: int = 0
    idempotent: int = 0
    hyphens: metrics.HyphenCounts = field(default_factory=metrics.HyphenCounts)
    taus: list[float] = field(default_factory=list)
    order_perfect: int = 0
    order_n: int = 0

    def summary(self) -> dict:
        h = self.hyphens
        n = max(self.n, 1)
        return {
            "n": self.n,
            "exact": self.exact / n,
            "paragraphs": self.paragraphs / n,
            "cer": self.cer / n,
            "word_error": self.word_error / n,
            "changed": self.changed / n,
            "idempotent": self.idempotent / n,
            "join_precision": _ratio(h.join_tp, h.join_tp + h.join_fp),
            "join_recall": _ratio(h.join_tp, h.join_tp + h.join_fn),
            "compound_kept": _ratio(h.compound_kept, h.compound_total),
            "kendall_tau": statistics.fmean(self.taus) if self.taus else None,
            "order_perfect": _ratio(self.order_perfect, self.order_n),
        }


def _ratio(a: int, b: int) -> float | None:
    return a / b if b else None


def evaluate(restore: Restorer, docs: list[SimDoc], check_idempotence: bool = False) -> dict:
    table: dict[tuple[str, str], Scores] = defaultdict(Scores)
    for doc in docs:
        out = restore(doc.text, doc.language)
        again = restore(out, doc.language) if check_idempotence else out
        jun = metrics.junctions(doc) if doc.kind == "broken" else []
        hy = metrics.hyphen_counts(out, doc.gold, jun)
        order = (
            metrics.block_order(out, doc) if doc.kind == "broken" and doc.order_damaged else None
        )
        for g in groups(doc):
            s = table[(doc.language, g)]
            s.n += 1
            s.exact += metrics.exact(out, doc.gold)
            s.paragraphs += metrics.paragraphs_reproduced(out, doc.gold)
            s.cer += metrics.cer(out, doc.gold)
            s.word_error += metrics.word_error(out, doc.gold)
            s.changed += out != doc.text
            s.idempotent += again == out
            s.hyphens.add(hy)
            if order is not None:
                s.taus.append(order[0])
                s.order_perfect += order[1]
                s.order_n += 1
    return {f"{lang}/{g}": s.summary() for (lang, g), s in sorted(table.items())}


THROUGHPUT_REPEATS = 9
"""Interleaved runs of every system; the median of nine stands up to a shared machine's bursts
(three moved sütun's ratio to ftfy by a quarter between runs of the same code)."""


def throughput(systems: dict[str, Restorer], docs: list[SimDoc], repeats: int) -> dict:
    """MB/s on one core for each system, interleaved runs, median over ``repeats``."""
    inputs = [(d.text, d.language) for d in docs]
    size = sum(len(t.encode("utf-8")) for t, _ in inputs) / 1e6
    times: dict[str, list[float]] = defaultdict(list)
    for _ in range(repeats):
        for name, restore in systems.items():
            start = time.perf_counter()
            for text, lang in inputs:
                restore(text, lang)
            times[name].append(time.perf_counter() - start)
    out = {
        name: {"mb_per_s": size / statistics.median(t), "seconds": statistics.median(t)}
        for name, t in times.items()
    }
    base = out.get("ftfy", {}).get("mb_per_s")
    for row in out.values():
        row["vs_ftfy"] = row["mb_per_s"] / base if base else None
    out["_input_mb"] = size
    out["_repeats"] = repeats
    restore = systems.get("sutun")
    if restore is not None:
        out["_long_record"] = long_record(restore, [d for d in docs if d.language == "aze"])
    return out


def long_record(restore: Restorer, docs: list[SimDoc]) -> dict:
    """One record holding every broken document, against the same documents one by one: time
    that grows faster than the text shows up here (a whole newspaper issue is one record)."""
    broken = [d.text for d in docs if d.kind == "broken"]
    joined = "\n\n".join(broken)
    start = time.perf_counter()
    restore(joined, "aze")
    whole = time.perf_counter() - start
    start = time.perf_counter()
    for text in broken:
        restore(text, "aze")
    apart = time.perf_counter() - start
    return {"documents": len(broken), "chars": len(joined), "whole_s": whole, "apart_s": apart}


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()}"


def sutun_restorer() -> Restorer | None:
    try:
        import sutun
    except ImportError:
        return None
    if not hasattr(sutun, "repair"):
        return None

    def restore(text: str, language: str | None) -> str:
        return sutun.repair(text, language=language).text

    return restore


def run(quick: bool = False, shared: Path | None = None) -> dict:
    shared = shared or shared_dir()
    seeds = (0,) if quick else (0, 1, 2)
    docs = build_dataset(shared, seeds=seeds, limit=8 if quick else None)
    systems: dict[str, Restorer] = dict(BASELINES)
    engine = sutun_restorer()
    if engine is not None:
        systems["sutun"] = engine
    results: dict = {
        "date": dt.date.today().isoformat(),
        "machine": machine(),
        "quick": quick,
        "documents": len(docs),
        "systems": {},
    }
    seconds: dict[str, float] = {}

    def timed(name: str, measure):
        start = time.perf_counter()
        out = measure()
        seconds[name] = round(time.perf_counter() - start, 1)
        return out

    results["systems"] = timed(
        "restoration",
        lambda: {
            name: evaluate(restore, docs, check_idempotence=name == "sutun")
            for name, restore in systems.items()
        },
    )
    if engine is not None:
        limit = 8 if quick else None
        results["trained_model"] = timed(
            "trained models",
            lambda: [trained_model(shared, seeds, lang, limit=limit) for lang in ("tur", "eng")],
        )
        results["defect_settings"] = timed(
            "defect settings", lambda: defect_settings(shared, systems, limit=limit)
        )
        results["letters"] = timed("letters", lambda: letters_scores(shared, seeds, limit=limit))
        results["cyrillic"] = timed("cyrillic", lambda: cyrillic_scores(docs))
        results["records"] = timed("records", lambda: records_scores(docs))
        results["line_paragraphs"] = timed(
            "line paragraphs", lambda: line_paragraph_scores(docs, systems)
        )
        results["corpus"] = timed(
            "corpus run", lambda: corpus_run.run(load_ntrex(shared), n=600 if quick else 20_000)
        )
        aze = articles_from_ntrex(load_ntrex(shared), "aze")
        results["pages"] = timed(
            "pages",
            lambda: pages_bench.run(aze, n_pdf=8 if quick else 40, n_scan=1 if quick else 6),
        )
        results["specimens"] = timed(
            "specimens", lambda: pages_bench.specimens(shared / "corpora" / "specimens")
        )
        results["review"] = timed(
            "review page", lambda: review_load.run(docs, edits_wanted=500 if quick else 5000)
        )
    results["throughput"] = timed(
        "throughput", lambda: throughput(systems, docs, repeats=1 if quick else THROUGHPUT_REPEATS)
    )
    results["seconds"] = seconds
    return results


HELD_OUT_SEEDS = (10, 11)
"""Seeds the dev set does not use: other breakage of the same articles."""
DEFECT_SETTINGS: dict[str, Defects] = {
    "as the dev set": Defects(),
    "narrow columns (20-28 characters)": Defects(width_min=20, width_max=28),
    "wide columns (45-60 characters)": Defects(width_min=45, width_max=60),
    "fragments moved up to 3 blocks": Defects(max_shift=3),
    "80% of column heads out of order": Defects(order=0.8),
    "raw lines for 60% of documents": Defects(raw_lines=0.6),
    "3 long columns a page": Defects(columns_per_page=3, lines_min=20, lines_max=45),
    "OCR letter errors on 1% of words": Defects(ocr=0.01),
}
"""Breakage the dev set's defaults do not make, to show what was not tuned to them."""


def defect_settings(
    shared: Path, systems: dict[str, Restorer], language: str = "aze", limit: int | None = None
) -> dict:
    """Each system on the ``language`` articles broken with each of DEFECT_SETTINGS, held-out
    seeds."""
    articles = articles_from_ntrex(load_ntrex(shared), language)[:limit]
    out = {}
    for name, defects in DEFECT_SETTINGS.items():
        docs = [simulate(a, seed, defects) for a in articles for seed in HELD_OUT_SEEDS]
        out[name] = {
            system: evaluate(restore, docs, check_idempotence=system == "sutun")[
                f"{language}/broken"
            ]
            for system, restore in systems.items()
            if system in ("identity", "sutun")
        }
    return out


def trained_model(
    shared: Path, seeds: tuple[int, ...], language: str = "tur", limit: int | None = None
) -> dict:
    """Language generality: a model trained on half of the ``language`` dev articles (every
    other one by id), scored on the broken documents of the other half."""
    import sutun
    from sutun.lang.build import build_from_text, learn_from_corpus

    articles = sorted(articles_from_ntrex(load_ntrex(shared), language), key=lambda a: a.id)
    articles = articles[: 2 * limit] if limit else articles
    train, held_out = articles[0::2], articles[1::2]
    model = build_from_text(
        (a.text() for a in train), language, sources=[f"NTREX-128 {language} dev, training half"]
    )
    broken_train = [simulate(a, seed).text for a in train for seed in seeds]
    learned = learn_from_corpus(broken_train, language, sources=["simulated broken training half"])
    docs = [simulate(a, seed) for a in held_out for seed in seeds]
    systems: dict[str, Restorer] = {
        "identity": BASELINES["identity"],
        "sutun, no model": lambda t, lang: sutun.repair(t, lang).text,
        f"sutun, {language} model": lambda t, lang: sutun.repair(t, lang, model=model).text,
        f"sutun, {language} model learned from broken text": lambda t, lang: (
            sutun.repair(t, lang, model=learned).text
        ),
    }
    return {
        "language": language,
        "train_articles": len(train),
        "held_out_articles": len(held_out),
        "model_words": len(model.words),
        "systems": {
            name: evaluate(restore, docs, check_idempotence=name != "identity")
            for name, restore in systems.items()
        },
    }


def cyrillic_scores(docs: list[SimDoc]) -> dict:
    """The aze documents written in Azerbaijani Cyrillic letters (Soviet-era print), language
    left to detection, against the same documents in Latin letters."""
    import sutun
    from sutun.lang.scripts import latin_back_to_cyrillic

    out = {}
    for kind in ("broken", "clean"):
        rows = [
            (d, latin_back_to_cyrillic(d.text), latin_back_to_cyrillic(d.gold))
            for d in docs
            if d.language == "aze" and d.kind == kind
        ]
        scores: dict[str, list[float]] = defaultdict(list)
        for d, text, gold in rows:
            if text is None or gold is None:
                continue  # a letter Cyrillic has not (w)
            for script, t, g in (("latin", d.text, d.gold), ("cyrillic", text, gold)):
                once = sutun.repair(t).text
                scores[f"{script}_exact"].append(metrics.exact(once, g))
                scores[f"{script}_word_error"].append(metrics.word_error(once, g))
                scores[f"{script}_changed"].append(float(once != t))
                scores[f"{script}_idempotent"].append(float(sutun.repair(once).text == once))
        out[kind] = {"n": len(scores["latin_exact"])} | {
            k: statistics.mean(v) for k, v in scores.items()
        }
    return out


RECORD_ARTICLES = 3


def records_scores(docs: list[SimDoc]) -> dict:
    """Several articles in one record (a record may hold a page or an issue: FinePDFs ships
    whole PDFs), each headline under a markdown heading mark or, as the seed writes its
    headline, a plain line: how many come out exactly, against the same articles repaired one
    by one; clean records changed."""
    import sutun

    out = {}
    for lang in LANGUAGES:
        for kind in ("broken", "clean"):
            # Articles of one seed, a record of three at a time; each starts with its title.
            mine = sorted(
                (
                    d
                    for d in docs
                    if d.language == lang and d.kind == kind and d.id.startswith("ntrex")
                ),
                key=lambda d: (d.id.rsplit("#", 1)[1], d.id),
            )
            mine = [d for d in mine if d.text.startswith(d.gold.split("\n", 1)[0])]
            records = [mine[k : k + RECORD_ARTICLES] for k in range(0, len(mine), RECORD_ARTICLES)]
            alone = sum(metrics.exact(sutun.repair(d.text, lang).text, d.gold) for d in mine)
            for mark, headlines in (("## ", "markdown"), ("", "plain")):
                together = changed = 0
                for record in records:
                    text = "\n\n".join(f"{mark}{d.text.strip()}" for d in record) + "\n"
                    once = sutun.repair(text, lang).text
                    changed += once != text
                    for d, part in zip(record, _articles(once, record, mark), strict=True):
                        together += metrics.exact(part.removeprefix(mark), d.gold)
                out[f"{lang}/{kind}, {headlines} headlines"] = {
                    "records": len(records),
                    "articles": len(mine),
                    "exact_alone": alone / len(mine) if mine else None,
                    "exact_in_records": together / len(mine) if mine else None,
                    "records_changed": changed / len(records) if records else None,
                }
    return out


BLANK_RUNS = re.compile(r"\n(?:[ \t]*\n)+")


def line_paragraph_scores(docs: list[SimDoc], systems: dict[str, Restorer]) -> dict:
    """The block-extractor documents with every blank line taken out, as many extractors write
    a paragraph a line: scored with each output line read as a paragraph (the input's own
    convention), against the same documents with their blank lines."""
    out = {}
    for lang in LANGUAGES:
        for kind in ("broken", "clean"):
            mine = [
                d for d in docs if d.language == lang and d.kind == kind and d.extractor != "raw"
            ]
            for name, restore in systems.items():
                exact = paragraphs = idempotent = changed = as_generated = 0.0
                for d in mine:
                    text = BLANK_RUNS.sub("\n", d.text)
                    once = restore(text, lang)
                    read = once.replace("\n", "\n\n")
                    exact += metrics.exact(read, d.gold)
                    paragraphs += metrics.paragraphs_reproduced(read, d.gold)
                    changed += once != text
                    as_generated += metrics.exact(restore(d.text, lang), d.gold)
                    if name == "sutun":
                        idempotent += restore(once, lang) == once
                n = len(mine) or 1
                out[f"{lang}/{kind}/{name}"] = {
                    "documents": len(mine),
                    "exact": exact / n,
                    "paragraphs": paragraphs / n,
                    "exact_with_blank_lines": as_generated / n,
                    "changed": changed / n,
                    "idempotent": idempotent / n if name == "sutun" else None,
                }
    return out


def _articles(text: str, record: list[SimDoc], mark: str) -> list[str]:
    """The record's output cut at each article's headline (empty parts when one is lost)."""
    starts, at = [], 0
    for d in record:
        at = text.find(mark + d.gold.split("\n", 1)[0], at)
        if at < 0:
            return [""] * len(record)
        starts.append(at)
    return [text[a:b] for a, b in zip(starts, [*starts[1:], len(text)], strict=True)]


def letters_scores(shared: Path, seeds: tuple[int, ...], limit: int | None = None) -> dict:
    """OCR letter errors at three noise levels, clean text, legacy-font spans, the real specimen."""
    import sutun

    articles = articles_from_ntrex(load_ntrex(shared), "aze")[:limit]

    def restore(text: str, lang: str | None) -> str:
        return sutun.repair(text, lang).text

    out: dict = {"ocr": {}}
    for rate in (0.005, 0.01, 0.02):
        out["ocr"][str(rate)] = letters.score_words(
            restore, letters.documents(articles, seeds, ocr=rate)
        )
    out["clean"] = letters.score_words(restore, letters.documents(articles, seeds[:1]))
    out["legacy"] = letters.score_words(
        restore, letters.documents(articles, seeds, legacy=0.5), kind="legacy-font word"
    )
    diacritics = RepairConfig(restore_diacritics=True)
    out["diacritics"] = letters.score_words(
        lambda t, lang: sutun.repair(t, lang, config=diacritics).text,
        letters.undiacritised_documents(articles),
        kind="diacritic dropped",
    )
    gold = Path(__file__).resolve().parents[3] / "tests" / "data" / "azlat-gold.tsv"
    out["specimen"] = letters.legacy_specimen(restore, gold)
    return out


def _fmt(x: float | None, pct: bool = False) -> str:
    if x is None:
        return "–"
    return f"{100 * x:.1f}%" if pct else f"{x:.4f}"


def markdown(results: dict, command: str) -> str:
    lines = [
        "# Benchmarks",
        "",
        "## Restoration benchmark (dev set, simulated newspaper breakage)",
        "",
        f"- command: `{command}`",
        f"- date: {results['date']}; machine: {results['machine']}",
        "- seconds per part of the run: "
        + ", ".join(f"{k} {v}" for k, v in results.get("seconds", {}).items())
        + f" (total {sum(results.get('seconds', {}).values()):.0f})",
        f"- documents: {results['documents']} (NTREX-128 dev articles in aze/tur/eng typeset into "
        "columns and broken by `sutun.bench.simulate` with default `Defects`, seeds 0–2; clean "
        "do-no-harm variants; the real seed article and its gold)",
        "- metrics: see `sutun/bench/metrics.py`; text is compared after folding whitespace and "
        "markdown emphasis. *recoverable* = order damage the text itself can reveal (a moved "
        "fragment open at one end); *unrecoverable* = a closed paragraph moved intact.",
        "",
    ]
    systems = results["systems"]
    for lang in LANGUAGES:
        lines += [
            f"### Broken documents — {lang}",
            "",
            "| system | group | n | exact | paragraphs | CER | word err | join P | join R "
            "| compound kept | τ (moved) | order perfect (moved) |",
            "|---|---|---|---|---|---|---|---|---|---|---|---|",
        ]
        for group in ("broken", "recoverable", "unrecoverable", "no-order-damage"):
            for name, table in systems.items():
                row = table.get(f"{lang}/{group}")
                if not row:
                    continue
                lines.append(
                    f"| {name} | {group} | {row['n']} | {_fmt(row['exact'], True)} | "
                    f"{_fmt(row['paragraphs'], True)} | {_fmt(row['cer'])} | "
                    f"{_fmt(row['word_error'])} | {_fmt(row['join_precision'], True)} | "
                    f"{_fmt(row['join_recall'], True)} | {_fmt(row['compound_kept'], True)} | "
                    f"{_fmt(row['kendall_tau'])} | {_fmt(row['order_perfect'], True)} |"
                )
        lines.append("")
    lines += [
        "### Clean documents (do no harm) and the seed",
        "",
        "| system | clean aze changed | clean tur changed | clean eng changed | seed exact "
        "| seed CER | seed word err | idempotent (all docs) |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for name, table in systems.items():
        clean = [table.get(f"{lang}/clean", {}) for lang in LANGUAGES]
        seed = table.get("aze/seed", {})
        idem = [r["idempotent"] for r in table.values()]
        lines.append(
            f"| {name} | "
            + " | ".join(f"{_fmt(c.get('changed'), True)} (n={c.get('n', 0)})" for c in clean)
            + f" | {_fmt(seed.get('exact'), True)} | {_fmt(seed.get('cer'))} | "
            f"{_fmt(seed.get('word_error'))} | "
            f"{_fmt(min(idem), True) if name == 'sutun' else '–'} |"
        )
    for tm in results.get("trained_model") or []:
        lang = tm["language"]
        base = tm["systems"]["identity"][f"{lang}/broken"]["word_error"]
        lines += [
            "",
            f"### A model trained from plain text ({lang}): held-out broken documents",
            "",
            f"Model built by `sutun.lang.build.build_from_text` from {tm['train_articles']} "
            f"{lang} dev articles ({tm['model_words']} words); scored on the broken documents of "
            f"the other {tm['held_out_articles']} articles, which the model never saw. The "
            "*learned* model comes from the same training half as broken text only "
            "(`sutun model learn`: intact spans, no clean text).",
            "",
            "| system | n | exact | paragraphs | CER | word err | word err vs identity "
            "| join P | join R | idempotent |",
            "|---|---|---|---|---|---|---|---|---|---|",
        ]
        for name, table in tm["systems"].items():
            row = table[f"{lang}/broken"]
            change = (row["word_error"] - base) / base if base else None
            lines.append(
                f"| {name} | {row['n']} | {_fmt(row['exact'], True)} | "
                f"{_fmt(row['paragraphs'], True)} | {_fmt(row['cer'])} | "
                f"{_fmt(row['word_error'])} | "
                f"{'–' if change is None else f'{100 * change:+.1f}%'} | "
                f"{_fmt(row['join_precision'], True)} | {_fmt(row['join_recall'], True)} | "
                f"{_fmt(row['idempotent'], True) if name != 'identity' else '–'} |"
            )
    lines += _defect_settings_markdown(results.get("defect_settings"))
    lines += _letters_markdown(results.get("letters"))
    lines += _cyrillic_markdown(results.get("cyrillic"))
    lines += _records_markdown(results.get("records"))
    lines += _line_paragraphs_markdown(results.get("line_paragraphs"))
    lines += _corpus_markdown(results.get("corpus"))
    lines += _pages_markdown(results.get("pages"), results.get("specimens"))
    rv = results.get("review")
    if rv:
        lines += [
            "",
            "### Review page (`--html`)",
            "",
            f"{rv['edits']} edits of {rv['documents']} bench documents in one page "
            f"({rv['html_mb']} MB), headless Chromium, median of 3: loaded and drawn in "
            f"{rv['load_s']} s; un-ticking an edit re-applies the list in {rv['toggle_s']} s.",
        ]
    tp = results["throughput"]
    lines += [
        "",
        f"### Throughput (one core, {tp['_input_mb']:.2f} MB of inputs, median of "
        f"{tp.get('_repeats', 3)} runs interleaved in the same process)",
        "",
        "| system | MB/s | × ftfy.fix_text |",
        "|---|---|---|",
    ]
    for name, row in tp.items():
        if name.startswith("_"):
            continue
        lines.append(f"| {name} | {row['mb_per_s']:.3f} | {_fmt(row['vs_ftfy'])} |")
    lr = tp.get("_long_record")
    if lr:
        lines += [
            "",
            f"One record of all {lr['documents']} broken aze documents ({lr['chars']} characters): "
            f"{lr['whole_s']:.2f} s, against {lr['apart_s']:.2f} s for them one by one "
            f"({lr['whole_s'] / lr['apart_s']:.2f}×; one run each).",
        ]
    lines.append("")
    return "\n".join(lines)


def _pages_markdown(p: dict | None, specimens: list | None) -> list[str]:
    if not p:
        return []
    lines = [
        "",
        "### Pages to articles (`sutun extract`)",
        "",
        "Newspaper pages rendered with reportlab and DejaVu fonts by `sutun.bench.pages` from aze "
        "dev articles: 2–4 articles on a grid of 2–5 columns, one article across the page or two "
        "side by side, each under a headline across its own columns, one boxed item per page, "
        "justified lines with syllable hyphenation (compounds break at their own hyphen), "
        "indented paragraphs, rules between rows on half the pages, a running head and a page "
        "number; half drawn in a scrambled content-stream order. Scans: the first pages "
        "rasterised with noise (a 300 dpi row too, and a row laid 1.5° askew on the glass, "
        "which sütun measures on Tesseract's lines, turns level and reads again; and the first "
        "browser-printed PDFs scanned page by page into multi-page TIFFs, counted a file a "
        "page; and the first pages scanned as old newsprint comes, `bench.pages.aged`: grey, "
        "yellowed paper lit from one side, grey ink, a colour JPEG; and as worn copies come, "
        "`bench.pages.worn`: out of focus, dusty with black pixels, or with the sheet's other "
        "side showing through). A tool that "
        "returns no articles gets credit for an article that stands intact in its page text. "
        "pdfminer.six and pymupdf4llm (about "
        "a page a second) read every second page, to keep `make bench` short. "
        "Browser-printed: `sutun.bench.browser_pages` sets two aze dev articles a page in HTML "
        "(2–4 CSS columns, justified, discretionary hyphens at syllable breaks, a dated head, "
        "some articles framed) and headless Chromium prints them (running on to further pages): "
        "a typesetter not ours decides the lines, hyphens and text layer. Other styles: twelve "
        "more pages, each set with some of ragged-right lines, paragraphs parted by space instead "
        "of indentation, drop caps, pull quotes and headlines in bold a tenth larger than the "
        "text (`browser_pages.STYLES`). Pictures: six more pages with a picture after each "
        "article's second paragraph and its caption in smaller italic under it. "
        "*paragraphs*: the share of gold paragraphs found whole "
        "among the output's (parted by blank lines). *pdftotext, then sutun repair*: the page's "
        "pdftotext text repaired as already-extracted text is (`sutun repair`, no page geometry: "
        "the indents that start paragraphs are lost); *pdftotext -layout, then sutun repair*: "
        "its columns side by side, as printed, read by `sutun repair` (`sutun.steps.columns`).",
        "",
        "| input | system | pages | page CER | articles exact | paragraphs | pages/s |",
        "|---|---|---|---|---|---|---|",
    ]
    kinds = (
        ("born_digital", "born-digital PDF"),
        ("browser", "browser-printed PDF"),
        ("browser_styled", "browser-printed, other styles"),
        ("browser_pictures", "browser-printed, pictures with captions"),
        ("scanned", "scan"),
    )
    for kind, label in kinds:
        for name, row in p.get(kind, {}).items():
            lines.append(
                f"| {label} | {name} | {row['pages']} | {100 * row['page_cer']:.2f}% | "
                f"{_fmt(row['articles_exact'], True)} | {_fmt(row.get('paragraphs'), True)} | "
                f"{_fmt(row['pages_per_s'])} |"
            )
    if specimens:
        lines += ["", "Real specimens (`../shared/corpora/specimens/*.pdf`):", ""]
        for row in specimens:
            if "error" in row:
                lines.append(f"- `{row['file']}`: error — {row['error']}")
            else:
                notes = "; ".join(row["notes"]) or "text layer read"
                lines.append(
                    f"- `{row['file']}`: {row['articles']} articles (first: "
                    f"“{row['first_title']}”), {row['furniture']} furniture lines, {notes}, "
                    f"{row['seconds']} s"
                )
    return lines


def _section(title: str, intro: str, columns: list[str]) -> list[str]:
    """A table's heading, its introduction and its header rows."""
    return [
        "",
        f"### {title}",
        "",
        intro,
        "",
        "| " + " | ".join(columns) + " |",
        "|" + "---|" * len(columns),
    ]


def _defect_settings_markdown(d: dict | None) -> list[str]:
    if not d:
        return []
    lines = _section(
        "Other breakage (aze, held-out seeds)",
        f"The aze articles broken with seeds {', '.join(map(str, HELD_OUT_SEEDS))} (the dev set "
        "uses 0-2) and defect settings the dev set's defaults do not make "
        "(`DEFECT_SETTINGS` in `sutun/bench/run.py`); with OCR letter errors, *exact* asks every "
        "letter back too.",
        ["setting", "n", "identity exact", "sutun exact", "paragraphs", "word err", "idempotent"],
    )
    for name, row in d.items():
        i, s = row["identity"], row["sutun"]
        lines.append(
            f"| {name} | {s['n']} | {_fmt(i['exact'], True)} | {_fmt(s['exact'], True)} | "
            f"{_fmt(s['paragraphs'], True)} | {_fmt(s['word_error'])} | "
            f"{_fmt(s['idempotent'], True)} |"
        )
    return lines


def _corpus_markdown(c: dict | None) -> list[str]:
    if not c:
        return []
    return [
        *_section(
            "Corpus run (`sutun.corpus`, JSON Lines .gz shards)",
            f"{c['records']} simulated records ({c['text_mb']} MB of text) in 4 shards; one run "
            "each, in the same process, one after the other.",
            ["measure", "value"],
        ),
        f"| one worker | {c['one_worker_s']} s ({c['records_per_s_one']} records/s) |",
        f"| two workers | {c['two_workers_s']} s — {c['two_vs_one']}× one worker |",
        f"| ftfy.fix_text on the same texts, one core | {c['ftfy_s']} s |",
        f"| per core vs ftfy | {c['per_core_vs_ftfy']}× |",
        f"| outputs of 1 and 2 workers byte-identical | {c['same_bytes_1_and_2_workers']} |",
        f"| worker max RSS | {c['worker_max_rss_mb']} MB |",
        f"| startup (`sutun repair` on one short text) | {c['startup_s']} s |",
    ]


def _cyrillic_markdown(c: dict | None) -> list[str]:
    if not c:
        return []
    lines = _section(
        "Azerbaijani Cyrillic (Soviet-era print)",
        "The aze documents written letter for letter in Azerbaijani Cyrillic, the language left to "
        "detection; the same documents in Latin letters beside them.",
        ["documents", "n", "script", "exact", "word err", "changed", "idempotent"],
    )
    for kind, row in c.items():
        for script in ("latin", "cyrillic"):
            lines.append(
                f"| {kind} | {row['n']} | {script} | {_fmt(row[f'{script}_exact'], True)} | "
                f"{_fmt(row[f'{script}_word_error'])} | {_fmt(row[f'{script}_changed'], True)} | "
                f"{_fmt(row[f'{script}_idempotent'], True)} |"
            )
    return lines


def _records_markdown(r: dict | None) -> list[str]:
    if not r:
        return []
    lines = _section(
        "Several articles in one record",
        f"The dev documents {RECORD_ARTICLES} articles to a record (one seed's articles by id), "
        "each headline marked as a markdown heading `## `, as docling writes headings, or a plain "
        "line, as the seed's is; the same articles repaired one by one beside them.",
        [
            "language/documents",
            "records",
            "articles",
            "exact alone",
            "exact in records",
            "records changed",
        ],
    )
    for name, row in r.items():
        lines.append(
            f"| {name} | {row['records']} | {row['articles']} | "
            f"{_fmt(row['exact_alone'], True)} | {_fmt(row['exact_in_records'], True)} | "
            f"{_fmt(row['records_changed'], True)} |"
        )
    return lines


def _line_paragraphs_markdown(r: dict | None) -> list[str]:
    if not r:
        return []
    lines = _section(
        "Paragraphs a line each",
        "The documents of the block extractors (docling-style) with every blank line taken out: "
        "paragraphs and fragments a line each, as many extractors write them. Each output line "
        "is read as a paragraph; *with blank lines*: the same system on the same documents as "
        "generated.",
        [
            "language/documents",
            "system",
            "n",
            "exact",
            "paragraphs",
            "with blank lines: exact",
            "changed",
            "idempotent",
        ],
    )
    for key, row in r.items():
        lang, kind, name = key.split("/")
        lines.append(
            f"| {lang}/{kind} | {name} | {row['documents']} | {_fmt(row['exact'], True)} | "
            f"{_fmt(row['paragraphs'], True)} | {_fmt(row['exact_with_blank_lines'], True)} | "
            f"{_fmt(row['changed'], True)} | {_fmt(row['idempotent'], True)} |"
        )
    return lines


def _letters_markdown(lt: dict | None) -> list[str]:
    if not lt:
        return []
    lines = _section(
        "Letters (aze): OCR errors, legacy font",
        "Layout intact, so words align one to one between input, gold and output. *fixed* = "
        "injected errors restored; *wrongly changed* = right words the output changed.",
        [
            "input",
            "words",
            "errors injected",
            "fixed",
            "wrongly changed",
            "by kind (injected: fixed)",
        ],
    )
    rows = [(f"OCR {100 * float(r):g}% of words", v) for r, v in lt["ocr"].items()]
    rows += [("clean text", lt["clean"]), ("legacy-font blocks (half)", lt["legacy"])]
    if "diacritics" in lt:
        rows.append(("typed without diacritics, `--restore-diacritics`", lt["diacritics"]))
    for name, v in rows:
        kinds = ", ".join(
            f"{k} {x['injected']}: {100 * x['fixed']:.0f}%" for k, x in v["by_kind"].items()
        )
        rate = v["introduced_rate"]
        wrong = f"{v['introduced']} ({'–' if rate is None else f'{100 * rate:.2f}%'})"
        lines.append(
            f"| {name} | {v['words']} | {v['injected']} | {_fmt(v['fixed'], True)} | "
            f"{wrong} | {kinds or '–'} |"
        )
    spec = lt.get("specimen")
    if spec:
        lines += [
            "",
            f"Real specimen `legacy-azlat-font-lecture.txt`, hand-checked sample "
            f"(`tests/data/azlat-gold.tsv`): {spec['words']} Cyrillic-coded words, "
            f"{_fmt(spec['converted_right'], True)} converted right.",
        ]
    return lines


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m sutun.bench", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="8 articles a language, one seed")
    parser.add_argument("--out", type=Path, help="write the markdown section here")
    parser.add_argument("--json", type=Path, help="write all figures here")
    parser.add_argument("--shared", type=Path, help="the shared folder (default ../shared)")
    args = parser.parse_args(argv)
    results = run(quick=args.quick, shared=args.shared)
    command = "make bench" if not args.quick else "python -m sutun.bench --quick"
    text = markdown(results, command)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=1, ensure_ascii=False), encoding="utf-8")
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    print(text)


__all__ = ["Article", "build_dataset", "evaluate", "main", "run"]
