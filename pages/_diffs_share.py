"""The Diffs page's share link and HTML downloads, drawn in the sidebar where they can be found
without scrolling past every card."""
from __future__ import annotations

import re
from dataclasses import replace
from urllib.parse import urlencode, urlsplit, urlunsplit

import streamlit as st

from lib.views.card_filter import CardFilter
from lib.views.report import render_report
from pages import _analysis
from pages import _keys as K

# Up to this many samples the page offers one HTML file of all of them (a few seconds to build);
# beyond it, the command line does it.
MAX_REPORT_SAMPLES = 300


def safe_file_part(text: str) -> str:
    """A sample id as a file-name part: ids come from the file and may hold slashes or quotes."""
    return re.sub(r"[^\w.-]+", "_", text)[:60] or "sample"


def share_link(sample: str, models: list[str], view: str, all_models: list[str], data_name: str) -> str:
    """The URL that reopens exactly this view (for demoing to colleagues): every choice that
    changes what the cards show, and the data's name so a mismatch can be told, not hidden."""
    params = {"sample": sample, "view": view, "unit": st.session_state.get(K.UNIT, "word")}
    for key in ("sample_order", "sort", "ignore", "base", "place", "reading", "hide_exact", "model_filter"):
        value = st.query_params.get(key)
        if value:
            params[key] = value
    for key in ("flag", "code"):
        values = st.query_params.get_all(key)
        if values:
            params[key] = values
    params["data"] = data_name
    if models != all_models:
        params["models"] = models
    parts = urlsplit(st.context.url or "http://localhost:8501/")
    # Diffs is the default page, served at the app's root (a server may mount the app under a prefix).
    path = parts.path[: -len("diffs")] if parts.path.endswith("/diffs") else parts.path
    return urlunsplit((parts.scheme, parts.netloc, path or "/", urlencode(params, doseq=True), ""))



def share_sidebar(source, dataset, analysis, scores, n_samples: int, sample: str, chosen: list[str],
                  models_all: list[str], options, view: str, sort: str, base: str, filters: CardFilter) -> None:
    """The link and the downloads, in the sidebar (drawn last: they take the view, baseline and
    filters chosen above the cards)."""
    link = share_link(sample, chosen, view, models_all, dataset.report.name)
    with st.sidebar:
        st.divider()
        st.caption("Link to this view (copy with the button at the right of the box):")
        st.code(link, language=None, wrap_lines=True)
        st.download_button(
            "Download this view (HTML)",
            # Built only when clicked: the page itself never pays for the export.
            data=lambda: render_report(dataset, analysis, sample_ids=[sample], models=chosen, options=options,
                                       view=view, sort=sort, base=base, filters=filters, scores=scores),
            on_click="ignore", file_name=f"redline-sample-{safe_file_part(sample)}.html", mime="text/html",
            help="One self-contained file: inline CSS, no scripts, no external requests.", width="stretch",
        )
        if n_samples <= MAX_REPORT_SAMPLES:
            # A picked place belongs to this sample only; the other filters apply to every sample.
            every_filters = replace(filters, models=None, models_why="")
            st.download_button(
                "Download every sample (HTML)",
                data=lambda: render_report(dataset, _analysis.whole_now(source, dataset), sample_ids=None,
                                           models=chosen, options=options, view=view, sort=sort, base=base,
                                           filters=every_filters, scores=scores),
                on_click="ignore", file_name=f"redline-{safe_file_part(dataset.report.name)}.html",
                mime="text/html", key=K.DOWNLOAD_ALL, width="stretch",
                help=f"All {n_samples:,} samples with the chosen models, view and options, in one self-contained file.",
            )
        else:
            st.caption(f"All {n_samples:,} samples in one file: `python -m lib report FILE -o report.html` "
                       "(too large to build in the page).")
