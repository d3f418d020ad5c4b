"""The Diffs page's sample bar: find and order the samples, pick one, step through them (J/K),
step through the examples a Categories chart click opened, and say when a shared link names
data that is not loaded."""
from __future__ import annotations

import streamlit as st

from lib.views.html import esc
from lib.views.sample_picker import SAMPLE_ORDERS, neighbour, order_samples, sample_index, search_samples
from pages import _keys as K
from pages import _state
from pages._url import restore_from_url, write_to_url
from pages._widgets import html

# A selectbox with tens of thousands of options is slow in the browser; search narrows it down.
MAX_LISTED_SAMPLES = 1_000


@st.cache_resource(show_spinner=False, max_entries=8)
def cached_sample_index(key: tuple, _dataset) -> object:
    return sample_index(_dataset.frame)


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


def follow_back_and_forward(ids_all: list[str]) -> None:
    """Browser Back/Forward steps through the samples: Streamlit pushes a history entry whenever
    the URL changes and, on Back, reruns with that entry's URL. A `sample` there that is not the
    one this page last wrote came from the history (the widget itself is not bound to the URL:
    that would put its long label in the link, not the id)."""
    wanted, written = st.query_params.get(K.SAMPLE), st.session_state.get(K.SAMPLE_IN_URL)
    if wanted is None or written is None or wanted == written or wanted not in ids_all:
        return
    st.session_state[K.SAMPLE] = wanted
    st.session_state[K.SAMPLE_SEARCH] = ""  # a search would hide it


def pick_sample(ids_all: list[str], index, chosen: list[str]) -> str | None:
    follow_back_and_forward(ids_all)
    # One row (sample, prev/next, search, order): the first card stays above a 1000 px fold.
    row = st.columns([5, 1.3, 1.3, 2.6, 2.6], vertical_alignment="bottom")
    cols = row[3:]
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
    cols = row[:3]
    position = ids.index(current) + 1 if current in ids else 1
    matching = f" ({len(ids):,} of {len(ids_all):,} match the search)" if query.strip() else ""
    sample = cols[0].selectbox(
        f"Sample {position:,} of {len(ids):,}{matching}", listed, key=K.SAMPLE, persist_state="session",
        format_func=lambda s: labels.get(s, s),
    )
    write_to_url(K.SAMPLE, sample, None)
    st.session_state[K.SAMPLE_IN_URL] = sample
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
