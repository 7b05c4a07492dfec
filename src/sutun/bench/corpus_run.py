"""The corpus run of ``make bench``: ≥ 20,000 simulated records in JSON Lines shards through the
corpus runner with one and with two workers, ftfy on the same texts, worker memory and startup."""

from __future__ import annotations

import gzip
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sutun import corpus
from sutun.bench.simulate import articles_from_ntrex, simulate

SHARDS = 4


def build_records(records: list[dict], n: int) -> list[dict]:
    """``n`` records or a few more: every dev article in every language, broken with seed 0, 1, …"""
    articles = [a for lang in ("aze", "tur", "eng") for a in articles_from_ntrex(records, lang)]
    out: list[dict] = []
    seed = 0
    while len(out) < n:
        for a in articles:
            doc = simulate(a, seed)
            out.append({"id": doc.id, "text": doc.text, "language": doc.language})
        seed += 1
    return out


def run(ntrex: list[dict], n: int = 20_000) -> dict:
    import ftfy

    rows = build_records(ntrex, n)
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        shards = []
        for k in range(SHARDS):
            path = base / f"part-{k}.jsonl.gz"
            data = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows[k::SHARDS])
            path.write_bytes(gzip.compress(data.encode("utf-8")))
            shards.append(path)
        text_mb = sum(len(r["text"].encode("utf-8")) for r in rows) / 1e6

        runs: dict[int, list[float]] = {1: [], 2: []}
        ftfy_times: list[float] = []
        summary: dict = {}
        for attempt in range(1):  # one pass keeps make bench under 5 minutes
            for workers in (1, 2):
                out = base / f"out-{workers}-{attempt}"
                summary = corpus.run(shards, out, workers=workers, progress=False)
                runs[workers].append(summary["seconds"])
            start = time.perf_counter()
            for r in rows:
                ftfy.fix_text(r["text"])
            ftfy_times.append(time.perf_counter() - start)
        identical = all(
            (base / "out-1-0" / s.name).read_bytes() == (base / "out-2-0" / s.name).read_bytes()
            for s in shards
        )
    one, two, ft = (statistics.median(x) for x in (runs[1], runs[2], ftfy_times))
    return {
        "records": len(rows),
        "text_mb": round(text_mb, 2),
        "one_worker_s": round(one, 2),
        "two_workers_s": round(two, 2),
        "ftfy_s": round(ft, 2),
        "per_core_vs_ftfy": round(ft / one, 3),
        "two_vs_one": round(one / two, 3),
        "records_per_s_one": round(len(rows) / one, 1),
        "same_bytes_1_and_2_workers": identical,
        "worker_max_rss_mb": round(
            resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1
        ),
        "startup_s": _startup(),
        "summary": summary,
    }


def _startup() -> float:
    """Seconds from `sutun repair` launch to its first repaired record (median of three)."""
    times = []
    for _ in range(3):
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "sutun.cli", "repair", "-", "--language", "aze"],
            input="Başlıq\n\nsöz söz-\n\nlər gəldi.",
            text=True,
            capture_output=True,
            check=True,
        )
        times.append(time.perf_counter() - start)
    return round(statistics.median(times), 3)
