"""UI pieces more than one page uses: safe HTML output, the sidebar summary, shared selectors.

Every piece of user text (answers, references, model and file names, warnings) reaches the page
either through st.dataframe / widget options (plain text) or through `html()` after html.escape.
Never through st.markdown: Streamlit renders `$…$` there as math and `[x](javascript:…)` as links.
"""
from __future__ import annotations

import streamlit as st
from pages import _keys as K
from pages import _url

from lib.load.dataset import Dataset
from lib.views.html import DIFF_CSS, count, esc, snippet_html  # one escaping function for the whole app
from pages import _state

APP_CSS = """
/* Streamlit's 6rem above the title pushed the Diffs page's first card below a 1000 px fold. */
[data-testid="stMainBlockContainer"] { padding-top: 3rem; }
.rl-facts { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: 0; padding: 0 !important; }
.rl-facts dt { opacity: .7; } .rl-facts dd { margin: 0; overflow-wrap: anywhere; }
.rl-alert { border-radius: .5rem; padding: .6rem .9rem; margin: .2rem 0;
  white-space: pre-wrap; overflow-wrap: anywhere; }
.rl-alert-error { background: rgba(255, 43, 43, .12); border: 1px solid rgba(255, 43, 43, .35); }
.rl-alert-warning { background: rgba(255, 170, 0, .12); border: 1px solid rgba(255, 170, 0, .35); }
.rl-alert-info { background: rgba(28, 131, 225, .10); border: 1px solid rgba(28, 131, 225, .30); }
.rl-side { font-size: .9rem; line-height: 1.45; overflow-wrap: anywhere; }
.rl-side b { font-weight: 600; }
/* Model pickers: whole names, wrapped ("Meta-Llama-3.1-70…" and "…-405…" could not be told apart). */
[data-testid="stMultiSelectTagsContainer"] [data-tag] { max-width: 100% !important; height: auto !important; }
[data-testid="stMultiSelectTagsContainer"] [data-tag] > span[title] { max-width: none !important;
  white-space: normal !important; overflow-wrap: anywhere; text-overflow: clip !important; }
"""


def html(markup: str) -> None:
    """Render markup built by lib.views.html or this module (user text inside is already escaped)."""
    st.html(markup)


def inject_css() -> None:
    """One stylesheet for every page; style-only st.html goes to the event container, no space."""
    st.html(f"<style>{DIFF_CSS}{APP_CSS}</style>")


def table_height(rows: int, max_rows: int = 20) -> int:
    """Pixel height that shows every row up to `max_rows` (then the table scrolls): Streamlit's
    default stops at ten rows, which hides the 16 runs of the bundled sample behind a scrollbar."""
    return 38 + 35 * max(1, min(rows, max_rows))


def alert(text: str, kind: str = "error") -> None:
    """An error/warning/info box for untrusted text (file names, cell text) — escaped, no markdown."""
    # A word, not an emoji: emoji need a colour-emoji font that many machines lack (empty boxes).
    label = {"error": "Error", "warning": "Note", "info": "Info"}[kind]
    html(f'<div class="rl-alert rl-alert-{kind}" role="alert"><b>{label}:</b> {esc(text)}</div>')


def role_doubts(analysis) -> None:
    """Say it when the numbers below are probably measuring the wrong columns (never silently wrong)."""
    from lib.analysis.checks import role_doubts as doubts

    for doubt in doubts(analysis):
        alert(doubt[0].upper() + doubt[1:], "warning")


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
            f"{count(r.rows, 'answer')} · {count(r.samples, 'sample')} · {count(len(r.models), 'model')}"
            + (f"<br>{count(len(r.warnings), 'warning')} (see Load)" if r.warnings else "")
            + "</div>"
        )


# Model runs offered for comparison: every page draws per chosen run (cards, chart rows).
MAX_MODEL_CHOICES = 200


def model_selector(dataset: Dataset, *, label: str = "Models to compare", where=st) -> list[str]:
    """The shared model selection: one key on every page, kept across pages and in the URL."""
    every = _state.all_models(dataset)
    models = every[:MAX_MODEL_CHOICES]  # 100,000 runs of one model as choices stalled the browser
    valid = set(models)
    _url.restore_models(valid)
    sha = _state.current_source().sha
    if st.session_state.get(K.MODELS_FOR) != sha:  # another dataset: start from all its models
        if st.session_state.get(K.MODELS_FOR) is not None:
            st.session_state[K.MODELS] = None
        st.session_state[K.MODELS_FOR] = sha
    current = st.session_state.get(K.MODELS)
    if current is None:
        st.session_state[K.MODELS] = models  # all by default
    elif any(m not in valid for m in current):
        kept = [m for m in current if m in valid]  # re-read with other roles: keep what still exists
        st.session_state[K.MODELS] = kept if kept or not current else models
    chosen = where.multiselect(
        label, models, placeholder="Choose models (all are selected by default)", **shared(K.MODELS),
    )
    if len(every) > len(models):
        where.caption(f"{len(every):,} model runs: the first {len(models):,} can be chosen and compared "
                      "(the Models table lists more).")
    cols = where.columns(2)
    cols[0].button("Select all", key=K.MODELS_ALL, on_click=_select_models, args=(models,), width="stretch")
    cols[1].button("Clear", key=K.MODELS_NONE, on_click=_select_models, args=([],), width="stretch")
    _url.write_list_to_url(K.MODELS, chosen if chosen != models else [])
    return chosen


def _select_models(models: list[str]) -> None:
    st.session_state[K.MODELS] = list(models)


def diff_option_controls(where=st) -> None:
    """Granularity and ignore switches (shared keys so every page diffs the same way), in one
    column: the switches sit in a popover whose label says what is ignored, so the row above the
    cards stays one row high."""
    _url.restore_from_url(K.UNIT, ["word", "char"])
    st.session_state.setdefault(K.UNIT, "word")
    _url.restore_ignore()
    on = [name for name, key in (("case", K.IGNORE_CASE), ("whitespace", K.IGNORE_WHITESPACE),
                                 ("punctuation", K.IGNORE_PUNCTUATION)) if st.session_state.get(key)]
    cols = where.columns([1, 1], vertical_alignment="bottom")
    cols[0].segmented_control(
        "Granularity", ["word", "char"], required=True, **shared(K.UNIT),
        help="word: words, spaces and punctuation (each Chinese character is its own token); char: characters.",
    )
    _url.write_to_url(K.UNIT, st.session_state.get(K.UNIT), "word")
    box = cols[1].popover("Ignore: " + (", ".join(on) if on else "nothing"), width="stretch")
    box.toggle("Ignore case", **shared(K.IGNORE_CASE, False))
    box.toggle("Ignore whitespace", **shared(K.IGNORE_WHITESPACE, False))
    box.toggle(
        "Ignore punctuation", **shared(K.IGNORE_PUNCTUATION, False),
        help="Also treats full-width and half-width marks, and -- and —, as the same.",
    )
    _url.write_ignore()


def shared(key: str, default: object = None) -> dict:
    """Widget kwargs for a value that lives in st.session_state[key] on every page.

    A widget's own state belongs to the page that drew it; a choice the user expects to follow
    them (models, granularity) is kept under a plain key and copied into the widget each run.
    """
    if key not in st.session_state and default is not None:
        st.session_state[key] = default
    widget_key = f"{K.WIDGET_PREFIX}{key}"
    st.session_state[widget_key] = st.session_state.get(key)
    return {"key": widget_key, "on_change": _copy_back, "args": (widget_key, key)}


def _copy_back(widget_key: str, key: str) -> None:
    st.session_state[key] = st.session_state[widget_key]


def app_shell() -> None:
    """What every page shows around itself: the stylesheet and the sidebar summary of the data."""
    from pages import _restore  # imports this module

    inject_css()
    _restore.restore()  # a refreshed tab gets its upload back, or is told why not
    _state.ensure_dataset()
    _restore.keep_url_in_step()
    sidebar_summary(_state.current_dataset())


def page_start() -> None:
    """First line of every page: make sure it runs inside app.py's shell (see _state)."""
    _state.require_app_entry(app_shell)


def pick_row(table, shown_columns: list[str], *, key: str, rows: int, column_config: dict):
    """A table the user picks one row of: (that row, or the first until they pick; the position
    picked, None before). `table` may carry more columns than are shown (an example's context)."""
    event = st.dataframe(
        table[shown_columns], hide_index=True, width="stretch", height=table_height(len(table), rows),
        on_select="rerun", selection_mode="single-row", key=key, column_config=column_config,
    )
    picked = event.selection.rows if event is not None else []
    return (table.iloc[picked[0]] if picked else table.iloc[0]), (picked[0] if picked else None)


def example_card(row, label: str) -> None:
    """One example edit in context, under the table it was picked from."""
    html(f'<div class="rl-card"><b>{esc(row["model"])}</b> · sample {esc(row["sample_id"])} · {esc(label)}<br>'
         f'{snippet_html(row["before"], row["removed"], row["added"], row["after"])}</div>')
