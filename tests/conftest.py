from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import settings

from sutun.bench.run import shared_dir

# CI replays a fixed example sequence so a run is reproducible; `HYPOTHESIS_PROFILE=deep` explores.
settings.register_profile("ci", derandomize=True, max_examples=300, deadline=None)
settings.register_profile("deep", max_examples=5000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture(scope="session")
def shared() -> Path:
    return shared_dir()


@pytest.fixture(scope="session")
def ntrex(shared: Path) -> list[dict]:
    path = shared / "corpora" / "ntrex-dev" / "ntrex.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="session")
def seed(shared: Path) -> tuple[str, str]:
    folder = shared / "seed"
    return (folder / "seed.md").read_text(encoding="utf-8"), (folder / "seed.gold.md").read_text(
        encoding="utf-8"
    )
