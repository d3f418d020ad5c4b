"""Session state and caches: the one place pages get the current dataset and its analysis.

Session-state keys are named in pages/_keys.py (the full list; pages use no others); URL
parameters are read and written in pages/_url.py.

Parsed datasets and analyses are cached per content hash in process-wide stores, not per rerun.
We use st.cache_resource rather than st.cache_data: cache_data unpickles a copy on every hit,
which for a 32,000-answer frame costs more than the 150 ms a Diffs interaction may take. The
cached objects are treated as immutable by every page.
"""
from __future__ import annotations

import hashlib
import os
import threading
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pandas as pd
import streamlit as st
from pages import _keys as K

from lib.analysis.dataset import edit_rows, flag_rows
from lib.name.codes import EDIT_TYPES
from lib.views.charts import category_chart_specs
from lib.load.dataset import Dataset, LoadError, LoadOptions
from lib.align.diff import DiffOptions
from lib.name.flags import FLAGS
from lib.views.leaderboard import leaderboard
from lib.load import load_bytes

SAMPLE_PATH = Path(__file__).resolve().parent.parent / "data" / "sample.md"


@dataclass(frozen=True)
class Source:
    name: str
    sha: str
    options: LoadOptions = LoadOptions()

    @property
    def key(self) -> tuple[str, str, LoadOptions]:
        """What every cache of this data is keyed by — built here only, so no cache can forget a
        part of it: the same bytes under another name (.csv vs .tsv) or read with other roles
        are other data."""
        return (self.sha, self.name, self.options)


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@st.cache_resource(show_spinner="Reading the file…", max_entries=16)
def _parse(key: tuple[str, str, LoadOptions], _data: bytes) -> Dataset:
    """Parse once per Source.key; `_data` is not hashed, the content hash in the key stands for it."""
    _, name, options = key
    return load_bytes(_data, name, options)


class _AnalysisStore:
    """A small process-wide LRU (the raw bytes of loaded files, by content hash)."""

    def __init__(self, size: int = 8) -> None:
        self._items: OrderedDict[tuple, pd.DataFrame] = OrderedDict()
        self._lock = threading.Lock()
        self._size = size

    def get(self, key: tuple) -> pd.DataFrame | None:
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
        return None

    def put(self, key: tuple, value: pd.DataFrame) -> None:
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self._size:
                self._items.popitem(last=False)


@st.cache_resource(show_spinner=False)
def _bytes_store() -> _AnalysisStore:
    """Raw bytes by content hash: sessions showing the same content hold one shared copy (each
    kept its own, +35 MB per session at 32,000 answers)."""
    return _AnalysisStore(size=16)


def _shared_bytes(sha: str, data: bytes) -> bytes:
    store = _bytes_store()
    known = store.get(sha)
    if known is None:
        store.put(sha, data)
        return data
    return known


def try_load(data: bytes, name: str, options: LoadOptions = LoadOptions()) -> Dataset | None:
    """Load new input; on failure keep the current dataset and remember the error to show."""
    source = Source(name, content_hash(data), options)
    try:
        dataset = _parse(source.key, data)
    except LoadError as exc:
        st.session_state[K.LOAD_ERROR] = str(exc)
        return None
    except Exception as exc:  # noqa: BLE001 - a parser bug must never reach the user as a traceback
        st.session_state[K.LOAD_ERROR] = f"{name}: could not be read ({type(exc).__name__}: {exc})."
        return None
    st.session_state[K.SOURCE] = source
    st.session_state[K.SOURCE_BYTES] = _shared_bytes(source.sha, data)
    st.session_state.pop(K.LOAD_ERROR, None)
    return dataset


def start_path() -> Path:
    """What a new session opens: the bundled sample, or REDLINE_DATA (benchmarks, demos on own data)."""
    override = os.environ.get("REDLINE_DATA")
    return Path(override) if override else SAMPLE_PATH


def ensure_dataset() -> None:
    """First open of a session: the bundled sample, so a newcomer sees real data at once."""
    if K.SOURCE not in st.session_state:
        path = start_path()
        if try_load(path.read_bytes(), path.name) is None and path != SAMPLE_PATH:
            try_load(SAMPLE_PATH.read_bytes(), SAMPLE_PATH.name)


def current_source() -> Source:
    ensure_dataset()
    return st.session_state[K.SOURCE]


def current_dataset() -> Dataset:
    source = current_source()
    return _parse(source.key, st.session_state[K.SOURCE_BYTES])


def diff_options() -> DiffOptions:
    """The diff options the user chose (shared widget keys), defaults until touched."""
    s = st.session_state
    return DiffOptions(
        unit=s.get(K.UNIT) or "word",
        ignore_case=bool(s.get("ignore_case", False)),
        ignore_whitespace=bool(s.get("ignore_whitespace", False)),
        ignore_punctuation=bool(s.get("ignore_punctuation", False)),
    )


def _session_id() -> str | None:
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    ctx = get_script_run_ctx()
    return ctx.session_id if ctx is not None else None


def _session_alive(session: str | None) -> bool:
    """Is the browser tab of `session` still connected? (True where there is no server: AppTest.)"""
    from streamlit import runtime

    if session is None or not runtime.exists():
        return True
    return runtime.get_instance().is_active_session(session)


def current_analysis() -> pd.DataFrame:
    """Per-answer metrics, flags and edits of the whole current dataset, computed once per content
    (pages/_analysis.py: a background job for large files; this page waits for it with a progress
    bar and shows nothing built on a partial result). Strict comparison: view options never
    change the categories."""
    from pages import _analysis

    return _analysis.wait_here(current_source(), current_dataset(), "The leaderboard and the charts")


@st.cache_resource(show_spinner="Counting edits and flags…", max_entries=8)
def _tables(key: tuple, _analysis: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame, pd.Series]:
    return edit_rows(_analysis), flag_rows(_analysis), _analysis.groupby("model", sort=False).size()


@st.cache_resource(show_spinner="Drawing the charts…", max_entries=32)
def _chart_specs(key: tuple, models: tuple[str, ...], measure: str, _analysis: pd.DataFrame) -> dict:
    edits, flags, answers = _tables(key, _analysis)
    return category_chart_specs(edits, flags, answers, _analysis, models, measure, list(FLAGS), list(EDIT_TYPES))


def chart_specs(models: list[str], measure: str) -> dict:
    """The Categories charts (Vega-Lite dicts, read-only) for these models, built once per
    dataset, model choice and measure: switching back and forth costs nothing."""
    source = current_source()
    return _chart_specs(source.key, tuple(models), measure, current_analysis())


@st.cache_resource(show_spinner="Ranking the models…", max_entries=8)
def _leaderboard(key: tuple, _analysis: pd.DataFrame) -> pd.DataFrame:
    return leaderboard(_analysis)


def current_leaderboard() -> pd.DataFrame:
    """The Models page table (read-only), built once per dataset: counting every answer's flags
    and edits takes ~0.1 s on 32,000 answers, too much for each rerun."""
    source = current_source()
    return _leaderboard(source.key, current_analysis())


def current_tables() -> tuple[pd.DataFrame, pd.DataFrame, pd.Series]:
    """(one row per edit, one row per flag, answers per model) of the current analysis, built once."""
    source = current_source()
    return _tables(source.key, current_analysis())


def all_models(dataset: Dataset) -> list[str]:
    """Run labels in first-seen order (what the model selector offers)."""
    return list(dict.fromkeys(dataset.frame["model"]))


# Streamlit runs a `pages/` folder next to the entry script the old (v1) way until the entry
# script has called st.navigation once: a fresh server's first request for /load executes
# pages/load.py directly, without app.py's navigation, CSS and sidebar (AppTest does this on every
# run). app.py marks the runs it starts; a page run without the mark switches the server to
# app.py's navigation (what st.navigation itself does) and reruns through app.py. Under AppTest a
# rerun would drop the clicked button's event, so there the page draws the app shell itself.
_entry = threading.local()


def mark_app_entry() -> None:
    _entry.via_app = True


def require_app_entry(shell: Callable[[], None]) -> None:
    if getattr(_entry, "via_app", False):
        _entry.via_app = False
        return
    from streamlit import config
    from streamlit.runtime.pages_manager import PagesManager

    PagesManager.uses_pages_directory = False
    if config.get_option("global.appTest"):
        shell()
    else:
        st.rerun()
