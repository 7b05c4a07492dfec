"""The corpus runner: shards of JSON Lines (plain, ``.gz``, ``.zst``) or Parquet in, the same
shards out, records repaired by ``-j`` worker processes in input order.

Loss-free and resumable: a shard is written to ``NAME.partial`` and renamed when complete, a shard
whose output exists is skipped, and records carry no timings, so a run killed at any point and
started again writes the same bytes as one that never stopped.
"""

from __future__ import annotations

import glob
import gzip
import io
import json
import multiprocessing
import os
import sys
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from sutun.config import RepairConfig
from sutun.lang.model import LanguageModel
from sutun.pipeline import DEFAULT
from sutun.records import outcome, repair_line, repair_record

CHUNK = 64
"""Records a worker takes at a time."""


@dataclass
class Summary:
    records: int = 0
    changed: int = 0
    errors: int = 0
    edits: Counter[str] = field(default_factory=Counter)
    bytes_in: int = 0
    shards_done: int = 0
    shards_skipped: int = 0
    seconds: float = 0.0
    workers: int = 1

    def add(self, result: dict, size: int) -> None:
        self.records += 1
        self.changed += result["changed"]
        self.errors += result["error"]
        self.edits.update(result["edits"])
        self.bytes_in += size

    def to_dict(self) -> dict:
        s = max(self.seconds, 1e-9)
        return {
            "records": self.records,
            "changed": self.changed,
            "errors": self.errors,
            "edits_by_kind": dict(self.edits.most_common()),
            "shards_done": self.shards_done,
            "shards_skipped": self.shards_skipped,
            "workers": self.workers,
            "seconds": round(self.seconds, 3),
            "records_per_s": round(self.records / s, 1),
            "mb_per_s": round(self.bytes_in / 1e6 / s, 3),
        }


def expand(patterns: list[str]) -> list[Path]:
    """Paths, directories (every file below) and globs → existing files, in a stable order; a
    pattern matching nothing is an error (a typo must not look like an empty corpus)."""
    out: list[Path] = []
    for pattern in patterns:
        if Path(pattern).is_dir():
            out.extend(sorted(p for p in Path(pattern).rglob("*") if p.is_file()))
            continue
        found = sorted(glob.glob(pattern)) if any(ch in pattern for ch in "*?[") else [pattern]
        if not found or not all(Path(f).is_file() for f in found):
            raise FileNotFoundError(f"no input file matches {pattern!r}")
        out.extend(Path(f) for f in found)
    return out


def targets(inputs: list[Path], output: Path) -> list[tuple[Path, Path]]:
    """Each input shard with its output path: ``output`` is the file for a single input without
    a trailing slash, else a directory that receives shards under their own names."""
    if len(inputs) == 1 and not str(output).endswith(os.sep) and not output.is_dir():
        return [(inputs[0], output)]
    names = [p.name for p in inputs]
    if len(set(names)) != len(names):
        raise ValueError("input shards share a file name; give them distinct names")
    return [(p, output / p.name) for p in inputs]


def run(
    inputs: list[Path],
    output: Path,
    parquet: bool = False,
    workers: int | None = None,
    language: str | None = None,
    model: LanguageModel | None = None,
    config: RepairConfig = DEFAULT,
    timings: bool = False,
    progress: bool | None = None,
) -> dict:
    summary = Summary(workers=workers or os.cpu_count() or 1)
    start = time.perf_counter()
    total = sum(p.stat().st_size for p in inputs)
    bar = progress_bar(total, progress)
    settings = (language, model, config, timings)
    pool = None
    if summary.workers > 1:
        pool = worker_pool(summary.workers, _init, settings)
    else:
        _init(*settings)
    try:
        for src, dst in targets(inputs, output):
            if dst.exists():
                summary.shards_skipped += 1
                bar.update(src.stat().st_size)
                continue
            dst.parent.mkdir(parents=True, exist_ok=True)
            partial = dst.with_name(dst.name + ".partial")
            shard = _parquet_shard if parquet else _jsonl_shard
            shard(src, partial, pool, summary, bar)
            partial.replace(dst)
            summary.shards_done += 1
    finally:
        if pool is not None:
            pool.close()
            pool.join()
        bar.close()
    summary.seconds = time.perf_counter() - start
    return summary.to_dict()


# ---- workers: the model is loaded once per process, by the initializer

_SETTINGS: tuple = (None, None, DEFAULT, False)


def _init(language, model, config, timings) -> None:
    global _SETTINGS
    _SETTINGS = (language, model, config, timings)
    from sutun.lang.model import canonical, shipped

    shipped(canonical(language) or "aze")  # load the model before the first record


def _line(raw: bytes) -> tuple[str, dict, int]:
    out, result = repair_line(raw, *_SETTINGS)
    return out, result, len(raw)


def _record(record: dict) -> tuple[dict, dict]:
    out = repair_record(record, *_SETTINGS)
    return out, outcome(out)


def _map(pool, fn, items):
    return pool.imap(fn, items, chunksize=CHUNK) if pool is not None else map(fn, items)


# ---- JSON Lines


def _open(path: Path, mode: str) -> IO[bytes]:
    name = path.name.removesuffix(".partial")
    if name.endswith(".gz"):
        if mode == "r":
            return gzip.open(path, "rb")  # type: ignore[return-value]
        # No name and no time in the header: the same records make the same bytes. Level 1: level
        # 6 took 14 % of a one-worker run (measured) for output 14 % smaller; .zst does better.
        raw = open(path, "wb")  # noqa: SIM115 - closed with the stream below
        stream = gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=1)
        return _Closing(stream, raw)
    if name.endswith(".zst"):
        import zstandard

        raw = open(path, mode + "b")  # noqa: SIM115 - closed with the stream below
        zstd = zstandard.ZstdDecompressor() if mode == "r" else zstandard.ZstdCompressor()
        if mode == "r":
            return zstd.stream_reader(raw, closefd=True)  # type: ignore[return-value]
        return zstd.stream_writer(raw, closefd=True)  # type: ignore[return-value]
    return open(path, mode + "b")


class _Closing(io.RawIOBase):
    """A compressed stream that also closes the file under it."""

    def __init__(self, stream: IO[bytes], raw: IO[bytes]):
        self.stream, self.raw = stream, raw

    def write(self, data) -> int:  # type: ignore[override]
        return self.stream.write(data)

    def close(self) -> None:
        if not self.closed:
            self.stream.close()
            self.raw.close()
        super().close()


def _lines(path: Path) -> Iterator[bytes]:
    with _open(path, "r") as f:
        stream = io.BufferedReader(f) if path.name.endswith(".zst") else f
        for raw in stream:
            if raw.strip():
                yield raw


def _jsonl_shard(src: Path, dst: Path, pool, summary: Summary, bar) -> None:
    with _open(dst, "w") as out:
        for line, result, size in _map(pool, _line, _lines(src)):
            out.write(line.encode("utf-8") + b"\n")
            summary.add(result, size)
            bar.update(size)


# ---- Parquet: text replaced, `repair` (JSON) and `error` columns added


def _parquet_shard(src: Path, dst: Path, pool, summary: Summary, bar) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    reader = pq.ParquetFile(src)
    schema = reader.schema_arrow
    for name in ("repair", "error"):
        if schema.get_field_index(name) == -1:
            schema = schema.append(pa.field(name, pa.string()))
    size_per_row = int(src.stat().st_size / max(1, reader.metadata.num_rows))
    with pq.ParquetWriter(dst, schema) as writer:
        for batch in reader.iter_batches(batch_size=1024):
            outs = []
            for out, result in _map(pool, _record, batch.to_pylist()):
                summary.add(result, size_per_row)
                outs.append(_flat(out))
                bar.update(size_per_row)
            writer.write_table(pa.Table.from_pylist(outs, schema=schema))


def _flat(out: dict) -> dict[str, Any]:
    row = {k: v for k, v in out.items() if k not in ("repair", "error")}
    row["repair"] = json.dumps(out["repair"], ensure_ascii=False) if "repair" in out else None
    row["error"] = out.get("error")
    return row


# ---- progress: records/s, MB/s and ETA on a terminal, nothing otherwise


def progress_bar(total: int, show: bool | None, unit: str = "B", initial: int = 0):
    """A tqdm bar on stderr, shown when ``show`` (default: when stderr is a terminal)."""
    from tqdm import tqdm

    if show is None:
        show = sys.stderr.isatty()
    return tqdm(
        total=total,
        initial=initial,
        unit=unit,
        unit_scale=unit == "B",
        disable=not show,
        smoothing=0.1,
    )


def worker_pool(workers: int, initializer=None, initargs: tuple = ()):
    """Worker processes (forked where the platform allows: the loaded model is shared)."""
    ctx = multiprocessing.get_context("fork" if sys.platform == "linux" else "spawn")
    return ctx.Pool(workers, initializer=initializer, initargs=initargs)


def texts_of(paths: list[Path]) -> Iterator[str]:
    """The ``text`` of every record in JSON Lines shards; other files are read as plain text."""
    for path in paths:
        name = path.name
        if any(name.endswith(x) for x in (".jsonl", ".jsonl.gz", ".jsonl.zst", ".json.gz")):
            for raw in _lines(path):
                try:
                    text = json.loads(raw).get("text")
                except (json.JSONDecodeError, UnicodeDecodeError, AttributeError):
                    continue
                if isinstance(text, str):
                    yield text
        else:
            yield path.read_text(encoding="utf-8", errors="replace")
