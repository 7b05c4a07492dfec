"""JSON Lines records in FinePDFs shape: one output record per input record, same order."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

from sutun.config import RepairConfig
from sutun.lang.model import LanguageModel
from sutun.pipeline import DEFAULT, repair


def repair_record(
    record: Any,
    language: str | None = None,
    model: LanguageModel | None = None,
    config: RepairConfig = DEFAULT,
) -> dict:
    """Repair one record; failures go into an ``error`` field with the text unchanged."""
    if not isinstance(record, dict):
        return {"error": f"record is {type(record).__name__}, not an object", "record": record}
    text = record.get("text")
    if not isinstance(text, str):
        return {**record, "error": "missing `text`" if text is None else "`text` is not a string"}
    start = time.perf_counter()
    try:
        result = repair(
            text, language=record.get("language") or language, model=model, config=config
        )
    except Exception as exc:  # a bad record must never stop the batch
        return {**record, "error": f"{type(exc).__name__}: {exc}"}
    out = {**record, "text": result.text}
    out["repair"] = {
        "edits": [e.to_dict() for e in result.edits],
        "language": result.document.language,
        "furniture": result.document.furniture,
        "seconds": round(time.perf_counter() - start, 6),
    }
    return out


def repair_jsonl(
    src: Path,
    dst: Path,
    language: str | None = None,
    model: LanguageModel | None = None,
    config: RepairConfig = DEFAULT,
) -> dict:
    counts = {"records": 0, "changed": 0, "errors": 0}
    tmp = dst.with_name(dst.name + ".partial")
    with src.open("rb") as fin, tmp.open("w", encoding="utf-8") as fout:
        for raw in fin:
            if not raw.strip():
                continue
            counts["records"] += 1
            try:
                record = json.loads(raw.decode("utf-8"))
                out = repair_record(record, language, model, config)
            except (UnicodeDecodeError, json.JSONDecodeError) as exc:
                out = {
                    "error": f"unreadable line: {exc}",
                    "raw": raw.decode("utf-8", "replace").rstrip("\n"),
                }
            counts["errors"] += "error" in out
            counts["changed"] += "repair" in out and bool(out["repair"]["edits"])
            fout.write(json.dumps(out, ensure_ascii=False) + "\n")
    tmp.replace(dst)
    return counts
