"""Counting what answers have in common: per-model counts of answer flags and edit codes, and the
one "most frequent first" ranking every view uses (the leaderboard, a sample's overview line, a
card's codes, the charts' heatmap order and `python -m lib summary`). One home, so the same
counts never come out in two orders on two pages."""
from __future__ import annotations

from collections import Counter
from typing import Iterable, Sequence

import pandas as pd

# "exact" is a flag of the analysis (the answer equals the reference) but not a problem: the
# views count it in its own column, never among the flags.
NOT_A_PROBLEM = "exact"


def flag_counts(flag_lists: Iterable[Sequence[str]]) -> Counter:
    """How many answers have each problem flag (each answer counts once per flag)."""
    return Counter(f for flags in flag_lists for f in flags if f != NOT_A_PROBLEM)


def code_counts(edit_lists: Iterable[Sequence]) -> Counter:
    """How many edits carry each code, over all the answers given."""
    return Counter(e.code for edits in edit_lists for e in edits)


def ranked(counts: Counter | dict[str, int], top: int | None = None) -> list[tuple[str, int]]:
    """Most frequent first, ties by name: the text a reader compares across reruns is stable."""
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:top]


def per_model(models: Sequence[str], values: Iterable, count) -> dict[str, Counter]:
    """{model: counts} with `count` (flag_counts or code_counts) over each model's answers, in a
    single pass over plain lists (per-row pandas access costs seconds at 32,000 answers)."""
    grouped: dict[str, list] = {}
    for model, value in zip(models, values):
        grouped.setdefault(model, []).append(value)
    return {model: count(items) for model, items in grouped.items()}


def counts_text(counts: Counter | dict[str, int], top: int | None = None) -> str:
    """"R:SPELL ×3, M:DET" — ranked, the count only when it is more than one."""
    return ", ".join(name.replace("_", " ") + (f" ×{n}" if n > 1 else "") for name, n in ranked(counts, top))


def summarize(analysis: pd.DataFrame) -> dict[str, dict]:
    """{model: {answers, exact, mean_similarity, flags: {flag: n}, edits: {code: n}}}, file order.

    Counts, not rates: a reader checks "4 of 16 exact" against the diffs; rates are one division away.
    """
    out: dict[str, dict] = {}
    for model, group in analysis.groupby("model", sort=False):
        out[str(model)] = {
            "answers": int(len(group)),
            "exact": int(group["exact"].sum()),
            "mean_similarity": round(float(group["similarity"].mean()), 4),
            "flags": dict(ranked(flag_counts(group["flags"]))),
            "edits": dict(ranked(code_counts(group["edit_list"]))),
        }
    return out
