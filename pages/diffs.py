"""Diffs page: one sample, the reference once, then every chosen model's answer as a colored diff."""
from __future__ import annotations

import hashlib
import re
from dataclasses import replace
from urllib.parse import urlencode, urlsplit, urlunsplit

import pandas as pd
import streamlit as st

from lib.analysis.baseline import base_label, model_base
from lib.analysis.variants import Variants, find_variants
from lib.name.flags import FLAGS
from lib.views.card_filter import CardFilter
from lib.views.cards import (
    PAGE_VIEWS, SORTS, VARIANTS_MIN_ANSWERS, VIEWS, SampleView, compare_rows, count_cards, default_view, sample_top,
    sample_view,
    variant_answers,
)
from lib.views.overview import describe_code
from lib.views.report import render_report
from lib.views.sample_picker import SAMPLE_ORDERS, neighbour, order_samples, sample_index, search_samples
from lib.views.variants import place_label, variants_html
from pages import _analysis, _state
from pages._scores import current_scores
from pages._places import variants_block
from pages import _keys as K
from pages._url import restore_from_url, write_list_to_url, write_to_url
from lib.views.html import count, esc
from pages._widgets import alert, diff_option_controls, html, model_selector, page_start

# A selectbox with tens of thousands of options is slow in the browser; search narrows it down.
MAX_LISTED_SAMPLES = 1_000
# Cards drawn at once: 200 models × 1,000 characters in one page would stall the browser.
CARDS_PER_PAGE = 24
# Up to this many samples the page offers one HTML file of all of them (a few seconds to build);
# beyond it, the command line does it.
MAX_REPORT_SAMPLES = 300


@st.cache_resource(show_spinner=False, max_entries=8)
def _sample_index(key: tuple, _dataset) -> object:
    return sample_index(_dataset.frame)


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


def card_page(total: int) -> int:
    """Which slice of the cards to draw when there are more than CARDS_PER_PAGE; returns the start."""
    if total <= CARDS_PER_PAGE:
        return 0
    starts = list(range(0, total, CARDS_PER_PAGE))
    start = st.selectbox(
        f"{total:,} cards: showing", starts, key=K.CARD_PAGE,
        format_func=lambda s: f"cards {s + 1}–{min(s + CARDS_PER_PAGE, total)} of {total:,}",
    )
    return start if start in starts else 0


def _step(ids: list[str], step: int) -> None:
    current = st.session_state.get(K.SAMPLE)
    target = neighbour(ids, current, step)
    if target is not None:
        st.session_state[K.SAMPLE] = target
        if current in ids and len(ids) > 1 and not 0 <= ids.index(current) + step < len(ids):
            st.toast("Back at the first sample" if step > 0 else "At the last sample", icon=":material/replay:")


@st.cache_resource(show_spinner="Ordering the samples…", max_entries=16)
def _ordered_ids(key: tuple, models: tuple[str, ...], order: str, _dataset, _analysis) -> list[str]:
    return order_samples(_dataset.frame, _analysis, list(models), order)


def pick_sample(ids_all: list[str], index, chosen: list[str]) -> str | None:
    cols = st.columns([3, 1], vertical_alignment="bottom")
    query = cols[0].text_input("Find a sample", key=K.SAMPLE_SEARCH, placeholder="id or any text in it",
                               persist_state="session")
    restore_from_url(K.SAMPLE_ORDER, list(SAMPLE_ORDERS))
    order = cols[1].selectbox("Order of the samples", list(SAMPLE_ORDERS), key=K.SAMPLE_ORDER,
                              format_func=SAMPLE_ORDERS.get,
                              help="Most disagreement: the samples whose chosen answers differ most from each "
                                   "other first. Worst answer: the samples with the least similar answer first.")
    write_to_url(K.SAMPLE_ORDER, order, "file")
    if order != "file" and chosen:
        ids_all = _ordered_ids(_state.current_source().key, tuple(chosen), order, _state.current_dataset(),
                               _state.current_analysis())
    if query.strip():
        found = set(search_samples(index, query))
        ids = [s for s in ids_all if s in found]
    else:
        ids = ids_all
    if not ids:
        st.info("No sample matches that search.")
        return None
    restore_from_url(K.SAMPLE, ids_all)
    current = st.session_state.get(K.SAMPLE)
    listed = ids[:MAX_LISTED_SAMPLES]
    if current in ids and current not in listed:
        listed.append(current)
    if current not in listed:
        st.session_state[K.SAMPLE] = listed[0]
    labels = dict(zip(index["sample_id"], index["label"]))
    cols = st.columns([8, 1, 1], vertical_alignment="bottom")
    position = ids.index(current) + 1 if current in ids else 1
    matching = f" ({len(ids):,} of {len(ids_all):,} match the search)" if query.strip() else ""
    sample = cols[0].selectbox(
        f"Sample {position:,} of {len(ids):,}{matching}", listed, key=K.SAMPLE, persist_state="session",
        format_func=lambda s: labels.get(s, s),
    )
    write_to_url(K.SAMPLE, sample, None)
    cols[1].button("← Prev", key=K.PREV, on_click=_step, args=(ids, -1), shortcut="K", help="Previous sample (K)",
                   width="stretch")
    cols[2].button("Next →", key=K.NEXT, on_click=_step, args=(ids, 1), shortcut="J", help="Next sample (J)",
                   width="stretch")
    if len(ids) > len(listed):
        st.caption(f"Listing the first {MAX_LISTED_SAMPLES:,} matches; search to narrow them down.")
    return sample


def _step_example(steps: list, step: int) -> None:
    at = (st.session_state.get(K.EXAMPLE_AT, 0) + step) % len(steps)
    st.session_state[K.EXAMPLE_AT] = at
    sample_id, model, _ = steps[at]
    st.session_state[K.SAMPLE] = sample_id
    st.session_state[K.SAMPLE_SEARCH] = ""
    chosen = st.session_state.get(K.MODELS)
    if chosen is not None and model not in chosen:
        st.session_state[K.MODELS] = [*chosen, model]


def example_bar(sample: str | None) -> str | None:
    """Examples opened from a Categories chart click: which one this is, previous/next example.
    Returns the model whose card to bring first and highlight (None when not on its sample)."""
    steps = st.session_state.get(K.EXAMPLE_STEPS)
    if not steps:
        return None
    at = st.session_state.get(K.EXAMPLE_AT, 0) % len(steps)
    sample_id, model, category = steps[at]
    cols = st.columns([6, 2, 2, 1], vertical_alignment="center")
    with cols[0]:
        html(f'<div class="rl-legend">Example <b>{at + 1:,} of {len(steps):,}</b> from the Categories page: '
             f"<b>{esc(model)}</b> · sample {esc(sample_id)}" + (f" · {esc(category)}" if category else "")
             + " (its card comes first, outlined)</div>")
    cols[1].button("← Previous example", key=K.EXAMPLE_PREV, on_click=_step_example, args=(steps, -1),
                   disabled=len(steps) < 2, width="stretch")
    cols[2].button("Next example →", key=K.EXAMPLE_NEXT, on_click=_step_example, args=(steps, 1),
                   disabled=len(steps) < 2, width="stretch")
    cols[3].button("Done", key=K.EXAMPLE_DONE, on_click=st.session_state.pop, args=(K.EXAMPLE_STEPS, None),
                   help="Stop stepping through the examples", width="stretch")
    return model if sample == sample_id else None


def link_mismatch(name: str, ids: list[str], models: list[str]) -> None:
    """A shared link opened where other data is loaded: say so, instead of silently showing
    something else (the link's view is restored once the right file is loaded)."""
    if st.session_state.get(K.LINK_CHECKED):
        return
    st.session_state[K.LINK_CHECKED] = True
    wanted = (st.query_params.get("data") or "")[:120]  # from the URL: anyone's text, kept short
    sample = st.query_params.get("sample")
    missing = [m for m in st.query_params.get_all("models") if m not in set(models)]
    if (wanted and wanted != name) or (sample and sample not in set(ids)) or missing:
        made_on = f"was made on {wanted}" if wanted and wanted != name else "names samples or models"
        st.session_state[K.LINK_NOTE] = _state.current_source().sha, (
            f"This link {made_on}, but the loaded data is {name}"
            + (f" (no sample {_short(sample)!r})" if sample and sample not in set(ids) else "")
            + (f" (no model {_short(missing[0])!r})" if missing else "")
            + ". Load that file on the Load page to see the linked view.")


def _short(text: str, most: int = 80) -> str:
    """A URL value echoed in a message: anyone's text, of any length (a 5,000-character sample=)."""
    return text if len(text) <= most else f"{text[:most]}… ({len(text):,} characters)"


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


def view_controls(dataset, sample: str, chosen: list[str]) -> tuple[str, str, str]:
    """View, card order and baseline pickers (each in the URL); returns (view, sort, base)."""
    seen = st.session_state.setdefault(K.URL_RESTORED, set())
    if "view" not in seen and st.query_params.get("view") == "source":
        # Links from before the baseline picker: "what the model changed" is inline vs the source.
        st.query_params["view"] = "inline"
        st.query_params["base"] = "source"
    answers = count_cards(dataset, sample, chosen)
    default = default_view(answers)
    restore_from_url(K.VIEW, list(PAGE_VIEWS))
    if "view" in st.query_params and st.session_state.get(K.VIEW) in PAGE_VIEWS:
        st.session_state[K.VIEW_CHOSEN] = True
    if not st.session_state.get(K.VIEW_CHOSEN) or st.session_state.get(K.VIEW) not in PAGE_VIEWS:
        st.session_state[K.VIEW] = default  # until the reader picks one, each sample opens on its default
    bases = ["reference"] + (["source"] if dataset.has_source else []) + [model_base(m) for m in chosen]
    restore_from_url(K.BASE, bases)
    if st.session_state.get(K.BASE) not in bases:
        st.session_state[K.BASE] = "reference"
    cols = st.columns([3, 2, 2])
    view = cols[0].segmented_control(
        "View", list(PAGE_VIEWS), key=K.VIEW, required=True, format_func=VIEWS.get,
        on_change=st.session_state.__setitem__, args=(K.VIEW_CHOSEN, True),
        help="Variants: the baseline once, every place where answers differ with its readings, identical "
             f"answers as one card (the default from {VARIANTS_MIN_ANSWERS} answers on).",
    )
    write_to_url(K.VIEW, view, default)
    base = cols[1].selectbox("Compare against", bases, key=K.BASE, format_func=base_label,
                             help="The baseline of every diff: the reference, the source, or any model's answer. "
                                  "Exact match, edit codes and flags always refer to the reference.")
    write_to_url(K.BASE, base, "reference")
    restore_from_url(K.SORT, list(SORTS))
    sort = cols[2].selectbox("Order of the cards", list(SORTS), key=K.SORT, format_func=SORTS.get,
                             persist_state="session")
    write_to_url(K.SORT, sort, "file")
    return view, sort, base


def current_pick(variants: Variants | None, context: tuple) -> tuple[int | None, int | None]:
    """The place (and reading) picked in the variants view, 0-based; reset when what is compared
    changes, restored once from the link (place=4&reading=1, 1-based there)."""
    state = st.session_state
    if variants is None:
        return None, None
    seen = state.setdefault(K.URL_RESTORED, set())
    if K.PLACE not in seen:
        seen.add(K.PLACE)
        state[K.PICK_FOR] = context
        place, reading = _int_param(K.PLACE), _int_param(K.READING)
        if place is not None and 1 <= place <= len(variants.places):
            state[K.PLACE] = place - 1
            readings = variants.places[place - 1].readings
            state[K.READING] = reading - 1 if reading is not None and 1 <= reading <= len(readings) else None
    if state.get(K.PICK_FOR) != context:
        state[K.PICK_FOR] = context
        state[K.PLACE] = state[K.READING] = None
    place, reading = state.get(K.PLACE), state.get(K.READING)
    if place is None or not 0 <= place < len(variants.places):
        place = reading = None
    elif reading is not None and not 0 <= reading < len(variants.places[place].readings):
        reading = None
    write_to_url(K.PLACE, None if place is None else str(place + 1), None)
    write_to_url(K.READING, None if reading is None else str(reading + 1), None)
    return place, reading


def _int_param(name: str) -> int | None:
    value = st.query_params.get(name)
    return int(value) if value is not None and value.isdigit() else None


def _on_pick(place: int | None, reading: int | None) -> None:
    """A click on a place or reading; clicking the current pick again shows every card."""
    state = st.session_state
    if (place, reading) == (state.get(K.PLACE), state.get(K.READING)):
        place = reading = None
    state[K.PLACE], state[K.READING] = place, reading


def _step_place(count_places: int, step: int) -> None:
    place = st.session_state.get(K.PLACE)
    if place is None:
        place = 0 if step > 0 else count_places - 1
    else:
        place = (place + step) % count_places
    st.session_state[K.PLACE], st.session_state[K.READING] = place, None


def place_buttons(variants: Variants) -> None:
    """Keyboard and button access to the places: P/N step, Escape shows every card again."""
    if not variants.places:
        return
    n = len(variants.places)
    cols = st.columns([2, 2, 2, 5], vertical_alignment="center")
    cols[0].button("← Previous place", key=K.PLACE_PREV, on_click=_step_place, args=(n, -1), shortcut="P",
                   help="Show the cards of the previous place (P)", width="stretch")
    cols[1].button("Next place →", key=K.PLACE_NEXT, on_click=_step_place, args=(n, 1), shortcut="N",
                   help="Show the cards of the next place (N)", width="stretch")
    picked = st.session_state.get(K.PLACE)
    cols[2].button("Show all cards", key=K.PLACE_CLEAR, on_click=_on_pick, args=(None, None), shortcut="Escape",
                   disabled=picked is None, help="Undo the place filter (Esc)", width="stretch")
    if picked is not None and picked < n:
        cols[3].caption(f"Place {place_label(variants, picked)}: cards of the answers that differ there. "
                        "Arrow keys move between places, Enter picks.")
    else:
        cols[3].caption(f"{n} places. Click one (or Tab to it and press Enter) to see only its answers; "
                        "N / P step place by place.")


# Card filters: session key → URL parameter (lists repeat the parameter: code=M:DET&code=R:SPELL).
FILTER_PARAMS = {K.HIDE_EXACT: "hide_exact", K.CARD_FLAGS: "flag", K.CARD_CODES: "code", K.CARD_MODEL: "model_filter"}


def card_filters(variants: Variants | None, place: int | None, reading: int | None, analysis) -> CardFilter:
    """The filter row over the cards (each choice in the URL) plus the place picked in the variants."""
    state = st.session_state
    if _analysis.finished(_state.current_source()) is not None:
        edits, _, _ = _state.current_tables()
        codes = edits["code"].value_counts().index.tolist()  # every code of the file, most frequent first
    else:  # the whole file is still being analysed (never waited for here): this sample's codes meanwhile
        codes = pd.Series([e.code for edits in analysis["edit_list"] for e in edits],
                          dtype=object).value_counts().index.tolist()
    flags = ["any"] + [f for f in FLAGS if f != "exact"]
    seen = state.setdefault(K.URL_RESTORED, set())
    if "card_filters" not in seen:  # the four filter parameters, once a session
        seen.add("card_filters")
        state[K.HIDE_EXACT] = st.query_params.get("hide_exact") == "1"
        state[K.CARD_FLAGS] = [f for f in st.query_params.get_all("flag") if f in flags]
        state[K.CARD_CODES] = [c for c in st.query_params.get_all("code") if c in codes]
        state[K.CARD_MODEL] = (st.query_params.get("model_filter") or "")[:100]
    state[K.CARD_CODES] = [c for c in state.get(K.CARD_CODES, []) if c in codes]
    with st.expander("Filter the cards", expanded=any(state.get(k) for k in FILTER_PARAMS)):
        cols = st.columns([2, 3, 3, 3], vertical_alignment="bottom")
        hide = cols[0].toggle("Hide exact answers", key=K.HIDE_EXACT)
        chosen_flags = cols[1].multiselect(
            "Only answers with a flag", flags, key=K.CARD_FLAGS, placeholder="any answer",
            format_func=lambda f: "any flag" if f == "any" else f.replace("_", " "),
            help="; ".join(f"{f.replace('_', ' ')}: {d}" for f, d in FLAGS.items() if f != "exact"))
        chosen_codes = cols[2].multiselect(
            "Only answers with an edit", codes, key=K.CARD_CODES, placeholder="any edit code",
            help="Exact codes (typing WO finds word order only). " + "; ".join(
                f"{c}: {describe_code(c)}" for c in codes[:30]))
        model_text = cols[3].text_input("Model name contains", key=K.CARD_MODEL, max_chars=100,
                                        placeholder="e.g. llama")
    write_to_url("hide_exact", "1" if hide else None, None)
    write_list_to_url("flag", chosen_flags)
    write_list_to_url("code", chosen_codes)
    write_to_url("model_filter", model_text.strip() or None, None)
    picked = None if variants is None or place is None else variants.models_at(place, reading)
    why = ""
    if picked is not None:
        why = (f"the reading {reading + 1} of place {place + 1}" if reading is not None
               else f"the answers that differ at place {place + 1}")
    return CardFilter(hide_exact=hide, flags=tuple(chosen_flags), codes=tuple(chosen_codes), model_text=model_text,
                      models=picked, models_why=why)


page_start()
st.title("Diffs")
note_slot = st.empty()
dataset = _state.current_dataset()
source = _state.current_source()
if source.sha == _bundled_sha():
    # First open: say what this is and what is on screen, so a newcomer knows what to do next.
    html('<div class="rl-legend">Redline shows how LLM answers differ from the reference answer. The bundled '
         f"sample is loaded: one proofreading task answered by {count(len(dataset.frame), 'model run')}. "
         "Load your own file on the Load data page.</div>")
models_all = _state.all_models(dataset)
with st.sidebar:
    chosen = model_selector(dataset)

index = _sample_index(source.key, dataset)
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
diff_option_controls()
options = _state.diff_options()
key = (source, options)
variants = compared = None
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
    variants_block(markup, hashlib.md5(markup.encode()).hexdigest()[:12], K.VARIANTS_BLOCK, _on_pick)
    place_buttons(variants)
filters = card_filters(variants, place, reading, analysis)
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

# In the sidebar, where they can be found without scrolling past every card (drawn last: the
# downloads take the view, baseline and filters chosen above).
link = share_link(sample, chosen, view, models_all, dataset.report.name)
with st.sidebar:
    st.divider()
    st.caption("Link to this view (copy with the button at the right of the box):")
    st.code(link, language=None, wrap_lines=True)
    st.download_button(
        "Download this view (HTML)",
        # Built only when clicked: the page itself never pays for the export.
        data=lambda: render_report(dataset, analysis, sample_ids=[sample], models=chosen, options=options, view=view,
                                   sort=sort, base=base, filters=filters, scores=scores),
        on_click="ignore", file_name=f"redline-sample-{safe_file_part(sample)}.html", mime="text/html",
        help="One self-contained file: inline CSS, no scripts, no external requests.", width="stretch",
    )
    if len(ids_all) <= MAX_REPORT_SAMPLES:
        # A picked place belongs to this sample only; the other filters apply to every sample.
        every_filters = replace(filters, models=None, models_why="")
        st.download_button(
            "Download every sample (HTML)",
            data=lambda: render_report(dataset, _analysis.whole_now(source, dataset), sample_ids=None, models=chosen,
                                       options=options, view=view, sort=sort, base=base, filters=every_filters,
                                       scores=scores),
            on_click="ignore", file_name=f"redline-{safe_file_part(dataset.report.name)}.html", mime="text/html",
            help=f"All {len(ids_all):,} samples with the chosen models, view and options, in one self-contained file.",
            key=K.DOWNLOAD_ALL, width="stretch",
        )
    else:
        st.caption(f"All {len(ids_all):,} samples in one file: `python -m lib report FILE -o report.html` "
                   "(too large to build in the page).")
