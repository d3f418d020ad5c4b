"""The plain data of an alignment: options, segments, the result, and how segments are tidied.

Direction: `insert` is text only the answer has, `delete` is reference text the answer lacks.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from lib.align.tokens import Unit

Op = Literal["equal", "insert", "delete"]


@dataclass(frozen=True)
class DiffOptions:
    """How strictly to compare. `timeout` bounds each alignment in seconds."""

    unit: Unit = "word"
    ignore_case: bool = False
    ignore_whitespace: bool = False
    ignore_punctuation: bool = False
    timeout: float = 1.0

    @property
    def strict(self) -> bool:
        """Nothing ignored: texts are compared as they are, so identical stretches can be cut off."""
        return not (self.ignore_case or self.ignore_whitespace or self.ignore_punctuation)


@dataclass(frozen=True)
class Segment:
    """One run of the alignment. `ref` is the reference's text, `ans` the answer's.

    equal: both set (they differ only in what the options ignore); delete: ref only; insert: ans only.
    """

    op: Op
    ref: str = ""
    ans: str = ""

    @property
    def text(self) -> str:
        return self.ref if self.op == "delete" else self.ans


@dataclass(frozen=True)
class DiffResult:
    segments: tuple[Segment, ...]
    # True when the time limit ran out (or the texts have more distinct tokens than can be
    # aligned): segments are then one delete + one insert, and the UI
    # says "too different to align" and shows both texts side by side instead.
    timed_out: bool = False

    @property
    def changed(self) -> bool:
        return any(s.op != "equal" for s in self.segments)


def whole_texts(reference: str, answer: str) -> tuple[Segment, ...]:
    """The fallback when no alignment was found in time: all of one text replaced by the other."""
    out = []
    if reference:
        out.append(Segment("delete", ref=reference))
    if answer:
        out.append(Segment("insert", ans=answer))
    return tuple(out)


def merge_adjacent(segments: list[Segment]) -> list[Segment]:
    """Join neighbouring runs of the same op; put a delete before its insert for stable reading."""
    merged: list[Segment] = []
    for seg in segments:
        if not seg.ref and not seg.ans:
            continue
        if merged and merged[-1].op == seg.op:
            last = merged.pop()
            seg = Segment(seg.op, last.ref + seg.ref, last.ans + seg.ans)
        merged.append(seg)
    # dmp may emit insert-then-delete; order each change block delete-first.
    out: list[Segment] = []
    for seg in merged:
        if seg.op == "delete" and out and out[-1].op == "insert":
            out.insert(len(out) - 1, seg)
        else:
            out.append(seg)
    return out
