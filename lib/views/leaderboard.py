"""Per-model leaderboard: the table a user reads first to pick which models to compare."""
from __future__ import annotations

import unicodedata

import pandas as pd

from lib.views.tallies import code_counts, counts_text, flag_counts, per_model

# How many edit codes the "top edits" column names: enough to see a model's habit, short enough
# to read in a table cell.
TOP_EDITS = 3
# The model column, in pixels: wide enough for the longest name so "Meta-Llama-3.1-70B-Instruct-
# Turbo" and "…-405B-…" can be told apart, within bounds so one 300-character run label does not
# push every number off screen (the cell's tooltip shows any name in full).
NAME_PX_PER_CHAR, NAME_PX_PADDING, NAME_PX_LEAST, NAME_PX_MOST = 7.6, 28, 120, 460


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
    models = analysis["model"].tolist()
    flags = per_model(models, analysis["flags"].tolist(), flag_counts) if "flags" in analysis else {}
    codes = per_model(models, analysis["edit_list"].tolist(), code_counts) if "edit_list" in analysis else {}
    table["flags"] = [counts_text(flags.get(m, {})) for m in table.index]
    table["top_edits"] = [counts_text(codes.get(m, {}), TOP_EDITS) for m in table.index]
    table = table.reset_index().sort_values(["similarity", "model"], ascending=[False, True], kind="stable")
    return table[columns].reset_index(drop=True)



def name_column_width(names) -> int:
    """Pixels for a table column of `names`: the longest one fits, wide (CJK) characters count
    double, bounded by NAME_PX_LEAST and NAME_PX_MOST."""
    longest = max((sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in str(n)) for n in names),
                  default=0)
    return int(min(NAME_PX_MOST, max(NAME_PX_LEAST, NAME_PX_PADDING + NAME_PX_PER_CHAR * longest)))
