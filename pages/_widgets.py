"""UI pieces more than one page uses: safe HTML output, the sidebar summary, shared selectors.

Every piece of user text (answers, references, model and file names, warnings) reaches the page
either through st.dataframe / widget options (plain text) or through `html()` after html.escape.
Never through st.markdown: Streamlit renders `$…$` there as math and `[x](javascript:…)` as links.
"""
from __future__ import annotations

import html as html_lib

import streamlit as st

from lib.dataset import Dataset
from lib.render import DIFF_CSS
from pages import _state

APP_CSS = """
.rl-facts { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: 0; }
.rl-facts dt { opacity: .7; } .rl-facts dd { margin: 0; overflow-wrap: anywhere; }
.rl-alert { border-radius: .5rem; padding: .6rem .9rem; margin: .2rem 0;
  white-space: pre-wrap; overflow-wrap: anywhere; }
.rl-alert-error { background: rgba(255, 43, 43, .12); border: 1px solid rgba(255, 43, 43, .35); }
.rl-alert-warning { background: rgba(255, 170, 0, .12); border: 1px solid rgba(255, 170, 0, .35); }
.rl-alert-info { background: rgba(28, 131, 225, .10); border: 1px solid rgba(28, 131, 225, .30); }
.rl-side { font-size: .9rem; line-height: 1.45; overflow-wrap: anywhere; }
.rl-side b { font-weight: 600; }
"""


def esc(text: object) -> str:
    return html_lib.escape(str(text), quote=True)


def html(markup: str) -> None:
    """Render markup built by lib.render or this module (user text inside is already escaped)."""
    st.html(markup)


def inject_css() -> None:
    """One stylesheet for every page; style-only st.html goes to the event container, no space."""
    st.html(f"<style>{DIFF_CSS}{APP_CSS}</style>")


def alert(text: str, kind: str = "error") -> None:
    """An error/warning/info box for untrusted text (file names, cell text) — escaped, no markdown."""
    icon = {"error": "⛔", "warning": "⚠️", "info": "ℹ️"}[kind]
    html(f'<div class="rl-alert rl-alert-{kind}" role="alert">{icon} {esc(text)}</div>')


def facts(pairs: list[tuple[str, object]]) -> str:
    """A definition list of label → value; both escaped."""
    rows = "".join(f"<dt>{esc(k)}</dt><dd>{esc(v)}</dd>" for k, v in pairs)
    return f'<dl class="rl-facts">{rows}</dl>'


def sidebar_summary(dataset: Dataset) -> None:
    """What is loaded, on every page, so a user always knows which data they are looking at."""
    r = dataset.report
    with st.sidebar:
        html(
            '<div class="rl-side"><b>Loaded</b><br>'
            f"{esc(r.name)}<br>"
            f"{r.rows:,} answers · {r.samples:,} samples · {len(r.models):,} models"
            + (f"<br>⚠️ {len(r.warnings):,} warnings (see Load)" if r.warnings else "")
            + "</div>"
        )


def model_selector(dataset: Dataset, *, label: str = "Models to compare", where=st) -> list[str]:
    """The shared model selection: one widget key on every page, kept across pages and in the URL."""
    models = _state.all_models(dataset)
    if st.session_state.get("models") is not None:
        # A new dataset has other models: keep the ones that still exist.
        valid = set(models)
        kept = [m for m in st.session_state["models"] if m in valid]
        if kept != st.session_state["models"]:
            st.session_state["models"] = kept
    chosen = where.multiselect(
        label,
        models,
        default=models,  # all by default; equal to the default, the URL stays short
        key="models",
        bind="query-params",
        persist_state="session",
        placeholder="Choose models (all are selected by default)",
    )
    cols = where.columns([1, 1, 3])
    cols[0].button("All", key="models_all", on_click=_select_models, args=(models,))
    cols[1].button("None", key="models_none", on_click=_select_models, args=([],))
    return chosen


def _select_models(models: list[str]) -> None:
    st.session_state["models"] = list(models)


def diff_option_controls() -> None:
    """Granularity and ignore switches; shared keys so every page diffs the same way."""
    cols = st.columns(4)
    cols[0].segmented_control(
        "Granularity", ["word", "char"], key="unit", default="word", required=True, bind="query-params",
        help="word: words, spaces and punctuation (each Chinese character is its own token); char: characters.",
    )
    cols[1].toggle("Ignore case", key="ignore_case", persist_state="session")
    cols[2].toggle("Ignore whitespace", key="ignore_whitespace", persist_state="session")
    cols[3].toggle(
        "Ignore punctuation", key="ignore_punctuation", persist_state="session",
        help="Also treats full-width and half-width marks, and -- and —, as the same.",
    )
