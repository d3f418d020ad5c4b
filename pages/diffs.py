"""Diffs page: one sample, the reference once, then every chosen model's answer as a colored diff."""
from __future__ import annotations

import re
from urllib.parse import urlencode, urlsplit, urlunsplit

import streamlit as st
from pages import _keys as K

from lib.views.cards import SORTS, VIEWS, count_cards, render_sample
from lib.views.report import render_report
from lib.views.sample_picker import neighbour, sample_index, search_samples
from pages import _state
from pages._url import restore_from_url, write_to_url
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
def _sample_html(key: tuple, sample_id: str, models: tuple[str, ...], view: str, sort: str, start: int,
                 _dataset, _analysis) -> str:
    """Rendered cards for one view; `key` (source + diff options) stands for the unhashed data."""
    return render_sample(_dataset, _analysis, sample_id, list(models), options=key[1], view=view, sort=sort,
                         start=start, limit=CARDS_PER_PAGE)


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


def pick_sample(ids_all: list[str], index) -> str | None:
    query = st.text_input("Find a sample", key=K.SAMPLE_SEARCH, placeholder="id or any text in it",
                          persist_state="session")
    ids = search_samples(index, query) if query.strip() else ids_all
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
            + (f" (no sample {sample!r})" if sample and sample not in set(ids) else "")
            + (f" (no model {missing[0]!r})" if missing else "")
            + ". Load that file on the Load page to see the linked view.")


def safe_file_part(text: str) -> str:
    """A sample id as a file-name part: ids come from the file and may hold slashes or quotes."""
    return re.sub(r"[^\w.-]+", "_", text)[:60] or "sample"


def share_link(sample: str, models: list[str], view: str, all_models: list[str], data_name: str) -> str:
    """The URL that reopens exactly this view (for demoing to colleagues): every choice that
    changes what the cards show, and the data's name so a mismatch can be told, not hidden."""
    params = {"sample": sample, "view": view, "unit": st.session_state.get(K.UNIT, "word")}
    for key in ("sort", "ignore"):
        value = st.query_params.get(key)
        if value:
            params[key] = value
    params["data"] = data_name
    if models != all_models:
        params["models"] = models
    parts = urlsplit(st.context.url or "http://localhost:8501/")
    # Diffs is the default page, served at the app's root (a server may mount the app under a prefix).
    path = parts.path[: -len("diffs")] if parts.path.endswith("/diffs") else parts.path
    return urlunsplit((parts.scheme, parts.netloc, path or "/", urlencode(params, doseq=True), ""))


page_start()
st.title("Diffs")
note_slot = st.empty()
dataset = _state.current_dataset()
source = _state.current_source()
models_all = _state.all_models(dataset)
with st.sidebar:
    chosen = model_selector(dataset)

index = _sample_index(source.key, dataset)
ids_all = index["sample_id"].tolist()
link_mismatch(dataset.report.name, ids_all, models_all)
sample = pick_sample(ids_all, index)
note = st.session_state.get(K.LINK_NOTE)
if note and note[0] == source.sha:  # shown while the data the link did not find is loaded
    with note_slot.container():
        cols = st.columns([8, 1], vertical_alignment="center")
        with cols[0]:
            alert(note[1], "warning")
        cols[1].button("Dismiss", key=K.DISMISS_LINK_NOTE, on_click=st.session_state.pop, args=(K.LINK_NOTE, None))

views = [v for v in VIEWS if v != "source" or dataset.has_source]
restore_from_url(K.VIEW, views)
if st.session_state.get(K.VIEW) not in views:
    st.session_state[K.VIEW] = "inline"
cols = st.columns([3, 2])
view = cols[0].segmented_control("View", views, key=K.VIEW, required=True, persist_state="session",
                                 format_func=VIEWS.get)
write_to_url(K.VIEW, view, "inline")
restore_from_url(K.SORT, list(SORTS))
sort = cols[1].selectbox("Order of the cards", list(SORTS), key=K.SORT, format_func=SORTS.get,
                         persist_state="session")
write_to_url(K.SORT, sort, "file")
diff_option_controls()
options = _state.diff_options()

if sample is None:
    st.stop()
if not chosen:
    st.info("No model is selected. Choose models in the sidebar (or on the Models page).")
    st.stop()

analysis = _state.current_analysis()
start = card_page(count_cards(dataset, sample, chosen))
html(_sample_html((source, options), sample, tuple(chosen), view, sort, start, dataset, analysis))

st.divider()
link = share_link(sample, chosen, view, models_all, dataset.report.name)
cols = st.columns([3, 1], vertical_alignment="bottom")
with cols[0]:
    st.caption("Link to this view (copy with the button on the right of the box):")
    st.code(link, language=None, wrap_lines=True)
with cols[1]:
    st.download_button(
        "Download this view (HTML)",
        # Built only when clicked: the page itself never pays for the export.
        data=lambda: render_report(dataset, analysis, sample_ids=[sample], models=chosen, options=options, view=view,
                                   sort=sort),
        on_click="ignore", file_name=f"redline-sample-{safe_file_part(sample)}.html", mime="text/html",
        help="One self-contained file: inline CSS, no scripts, no external requests.", width="stretch",
    )
    if len(ids_all) <= MAX_REPORT_SAMPLES:
        st.download_button(
            "Download every sample (HTML)",
            data=lambda: render_report(dataset, analysis, sample_ids=None, models=chosen, options=options, view=view,
                                       sort=sort),
            on_click="ignore", file_name=f"redline-{safe_file_part(dataset.report.name)}.html", mime="text/html",
            help=f"All {len(ids_all):,} samples with the chosen models, view and options, in one self-contained file.",
            key=K.DOWNLOAD_ALL, width="stretch",
        )
    else:
        st.caption(f"All {len(ids_all):,} samples in one file: `python -m lib report FILE -o report.html` "
                   "(too large to build in the page).")
