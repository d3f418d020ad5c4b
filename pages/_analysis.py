"""The dataset-wide analysis as a background job, and the per-sample analysis the Diffs page
draws first.

The Diffs page shows one sample: it analyses just that sample's answers (milliseconds) and never
waits for the whole file. The leaderboard and the charts need every answer: that runs once per
content (hash + load options) in a background thread shared by every session of this server, its
answers in a worker process so the server's own threads keep the interpreter for the pages. The
Models and Categories pages show its progress and redraw themselves when it is done; they never
show numbers of a partial analysis. Small files (under PROGRESS_MIN_ROWS answers) are analysed
at once, as before: they take well under a second.
"""
from __future__ import annotations

import os
import threading
import time
from dataclasses import dataclass, field

import pandas as pd
import streamlit as st

from lib.analysis import disk_cache
from lib.analysis.dataset import analyze
from lib.load.dataset import Dataset
from pages import _state

# Below this many answers the whole analysis runs in the page (well under a second).
PROGRESS_MIN_ROWS = 2_000
# How often a waiting page looks at the job again.
POLL_SECONDS = 0.5
# Per-sample analyses kept (a sample of 16 answers is a few kB).
SAMPLE_ENTRIES = 512


@dataclass
class Job:
    """One content's analysis: progress 0–1, then the result (or the error that stopped it)."""

    total: int
    fraction: float = 0.0
    result: pd.DataFrame | None = None
    error: str | None = None
    started: float = field(default_factory=time.perf_counter)
    done: threading.Event = field(default_factory=threading.Event)
    # The sessions that asked for it: when every one of their tabs is closed, the work stops.
    askers: set = field(default_factory=set)
    cancelled: bool = False


class _Cancelled(Exception):
    """Raised from the progress callback: lib.analysis then cancels its workers."""


class _Jobs:
    """Process-wide: every session that opens the same content shares one job and one result."""

    def __init__(self, size: int = 8) -> None:
        self._jobs: dict[tuple, Job] = {}
        self._order: list[tuple] = []
        self._lock = threading.Lock()
        self._size = size

    def peek(self, key: tuple) -> Job | None:
        with self._lock:
            return self._jobs.get(key)

    def get_or_start(self, key: tuple, disk_key: str, frame: pd.DataFrame, background: bool) -> Job:
        with self._lock:
            job = self._jobs.get(key)
            if job is not None:
                return job  # running, done, or failed (said on the page, not retried on every rerun)
            job = self._jobs[key] = Job(total=len(frame))
            self._order = [k for k in self._order if k != key] + [key]
            for old in self._order[:-self._size]:
                self._jobs.pop(old, None)
            self._order = self._order[-self._size:]
        if background:
            threading.Thread(target=_run, args=(job, disk_key, frame, True, lambda: self.forget(key, job)),
                             daemon=True, name=f"redline-analysis-{key[0][:8]}").start()
        else:
            _run(job, disk_key, frame, False, lambda: self.forget(key, job))
        return job

    def forget(self, key: tuple, job: Job) -> None:
        """Drop a cancelled job, so that the next page that needs it starts it afresh."""
        with self._lock:
            if self._jobs.get(key) is job:
                del self._jobs[key]


def _run(job: Job, disk_key: str, frame: pd.DataFrame, background: bool, forget) -> None:
    """Disk cache first (same content → instant, even after a restart), else analyse and store.
    Stops (keeping nothing) once no tab that asked for it is open any more."""
    try:
        result = disk_cache.load(disk_key)
        if result is None:
            def progress(fraction: float) -> None:
                if job.askers and not any(_state._session_alive(s) for s in list(job.askers)):
                    raise _Cancelled
                job.fraction = min(max(fraction, 0.0), 1.0)

            # In the background the answers go to a worker process (one core stays free for the
            # pages); the thread here only waits, so it never holds the interpreter for long.
            result = analyze(frame, progress=progress, workers=max(1, (os.cpu_count() or 1) - 1) if background else None,
                             isolate=background)
            disk_cache.store(disk_key, result)
        job.result = result
        job.fraction = 1.0
    except _Cancelled:
        job.cancelled = True
        forget()
    except Exception as exc:  # noqa: BLE001 - shown on the page as a sentence, never a traceback
        job.error = f"The analysis stopped: {type(exc).__name__}: {exc}"
    finally:
        job.done.set()


@st.cache_resource(show_spinner=False)
def _jobs() -> _Jobs:
    return _Jobs()


def _keys(source) -> tuple[tuple, str]:
    """(memory key, disk-cache key) of a Source: both its `key`, as every other cache uses."""
    return source.key, repr(source.key)


def job(source, dataset: Dataset) -> Job:
    """The analysis job of this content, started (in the background for large files) if needed;
    this session is counted among those waiting for it."""
    key, disk_key = _keys(source)
    frame = dataset.frame
    current = _jobs().get_or_start(key, disk_key, frame, background=len(frame) >= PROGRESS_MIN_ROWS)
    asker = _state._session_id()
    if asker is not None:
        current.askers.add(asker)
    return current


def finished(source) -> pd.DataFrame | None:
    """The whole analysis when it is done, else None; never starts it (the Diffs page asks this
    before drawing its first cards, and starts the job only after them)."""
    current = _jobs().peek(_keys(source)[0])
    return current.result if current is not None and current.done.is_set() else None


def wait_here(source, dataset: Dataset, what: str) -> pd.DataFrame:
    """The whole analysis; until it is done, a progress bar that redraws the page when it is,
    and nothing after it on the page (st.stop): no partial numbers shown as if complete."""
    current = job(source, dataset)
    if current.cancelled:  # every tab that asked before was closed: this one asks anew
        current = job(source, dataset)
    if current.done.is_set() and current.result is not None:
        return current.result
    if current.done.is_set():
        from pages._widgets import alert  # escaped: the error can quote the file's text

        alert(f"{current.error} {what} cannot be shown; the Diffs page still works.", "error")
        st.stop()

    @st.fragment(run_every=POLL_SECONDS)
    def progress() -> None:
        if current.done.is_set():
            st.rerun()  # the whole page, now with the result
        elapsed = time.perf_counter() - current.started
        st.progress(current.fraction, text=f"Analysing all {current.total:,} answers… {current.fraction:.0%} "
                    f"({elapsed:.0f} s). {what} appear when every answer is analysed; the Diffs page "
                    "works meanwhile.")

    progress()
    st.stop()
    raise AssertionError("unreachable")  # st.stop raises


def note_progress(source, dataset: Dataset) -> None:
    """On the Diffs page: a line that says the whole-file analysis is still running (and how far),
    gone when it is done. Redrawn on its own, so the cards above never wait for it."""
    current = job(source, dataset)
    if current.done.is_set():
        return

    @st.fragment(run_every=POLL_SECONDS * 2)
    def line() -> None:
        if current.done.is_set():
            st.caption("Every answer is analysed: the Models and Categories pages are ready.")
            return
        st.caption(f"Analysing all {current.total:,} answers in the background for the Models and Categories "
                   f"pages: {current.fraction:.0%}. The cards above are complete.")

    line()


@st.cache_resource(show_spinner=False, max_entries=SAMPLE_ENTRIES)
def _sample_analysis(key: tuple, sample_id: str, _frame: pd.DataFrame) -> pd.DataFrame:
    rows = _frame[_frame["sample_id"] == sample_id]
    return analyze(rows, workers=1)


def for_sample(source, dataset: Dataset, sample_id: str) -> pd.DataFrame:
    """The analysis of one sample's answers (same rows, same values as the whole analysis has
    for them): from the whole analysis when it is done, else computed for this sample alone."""
    whole = finished(source)
    if whole is not None:
        return whole
    key, _ = _keys(source)
    return _sample_analysis(key, sample_id, dataset.frame)


def whole_now(source, dataset: Dataset) -> pd.DataFrame:
    """The whole analysis, waiting for it here (for the every-sample download of a small file)."""
    current = job(source, dataset)
    current.done.wait()
    if current.result is None:
        raise RuntimeError(current.error or "the analysis stopped")
    return current.result
