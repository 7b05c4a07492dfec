"""Ray Data: ``RepairBatch`` is a callable class for ``Dataset.map_batches``; each Ray worker builds
it once, so the model loads once per worker.

    import ray
    from sutun.integrations.ray import RepairBatch

    ds = ray.data.read_json("s3://bucket/shards/")
    ds.map_batches(RepairBatch, fn_constructor_kwargs={"language": "aze"},
                   batch_format="pandas", concurrency=32).write_json("s3://bucket/out/")
"""

from __future__ import annotations

import json
from typing import Any


class RepairBatch:
    def __init__(
        self,
        language: str | None = None,
        model_path: str | None = None,
        to_latin: bool = False,
        restore_diacritics: bool = False,
    ):
        from sutun.integrations import settings
        from sutun.lang.model import canonical, shipped

        self.language = language
        self.model, self.config = settings(model_path, to_latin, restore_diacritics)
        shipped(canonical(language) or "aze")  # load before the first batch

    def __call__(self, batch: Any) -> Any:
        """A pandas DataFrame or a dict of columns; ``text`` is repaired, ``page_ends`` moved,
        ``repair`` (JSON) and ``error`` columns added. Rows are never dropped."""
        from sutun.records import repair_record

        rows = batch.to_dict("records") if hasattr(batch, "to_dict") else _rows(batch)
        outs = [repair_record(_plain(r), self.language, self.model, self.config) for r in rows]
        columns: dict[str, list] = {k: [] for k in rows[0]} if rows else {}
        columns.update({"repair": [], "error": []})
        for out in outs:
            for k in columns:
                if k == "repair":
                    columns[k].append(
                        json.dumps(out["repair"], ensure_ascii=False) if "repair" in out else None
                    )
                elif k == "error":
                    columns[k].append(out.get("error"))
                else:
                    columns[k].append(out.get(k))
        if hasattr(batch, "to_dict"):
            import pandas as pd

            return pd.DataFrame(columns)
        return columns


def _rows(batch: dict) -> list[dict]:
    keys = list(batch)
    n = len(batch[keys[0]]) if keys else 0
    return [{k: batch[k][i] for k in keys} for i in range(n)]


def _plain(row: dict) -> dict:
    """numpy scalars and arrays (how Ray hands columns over) → Python values."""
    out = {}
    for k, v in row.items():
        if hasattr(v, "tolist"):
            v = v.tolist()
        out[k] = v
    return out
