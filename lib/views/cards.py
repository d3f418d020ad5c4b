"""One sample's diff cards as HTML, for the Diffs page and for the report file (lib.views.report).

The page and the exported file share this code, so the download looks like the page.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import pandas as pd

from lib.load.dataset import Dataset
from lib.align.diff import DiffOptions, diff_texts
from lib.align.metrics import similarity
from lib.analysis.baseline import Baseline, resolve_baseline
from lib.analysis.variants import Variants, find_variants
from lib.load.references import references_of
from lib.views.card_filter import CardFilter
from lib.views.overview import overview_html
from lib.views.html import LEGEND_HTML, count, esc, plain_html
from lib.views.card import card_html
from lib.views.variants import variants_html
from lib.views.verdicts import legend_html
from lib.score.dataset import DatasetScores

VIEWS: dict[str, str] = {
    "variants": "Variants",
    "inline": "Inline",
    "side": "Side by side",
    "source": "What the model changed (vs source)",
}
# The views the Diffs page offers; "source" stays a valid name (old links, the CLI) and means the
# inline view against the source, which the baseline picker now offers for every view.
PAGE_VIEWS = ("variants", "inline", "side")
# From this many answers to a sample on, the page opens on the variants view.
VARIANTS_MIN_ANSWERS = 3
SORTS: dict[str, str] = {
    "file": "File order",
    "similarity_desc": "Most similar first",
    "similarity_asc": "Least similar first",
    "name": "Model name (A→Z)",
}


def default_view(answers: int) -> str:
    return "variants" if answers >= VARIANTS_MIN_ANSWERS else "inline"


def _rows(dataset: Dataset, sample_id: str, models: Sequence[str] | None) -> pd.DataFrame:
    frame = dataset.frame
    rows = frame[frame["sample_id"] == sample_id]
    if models is not None:
        rows = rows[rows["model"].isin(list(models))]
    return rows


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


@dataclass(frozen=True)
class SampleView:
    """One sample as the page draws it: the blocks above the cards, the variants, one page of cards."""
    top: str                      # reference / source / baseline blocks
    variants: Variants | None     # the variants view's places (None in the other views)
    base: Baseline
    overview: str                 # the one-line summary of the chosen answers
    legend: str
    cards: tuple[str, ...]        # this page of cards
    total: int                    # cards after the filters (identical answers count once in variants)
    answers: int                  # chosen answers before the filters

    def html(self, variants_block: str = "") -> str:
        return self.top + variants_block + self.overview + self.legend + "".join(self.cards)


def _top(first: pd.DataFrame, base: Baseline, view: str, references: tuple[str, ...] = ()) -> str:
    reference = first["reference"].iloc[0]
    source = first["source"].iloc[0] if "source" in first else ""
    top = []
    # In the variants view against the reference, the marked text is the reference: shown once.
    if not (view == "variants" and base.kind == "reference"):
        several = references_of(first["all_references"].iloc[0]) if "all_references" in first else []
        if len(several) > 1:  # each card says which one it is compared with
            items = "".join(f"<li>{plain_html(r)}</li>" for r in several)
            top.append(f'<section class="rl-ref"><h4>References ({len(several)} accepted; each answer is compared '
                       f'with the closest)</h4><ol>{items}</ol></section>')
        elif len(references) > 1:  # more references in other rows or columns (lib.score found them)
            top += [f'<section class="rl-ref"><h4>Reference (correct answer) {k} of {len(references)}</h4>'
                    f'{plain_html(text)}</section>' for k, text in enumerate(references, 1)]
        else:
            top.append(f'<section class="rl-ref"><h4>Reference (correct answer)</h4>{plain_html(reference)}</section>')
    if source and not (view == "variants" and base.kind == "source"):
        top.append(f'<section class="rl-ref"><h4>Source (text given to the model)</h4>{plain_html(source)}</section>')
    if base.kind == "model" and view != "variants":
        top.append(f'<section class="rl-ref"><h4>Baseline: the answer of {esc(base.model)} '
                   f"(its own card is not repeated)</h4>{plain_html(base.text)}</section>")
    return "".join(top)


def sample_top(dataset: Dataset, sample_id: str, base: str = "reference", view: str = "inline",
               scores: DatasetScores | None = None) -> str:
    """The blocks above a sample's cards on their own (the page draws its controls in between)."""
    baseline, every, rows = compare_rows(dataset, sample_id, None, base)
    if every.empty:
        return ""
    return _top(every.head(1), baseline, view, _sample_references(scores, every.index))


def compare_rows(dataset: Dataset, sample_id: str, models: Sequence[str] | None,
                 base: str = "reference") -> tuple[Baseline, pd.DataFrame, pd.DataFrame]:
    """(baseline, every answer of the sample, the chosen answers compared with it): a model
    baseline's own answer is the thing compared against, not one of the compared."""
    frame = dataset.frame
    every = frame[frame["sample_id"] == sample_id]
    baseline = resolve_baseline(every, base)
    rows = _rows(dataset, sample_id, models)
    if baseline.model is not None:
        rows = rows[rows["model"] != baseline.model]
    return baseline, every, rows


def variant_answers(rows: pd.DataFrame) -> tuple[tuple[str, str], ...]:
    return tuple(zip(rows["model"], rows["answer"]))


def sample_view(dataset: Dataset, analysis: pd.DataFrame | None, sample_id: str, models: Sequence[str] | None,
                options: DiffOptions = DiffOptions(), view: str = "inline", sort: str = "file",
                start: int = 0, limit: int | None = None, base: str = "reference",
                filters: CardFilter = CardFilter(), variants: Variants | None = None,
                focus: str | None = None, scores: DatasetScores | None = None) -> SampleView:
    """Everything one sample shows, cards start…start+limit of the filtered ones; the card of model
    `focus` (an example opened from the Categories page) comes first and is highlighted."""
    if view == "source":  # the old view name: inline against the source
        view, base = "inline", "source"
    baseline, every, rows = compare_rows(dataset, sample_id, models, base)
    if every.empty:
        return SampleView(f'<div class="rl-note">Sample {esc(sample_id)} is not in this dataset.</div>', None,
                          baseline, "", "", (), 0, 0)
    top = _top(every.head(1), baseline, view, _sample_references(scores, every.index))
    if rows.empty:
        top += '<div class="rl-note">No answers from the chosen models for this sample.</div>'
        return SampleView(top, None, baseline, "", "", (), 0, 0)
    if view == "variants" and variants is None:
        variants = find_variants(baseline.text, variant_answers(rows), options)
    if view == "variants" and baseline.kind == "reference" and rows["reference"].nunique() > 1:
        top += ('<div class="rl-note">This sample accepts several references and the answers are closest to '
                f'different ones: the variants are marked on "{esc(baseline.text[:80])}"; each card below is '
                "compared with its own closest reference.</div>")
    if analysis is None and sort.startswith("similarity"):
        sims = {idx: similarity(diff_texts(baseline.text, a, options).segments)
                for idx, a in zip(rows.index, rows["answer"])}
        analysis = pd.DataFrame({"similarity": pd.Series(sims)})
    shown = order_rows(filters.apply(rows, analysis), analysis, sort)
    if focus is not None:
        first = (shown["model"] == focus).to_numpy()
        shown = pd.concat([shown[first], shown[~first]])
    groups: list[tuple[object, tuple[str, ...]]] = []
    if view == "variants":
        # Identical answers are one card, at the place of the first of them.
        by_text: dict[str, list] = {}
        for row in shown.itertuples():
            by_text.setdefault(row.answer, []).append(row)
        groups = [(g[0], tuple(r.model for r in g)) for g in by_text.values()]
    else:
        groups = [(row, ()) for row in shown.itertuples()]
    page = groups[start:start + limit] if limit is not None else groups[start:]
    has_facts = analysis is not None and "flags" in analysis
    cards = tuple(card_html(row, analysis.loc[row.Index] if has_facts and row.Index in analysis.index else None,
                        "inline" if view == "variants" else view, options, baseline, group,
                        focus is not None and focus in (group or (row.model,)), scores)
                  for row, group in page)
    legend = LEGEND_HTML if baseline.kind == "reference" else LEGEND_HTML.replace("in the reference", f"in {esc(baseline.name)}")
    if scores is not None and baseline.kind == "source" and view != "side":
        legend = (LEGEND_HTML.replace("in the reference, missing from the answer", "in the source, changed by the answer")
                  + legend_html())
        if ignored(options):
            legend += ('<div class="rl-note">The proofreading marks follow the strict comparison: the ignore '
                       "options do not change what counts as a fix.</div>")
    ignoring = ignored(options)
    if ignoring and has_facts:
        legend += (f'<div class="rl-note">Ignoring {esc(ignoring)}: the highlighting and similarity follow this '
                   "option; the edit codes and flags stay those of the strict comparison.</div>")
    if filters.active:
        legend += (f'<div class="rl-legend">Showing {count(len(shown), "answer")} of {len(rows)}'
                   + (f" in {count(len(groups), 'card')}" if view == "variants" else "")
                   + f" — {esc(filters.describe())}.</div>")
    return SampleView(top, variants, baseline, overview_html(rows, analysis), legend, cards, len(groups), len(rows))


def render_sample(dataset: Dataset, analysis: pd.DataFrame | None, sample_id: str, models: Sequence[str] | None,
                  options: DiffOptions = DiffOptions(), view: str = "inline", sort: str = "file",
                  start: int = 0, limit: int | None = None, base: str = "reference",
                  filters: CardFilter = CardFilter(), scores: DatasetScores | None = None) -> str:
    """Reference (and source) once, the variants in that view, then the cards (start…start+limit)."""
    sv = sample_view(dataset, analysis, sample_id, models, options, view, sort, start, limit, base, filters,
                     scores=scores)
    block = variants_html(sv.variants, sv.base.name) if sv.variants is not None else ""
    return sv.html(block)


def _sample_references(scores: DatasetScores | None, index) -> tuple[str, ...]:
    """All references of a sample (several when the file gives them), as the score saw them."""
    if scores is None:
        return ()
    for i in index:
        if i in scores.answers:
            return scores.answers[i].references
    return ()


def ignored(options: DiffOptions) -> str:
    """ "case, punctuation" — what the view options ignore, in words ("" when nothing)."""
    names = (("case", options.ignore_case), ("whitespace", options.ignore_whitespace),
             ("punctuation", options.ignore_punctuation))
    return ", ".join(name for name, on in names if on)


def count_cards(dataset: Dataset, sample_id: str, models: Sequence[str] | None) -> int:
    return len(_rows(dataset, sample_id, models))
