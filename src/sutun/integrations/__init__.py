"""sütun inside engines people already run: datatrove (local, Slurm, Ray executors) and Ray Data."""

from __future__ import annotations

from sutun.config import RepairConfig
from sutun.lang.model import LanguageModel


def settings(
    model_path: str | None, to_latin: bool, restore_diacritics: bool
) -> tuple[LanguageModel | None, RepairConfig]:
    """The model (from ``sutun model build``/``learn``, or None for the shipped ones) and the
    configuration both integrations take as constructor options."""
    model = LanguageModel.load(model_path) if model_path else None
    return model, RepairConfig(to_latin=to_latin, restore_diacritics=restore_diacritics)
