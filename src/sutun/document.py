"""The one data model: a Document every frontend builds and every repair step edits.

Every change is an :class:`Edit` with a span in the *input* text, so ``apply_edits(input, edits)``
reproduces the output exactly (see :mod:`sutun.edits`).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Edit:
    """One decision. ``start``/``end`` index the input text.

    A replacement puts ``replacement`` in place of ``input[start:end]``. A ``move`` takes the input
    span ``[start, end)`` (a block with the separator before it) and puts it right after the piece
    of text that ends at input offset ``after``, wherever that piece is by then.
    """

    kind: str
    start: int
    end: int
    replacement: str = ""
    after: int | None = None
    step: str = ""
    confidence: float = 1.0
    evidence: dict[str, Any] = field(default_factory=dict)

    @property
    def is_move(self) -> bool:
        return self.after is not None

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "kind": self.kind,
            "start": self.start,
            "end": self.end,
            "replacement": self.replacement,
        }
        if self.after is not None:
            d["after"] = self.after
        d.update(step=self.step, confidence=self.confidence, evidence=dict(self.evidence))
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Edit:
        return cls(
            kind=d["kind"],
            start=int(d["start"]),
            end=int(d["end"]),
            replacement=d.get("replacement", ""),
            after=d.get("after"),
            step=d.get("step", ""),
            confidence=float(d.get("confidence", 1.0)),
            evidence=dict(d.get("evidence", {})),
        )


@dataclass
class Block:
    """A run of input text between blank lines: ``source[start:end]``."""

    start: int
    end: int
    kind: str = "body"  # body | title | furniture
    furniture_kind: str = ""


@dataclass
class Document:
    source: str
    blocks: list[Block] = field(default_factory=list)
    order: list[int] = field(default_factory=list)
    edits: list[Edit] = field(default_factory=list)
    furniture: list[dict[str, Any]] = field(default_factory=list)
    language: str | None = None
    damaged: bool = False
    title: str = ""
    lead: str = ""
    paragraphs: list[str] = field(default_factory=list)
    source_name: str = ""
    _starts: list[int] | None = field(default=None, repr=False, compare=False)
    _spans: list[tuple[int, int, str]] = field(default_factory=list, repr=False, compare=False)
    """Replacements as (start, end, replacement), sorted; they never overlap."""

    _lowered: str | None = field(default=None, repr=False, compare=False)
    _texts: dict[int, str] = field(default_factory=dict, repr=False, compare=False)
    """Block texts as the replacements so far leave them (``add`` drops the ones it touches)."""

    def lowered(self) -> str:
        """The source in lower case by the language's rules (computed once)."""
        if self._lowered is None:
            from sutun.lang.alphabet import lower

            self._lowered = lower(self.source, self.language)
        return self._lowered

    # ---- edits
    def add(self, edit: Edit) -> None:
        """Record a replacement; one that covers earlier replacements subsumes them."""
        if self._texts and edit.after is None:
            for i in self._blocks_meeting(edit.start, edit.end):
                self._texts.pop(i, None)
        if edit.after is not None or not self.overlaps(edit.start, edit.end):
            self.edits.append(edit)
            if edit.after is None:
                bisect.insort(self._spans, (edit.start, edit.end, edit.replacement))
            return
        kept = []
        for e in self.edits:
            if e.is_move or e.end <= edit.start or (edit.end <= e.start and e.start != e.end):
                kept.append(e)
            elif edit.start <= e.start and e.end <= edit.end and e.start < edit.end:
                edit.evidence.setdefault("subsumes", []).append(e.kind)
            elif e.start == e.end == edit.end:
                kept.append(e)
            else:
                raise ValueError(f"overlapping edits: {e} and {edit}")
        kept.append(edit)
        self.edits = kept
        self._spans = sorted((e.start, e.end, e.replacement) for e in kept if e.after is None)

    def past_edits(self, pos: int) -> int:
        """``pos``, or the end of the recorded replacement it falls strictly inside."""
        k = bisect.bisect_right(self._spans, (pos, float("inf")))
        if k and self._spans[k - 1][0] < pos < self._spans[k - 1][1]:
            return self._spans[k - 1][1]
        return pos

    def covered(self, start: int, end: int) -> bool:
        """Whether a recorded replacement already spans all of input ``[start, end)``."""
        k = bisect.bisect_right(self._spans, (start, float("inf")))
        return bool(k) and self._spans[k - 1][0] <= start and self._spans[k - 1][1] >= end

    def overlaps(self, start: int, end: int) -> bool:
        """Whether a recorded replacement overlaps input ``[start, end)`` (or is an insertion
        inside it)."""
        k = bisect.bisect_left(self._spans, (start, -1))
        # Recorded spans are disjoint, so their ends grow with their starts: of those starting
        # before start, only the last can reach into it.
        if k and self._spans[k - 1][1] > start:
            return True
        spans = self._spans
        for i in range(k, len(spans)):  # by index: a slice would copy the rest of the list
            s, e, _ = spans[i]
            if s > end or (s == end and s != e):
                break
            if e > start or s == e:
                return True
        return False

    def word(self, start: int, end: int) -> str | None:
        """The word at input ``[start, end)`` as earlier replacements left it, or None when one
        crosses its edges or glues it to a neighbour (a line-break hyphen removed, blocks joined
        with nothing between): then it is not a word of its own any more."""
        k = bisect.bisect_left(self._spans, (start, -1))
        if k:
            s, e, r = self._spans[k - 1]
            if e > start or (e == start and _letter(r[-1:] if r else self._char_before(s))):
                return None
        inside = False
        spans = self._spans
        for i in range(k, len(spans)):
            s, e, r = spans[i]
            if s > end:
                break
            if s == end or s == e == start:  # at an edge: does what it leaves there glue?
                edge = r[:1] if s == end else r[-1:]
                if _letter(edge if r else self._char_after(e) if s == end else ""):
                    return None
                continue
            if e > end:
                return None
            inside = True
        return self.view(start, end) if inside else self.source[start:end]

    def _char_before(self, pos: int) -> str:
        """The character the replacements leave just before input offset ``pos`` (over removals:
        ``ke-`` + a removed break + ``çid`` glue)."""
        spans = self._spans
        k = bisect.bisect_left(spans, (pos, -1))
        while k and spans[k - 1][1] == pos:
            s, _, r = spans[k - 1]
            if r:
                return r[-1]
            pos, k = s, k - 1
        return self.source[pos - 1 : pos] if pos else ""

    def _char_after(self, pos: int) -> str:
        """The character the replacements leave just after input offset ``pos``."""
        spans = self._spans
        k = bisect.bisect_left(spans, (pos, -1))
        while k < len(spans) and spans[k][0] == pos:
            _, e, r = spans[k]
            if r:
                return r[0]
            if e == pos:
                k += 1
                continue
            pos = e
            k = bisect.bisect_left(spans, (pos, -1))
        return self.source[pos : pos + 1]

    def view(self, start: int, end: int) -> str:
        """The input span ``[start, end)`` with the replacements inside it applied."""
        spans = self._spans
        out, pos = [], start
        for k in range(bisect.bisect_left(spans, (start, -1)), len(spans)):
            s, e, replacement = spans[k]
            if s >= end and not s == e == end:
                break
            if e <= end:
                out.append(self.source[pos:s])
                out.append(replacement)
                pos = e
        out.append(self.source[pos:end])
        return "".join(out)

    def _blocks_meeting(self, start: int, end: int) -> list[int]:
        """Indices of the blocks that ``[start, end]`` touches (blocks are in input order)."""
        if self._starts is None:
            self._starts = [b.start for b in self.blocks]
        k = bisect.bisect_right(self._starts, end)
        out = []
        while k > 0 and self.blocks[k - 1].end >= start:
            out.append(k - 1)
            k -= 1
        return out

    def text_of(self, i: int) -> str:
        hit = self._texts.get(i)
        if hit is None:
            b = self.blocks[i]
            hit = self._texts[i] = self.view(b.start, b.end)
        return hit

    def separator_start(self, i: int) -> int:
        """Where the separator before block ``i`` begins (the end of the block before it)."""
        return self.blocks[i - 1].end if i > 0 else 0

    def body(self) -> list[int]:
        return [i for i in self.order if self.blocks[i].kind != "furniture"]


def _letter(ch: str) -> bool:
    return ch.isalnum()


@dataclass
class Repaired:
    text: str
    edits: list[Edit]
    document: Document

    def to_dict(self) -> dict[str, Any]:
        d = self.document
        return {
            "text": self.text,
            "title": d.title,
            "lead": d.lead,
            "paragraphs": d.paragraphs,
            "furniture": d.furniture,
            "edits": [e.to_dict() for e in self.edits],
            "language": d.language,
        }
