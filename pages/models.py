"""Models page: a sortable leaderboard, and the choice of models every other page compares."""
from __future__ import annotations

import streamlit as st

from lib.score.dataset import unavailable_reason
from lib.views.leaderboard import name_column_width
from pages import _state
from pages._scores import current_scores, score_columns
from pages._widgets import model_selector, page_start, role_doubts, table_height

MAX_LEADERBOARD_ROWS = 1_000

page_start()
st.title("Models")
st.caption("Pick the models to compare; the choice holds on every page and in the page link. "
           "Click a column header to sort the leaderboard.")

dataset = _state.current_dataset()
chosen = model_selector(dataset)
table = _state.current_leaderboard()
role_doubts(_state.current_analysis())
# The words (flags, top edits) next to the numbers they explain; error rates after them. The
# chosen models are the ones in the box above (a checkbox column here looked clickable and was not).
columns = ["model", "answers", "exact", "exact_rate", "similarity", "flags", "top_edits", "cer", "wer", "edits"]
scores = current_scores()
if scores is not None:
    # A proofreading file: the scores first, best F0.5 on top ("—" last: nothing to score).
    table = table.merge(score_columns(scores), on="model", how="left")
    table = table.sort_values("f05", key=lambda s: s.map(lambda v: -float(v) if v[:1].isdigit() else 1.0), kind="stable")
    columns[2:2] = ["f05", "precision", "recall", "tp", "fp", "fn"]
    st.caption("**F0.5, P, R**: each answer's changes to the source matched with the reference's, as ERRANT's "
               "compare_m2 counts them (TP: a change the reference makes too; FP: a change it does not make, "
               "over-corrections and wrong fixes; FN: a reference change the answer did not make). F0.5 weighs "
               "precision twice as much as recall; — where nothing was proposed. On the Diffs page, "
               "the inline view compared against the source marks every change.")
    unscored = int(scores.models["unscored"].sum())
    if unscored:
        st.caption(f"{unscored:,} answers are not scored (no source text or no reference for their sample).")
else:
    st.caption(f"No proofreading scores: {unavailable_reason(dataset)}")
table = table[columns]
if len(table) > MAX_LEADERBOARD_ROWS:  # 100,000 runs drawn as rows took 3 GB of browser memory
    st.caption(f"{len(table):,} model runs; the first {MAX_LEADERBOARD_ROWS:,} are listed "
               "(`python -m lib summary FILE` prints all).")
    table = table.head(MAX_LEADERBOARD_ROWS)

st.dataframe(
    table,
    hide_index=True,
    width="stretch",
    height=table_height(len(table), 25),
    column_config={
        "model": st.column_config.TextColumn("Model run", width=name_column_width(table["model"]), pinned=True,
                                             help="Pinned: stays in view when the table scrolls sideways"),
        "f05": st.column_config.TextColumn("F0.5", help="Proofreading score: (1.25 · P · R) / (0.25 · P + R), from the summed TP/FP/FN", width=60),
        "precision": st.column_config.TextColumn("P", help="Precision: TP / (TP + FP), the share of the model's changes that the reference makes too", width=60),
        "recall": st.column_config.TextColumn("R", help="Recall: TP / (TP + FN), the share of the reference's changes the model made", width=60),
        "tp": st.column_config.NumberColumn("TP", help="Changes to the source that the reference makes too (fixed)", width=50),
        "fp": st.column_config.NumberColumn("FP", help="Changes the reference does not make (over-corrections and wrong fixes)", width=50),
        "fn": st.column_config.NumberColumn("FN", help="Reference changes the model did not make (missed)", width=50),
        "answers": st.column_config.NumberColumn("Answers", width=70),
        "exact": st.column_config.NumberColumn("Exact", help="Answers equal to the reference (surrounding whitespace ignored)", width=60),
        "exact_rate": st.column_config.ProgressColumn("Exact rate", min_value=0.0, max_value=1.0, format="percent", width=110),
        "similarity": st.column_config.ProgressColumn("Mean similarity", min_value=0.0, max_value=1.0, format="%.3f", width=120),
        "cer": st.column_config.NumberColumn("Mean CER", format="%.3f", help="Character error rate against the reference", width=80),
        "wer": st.column_config.NumberColumn("Mean WER", format="%.3f", help="Word error rate against the reference", width=80),
        "edits": st.column_config.NumberColumn("Mean edits", format="%.1f", help="Edits against the reference per answer (what the Diffs cards count and the Categories page names)", width=80),
        "flags": st.column_config.TextColumn("Flags", help="Answer-level problems and how many answers have them (see Categories)", width="medium"),
        "top_edits": st.column_config.TextColumn("Top edits", help="The most frequent ERRANT-style edit types (see Categories)", width="medium"),
    },
)
if not chosen:
    st.info("No model is selected: choose at least one above (or press Select all) to see diffs and categories.")
else:
    st.page_link("pages/diffs.py", label=f"Read the diffs of the {len(chosen)} selected models", icon=":material/difference:")
