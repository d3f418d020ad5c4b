"""Categories page: what kind of differences each model makes, and the examples behind each bar."""
from __future__ import annotations

import streamlit as st
from pages import _keys as K

from lib.name.codes import EDIT_TYPES, OPERATIONS, TYPE_GROUPS
from lib.views.charts import for_narrow_screens, picked
from lib.views.drilldown import ExampleFilter, find_examples
from lib.name.flags import FLAGS
from lib.views.html import count, table_html
from lib.views.export import category_table
from pages import _state
from pages._scores import proofreading_section
from pages._widgets import esc, example_card, html, model_selector, page_start, pick_row, role_doubts

EXAMPLE_LIMIT = 500
CHARTS = {"chart_flags": "flag", "chart_types": "type", "chart_heatmap": "code"}


def _chart_key(chart: str) -> str:
    """The widget key of a chart. A chart's highlighted selection cannot be reset from Python, so
    clearing it gives the chart a new key (a fresh widget, nothing selected)."""
    return f"{chart}_{st.session_state.get(K.CHART_EPOCHS, {}).get(chart, 0)}"


def _reset_charts(charts) -> None:
    epochs = st.session_state.setdefault(K.CHART_EPOCHS, {})
    for chart in charts:
        epochs[chart] = epochs.get(chart, 0) + 1


def _on_pick(chart: str) -> None:
    """A click on a bar/cell: remember which (model, category) pairs to list below; the other
    charts drop their own highlighted selection, so only the chart that filters shows one."""
    pairs = picked(st.session_state.get(_chart_key(chart)))
    if pairs:
        st.session_state[K.CAT_PICK] = {
            "kind": CHARTS[chart],
            "pairs": [(p.get("model", ""), p.get("category", "")) for p in pairs],
        }
        _reset_charts([c for c in CHARTS if c != chart])
    else:
        st.session_state.pop(K.CAT_PICK, None)


def _clear_pick() -> None:
    st.session_state.pop(K.CAT_PICK, None)
    _reset_charts(CHARTS)


def _open_in_diffs(sample_id: str, model: str, steps: list | None = None, at: int = 0) -> None:
    """Open one example in Diffs; `steps` (sample, model, category) are the examples listed, which
    the Diffs page then steps through with previous/next example."""
    st.session_state[K.EXAMPLE_STEPS] = steps or [(sample_id, model, "")]
    st.session_state[K.EXAMPLE_AT] = at
    st.session_state[K.SAMPLE] = sample_id
    chosen = st.session_state.get(K.MODELS)
    if chosen is not None and model not in chosen:  # None: all models, the default
        st.session_state[K.MODELS] = [*chosen, model]
    st.session_state[K.SAMPLE_SEARCH] = ""
    st.session_state[K.OPEN_DIFFS] = True


def on_a_phone() -> bool:
    """What Streamlit itself goes by to fold the sidebar after a page is chosen: the browser's
    user agent (every phone browser's has "Mobi" in it; the page cannot ask for the width)."""
    return "Mobi" in (st.context.headers.get("User-Agent") or "")


def charts(chosen: list[str], measure: str) -> None:
    specs = _state.chart_specs(chosen, measure)
    if on_a_phone():
        specs = {name: spec and for_narrow_screens(spec) for name, spec in specs.items()}

    def clickable(name: str, chart: str) -> None:
        st.vega_lite_chart(spec=specs[name], key=_chart_key(chart), on_select=lambda: _on_pick(chart),
                           selection_mode="pick", width="stretch")

    # One chart per row: side by side, a narrow window left the plots a few pixels wide.
    if specs["flags"] is None:
        st.info("No answer of the chosen models carries a flag.")
    else:
        clickable("flags", "chart_flags")
    if specs["types"] is None:
        analysis = _state.current_analysis()
        unaligned = int(analysis.loc[analysis["model"].isin(chosen), "timed_out"].sum())
        st.info(f"The chosen models' answers have no named edits, but {count(unaligned, 'answer')} "
                f"{'was' if unaligned == 1 else 'were'} too different to align (flag too_different): those differ "
                "from their reference." if unaligned else
                "The chosen models' answers have no edits: every answer matches its reference.")
    else:
        clickable("types", "chart_types")
    if specs["heatmap"] is not None:
        clickable("heatmap", "chart_heatmap")
    st.vega_lite_chart(spec=specs["similarity"], width="stretch")


def example_filter(chosen: list[str]) -> ExampleFilter:
    """Widgets, plus the pick from a chart click, as one filter."""
    c1, c2, c3 = st.columns(3)
    ops = c1.multiselect("Operation", list(OPERATIONS), key=K.EX_OPS, format_func=lambda o: f"{o}: {OPERATIONS[o]}",
                         persist_state="session")
    # The code alone as the label: the picker's search matches labels, and "WO" must find word
    # order only, not SPELL/ORTH/OTHER whose descriptions contain "wo" (the help lists them).
    types = c2.multiselect("Edit type", list(EDIT_TYPES), key=K.EX_TYPES, persist_state="session",
                           help="; ".join(f"{t}: {d}" for t, d in EDIT_TYPES.items()))
    flags = c3.multiselect("Answer flag", list(FLAGS), key=K.EX_FLAGS, persist_state="session",
                           format_func=lambda f: f"{f} – {FLAGS[f]}")
    pick = st.session_state.get(K.CAT_PICK)
    pairs: tuple[tuple[str, str], ...] = ()
    if pick:
        pairs = tuple((m, c) for m, c in pick["pairs"] if m in chosen)
        label = "; ".join(f"{m} · {c}" for m, c in pairs)
        cols = st.columns([6, 1], vertical_alignment="center")
        with cols[0]:
            html(f'<div class="rl-alert rl-alert-info">Chart selection: {esc(label)}</div>')
        cols[1].button("Clear selection", on_click=_clear_pick, key=K.CLEAR_PICK)
    return ExampleFilter(models=tuple(chosen), ops=tuple(ops), types=tuple(types), flags=tuple(flags), pairs=pairs)


def examples(dataset, analysis, flt: ExampleFilter) -> None:
    edits, flags, _ = _state.current_tables()
    table, total = find_examples(dataset.frame, analysis, edits, flags, flt, limit=EXAMPLE_LIMIT)
    shown = f"{len(table):,} of {total:,}" if total > len(table) else f"{total:,}"
    st.subheader(f"Examples ({shown})")
    if table.empty:
        st.caption("Nothing matches. Click a bar or cell above, or change the filters.")
        return
    st.caption("In context: the answer around the edit, with 〔answer → reference〕 in brackets (∅ = nothing). "
               "Select a row to see it highlighted and open it in the Diffs page.")
    row, at = pick_row(table, ["model", "sample_id", "category", "change", "context"], key=K.EXAMPLES, rows=11,
                      column_config={
            "model": st.column_config.TextColumn("Model", width="small"),
            "sample_id": st.column_config.TextColumn("Sample", width="small"),
            "category": st.column_config.TextColumn("Category", width="small"),
            "change": st.column_config.TextColumn("Answer → reference", width="small"),
            "context": st.column_config.TextColumn("In context", width="large"),
        })
    cols = st.columns([5, 1], vertical_alignment="center")
    with cols[0]:
        example_card(row, row["category"])
    steps = list(zip(table["sample_id"].astype(str), table["model"].astype(str), table["category"].astype(str)))
    cols[1].button("Open in Diffs", type="primary", key=K.OPEN_EXAMPLE, on_click=_open_in_diffs,
                   args=(str(row["sample_id"]), str(row["model"]), steps, at or 0),
                   width="stretch", help="Then step through these examples with previous/next example")


page_start()
st.title("Categories")
st.caption("How each model's answers differ from the reference: answer flags and ERRANT-style edit types "
           "(M missing, U unnecessary, R replaced). Click a bar or cell to list its examples."
           + (" The file has a source: the proofreading verdicts per model and edit type (fixed, wrong fix, "
              "over-correction, missed) are at the end of the page." if _state.current_dataset().has_source else ""))
if st.session_state.pop(K.OPEN_DIFFS, False):
    st.switch_page("pages/diffs.py")
dataset = _state.current_dataset()
with st.sidebar:
    chosen = model_selector(dataset)
if not chosen:
    st.info("No model is selected. Choose models in the sidebar (or on the Models page).")
    st.stop()
analysis = _state.current_analysis()
role_doubts(analysis)
measure = st.segmented_control("Bars show", ["count", "rate"], key=K.CAT_MEASURE, default="count", required=True,
                               persist_state="session",
                               format_func={"count": "Counts", "rate": "Per answer"}.get)
charts(chosen, measure)
with st.expander("What the edit codes mean"):
    st.caption("Operation M: the answer is missing reference text · U: the answer has unnecessary text · "
               "R: the answer replaced it. Types are ERRANT's, the codes grammatical-error-correction papers "
               "report; related types share a colour family in the chart.")
    html(table_html(["type", "group", "meaning"], [(t, TYPE_GROUPS[t], EDIT_TYPES[t]) for t in EDIT_TYPES]))
st.divider()
flt = example_filter(chosen)
examples(dataset, analysis, flt)
st.download_button(
    "Download per-answer categories (CSV)",
    # Built only when clicked: 32,000 rows of CSV on every rerun would cost more than the page.
    data=lambda: category_table(analysis[analysis["model"].isin(chosen)]).to_csv(index=False).encode("utf-8-sig"),
    on_click="ignore",
    file_name="redline-categories.csv", mime="text/csv",
    help="One row per answer: similarity, CER, WER, flags and edit codes (UTF-8, opens in Excel).",
)
st.divider()
proofreading_section(dataset, chosen)
