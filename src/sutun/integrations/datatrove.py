"""A datatrove step: ``SutunRepair`` sits where datatrove's ``FTFYFormatter`` sits, but it also
reads ``doc.metadata["language"]``, keeps ``doc.metadata["page_ends"]`` true, and writes what it
did into ``doc.metadata["sutun"]``.

    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter
    from sutun.integrations.datatrove import SutunRepair

    LocalPipelineExecutor(
        pipeline=[JsonlReader("in/"), SutunRepair(), JsonlWriter("out/")], tasks=8
    ).run()
"""

from __future__ import annotations

from typing import ClassVar

from datatrove.data import DocumentsPipeline
from datatrove.pipeline.formatters.base import BaseFormatter
from datatrove.utils.typeshelper import StatHints


class SutunRepair(BaseFormatter):
    name = "🏛 sütun"
    _requires_dependencies: ClassVar[list[str]] = ["regex", "rapidfuzz"]

    def __init__(
        self,
        language: str | None = None,
        model_path: str | None = None,
        to_latin: bool = False,
        restore_diacritics: bool = False,
        edits_in_metadata: bool = True,
    ):
        """``language`` when documents carry none (default: detect); ``model_path`` a model from
        ``sutun model build``/``learn``; ``edits_in_metadata`` keeps every edit, not only counts."""
        super().__init__()
        self.language = language
        self.options = (model_path, to_latin, restore_diacritics)
        self.edits_in_metadata = edits_in_metadata
        self._loaded: tuple | None = None

    def format(self, text: str) -> str:
        from sutun.pipeline import repair

        model, config = self._load()
        return repair(text, self.language, config, model).text

    def _load(self) -> tuple:
        """Loaded in the worker, not pickled with the step."""
        if self._loaded is None:
            from sutun.integrations import settings

            self._loaded = settings(*self.options)
        return self._loaded

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        from sutun.records import repair_record

        model, config = self._load()
        for doc in data:
            self.stat_update(StatHints.total)
            with self.track_time():
                record = {"text": doc.text, **doc.metadata}
                out = repair_record(record, self.language, model, config)
            if "error" in out:
                self.stat_update("errors")
                doc.metadata["sutun"] = {"error": out["error"]}
                yield doc
                continue
            edits = out["repair"]["edits"]
            if edits:
                self.stat_update("changed")
            for e in edits:
                self.stat_update(f"edit:{e['kind']}")
            doc.text = out["text"]
            if "page_ends" in out:
                doc.metadata["page_ends"] = out["page_ends"]
            summary = {k: v for k, v in out["repair"].items() if k != "edits"}
            summary["edit_counts"] = _counts(edits)
            if self.edits_in_metadata:
                summary["edits"] = edits
            doc.metadata["sutun"] = summary
            yield doc


def _counts(edits: list[dict]) -> dict[str, int]:
    out: dict[str, int] = {}
    for e in edits:
        out[e["kind"]] = out.get(e["kind"], 0) + 1
    return out
