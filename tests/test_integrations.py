from __future__ import annotations

import json

import pytest

from sutun.bench.run import build_dataset


@pytest.fixture(scope="module")
def broken(shared):
    return [d for d in build_dataset(shared, seeds=(0,), limit=3) if d.kind == "broken"]


def test_datatrove_step_repairs_documents_and_keeps_page_ends(tmp_path, broken, seed):
    from datatrove.data import Document
    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter

    from sutun.integrations.datatrove import SutunRepair

    text, _ = seed
    cut = text.index("\n\n", len(text) // 2)
    docs = [Document(text=text, id="seed", metadata={"page_ends": [cut, len(text)]})]
    docs += [Document(text=d.text, id=d.id, metadata={"language": d.language}) for d in broken]
    step = SutunRepair()
    out = list(step.run(iter(docs)))
    assert len(out) == len(docs)
    assert out[0].metadata["page_ends"][-1] == len(out[0].text)
    assert out[0].metadata["sutun"]["edit_counts"]["move"] >= 1
    assert all(o.text != d.text for o, d in zip(out[1:], broken, strict=True))
    assert step.stats["changed"].total == len(docs)

    # and inside a real datatrove pipeline, through its reader, writer and local executor
    (tmp_path / "in").mkdir()
    with (tmp_path / "in" / "a.jsonl").open("w", encoding="utf-8") as f:
        for d in broken:
            f.write(json.dumps({"text": d.text, "id": d.id, "language": d.language}) + "\n")
    LocalPipelineExecutor(
        pipeline=[
            JsonlReader(str(tmp_path / "in")),
            SutunRepair(edits_in_metadata=False),
            JsonlWriter(str(tmp_path / "out"), compression=None),
        ],
        tasks=1,
        logging_dir=str(tmp_path / "logs"),
    ).run()
    written = [json.loads(line) for p in (tmp_path / "out").glob("*.jsonl") for line in p.open()]
    assert len(written) == len(broken)
    assert all("sutun" in w["metadata"] for w in written)


def test_ray_data_map_batches_repairs_every_row(broken):
    ray = pytest.importorskip("ray")
    from sutun.integrations.ray import RepairBatch

    rows = [{"id": d.id, "text": d.text, "language": d.language} for d in broken]
    rows.append({"id": "bad", "text": None, "language": "aze"})
    ray.init(num_cpus=1, include_dashboard=False, log_to_driver=False, ignore_reinit_error=True)
    try:
        ds = ray.data.from_items(rows).map_batches(
            RepairBatch, batch_format="pandas", concurrency=1, batch_size=2
        )
        out = sorted(ds.take_all(), key=lambda r: r["id"])
    finally:
        ray.shutdown()
    assert len(out) == len(rows)
    by_id = {r["id"]: r for r in out}
    assert by_id["bad"]["error"] and by_id["bad"]["repair"] is None
    for d in broken:
        assert by_id[d.id]["text"] != d.text and json.loads(by_id[d.id]["repair"])["edits"]
