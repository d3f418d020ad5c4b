"""Diffs page: one sample, the reference once, then every chosen model's answer as a colored diff.

Its controls live beside it: _diffs_samples (the sample bar), _diffs_controls (view, baseline,
places, filters), _diffs_share (link and downloads); this script reads them and renders."""
from __future__ import annotations

import hashlib

import streamlit as st

from lib.analysis.variants import Variants, find_variants
from lib.views.card_filter import CardFilter
from lib.views.cards import SampleView, compare_rows, sample_top, sample_view, variant_answers
from lib.views.html import count
from lib.views.variants import variants_html
from pages import _keys as K
from pages import _analysis, _state
from pages._diffs_controls import (
    CARDS_PER_PAGE, card_filters, card_page, current_pick, on_pick, place_buttons, view_controls,
)
from pages._diffs_samples import cached_sample_index, example_bar, link_mismatch, pick_sample
from pages._diffs_share import share_sidebar
from pages._places import variants_block
from pages._scores import current_scores
from pages._widgets import alert, html, model_selector, page_start


@st.cache_data(show_spinner="Aligning the answers…", max_entries=256)
def _sample_view(key: tuple, sample_id: str, models: tuple[str, ...], view: str, sort: str, start: int, base: str,
                 filters: CardFilter, focus: str | None, _dataset, _analysis, _scores=None) -> SampleView:
    """One page of cards; `key` (source + diff options) stands for the unhashed data."""
    variants = None
    if view == "variants":
        baseline, _, rows = compare_rows(_dataset, sample_id, list(models), base)
        variants = _variants(baseline.text, variant_answers(rows), key[1])
    return sample_view(_dataset, _analysis, sample_id, list(models), options=key[1], view=view, sort=sort,
                       start=start, limit=CARDS_PER_PAGE, base=base, filters=filters, variants=variants, focus=focus,
                       scores=_scores)


@st.cache_data(show_spinner="Lining up the answers…", max_entries=256)
def _variants(base_text: str, answers: tuple[tuple[str, str], ...], options) -> Variants:
    return find_variants(base_text, answers, options)


@st.cache_resource(show_spinner=False)
def _bundled_sha() -> str:
    return _state.content_hash(_state.SAMPLE_PATH.read_bytes())


page_start()
st.title("Diffs")
note_slot = st.empty()
dataset = _state.current_dataset()
source = _state.current_source()
if source.sha == _bundled_sha():
    # First open: say what this is and what is on screen, so a newcomer knows what to do next.
    html('<div class="rl-legend">Redline shows how LLM answers differ from the reference answer. The bundled '
         f"sample is loaded: one proofreading task, {count(len(dataset.frame), 'model run')}. "
         "Load your own on the Load data page.</div>")
models_all = _state.all_models(dataset)
with st.sidebar:
    chosen = model_selector(dataset)

index = cached_sample_index(source.key, dataset)
ids_all = index["sample_id"].tolist()
link_mismatch(dataset.report.name, ids_all, models_all)
sample = pick_sample(ids_all, index, chosen)
focus = example_bar(sample)
note = st.session_state.get(K.LINK_NOTE)
if note and note[0] == source.sha:  # shown while the data the link did not find is loaded
    with note_slot.container():
        cols = st.columns([8, 1], vertical_alignment="center")
        with cols[0]:
            alert(note[1], "warning")
        cols[1].button("Dismiss", key=K.DISMISS_LINK_NOTE, on_click=st.session_state.pop, args=(K.LINK_NOTE, None))

if sample is None:
    st.stop()
if not chosen:
    st.info("No model is selected. Choose models in the sidebar (or on the Models page).")
    st.stop()

# This sample's answers only: the first diff never waits for the rest of the file, whose analysis
# (for the Models and Categories pages) starts below, after the cards are drawn.
analysis = _analysis.for_sample(source, dataset, sample)
view, sort, base = view_controls(dataset, sample, chosen)
options = _state.diff_options()
key = (source, options)
variants = compared = filter_slot = None
if view == "variants":
    baseline, _, compared = compare_rows(dataset, sample, chosen, base)
    variants = _variants(baseline.text, variant_answers(compared), options)
place, reading = current_pick(variants, (sample, base, tuple(chosen), options))
scores = current_scores()
top = sample_top(dataset, sample, base, view, scores)
if top:
    html(top)
if variants is not None and compared is not None and len(compared):
    markup = variants_html(variants, baseline.name, place, reading)
    variants_block(markup, hashlib.md5(markup.encode()).hexdigest()[:12], K.VARIANTS_BLOCK, on_pick)
    filter_slot = place_buttons(variants)
filters = card_filters(variants, place, reading, analysis, filter_slot)
if scores is not None and not (base == "source" and view == "inline"):
    st.caption("Each card shows its proofreading score (P, R, F0.5 against the source). Choose view Inline and "
               "compare against the source to see each change marked fixed, wrong fix, over-correction or missed.")
total = _sample_view(key, sample, tuple(chosen), view, sort, 0, base, filters, focus, dataset, analysis, scores).total
start = card_page(total)
sv = _sample_view(key, sample, tuple(chosen), view, sort, start, base, filters, focus, dataset, analysis, scores)
html(sv.overview + sv.legend + "".join(sv.cards)
     + ("" if sv.cards else '<div class="rl-note">No card matches the filters.</div>' if sv.answers
        else '<div class="rl-note">No answers from the chosen models for this sample.</div>'))

_analysis.note_progress(source, dataset)

share_sidebar(source, dataset, analysis, scores, len(ids_all), sample, chosen, models_all, options, view, sort, base,
              filters)
