"""Per-model totals of flags and edit types (`python -m lib summary`, the Models and Categories pages)."""
from __future__ import annotations

from collections import Counter

import pandas as pd


def summarize(analysis: pd.DataFrame) -> dict[str, dict]:
    """{model: {answers, exact, mean_similarity, flags: {flag: n}, edits: {code: n}}}, file order.

    Counts, not rates: a reader checks "4 of 16 exact" against the diffs; rates are one division away.
    """
    out: dict[str, dict] = {}
    for model, group in analysis.groupby("model", sort=False):
        flags = Counter(f for fs in group["flags"] for f in fs)
        edits = Counter(e.code for es in group["edit_list"] for e in es)
        out[str(model)] = {
            "answers": int(len(group)),
            "exact": int(group["exact"].sum()),
            "mean_similarity": round(float(group["similarity"].mean()), 4),
            "flags": dict(sorted(flags.items(), key=lambda kv: (-kv[1], kv[0]))),
            "edits": dict(sorted(edits.items(), key=lambda kv: (-kv[1], kv[0]))),
        }
    return out
