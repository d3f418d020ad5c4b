"""The self-contained HTML report: every chosen sample's cards in one file.

A static document: inline CSS, no JavaScript, and a Content-Security-Policy that forbids scripts
and external requests, so even a hostile answer cannot make it run or phone home.
"""
from __future__ import annotations

import datetime as _dt
from typing import Sequence

import pandas as pd

from lib.align.diff import DiffOptions
from lib.load.dataset import Dataset
from lib.views.cards import SORTS, VIEWS, ignored, render_sample
from lib.analysis.baseline import base_label
from lib.views.card_filter import CardFilter
from lib.views.html import DIFF_CSS, count, esc, isolate
from lib.views.variants import VARIANTS_CSS

REPORT_CSS = """
:root { color-scheme: light dark; }
body { font-family: system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans CJK SC", sans-serif;
  max-width: 1100px; margin: 2rem auto; padding: 0 1rem; color: #1f2328; background: #fff; }
@media (prefers-color-scheme: dark) { body { color: #e6edf3; background: #0e1117; } }
h1 { font-size: 1.5rem; margin-bottom: .2rem; } h2 { font-size: 1.15rem; margin-top: 2rem; overflow-wrap: anywhere; }
.rl-meta { opacity: .75; font-size: .9rem; margin-bottom: 1rem; }
"""


def render_report(dataset: Dataset, analysis: pd.DataFrame | None, sample_ids: Sequence[str] | None = None,
                  models: Sequence[str] | None = None, options: DiffOptions = DiffOptions(),
                  view: str = "inline", sort: str = "file", base: str = "reference",
                  filters: CardFilter = CardFilter(), scores=None) -> str:
    """A complete HTML document: every chosen sample's cards. Opens offline, runs no code."""
    all_ids = list(dict.fromkeys(dataset.frame["sample_id"]))
    if sample_ids is None:
        ids = all_ids
    else:
        missing = [s for s in sample_ids if s not in set(all_ids)]
        if missing:
            raise ValueError(f"sample {missing[0]!r} is not in {dataset.report.name}; samples are {', '.join(all_ids[:10])}"
                             + (" …" if len(all_ids) > 10 else ""))
        ids = list(sample_ids)
    if models is not None:
        known = set(dataset.frame["model"])
        unknown = [m for m in models if m not in known]
        if unknown:
            raise ValueError(f"model {unknown[0]!r} is not in {dataset.report.name}; models are "
                             + ", ".join(dict.fromkeys(dataset.frame["model"])))
    sections = []
    for sample_id in ids:
        body = render_sample(dataset, analysis, sample_id, models, options, view, sort, base=base, filters=filters,
                             scores=scores)
        sections.append(f"<section><h2>Sample {esc(sample_id)}</h2>{body}</section>")
    chosen = "all models" if models is None else ", ".join(map(isolate, models))
    meta = (f"{esc(dataset.report.name)} · {count(len(ids), 'sample')} · {esc(chosen)} · "
            f"view: {esc(VIEWS.get(view, view))} · granularity: {esc(options.unit)} · "
            + (f"ignoring {esc(ignored(options))} · " if ignored(options) else "")
            + (f"compared against {esc(base_label(base))} · " if base != "reference" else "")
            + (f"cards: {esc(filters.describe())} · " if filters.active else "")
            + f"order: {esc(SORTS.get(sort, sort))} · "
            + f"generated {_dt.datetime.now().strftime('%Y-%m-%d %H:%M')} by Redline")
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        f"<title>Redline report: {esc(dataset.report.name)}</title>"
        f"<style>{REPORT_CSS}{DIFF_CSS}{VARIANTS_CSS}</style></head><body>"
        f"<h1>Redline report</h1><div class=\"rl-meta\">{meta}</div>"
        + "".join(sections)
        + "</body></html>\n"
    )
