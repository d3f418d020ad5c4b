"""Edits against the source, and matching an answer's edits with a reference's (compare_m2).

Both sides come from the one edit extraction Redline has (lib.align.diff + lib.name.merge, which
makes edits as ERRANT's merger does), run from the source to the corrected text, so an edit's span is in source coordinates and its
operation reads as in ERRANT: M the source is missing text, U it has unnecessary text, R replaced.
Chinese is tokenized one character per token, so it is matched at character level (as ChERRANT).

An answer edit and a reference edit match when they change the same source span into the same
text — compare_m2's (start, end, correction) key, here with character offsets instead of token
indices. An insertion's position skips the whitespace after it, so "saw| cat" and "saw |cat" are
the same place.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Sequence

from lib.align.diff import DiffOptions, diff_texts
from lib.name.merge import extract_edits
from lib.score.counts import Counts

Verdict = Literal["fixed", "wrong_fix", "over_correction", "missed"]
VERDICTS: dict[str, str] = {
    "fixed": "fixed: the reference makes the same change",
    "wrong_fix": "wrong fix: the reference changes this text too, to something else",
    "over_correction": "over-correction: the reference keeps this text",
    "missed": "missed: the reference changes this text, the answer does not",
}


@dataclass(frozen=True)
class SourceEdit:
    """One change of the source: source[start:end] becomes `correction`."""

    start: int
    end: int
    original: str     # the source text it replaces ("" for an insertion)
    correction: str   # what the corrected text has there ("" for a deletion)
    code: str         # ERRANT-style code, e.g. R:SPELL
    at: int           # offset of `correction` in the corrected text (for drawing it)

    @property
    def key(self) -> tuple[int, int, str]:
        return self.start, self.end, self.correction

    @property
    def type(self) -> str:
        return self.code.split(":", 1)[1]

    def overlaps(self, other: "SourceEdit") -> bool:
        """Touches the same source text: spans that intersect, or two insertions at one place,
        or an insertion strictly inside the other's span."""
        if self.start == self.end and other.start == other.end:
            return self.start == other.start
        if self.start == self.end:
            return other.start < self.start < other.end
        if other.start == other.end:
            return self.start < other.start < self.end
        return self.start < other.end and other.start < self.end


@dataclass(frozen=True)
class ScoredEdit:
    verdict: str          # a key of VERDICTS
    edit: SourceEdit      # the answer's edit, or for "missed" the reference's
    expected: str | None  # wrong fix: what the reference has instead


@dataclass(frozen=True)
class Match:
    counts: Counts
    edits: tuple[ScoredEdit, ...]   # every answer edit, then every missed reference edit, in source order
    by_type: tuple[tuple[str, Counts], ...]


def _skip_space(text: str, p: int) -> int:
    while p < len(text) and text[p].isspace():
        p += 1
    return p


def edits_between(source: str, corrected: str, timeout: float = 1.0) -> tuple[SourceEdit, ...]:
    """The edits that turn `source` into `corrected`, in source order, one per compare_m2 key."""
    if corrected == source:
        return ()
    # The classifier names an edit from (reference side, answer side) = (correct, erroneous): the
    # corrected text goes where the reference goes, so R:SPELL means the source is misspelled.
    segments = diff_texts(corrected, source, DiffOptions(timeout=timeout)).segments
    out: dict[tuple[int, int, str], SourceEdit] = {}
    for e in extract_edits(segments):
        start = e.ans_start
        end = start + len(e.answer)
        if start == end:
            start = end = _skip_space(source, start)
        edit = SourceEdit(start, end, source[start:end], e.reference, e.code, e.ref_start)
        out.setdefault(edit.key, edit)
    return tuple(sorted(out.values(), key=lambda x: (x.start, x.end)))


def _squeeze(text: str) -> str:
    return "".join(text.split())


def scored_edits(source: str, corrected: str) -> tuple[SourceEdit, ...]:
    """The edits that are scored: spacing-only ones ("can not" → "cannot", "club ," → "club,",
    "own's" → "own 's" even when the alignment cuts it in two) are left out, since ERRANT
    compares tokens and never sees spacing."""
    edits = edits_between(source, corrected)
    out: list[SourceEdit] = []
    k = 0
    while k < len(edits):
        group = [edits[k]]  # edits that touch one another, judged together
        while k + 1 < len(edits) and edits[k + 1].start <= group[-1].end:
            k += 1
            group.append(edits[k])
        k += 1
        first, last = group[0], group[-1]
        before = source[first.start:max(e.end for e in group)]
        after = corrected[min(e.at for e in group):max(e.at + len(e.correction) for e in group)]
        if _squeeze(before) != _squeeze(after):
            out += [e for e in group if _squeeze(e.original) != _squeeze(e.correction)]
    return tuple(out)


def match(gold: Sequence[SourceEdit], answer: Sequence[SourceEdit]) -> Match:
    """TP/FP/FN of an answer's edits against one reference's, each edit with its verdict.

    Per type as compare_m2 -cat 2: a TP and an FN count under the reference edit's type, an FP
    under the answer edit's."""
    gold_keys = {g.key for g in gold}
    answer_keys = {a.key for a in answer}
    scored: list[ScoredEdit] = []
    types: dict[str, list[int]] = {}
    for a in answer:
        if a.key in gold_keys:
            scored.append(ScoredEdit("fixed", a, None))
            types.setdefault(a.type, [0, 0, 0])[0] += 1
            continue
        near = [g for g in gold if g.overlaps(a) or g.key[:2] == a.key[:2]]
        verdict = "wrong_fix" if near else "over_correction"
        scored.append(ScoredEdit(verdict, a, " / ".join(g.correction or "(delete)" for g in near) if near else None))
        types.setdefault(a.type, [0, 0, 0])[1] += 1
    for g in gold:
        if g.key not in answer_keys:
            scored.append(ScoredEdit("missed", g, None))
            types.setdefault(g.type, [0, 0, 0])[2] += 1
    counts = Counts(sum(v[0] for v in types.values()), sum(v[1] for v in types.values()),
                    sum(v[2] for v in types.values()))
    scored.sort(key=lambda s: (s.edit.start, s.edit.end, s.verdict == "missed"))
    return Match(counts, tuple(scored), tuple(sorted((t, Counts(*v)) for t, v in types.items())))
