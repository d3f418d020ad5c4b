"""Per-model leaderboard: the table a user reads first to pick which models to compare."""
from __future__ import annotations

import pandas as pd


def leaderboard(analysis: pd.DataFrame) -> pd.DataFrame:
    """One row per model run label, best mean similarity first.

    Means are per answer, so a model with more answers does not weigh more; exact is a count and
    a rate because both are what people quote ("12 of 16 exact").
    """
    columns = ["model", "answers", "exact", "exact_rate", "similarity", "cer", "wer", "edits"]
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
    table = table.reset_index().sort_values(["similarity", "model"], ascending=[False, True], kind="stable")
    return table[columns].reset_index(drop=True)
