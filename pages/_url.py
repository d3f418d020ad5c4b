"""The page's URL as the shareable state of a view: restore choices from a link once per session,
and keep the link in step as the user changes them (so copying the address shows a colleague
exactly this view). URL parameter names are the session-state keys they stand for."""
from __future__ import annotations

import streamlit as st

from pages import _keys as K

# The ignore switches, as they appear in a link (?ignore=case,punctuation).
IGNORE_OPTIONS = ("case", "whitespace", "punctuation")


def restore_from_url(key: str, valid: list[str]) -> None:
    """First run of a session: take `key` from the URL when it names a valid choice.

    Used for widgets whose labels differ from their values (a sample's id vs its preview text):
    Streamlit's own URL binding would put the label in the link, we want the short value.
    """
    seen = st.session_state.setdefault(K.URL_RESTORED, set())
    if key in seen:
        return
    seen.add(key)
    value = st.query_params.get(key)
    if value is not None and value in valid:
        st.session_state[key] = value


def write_to_url(key: str, value: str, default: str | None) -> None:
    """Keep the URL in step with a choice (omitted when it is the default, so links stay short)."""
    if value is None or value == default:
        if key in st.query_params:
            del st.query_params[key]
    elif st.query_params.get(key) != value:
        st.query_params[key] = value


def write_list_to_url(key: str, values: list[str]) -> None:
    """A list choice in the URL as repeated parameters (models=a&models=b); empty removes it."""
    if list(st.query_params.get_all(key)) != list(values):
        if values:
            st.query_params[key] = values
        elif key in st.query_params:
            del st.query_params[key]




def restore_models(valid: set[str]) -> None:
    """First run: a shared link may name the models (models=a&models=b); unknown names are dropped
    here and reported by the Diffs page's link check."""
    if K.URL_MODELS in st.session_state:
        return
    st.session_state[K.URL_MODELS] = True
    wanted = [m for m in st.query_params.get_all(K.MODELS) if m in valid]
    if wanted:
        st.session_state[K.MODELS] = wanted


def restore_ignore() -> None:
    """First run: a shared link's ignore=case,punctuation switches those options on."""
    seen = st.session_state.setdefault(K.URL_RESTORED, set())
    if "ignore" in seen:
        return
    seen.add("ignore")
    wanted = set(",".join(st.query_params.get_all("ignore")).split(","))
    for name in IGNORE_OPTIONS:
        if name in wanted:
            st.session_state[f"ignore_{name}"] = True


def write_ignore() -> None:
    on = [name for name in IGNORE_OPTIONS if st.session_state.get(f"ignore_{name}")]
    write_to_url("ignore", ",".join(on), "")
