"""Records in FinePDFs shape (``id``, ``text``, ``language``, ``page_ends``, anything else): one
output record per input record, same order, every field kept, ``text`` restored, ``page_ends``
moved with it, a ``repair`` object added; a record that fails gets an ``error`` field instead."""

from __future__ import annotations

import json
import time
from collections import Counter
from typing import Any

from sutun.config import RepairConfig
from sutun.edits import map_offsets
from sutun.lang.model import LanguageModel, shipped
from sutun.pipeline import DEFAULT, repair


def repair_record(
    record: Any,
    language: str | None = None,
    model: LanguageModel | None = None,
    config: RepairConfig = DEFAULT,
    timings: bool = False,
) -> dict:
    """Repair one record; failures go into an ``error`` field with the text unchanged.

    ``timings`` adds the seconds spent (off by default so that reruns write identical bytes).
    """
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
        page_ends = record.get("page_ends")
        if result.edits and isinstance(page_ends, list) and page_ends:
            page_ends = map_offsets(text, result.edits, [int(p) for p in page_ends])
    except Exception as exc:  # a bad record must never stop the batch
        return {**record, "error": f"{type(exc).__name__}: {exc}"}
    out = {**record, "text": result.text}
    if isinstance(record.get("page_ends"), list):
        out["page_ends"] = page_ends
    out["repair"] = {
        "edits": [e.to_dict() for e in result.edits],
        "language": result.document.language,
        "furniture": result.document.furniture,
        "model": _model_name(model, result.document.language),
    }
    if timings:
        out["repair"]["seconds"] = round(time.perf_counter() - start, 6)
    return out


def _model_name(model: LanguageModel | None, language: str | None) -> str | None:
    if model is not None and model.language == language:
        return f"{model.language} (given)"
    return f"{language} (shipped)" if language and shipped(language) is not None else None


def repair_line(
    raw: bytes,
    language: str | None = None,
    model: LanguageModel | None = None,
    config: RepairConfig = DEFAULT,
    timings: bool = False,
) -> tuple[str, dict]:
    """One JSON Lines line in, one out (without its newline), and what happened to it."""
    try:
        record = json.loads(raw.decode("utf-8"))
        out = repair_record(record, language, model, config, timings)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        out = {"error": f"unreadable line: {exc}", "raw": raw.decode("utf-8", "replace").rstrip()}
    return json.dumps(out, ensure_ascii=False), outcome(out)


def outcome(out: dict) -> dict:
    """A record's share of the run summary."""
    edits = out.get("repair", {}).get("edits", []) if isinstance(out.get("repair"), dict) else []
    return {
        "error": "error" in out,
        "changed": bool(edits),
        "edits": Counter(e["kind"] for e in edits),
    }
