"""Per-model leaderboard: the table a user reads first to pick which models to compare."""
from __future__ import annotations

from collections import Counter

import pandas as pd

# How many edit codes the "top edits" column names: enough to see a model's habit, short enough
# to read in a table cell.
TOP_EDITS = 3


def leaderboard(analysis: pd.DataFrame) -> pd.DataFrame:
    """One row per model run label, best mean similarity first.

    Means are per answer, so a model with more answers does not weigh more; exact is a count and
    a rate because both are what people quote ("12 of 16 exact"). `flags` and `top_edits` say in
    words what the numbers hide: a 0.97 similarity with a preamble is a different failure from a
    0.97 with three spelling misses.
    """
    columns = ["model", "answers", "exact", "exact_rate", "similarity", "cer", "wer", "edits", "flags", "top_edits"]
    if analysis.empty:
        return pd.DataFrame(columns=columns)
    grouped = analysis.groupby("model", sort=False)
    table = pd.DataFrame({
        "answers": grouped.size(),
        "exact": grouped["exact"].sum().astype(int),
        "similarity": grouped["similarity"].mean(),
        "cer": grouped["cer"].mean(),
        "wer": grouped["wer"].mean(),
        "edits": grouped["edits"].mean(),
    })
    table["exact_rate"] = table["exact"] / table["answers"]
    flags: dict[str, Counter] = {}
    codes: dict[str, Counter] = {}
    models = analysis["model"].tolist()
    if "flags" in analysis:
        for model, answer_flags in zip(models, analysis["flags"].tolist()):
            flags.setdefault(model, Counter()).update(f for f in answer_flags if f != "exact")
    if "edit_list" in analysis:
        for model, edits in zip(models, analysis["edit_list"].tolist()):
            codes.setdefault(model, Counter()).update(e.code for e in edits)
    table["flags"] = [_counts_text(flags.get(m, Counter()), None) for m in table.index]
    table["top_edits"] = [_counts_text(codes.get(m, Counter()), TOP_EDITS) for m in table.index]
    table = table.reset_index().sort_values(["similarity", "model"], ascending=[False, True], kind="stable")
    return table[columns].reset_index(drop=True)


def _counts_text(counts: Counter, top: int | None) -> str:
    """"R:SPELL ×3, M:DET" — most frequent first, ties by name so the text is stable."""
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:top]
    return ", ".join(name.replace("_", " ") + (f" ×{n}" if n > 1 else "") for name, n in ranked)
