"""Repair steps, registered by name. Each is ``run(doc, ctx)`` and adds Edits to ``doc``."""

from __future__ import annotations

from collections.abc import Callable

from sutun.document import Document
from sutun.steps import (
    cleanup,
    dehyphenate,
    join,
    legacy,
    letters,
    normalise,
    reorder,
    structure,
)
from sutun.steps.evidence import Context

Step = Callable[[Document, Context], None]

STEPS: dict[str, Step] = {
    "cleanup": cleanup.run,
    "legacy": legacy.run,
    "normalise": normalise.run,
    "dehyphenate": dehyphenate.run,
    "reorder": reorder.run,
    "join": join.run,
    "letters": letters.run,
    "structure": structure.run,
}
