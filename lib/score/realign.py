"""Give an answer the reference's edits where its text is exactly the source with some of them made.

The answer's edits are extracted on their own (as ERRANT extracts a system's), so in a stretch the
reference rewrites heavily an answer that makes two of its three fixes can align differently and
match none. The M2 scorer (Dahlmeier and Ng 2012) meets this by choosing, among the answer's
possible edit sets, the one that matches the reference best; this is the narrow, exact case of
that: where the answer's text in such a stretch equals (spacing aside) the source with a subset of
the reference's edits applied, those edits are the answer's edits there. Nothing is credited that
the answer's text does not contain.
"""
from __future__ import annotations

from dataclasses import replace
from itertools import combinations
from typing import Sequence

from lib.score.match import SourceEdit

# Most reference edits tried in one stretch (2^n subsets): beyond this the stretch is a rewrite.
MAX_EDITS = 10


def _squeeze(text: str) -> str:
    return "".join(text.split())


def _stretches(loose: list[SourceEdit], free: list[SourceEdit], source: str) -> list[tuple[int, int, list, list]]:
    """Source intervals where unmatched answer edits and unmatched reference edits touch
    (overlap, or nothing but spacing between them)."""
    items = sorted([(e.start, e.end, "a", e) for e in loose] + [(e.start, e.end, "g", e) for e in free],
                   key=lambda x: (x[0], x[1]))
    out: list[list] = []
    for start, end, kind, edit in items:
        if out and (start <= out[-1][1] or not source[out[-1][1]:start].strip()):
            out[-1][1] = max(out[-1][1], end)
        else:
            out.append([start, end, [], []])
        out[-1][2 if kind == "a" else 3].append(edit)
    return [(s, e, a, g) for s, e, a, g in out if a and g]


def _applied(source: str, s0: int, s1: int, edits: Sequence[SourceEdit]) -> str:
    parts, cur = [], s0
    for g in edits:
        parts.append(source[cur:g.start])
        parts.append(g.correction)
        cur = g.end
    parts.append(source[cur:s1])
    return " ".join(parts)


def _placed(edits: Sequence[SourceEdit], source: str, answer: str, s0: int, a0: int, a1: int) -> list[SourceEdit]:
    """The reference edits with `at` pointing into the answer (for drawing them)."""
    out, a_pos, cur = [], a0, s0
    for g in edits:
        guess = a_pos + len(_squeeze(source[cur:g.start])) + (1 if source[cur:g.start] != _squeeze(source[cur:g.start]) else 0)
        found = answer.find(g.correction, max(a0, guess - 4), a1 + 1) if g.correction else -1
        at = found if found >= 0 else min(max(guess, a0), a1)
        out.append(replace(g, at=at))
        a_pos, cur = at + len(g.correction), g.end
    return out


def realign(gold: Sequence[SourceEdit], proposed: Sequence[SourceEdit], source: str, answer: str) -> tuple[SourceEdit, ...]:
    """`proposed` with each stretch that is exactly "source + some reference edits" replaced by
    those reference edits."""
    gold_keys = {g.key for g in gold}
    proposed_keys = {p.key for p in proposed}
    loose = [p for p in proposed if p.key not in gold_keys]
    free = [g for g in gold if g.key not in proposed_keys]
    if not loose or not free:
        return tuple(proposed)
    kept = {p.key for p in proposed if p.key in gold_keys}
    result = list(proposed)
    for s0, s1, mine, theirs in _stretches(loose, free, source):
        if len(theirs) > MAX_EDITS or any(p.key in kept and p.start < s1 and s0 < p.end for p in proposed):
            continue
        first, last = mine[0], mine[-1]
        a0 = max(first.at - (first.start - s0), 0)
        a1 = min(last.at + len(last.correction) + (s1 - last.end), len(answer))
        target = _squeeze(answer[a0:a1])
        ordered = sorted(theirs, key=lambda g: (g.start, g.end))
        for size in range(len(ordered), 0, -1):
            hit = next((subset for subset in combinations(ordered, size)
                        if not any(x.end > y.start for x, y in zip(subset, subset[1:]))
                        and _squeeze(_applied(source, s0, s1, subset)) == target), None)
            if hit is not None:
                result = [p for p in result if p not in mine] + _placed(hit, source, answer, s0, a0, a1)
                break
            if size == 1:
                break
    return tuple(sorted(result, key=lambda e: (e.start, e.end)))
