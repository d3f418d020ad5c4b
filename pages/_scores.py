"""Proofreading scores of the current dataset (lib.score), computed once per Source.key."""
from __future__ import annotations

import threading
from collections import OrderedDict
from contextlib import nullcontext

import pandas as pd
import streamlit as st

from lib.load.dataset import Dataset
from lib.score.counts import ratio_text
from lib.score.dataset import DatasetScores, score_dataset, unavailable_reason
from lib.views.html import esc
from lib.views.verdict_tables import verdict_examples, verdict_table
from pages import _keys as K
from pages import _state
from pages._widgets import example_card, html, pick_row

EXAMPLE_LIMIT = 500


# Above this many answers, scoring shows a progress bar (it runs at about 500 answers a second).
PROGRESS_MIN_ROWS = 1_000
_STORE_SIZE = 8


@st.cache_resource(show_spinner=False)
def _store() -> tuple[OrderedDict, threading.Lock]:
    """Process-wide scores per Source.key (not st.cache_*: the progress bar is drawn while computing)."""
    return OrderedDict(), threading.Lock()


def current_scores() -> DatasetScores | None:
    """The scores, or None when the data has no source (unavailable_reason says why). Computed
    once per loaded file, with a progress bar for large files."""
    dataset = _state.current_dataset()
    if unavailable_reason(dataset):
        return None
    key = _state.current_source().key
    items, lock = _store()
    with lock:
        if key in items:
            items.move_to_end(key)
            return items[key]
    n = len(dataset.frame)
    bar = st.progress(0.0, text=f"Scoring {n:,} answers against the source…") if n >= PROGRESS_MIN_ROWS else None

    def progress(fraction: float) -> None:
        if bar is not None:
            bar.progress(min(max(fraction, 0.0), 1.0), text=f"Scoring {n:,} answers against the source… {fraction:.0%}")

    with st.spinner("Scoring each answer's corrections against the source…") if bar is None else nullcontext():
        scores = score_dataset(dataset, progress=progress)
    if bar is not None:
        bar.empty()
    with lock:
        items[key] = scores
        while len(items) > _STORE_SIZE:
            items.popitem(last=False)
    return scores


def score_columns(scores: DatasetScores) -> pd.DataFrame:
    """Per model: F0.5, P, R as text ("—" where undefined: a model that proposed nothing has no
    precision, not 0), and the TP/FP/FN behind them. Text of fixed width still sorts right."""
    m = scores.models
    text = lambda col: [ratio_text(None if pd.isna(v) else float(v)) for v in m[col]]  # noqa: E731
    return pd.DataFrame({"model": m["model"], "f05": text("f05"), "precision": text("precision"),
                         "recall": text("recall"), "tp": m["tp"], "fp": m["fp"], "fn": m["fn"],
                         "unscored": m["unscored"]})


def _open_source_view(sample_id: str, model: str) -> None:
    """Open one answer in the Diffs page's source view, where its changes are marked."""
    st.session_state[K.SAMPLE] = sample_id
    st.session_state[K.VIEW] = "inline"
    st.session_state[K.VIEW_CHOSEN] = True  # not the sample's default (variants) view
    st.session_state[K.BASE] = "source"
    chosen = st.session_state.get(K.MODELS)
    if chosen is not None and model not in chosen:
        st.session_state[K.MODELS] = [*chosen, model]
    st.session_state[K.SAMPLE_SEARCH] = ""
    st.session_state[K.OPEN_DIFFS] = True


def proofreading_section(dataset: Dataset, chosen: list[str]) -> None:
    """Categories page: fixes, wrong fixes, over-corrections and misses per model and edit type;
    select a row to list its edits, select an edit to open it in the Diffs page."""
    st.subheader("Proofreading: fixes, over-corrections and misses (against the source)")
    scores = current_scores()
    if scores is None:
        st.caption(f"No proofreading scores: {unavailable_reason(dataset)}")
        return
    table = verdict_table(scores, chosen)
    if table.empty:
        st.caption("The chosen models' answers make no change to the source, and the references none either.")
        return
    st.caption("Each answer's changes to the source, matched with the reference's (see the Models page for "
               "the totals). Fixed = TP; wrong fixes and over-corrections = FP; missed = FN. Select a row to "
               "list its edits.")
    pick, picked = pick_row(table, list(table.columns), key=K.PROOF_TABLE, rows=12, column_config={
            "model": st.column_config.TextColumn("Model", width="small"),
            "type": st.column_config.TextColumn("Edit type", width="small"),
            "fixed": st.column_config.NumberColumn("✓ Fixed", width="small"),
            "wrong_fix": st.column_config.NumberColumn("≠ Wrong fix", width="small"),
            "over_correction": st.column_config.NumberColumn("✗ Over-correction", width="small"),
            "missed": st.column_config.NumberColumn("○ Missed", width="small"),
            "f05": st.column_config.TextColumn("F0.5", width="small"),
            "precision": st.column_config.TextColumn("P", width="small"),
            "recall": st.column_config.TextColumn("R", width="small"),
        })
    frame = dataset.frame
    examples, total = verdict_examples(scores, dict(zip(frame.index, frame["sample_id"])), str(pick["model"]),
                                       str(pick["type"]), limit=EXAMPLE_LIMIT)
    shown = f"{len(examples):,} of {total:,}" if total > len(examples) else f"{total:,}"
    html(f"<p><b>{esc(pick['model'])} · {esc(pick['type'])}: {shown} edits</b>"
         + ("" if picked is not None else " (the first row; select another above)") + "</p>")
    row, _ = pick_row(examples, ["sample_id", "verdict", "code", "change", "context"], key=K.PROOF_EXAMPLES,
                      rows=10, column_config={
            "sample_id": st.column_config.TextColumn("Sample", width="small"),
            "verdict": st.column_config.TextColumn("Verdict", width="small"),
            "code": st.column_config.TextColumn("Code", width="small"),
            "change": st.column_config.TextColumn("Source → correction", width="small"),
            "context": st.column_config.TextColumn("In the source", width="large"),
        })
    cols = st.columns([5, 1], vertical_alignment="center")
    with cols[0]:
        example_card(row, f'{row["verdict"]} · {row["code"]}')
    cols[1].button("Open in the source view", key=K.PROOF_OPEN, on_click=_open_source_view,
                   args=(str(row["sample_id"]), str(row["model"])), width="stretch",
                   help="The Diffs page's source view, with every change of this answer marked")
