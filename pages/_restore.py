"""A browser refresh starts a new session: give it back the upload it showed, or say why not.

After an upload or paste, its bytes are kept on disk by content hash (lib.analysis.uploads,
bounded and cleared by age) and the page's URL carries that hash as `src=`. A new session whose
URL has `src=` loads the kept upload instead of the bundled sample; if it is gone, a note says
so rather than silently showing other data.
"""
from __future__ import annotations

import streamlit as st

from lib.analysis import uploads
from lib.load.dataset import LoadOptions
from pages import _keys as K
from pages import _state
from pages._widgets import alert

PARAM = "src"


def remember(data: bytes, name: str, options: LoadOptions = LoadOptions()) -> None:
    """After a successful upload/paste: keep it so a refresh can restore it."""
    kept = uploads.keep(data, name, options)
    if kept is None:
        st.session_state.pop(K.KEPT, None)
    else:
        st.session_state[K.KEPT] = kept


def restore() -> None:
    """First run of a session whose URL names a kept upload: load it (before the bundled sample)."""
    if K.SOURCE in st.session_state or K.RESTORE_TRIED in st.session_state:
        return
    st.session_state[K.RESTORE_TRIED] = True
    wanted = st.query_params.get(PARAM)
    if not wanted:
        return
    kept = uploads.fetch(wanted)
    if kept is not None and _state.try_load(kept.data, kept.name, kept.options) is not None:
        st.session_state[K.KEPT] = wanted
        return
    st.session_state.pop(K.LOAD_ERROR, None)
    st.session_state[K.RESTORE_NOTE] = (
        "This page showed an upload that the server no longer keeps (uploads are kept "
        f"{uploads.MAX_AGE_S // 3600} hours, the last {uploads.MAX_KEPT} at most), so the bundled sample is shown. "
        "Upload the file again on the Load page.")


def keep_url_in_step() -> None:
    """Every run: the URL names the kept upload while it is what the page shows, else nothing."""
    kept = st.session_state.get(K.KEPT)
    source = st.session_state.get(K.SOURCE)
    # Source.sha is the same SHA-256 the upload id is cut from: no re-hashing of the bytes per rerun.
    if kept and source is not None and source.sha[:len(kept)] == kept:
        if st.query_params.get(PARAM) != kept:
            st.query_params[PARAM] = kept
    else:
        st.session_state.pop(K.KEPT, None)
        if PARAM in st.query_params:
            del st.query_params[PARAM]
    note = st.session_state.get(K.RESTORE_NOTE)
    if note:
        alert(note, "warning")
