"""One sample's diff cards as HTML, for the Diffs page and for the report file (lib.views.report).

The page and the exported file share this code, so the download looks like the page.
"""
from __future__ import annotations

from typing import Sequence

import pandas as pd

from lib.load.dataset import Dataset
from lib.align.diff import DiffOptions, diff_texts
from lib.align.metrics import changed_spans, similarity
from lib.views.tallies import code_counts, flag_counts, ranked
from lib.views.html import (
    LEGEND_HTML, badge, count, esc, inline_html, plain_html, side_by_side_html,
)

VIEWS: dict[str, str] = {
    "inline": "Inline",
    "side": "Side by side",
    "source": "What the model changed (vs source)",
}
SORTS: dict[str, str] = {
    "file": "File order",
    "similarity_desc": "Most similar first",
    "similarity_asc": "Least similar first",
    "name": "Model name (A→Z)",
}



def _rows(dataset: Dataset, sample_id: str, models: Sequence[str] | None) -> pd.DataFrame:
    frame = dataset.frame
    rows = frame[frame["sample_id"] == sample_id]
    if models is not None:
        rows = rows[rows["model"].isin(list(models))]
    return rows


# Below this similarity a card shows the two texts side by side instead of a diff.
UNRELATED_SIMILARITY = 0.2


def _plain_pair(answer: str, other_text: str, other: str) -> str:
    return ('<div class="rl-sbs"><div class="rl-col-head">Answer</div>'
            f'<div class="rl-col-head">{esc(other)}</div>'
            f'<div data-label="Answer">{plain_html(answer)}</div>'
            f'<div data-label="{esc(other)}">{plain_html(other_text)}</div></div>')


def _card(row, facts, view: str, options: DiffOptions) -> tuple[float, str]:
    """(similarity, html) of one answer's card."""
    against_source = view == "source" and bool(row.source)
    base = row.source if against_source else row.reference
    result = diff_texts(base, row.answer, options)
    sim = similarity(result.segments)
    exact = row.answer.strip() == base.strip()
    head = [f'<span class="rl-model">{esc(row.model)}</span>']
    if row.model != row.model_name:
        head.append(badge(f"run {row.run} of {row.model_name}", title="The file has more than one answer of this model to this sample"))
    # Exact match is always against the reference: that is what the task asks for.
    matches_reference = row.answer.strip() == row.reference.strip()
    head.append(badge("✓ exact match" if matches_reference else "≠ differs", "exact" if matches_reference else "diff"))
    if against_source:
        # Changing the source is the task; neutral colour, and the numbers below say their baseline.
        head.append(badge("unchanged source" if exact else "changed the source",
                          title="The diff below is against the source text the model was given"))
        head.append(f'<span class="rl-stat">similarity to source {sim:.3f}</span>')
    else:
        head.append(f'<span class="rl-stat">similarity {sim:.3f}</span>')
    if facts is not None:
        n = len(facts["edit_list"])
        head.append(f'<span class="rl-stat" title="Edits against the reference, named on the strict comparison '
                    f'(the view options change the highlighting, not the edits)">'
                    f'{count(n, "edit")}{" vs reference" if against_source else ""}</span>')
        for flag in facts["flags"]:
            if flag != "exact":
                head.append(badge(flag.replace("_", " "), "flag"))
        for code, k in ranked(code_counts([facts["edit_list"]])):
            head.append(badge(f"{code}" + (f" ×{k}" if k > 1 else ""), "code"))
    else:
        spans = changed_spans(result.segments)
        head.append(f'<span class="rl-stat">{count(spans, "changed span")}</span>')
    other = "Source" if against_source else "Reference"
    if result.timed_out:
        body = (
            '<div class="rl-note">Too different to align within the time limit '
            f"({options.timeout:g} s): the two texts are shown side by side without highlighting.</div>"
            + _plain_pair(row.answer, base, other)
        )
    elif sim < UNRELATED_SIMILARITY and row.answer.strip() and base.strip():
        # A wholly different text (another language, an unrelated answer) as one long strike-through
        # plus one long insertion helps nobody: say so and show the two texts next to each other.
        body = (f'<div class="rl-note">The answer shares almost nothing with the {other.lower()} '
                f"(similarity {sim:.2f}): shown side by side instead of as a diff.</div>"
                + _plain_pair(row.answer, base, other))
    elif view == "side":
        body = side_by_side_html(result.segments, "Answer", "Source" if against_source else "Reference")
    else:
        body = inline_html(result.segments)
    if view == "source" and not row.source:
        body = '<div class="rl-note">This answer\'s sample has no source text; showing the diff against the reference.</div>' + body
    if not row.answer.strip():
        body = '<div class="rl-note">The answer is empty' + (" (whitespace only)" if row.answer else "") + ".</div>" + body
    return sim, f'<article class="rl-card">{"<div class=rl-card-head>" + "".join(head) + "</div>"}{body}</article>'


def order_rows(rows: pd.DataFrame, analysis: pd.DataFrame | None, sort: str) -> pd.DataFrame:
    """Cards in the chosen order. Similarity comes from the precomputed analysis, so sorting
    200 answers never means diffing 200 answers just to draw the first page of them."""
    if sort == "name":
        return rows.iloc[sorted(range(len(rows)), key=lambda i: (rows["model"].iloc[i].casefold(), i))]
    if sort in ("similarity_desc", "similarity_asc") and analysis is not None:
        sims = analysis["similarity"].reindex(rows.index).fillna(0.0)
        order = sorted(range(len(rows)), key=lambda i: (-sims.iloc[i] if sort == "similarity_desc" else sims.iloc[i], i))
        return rows.iloc[order]
    return rows


def render_sample(dataset: Dataset, analysis: pd.DataFrame | None, sample_id: str, models: Sequence[str] | None,
                  options: DiffOptions = DiffOptions(), view: str = "inline", sort: str = "file",
                  start: int = 0, limit: int | None = None) -> str:
    """Reference (and source) once, then one card per chosen model run (cards start…start+limit)."""
    rows = _rows(dataset, sample_id, models)
    frame = dataset.frame
    first = frame[frame["sample_id"] == sample_id].head(1)
    if first.empty:
        return f'<div class="rl-note">Sample {esc(sample_id)} is not in this dataset.</div>'
    reference = first["reference"].iloc[0]
    source = first["source"].iloc[0] if "source" in first else ""
    top = [f'<section class="rl-ref"><h4>Reference (correct answer)</h4>{plain_html(reference)}</section>']
    if source:
        top.append(f'<section class="rl-ref"><h4>Source (text given to the model)</h4>{plain_html(source)}</section>')
    if rows.empty:
        top.append('<div class="rl-note">No answers from the chosen models for this sample.</div>')
        return "".join(top)
    if analysis is None and sort.startswith("similarity"):
        sims = {idx: similarity(diff_texts(r, a, options).segments)
                for idx, r, a in zip(rows.index, rows["reference"], rows["answer"])}
        analysis = pd.DataFrame({"similarity": pd.Series(sims)})
    rows = order_rows(rows, analysis, sort)
    page = rows.iloc[start:start + limit] if limit is not None else rows.iloc[start:]
    cards = []
    for row in page.itertuples():
        facts = analysis.loc[row.Index] if analysis is not None and "flags" in analysis and row.Index in analysis.index else None
        cards.append(_card(row, facts, view, options)[1])
    legend = LEGEND_HTML if view != "source" else LEGEND_HTML.replace("in the reference", "in the source")
    ignoring = ignored(options)
    if ignoring and analysis is not None:
        legend += (f'<div class="rl-note">Ignoring {esc(ignoring)}: the highlighting and similarity follow this '
                   "option; the edit codes and flags stay those of the strict comparison.</div>")
    return "".join(top) + _overview(rows, analysis) + legend + "".join(cards)


def _overview(rows: pd.DataFrame, analysis: pd.DataFrame | None) -> str:
    """One line over the cards of a sample: how many answers are exact, which problems recur —
    what a reader would otherwise count card by card."""
    if analysis is None or "flags" not in analysis:
        return ""
    facts = analysis.reindex(rows.index).dropna(subset=["flags"])
    if facts.empty:
        return ""
    flags = flag_counts(facts["flags"])
    codes = code_counts(facts["edit_list"])
    n, exact = len(facts), int(sum("exact" in fl for fl in facts["flags"]))
    parts = [count(n, "answer"), f"{exact} exact"]
    if flags:
        parts.append("flags: " + ", ".join(f"{f.replace('_', ' ')} {k}" for f, k in ranked(flags)))
    if codes:
        parts.append("most frequent edits: " + ", ".join(f"{c} ×{k}" for c, k in ranked(codes, 4)))
    return f'<div class="rl-legend"><b>{esc(" · ".join(parts))}</b></div>'


def ignored(options: DiffOptions) -> str:
    """ "case, punctuation" — what the view options ignore, in words ("" when nothing)."""
    names = (("case", options.ignore_case), ("whitespace", options.ignore_whitespace),
             ("punctuation", options.ignore_punctuation))
    return ", ".join(name for name, on in names if on)


def count_cards(dataset: Dataset, sample_id: str, models: Sequence[str] | None) -> int:
    return len(_rows(dataset, sample_id, models))
