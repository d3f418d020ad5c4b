"""Altair charts of the Categories page, and the reading of a click on them.

Colours are fixed per category (a category keeps its colour whatever models or filters are
chosen), and every chart carries one point selection named `pick` over (model, category), so a
click on a bar or heatmap cell tells the page which examples to list.
"""
from __future__ import annotations

from collections import Counter
from typing import Iterable, Sequence

import altair as alt
import pandas as pd

PICK = "pick"
# Colour-blind-safe-ish categorical palette (Tableau 20 order: distinct neighbours).
PALETTE = (
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7",
    "#9c755f", "#bab0ac", "#1f77b4", "#aec7e8", "#ffbb78", "#98df8a", "#d62728", "#c5b0d5",
    "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf",
)


def color_scale(domain: Sequence[str]) -> alt.Scale:
    """The same category always gets the same colour: the palette follows the full domain order."""
    return alt.Scale(domain=list(domain), range=[PALETTE[i % len(PALETTE)] for i in range(len(domain))])


def category_counts(analysis: pd.DataFrame, models: Sequence[str], kind: str) -> pd.DataFrame:
    """Rows (model, category, count, answers, rate) for kind "flag", "type", "op" or "code".

    rate = count per answer of that model, so models with different answer counts compare fairly.
    """
    rows = analysis[analysis["model"].isin(list(models))]
    answers = rows.groupby("model", sort=False).size()
    counter: Counter[tuple[str, str]] = Counter()
    if kind == "flag":
        for model, flags in zip(rows["model"], rows["flags"]):
            counter.update((model, f) for f in flags)
    else:
        attr = {"type": "type", "op": "op", "code": "code"}[kind]
        for model, edits in zip(rows["model"], rows["edit_list"]):
            counter.update((model, getattr(e, attr)) for e in edits)
    frame = pd.DataFrame(
        [(m, c, n) for (m, c), n in counter.items()], columns=["model", "category", "count"],
    )
    if frame.empty:
        return pd.DataFrame(columns=["model", "category", "count", "answers", "rate"])
    frame["answers"] = frame["model"].map(answers).astype(int)
    frame["rate"] = frame["count"] / frame["answers"]
    return frame


def _pick() -> alt.Parameter:
    return alt.selection_point(name=PICK, fields=["model", "category"], on="click", clear="dblclick")


def stacked_bars(counts: pd.DataFrame, models: Sequence[str], domain: Sequence[str], title: str,
                 measure: str = "count") -> alt.Chart:
    """Horizontal stacked bars: one bar per model, one colour per category; click selects."""
    pick = _pick()
    value_title = "answers with it, per answer" if measure == "rate" else "count"
    height = max(120, 26 * len(models) + 40)
    return (
        alt.Chart(counts, title=title)
        .mark_bar()
        .encode(
            y=alt.Y("model:N", sort=list(models), title=None, axis=alt.Axis(labelLimit=260)),
            x=alt.X(f"{measure}:Q", title=value_title, stack="zero"),
            color=alt.Color("category:N", scale=color_scale(domain), title=title.split(" per ")[0],
                            sort=list(domain)),
            order=alt.Order("category_order:Q"),
            opacity=alt.condition(pick, alt.value(1.0), alt.value(0.35)),
            tooltip=[alt.Tooltip("model:N"), alt.Tooltip("category:N"), alt.Tooltip("count:Q"),
                     alt.Tooltip("answers:Q"), alt.Tooltip("rate:Q", format=".2f", title="per answer")],
        )
        .transform_calculate(category_order=_order_expr(domain))
        .add_params(pick)
        .properties(height=height)
    )


def _order_expr(domain: Sequence[str]) -> str:
    """Vega expression giving each category its position in `domain` (stable stacking order)."""
    cases = " : ".join(f"datum.category === {_js_str(c)} ? {i}" for i, c in enumerate(domain))
    return f"{cases} : {len(domain)}" if cases else "0"


def _js_str(text: str) -> str:
    import json

    return json.dumps(text)


def heatmap(counts: pd.DataFrame, models: Sequence[str], codes: Sequence[str], measure: str = "count") -> alt.Chart:
    """Model × edit code, darker = more; numbers printed in the cells; click selects a cell."""
    pick = _pick()
    base = alt.Chart(counts, title="Edit codes per model").encode(
        x=alt.X("category:N", sort=list(codes), title=None, axis=alt.Axis(labelAngle=-45)),
        y=alt.Y("model:N", sort=list(models), title=None, axis=alt.Axis(labelLimit=260)),
    )
    cells = base.mark_rect(stroke="#888", strokeWidth=0.3).encode(
        color=alt.Color(f"{measure}:Q", scale=alt.Scale(scheme="oranges"), title=measure),
        opacity=alt.condition(pick, alt.value(1.0), alt.value(0.35)),
        tooltip=[alt.Tooltip("model:N"), alt.Tooltip("category:N", title="code"), alt.Tooltip("count:Q"),
                 alt.Tooltip("rate:Q", format=".2f", title="per answer")],
    ).add_params(pick)
    text = base.mark_text(fontSize=10).encode(text=alt.Text("count:Q"))
    return (cells + text).properties(height=max(120, 24 * len(models) + 60))


def similarity_chart(analysis: pd.DataFrame, models: Sequence[str]) -> alt.Chart:
    """Similarity of every answer per model: a box for the spread, a tick per answer."""
    rows = analysis[analysis["model"].isin(list(models))][["model", "similarity", "sample_id"]]
    height = max(120, 26 * len(models) + 40)
    box = alt.Chart(rows, title="Similarity to the reference per model (1 = identical)").mark_boxplot(
        extent="min-max", size=14, opacity=0.5,
    ).encode(
        y=alt.Y("model:N", sort=list(models), title=None, axis=alt.Axis(labelLimit=260)),
        x=alt.X("similarity:Q", scale=alt.Scale(domain=[0, 1]), title="similarity"),
    )
    ticks = alt.Chart(rows).mark_tick(thickness=1.5, size=14, opacity=0.8).encode(
        y=alt.Y("model:N", sort=list(models)),
        x="similarity:Q",
        tooltip=[alt.Tooltip("model:N"), alt.Tooltip("sample_id:N", title="sample"),
                 alt.Tooltip("similarity:Q", format=".3f")],
    )
    return (box + ticks).properties(height=height)


def picked(event: object) -> list[dict[str, str]]:
    """The (model, category) pairs a chart click selected, from st.altair_chart's event; [] if none.

    Tolerant of shape: Streamlit returns {"selection": {"pick": [{"model": …, "category": …}]}}.
    """
    try:
        selection = event["selection"]  # type: ignore[index]
        values = selection.get(PICK) if hasattr(selection, "get") else None
    except (KeyError, TypeError):
        return []
    out = []
    for item in values or []:
        if isinstance(item, dict) and ("model" in item or "category" in item):
            out.append({k: str(v) for k, v in item.items() if k in ("model", "category")})
    return out


def ordered(categories: Iterable[str], preferred: Sequence[str]) -> list[str]:
    """Known categories in their canonical order first, then any others alphabetically."""
    present = set(categories)
    head = [c for c in preferred if c in present]
    return head + sorted(present - set(head))
