"""Altair charts of the Categories page, and the reading of a click on them.

Colours are fixed per category (a category keeps its colour whatever models or filters are
chosen), and every chart carries one point selection named `pick` over (model, category), so a
click on a bar or heatmap cell tells the page which examples to list.
"""
from __future__ import annotations

import copy
import textwrap
from typing import Iterable, Mapping, Sequence

import altair as alt

import pandas as pd

from lib.name.codes import TYPE_LABELS

from lib.views.tallies import ranked

PICK = "pick"
# Colour-blind-safe-ish categorical palette (Tableau 10, then colours unlike any of it: NOUN:NUM
# and WO must not look like PUNCT).
PALETTE = (
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7",
    "#9c755f", "#bab0ac", "#17becf", "#bcbd22", "#ffbb78", "#98df8a", "#d62728", "#c5b0d5",
    "#8c564b", "#e377c2", "#7f7f7f", "#1f77b4", "#aec7e8",
)


# Edit types: one hue family per group of lib.name.codes.TYPE_GROUPS (verb forms reds, function
# words oranges and yellows, word forms purples…), so related codes read as related in a legend.
TYPE_COLOURS: dict[str, str] = {
    "PUNCT": "#4e79a7",
    "ORTH": "#76b7b2", "SPELL": "#59a14f",
    "DET": "#f28e2b", "PREP": "#ffbe7d", "PRON": "#edc948", "CONJ": "#b6992d", "PART": "#f1ce63", "CONTR": "#8cd17d",
    "VERB:SVA": "#e15759", "VERB:FORM": "#ff9d9a", "VERB:TENSE": "#9d1c20", "VERB:INFL": "#d37295",
    "ADJ:FORM": "#9c755f", "NOUN:NUM": "#b07aa1", "NOUN:INFL": "#d4a6c8", "NOUN:POSS": "#7b4f8e", "MORPH": "#c9a98f",
    "WO": "#17becf", "OTHER": "#79706e",
}


def color_scale(domain: Sequence[str], colours: Mapping[str, str] | None = None) -> alt.Scale:
    """The same category always gets the same colour: its own in `colours`, else the palette
    following the full domain order."""
    colours = colours or {}
    return alt.Scale(domain=list(domain),
                     range=[colours.get(c, PALETTE[i % len(PALETTE)]) for i, c in enumerate(domain)])


def _legend(labels: Mapping[str, str] | None, shown: Sequence[str] | None) -> alt.Legend:
    """Only the categories drawn are listed (every colour stays reserved), each with its gloss."""
    options: dict = {"labelLimit": 320}
    if shown is not None:
        options["values"] = list(shown)
    if labels:
        cases = " : ".join(f"datum.label === {_js_str(c)} ? {_js_str(f'{c}  {g}')}" for c, g in labels.items())
        options["labelExpr"] = f"{cases} : datum.label"
    return alt.Legend(**options)


def category_counts(rows: pd.DataFrame, answers_per_model: pd.Series, models: Sequence[str], column: str) -> pd.DataFrame:
    """Rows (model, category, count, answers, rate) from one-row-per-edit (or per-flag) `rows`.

    rate = count per answer of that model, so models with different answer counts compare fairly.
    """
    picked_rows = rows[rows["model"].isin(list(models))]
    if picked_rows.empty:
        return pd.DataFrame(columns=["model", "category", "count", "answers", "rate"])
    frame = picked_rows.groupby(["model", column], sort=False).size().reset_index(name="count")
    frame = frame.rename(columns={column: "category"})
    frame["answers"] = frame["model"].map(answers_per_model).astype(int)
    frame["rate"] = frame["count"] / frame["answers"]
    return frame


def _pick() -> alt.Parameter:
    return alt.selection_point(name=PICK, fields=["model", "category"], on="click", clear="dblclick")


def stacked_bars(counts: pd.DataFrame, models: Sequence[str], domain: Sequence[str], title: str,
                 measure: str = "count", colours: Mapping[str, str] | None = None,
                 labels: Mapping[str, str] | None = None) -> alt.Chart:
    """Horizontal stacked bars: one bar per model, one colour per category; click selects. The
    legend lists the categories drawn, in `domain` order, with their `labels`."""
    pick = _pick()
    value_title = "per answer" if measure == "rate" else "count"
    present = set(counts["category"]) if len(counts) else set()
    shown = [c for c in domain if c in present]
    # The legend lists every category drawn at ~17 px each (plus its title); Streamlit fits legend and plot
    # into one height, so a chart of three models needs the legend's height or its bars shrink to lines.
    height = max(_height(models, axes=70), 20 * len(shown) + 90)
    return (
        alt.Chart(counts, title=title)
        .mark_bar()
        .encode(
            # Every chosen model gets a row, with or without bars, so the two bar charts line up
            # and "no flags" reads as an empty row rather than a missing model.
            y=alt.Y("model:N", scale=alt.Scale(domain=list(models)), title=None, axis=_model_axis()),
            x=alt.X(f"{measure}:Q", title=value_title, stack="zero", axis=_value_axis(measure)),
            color=alt.Color("category:N", scale=color_scale(domain, colours), title=title.split(" per ")[0],
                            sort=list(domain), legend=_legend(labels, shown)),
            order=alt.Order("category_order:Q"),
            opacity=alt.condition(pick, alt.value(1.0), alt.value(0.35)),
            tooltip=[alt.Tooltip("model:N"), alt.Tooltip("category:N"), alt.Tooltip("count:Q"),
                     alt.Tooltip("answers:Q"), alt.Tooltip("rate:Q", format=".2f", title="per answer")],
        )
        .transform_calculate(category_order=_order_expr(domain))
        .add_params(pick)
        .properties(height=height)
    )


# Pixels per model row. Streamlit sizes charts to fit, so a chart's height includes its title and
# axes: `axes` is what those take, and every row keeps room for its label.
ROW_PX = 24


def _height(models: Sequence[str], axes: int) -> int:
    return max(140, ROW_PX * len(models) + axes)


def _model_axis() -> alt.Axis:
    """Model names on the y axis: long names cut at 260 px, and never dropped for lack of room."""
    return alt.Axis(labelLimit=260, labelOverlap=False)


def _value_axis(measure: str) -> alt.Axis:
    """Counts are whole numbers (no "0.5 answers" tick); rates read as percentages."""
    return alt.Axis(format=".0%") if measure == "rate" else alt.Axis(format="d", tickMinStep=1)


def _count_legend(measure: str) -> alt.Legend:
    return alt.Legend(format=".0%") if measure == "rate" else alt.Legend(format="d", tickMinStep=1)


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
        y=alt.Y("model:N", scale=alt.Scale(domain=list(models)), title=None, axis=_model_axis()),
    )
    cells = base.mark_rect(stroke="#888", strokeWidth=0.3).encode(
        color=alt.Color(f"{measure}:Q", scale=alt.Scale(scheme="oranges", domainMin=0),
                        title="per answer" if measure == "rate" else "count", legend=_count_legend(measure)),
        opacity=alt.condition(pick, alt.value(1.0), alt.value(0.35)),
        tooltip=[alt.Tooltip("model:N"), alt.Tooltip("category:N", title="code"), alt.Tooltip("count:Q"),
                 alt.Tooltip("rate:Q", format=".2f", title="per answer")],
    ).add_params(pick)
    # Dark cells get light numbers: readable in both themes.
    top = float(counts[measure].max()) if len(counts) else 1.0
    text = base.mark_text(fontSize=10).encode(
        text=alt.Text("count:Q"),
        color=alt.condition(f"datum.{measure} > {top * 0.55}", alt.value("#ffffff"), alt.value("#1f2328")),
    )
    return (cells + text).properties(height=max(_height(models, axes=140), 260))


SIMILARITY_BINS = 20


def similarity_bins(analysis: pd.DataFrame, models: Sequence[str]) -> pd.DataFrame:
    """Answers per model and similarity bin (0–0.05, …, 0.95–1): a few hundred rows whatever the
    dataset size, so the chart stays light (Altair would refuse 32,000 raw points)."""
    rows = analysis[analysis["model"].isin(list(models))]
    bins = (rows["similarity"].clip(0, 1) * SIMILARITY_BINS).astype(int).clip(upper=SIMILARITY_BINS - 1)
    counts = rows.groupby([rows["model"], bins], sort=False).size().reset_index(name="answers")
    counts.columns = ["model", "bin", "answers"]
    counts["from"] = counts["bin"] / SIMILARITY_BINS
    counts["to"] = (counts["bin"] + 1) / SIMILARITY_BINS
    means = rows.groupby("model", sort=False)["similarity"].mean()
    counts["mean"] = counts["model"].map(means)
    return counts


def similarity_chart(analysis: pd.DataFrame, models: Sequence[str]) -> alt.Chart:
    """Distribution of similarity per model: one row per model, darker = more answers in that range."""
    data = similarity_bins(analysis, models)
    height = max(_height(models, axes=80), 240)  # room for the colour legend
    rows = alt.Scale(domain=list(models))
    title = "Similarity to the reference per model (1 = identical; red tick = the model's mean)"
    cells = alt.Chart(data, title=title).mark_rect().encode(
        y=alt.Y("model:N", scale=rows, title=None, axis=_model_axis()),
        x=alt.X("from:Q", scale=alt.Scale(domain=[0, 1]), title="similarity"),
        x2="to:Q",
        color=alt.Color("answers:Q", scale=alt.Scale(scheme="blues", domainMin=0), title="answers",
                        legend=_count_legend("count")),
        tooltip=[alt.Tooltip("model:N"), alt.Tooltip("from:Q", format=".2f", title="similarity from"),
                 alt.Tooltip("to:Q", format=".2f", title="to"), alt.Tooltip("answers:Q"),
                 alt.Tooltip("mean:Q", format=".3f", title="model mean")],
    )
    mean = alt.Chart(data).mark_tick(color="#e15759", thickness=2, size=ROW_PX - 6).encode(
        y=alt.Y("model:N", scale=rows), x="mean:Q",
        tooltip=[alt.Tooltip("model:N"), alt.Tooltip("mean:Q", format=".3f", title="mean similarity")],
    )
    return (cells + mean).properties(height=height)


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


def category_chart_specs(edits: pd.DataFrame, flags: pd.DataFrame, answers: pd.Series, analysis: pd.DataFrame,
                         models: Sequence[str], measure: str, flag_order: Sequence[str],
                         type_order: Sequence[str]) -> dict[str, dict | None]:
    """The Categories page's four charts as Vega-Lite specs ("flags", "types", "heatmap",
    "similarity"; None where there is nothing to draw).

    Specs, not Altair objects: building and validating the four charts costs ~200 ms on 32,000
    answers, so the page caches these dicts per (dataset, models, measure) and a rerun only
    sends them."""
    flag_counts = category_counts(flags, answers, models, "flag")
    type_counts = category_counts(edits, answers, models, "type")
    code_counts = category_counts(edits, answers, models, "code")
    specs: dict[str, dict | None] = {"flags": None, "types": None, "heatmap": None}
    if not flag_counts.empty:
        specs["flags"] = stacked_bars(flag_counts, models, list(flag_order), "Answer flags per model", measure).to_dict()
    if not type_counts.empty:
        domain = ordered(set(type_order) | set(type_counts["category"]), list(type_order))
        specs["types"] = stacked_bars(type_counts, models, domain, "Edit types per model", measure,
                                      colours=TYPE_COLOURS, labels=TYPE_LABELS).to_dict()
    if not code_counts.empty:
        totals = code_counts.groupby("category")["count"].sum()
        specs["heatmap"] = heatmap(code_counts, models, [c for c, _ in ranked(totals.to_dict())], measure).to_dict()
    specs["similarity"] = similarity_chart(analysis, models).to_dict()
    return specs


# A phone (390 px): a legend at the right and 260 px of model names leave the plot a few pixels
# wide, so there the legend goes under the plot and names are cut shorter (the tooltip has them).
NARROW_NAME_PX, NARROW_LEGEND_PX, NARROW_LEGEND_ROW_PX, NARROW_TITLE_CHARS = 120, 300, 20, 40


def for_narrow_screens(spec: dict) -> dict:
    """A copy of a chart spec laid out for a phone: legends below the plot, model names cut at
    NARROW_NAME_PX, the height grown by what the legend now takes under the plot."""
    spec = copy.deepcopy(spec)
    legends: list[dict] = []

    def walk(node) -> None:
        if isinstance(node, dict):
            encoding = node.get("encoding")
            if isinstance(encoding, dict):
                y, colour = encoding.get("y"), encoding.get("color")
                x = encoding.get("x")
                if isinstance(y, dict) and isinstance(y.get("axis"), dict):
                    y["axis"]["labelLimit"] = NARROW_NAME_PX
                if isinstance(x, dict) and isinstance(x.get("axis"), dict) and "labelAngle" in x["axis"]:
                    # the heatmap's codes: upright and small, every one labelled, none skipped
                    x["axis"].update(labelAngle=-90, labelFontSize=9, labelOverlap=False)
                if isinstance(colour, dict) and isinstance(colour.get("legend"), dict):
                    legend = colour["legend"]
                    legend.update(orient="bottom", labelLimit=NARROW_LEGEND_PX)
                    if "values" in legend:  # a list of categories: one a row, not one long cut-off line
                        legend["columns"] = 1
                    legends.append(legend)
            title = node.get("title")
            if isinstance(title, str) and len(title) > NARROW_TITLE_CHARS:
                # a title wider than the screen squeezes the plot to nothing: wrapped into lines
                node["title"] = textwrap.wrap(title, NARROW_TITLE_CHARS)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(spec)
    if legends and isinstance(spec.get("height"), int):
        # a list of categories, one a row; a colour ramp, one band
        rows = max(len(legend["values"]) if "values" in legend else 2 for legend in legends)
        spec["height"] += NARROW_LEGEND_ROW_PX * rows + 30
    return spec
