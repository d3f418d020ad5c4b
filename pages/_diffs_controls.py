"""The Diffs page's controls over the cards: view, baseline and card order; the place picked in
the variants view and its buttons (N/P/Esc); the card filters; which page of cards. Each choice
is kept in the URL so a link reopens it."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from lib.analysis.baseline import base_label, model_base
from lib.analysis.variants import Variants
from lib.name.flags import FLAGS
from lib.views.card_filter import CardFilter
from lib.views.cards import PAGE_VIEWS, SORTS, VARIANTS_MIN_ANSWERS, VIEWS, count_cards, default_view
from lib.views.overview import describe_code
from lib.views.variants import place_label
from pages import _keys as K
from pages import _analysis, _state
from pages._url import restore_from_url, write_list_to_url, write_to_url
from pages._widgets import diff_option_controls

# Cards drawn at once: 200 models × 1,000 characters in one page would stall the browser.
CARDS_PER_PAGE = 24


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
    cols = st.columns([3.4, 2, 2, 3.6])
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
    diff_option_controls(cols[3])  # the same row: the first card stays above the fold
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


def on_pick(place: int | None, reading: int | None) -> None:
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


def place_buttons(variants: Variants):
    """Keyboard and button access to the places: P/N step, Escape shows every card again.
    Returns the column left in the same row for the card filters (None when there are no places)."""
    if not variants.places:
        return None
    n = len(variants.places)
    cols = st.columns([2, 2, 2, 2, 4], vertical_alignment="center")
    cols[0].button("← Previous place", key=K.PLACE_PREV, on_click=_step_place, args=(n, -1), shortcut="P",
                   help="Show the cards of the previous place (P)", width="stretch")
    cols[1].button("Next place →", key=K.PLACE_NEXT, on_click=_step_place, args=(n, 1), shortcut="N",
                   help="Show the cards of the next place (N)", width="stretch")
    picked = st.session_state.get(K.PLACE)
    cols[2].button("Show all cards", key=K.PLACE_CLEAR, on_click=on_pick, args=(None, None), shortcut="Escape",
                   disabled=picked is None, help="Undo the place filter (Esc)", width="stretch")
    if picked is not None and picked < n:
        cols[4].caption(f"Place {place_label(variants, picked)}: its cards. Arrow keys move, Enter picks.")
    else:
        cols[4].caption(f"{n} places. Click one or a reading (or Tab, Enter) for its cards; N / P step.")
    return cols[3]


# Card filters: session key → URL parameter (lists repeat the parameter: code=M:DET&code=R:SPELL).
FILTER_PARAMS = {K.HIDE_EXACT: "hide_exact", K.CARD_FLAGS: "flag", K.CARD_CODES: "code", K.CARD_MODEL: "model_filter"}


def card_filters(variants: Variants | None, place: int | None, reading: int | None, analysis,
                 where=None) -> CardFilter:
    """The card filters (each choice in the URL) plus the place picked in the variants; in a
    popover in `where` (the place buttons' row, so the first card stays above the fold) or, with
    no such row, in an expander over the cards."""
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
    active = sum(bool(state.get(k)) for k in FILTER_PARAMS)
    if where is not None:
        box = where.popover("Filter the cards" + (f" ({active} on)" if active else ""), width="stretch")
        cols = [box] * 4
    else:
        box = st.expander("Filter the cards", expanded=bool(active))
        cols = box.columns([2, 3, 3, 3], vertical_alignment="bottom")
    with box:
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

