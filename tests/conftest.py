from __future__ import annotations

import json
from pathlib import Path

import pytest

from sutun.bench.run import shared_dir


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
