from __future__ import annotations

import gzip
import json
import os
import signal
import subprocess
import sys
import time

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
import zstandard

from sutun import corpus
from sutun.bench.run import build_dataset

CLI = [sys.executable, "-m", "sutun.cli"]


@pytest.fixture(scope="module")
def records(shared):
    docs = build_dataset(shared, seeds=(0,), limit=6)
    return [
        {"id": d.id, "text": d.text, "language": d.language, "n": k} for k, d in enumerate(docs)
    ]


def _write_jsonl(path, rows, raw_lines=()):
    data = b"".join(json.dumps(r, ensure_ascii=False).encode() + b"\n" for r in rows)
    data += b"".join(raw_lines)
    if path.name.endswith(".gz"):
        data = gzip.compress(data)
    elif path.name.endswith(".zst"):
        data = zstandard.ZstdCompressor().compress(data)
    path.write_bytes(data)


def _read_jsonl(path):
    data = path.read_bytes()
    if path.name.endswith(".gz"):
        data = gzip.decompress(data)
    elif path.name.endswith(".zst"):
        data = zstandard.ZstdDecompressor().stream_reader(data).read()
    return [json.loads(line) for line in data.decode().splitlines()]


def test_every_record_comes_out_once_in_order_whatever_the_compression(tmp_path, records):
    shards = [tmp_path / "in" / n for n in ("a.jsonl", "b.jsonl.gz", "c.jsonl.zst")]
    shards[0].parent.mkdir()
    for k, shard in enumerate(shards):
        _write_jsonl(shard, records[k::3])
    summary = corpus.run(shards, tmp_path / "out", workers=2, progress=False)
    assert summary["records"] == len(records) and summary["errors"] == 0
    assert summary["shards_done"] == 3 and summary["changed"] > 0
    for k, shard in enumerate(shards):
        out = _read_jsonl(tmp_path / "out" / shard.name)
        assert [r["n"] for r in out] == [r["n"] for r in records[k::3]]
        assert all("repair" in r and "seconds" not in r["repair"] for r in out)


def test_a_record_says_which_language_and_model_repaired_it():
    from sutun.records import repair_record

    turkish = "Ankara'da yeni bir park açıldı ve insanlar geldi. " * 6
    filed_wrong = repair_record({"id": "t", "text": turkish, "language": "azj_Latn"})
    # Read as the language its letters show, with the model there is for it: none.
    assert filed_wrong["repair"]["language"] == "tur" and filed_wrong["repair"]["model"] is None
    assert filed_wrong["text"] == turkish and filed_wrong["language"] == "azj_Latn"
    azerbaijani = repair_record(
        {"id": "a", "text": "Bakı şəhərində park açıldı.", "language": "az"}
    )
    assert azerbaijani["repair"]["model"] == "aze (shipped)"


def test_bad_records_get_an_error_and_the_batch_goes_on(tmp_path):
    rows = [
        {"id": "a", "text": "Başlıq\n\nsöz söz-\n\nlər gəldi."},
        {"id": "b"},
        {"id": "c", "text": 5},
        {"id": "d", "text": "x " * 5_000_000},
        {"id": "e", "text": "Təmiz mətn."},
    ]
    src = tmp_path / "in.jsonl"
    _write_jsonl(src, rows[:3], raw_lines=[b"{not json\n", b"\xff\xfe not utf-8\n"])
    with src.open("ab") as f:
        f.write(b"".join(json.dumps(r).encode() + b"\n" for r in rows[3:]))
    summary = corpus.run([src], tmp_path / "out.jsonl", workers=1, progress=False)
    out = _read_jsonl(tmp_path / "out.jsonl")
    assert len(out) == 7 == summary["records"] and summary["errors"] == 4
    assert [r.get("id") for r in out] == ["a", "b", "c", None, None, "d", "e"]
    assert out[5]["text"] == rows[3]["text"] and out[6]["text"] == "Təmiz mətn."


def test_page_ends_still_fall_between_the_same_pages(seed):
    broken, _ = seed
    cut = broken.index("\n\n", len(broken) // 2)  # a page ends at a block boundary
    record = {"id": "s", "text": broken, "page_ends": [cut, len(broken)]}
    from sutun.records import repair_record

    out = repair_record(record)
    new_cut, new_end = out["page_ends"]
    assert new_end == len(out["text"])
    tail = broken[cut:].split()[-1]  # the last word of the second page stays after the cut
    assert tail in out["text"][new_cut:]
    assert 0 < new_cut < new_end


def test_parquet_keeps_every_column(tmp_path, records):
    table = pa.Table.from_pylist(records)
    src = tmp_path / "in.parquet"
    pq.write_table(table, src)
    summary = corpus.run([src], tmp_path / "out.parquet", parquet=True, workers=1, progress=False)
    out = pq.read_table(tmp_path / "out.parquet").to_pylist()
    assert summary["records"] == len(records) == len(out)
    assert [r["n"] for r in out] == [r["n"] for r in records]
    assert {"id", "text", "language", "n", "repair", "error"} <= set(out[0])
    assert any(json.loads(r["repair"])["edits"] for r in out)


def test_two_workers_write_what_one_writes(tmp_path, records):
    src = tmp_path / "in.jsonl"
    _write_jsonl(src, records)
    corpus.run([src], tmp_path / "one.jsonl", workers=1, progress=False)
    corpus.run([src], tmp_path / "two.jsonl", workers=2, progress=False)
    assert (tmp_path / "one.jsonl").read_bytes() == (tmp_path / "two.jsonl").read_bytes()


def test_kill_9_then_rerun_is_byte_identical(tmp_path, records):
    indir = tmp_path / "in"
    indir.mkdir()
    for k in range(6):
        _write_jsonl(indir / f"part-{k}.jsonl.gz", records * 3)
    args = [*CLI, "repair", "--jsonl", str(indir / "*.jsonl.gz"), "-j", "2", "--no-progress"]
    subprocess.run([*args, "-o", str(tmp_path / "clean") + os.sep], check=True, capture_output=True)

    out = tmp_path / "killed"
    proc = subprocess.Popen([*args, "-o", str(out) + os.sep], stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    while time.time() < deadline and not list(out.glob("*.jsonl.gz")):
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    done_before = len(list(out.glob("*.jsonl.gz")))
    assert 0 < done_before < 6, "the kill should land mid-run"
    subprocess.run([*args, "-o", str(out) + os.sep], check=True, capture_output=True)
    for k in range(6):
        name = f"part-{k}.jsonl.gz"
        assert (out / name).read_bytes() == (tmp_path / "clean" / name).read_bytes()
    assert not list(out.glob("*.partial"))


def test_a_pattern_matching_nothing_is_an_error(tmp_path):
    proc = subprocess.run(
        [*CLI, "repair", "--jsonl", str(tmp_path / "nothing-*.jsonl"), "-o", str(tmp_path / "o")],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 2 and "no input file matches" in proc.stderr


def test_model_learn_from_a_broken_corpus(tmp_path, records):
    src = tmp_path / "in.jsonl.gz"
    _write_jsonl(src, [r for r in records if r["language"] == "tur"])
    model = tmp_path / "tur.json.gz"
    subprocess.run(
        [*CLI, "model", "learn", str(src), "--language", "tur", "-o", str(model)],
        check=True,
        capture_output=True,
    )
    from sutun.lang.build import intact_spans
    from sutun.lang.model import LanguageModel

    learned = LanguageModel.load(model)
    assert learned.language == "tur" and len(learned.words) > 500
    # fragments at block edges are not learned as words
    edges = {
        r["text"].split("\n\n")[2].split()[0].lower() for r in records if r["language"] == "tur"
    }
    inner = {w.lower() for r in records for s in intact_spans(r["text"]) for w in s.split()}
    assert all(learned.count(w) == 0 for w in edges - inner if w.isalpha())
