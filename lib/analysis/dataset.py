"""Analyse every answer once: alignment, metrics, flags and ERRANT-style edits.

The result is one row per answer (same index as the dataset frame) and is what the leaderboard,
the category charts, the CLI and the benchmark read. It is computed with strict comparison (no
ignore options), word granularity: the categories must not change when a reader toggles a view
option, and the whole dataset is then analysed exactly once.
"""
from __future__ import annotations

import gc
import os
import warnings
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from multiprocessing import get_context
from typing import Callable

import pandas as pd

from lib.analysis.answer import AnswerAnalysis, analyze_chunk, start_worker
from lib.align.diff import DiffOptions

ANALYSIS_COLUMNS: tuple[str, ...] = (
    "sample_id", "model", "model_name", "similarity", "cer", "wer", "edits", "exact", "flags",
    "edit_list", "timed_out",
)
# How often (in answers) the progress callback is told; often enough for a smooth bar, rare
# enough that drawing it costs nothing.
PROGRESS_EVERY = 500
# From this many answers on, analysis runs in worker processes (one per core): below it, starting
# them costs more than it saves. Chunks are big enough to amortise pickling, small enough for a
# progress bar that moves.
PARALLEL_MIN_ROWS = 6_000
CHUNK_ROWS = 2_000


def analyze(frame: pd.DataFrame, options: DiffOptions = DiffOptions(),
            progress: Callable[[float], None] | None = None, workers: int | None = None,
            isolate: bool = False) -> pd.DataFrame:
    """One row per answer of a canonical dataset frame (see ANALYSIS_COLUMNS). `progress` is told
    the fraction done every few hundred answers; an exception it raises cancels the analysis.

    `isolate`: analyse in worker processes even with one worker and few answers, so that the
    calling process (a web server running it in a background thread) keeps its interpreter."""
    n = len(frame)
    references = frame["reference"].tolist()
    answers = frame["answer"].tolist()
    sources = frame["source"].tolist() if "source" in frame else [""] * n
    workers = workers if workers is not None else (os.cpu_count() or 1)
    gc_was_enabled = gc.isenabled()
    gc.disable()  # hundreds of thousands of result objects, no cycles: see lib.load
    try:
        return _analyze(frame, references, answers, sources, options, progress, workers, isolate)
    finally:
        if gc_was_enabled:
            gc.enable()


def _analyze(frame: pd.DataFrame, references: list[str], answers: list[str], sources: list[str],
             options: DiffOptions, progress: Callable[[float], None] | None, workers: int,
             isolate: bool) -> pd.DataFrame:
    n = len(frame)
    results: list[AnswerAnalysis] | None = None
    if n and (isolate or (workers > 1 and n >= PARALLEL_MIN_ROWS)):
        try:
            results = _analyze_parallel(references, answers, sources, options, progress, workers)
        except (OSError, BrokenProcessPool) as exc:
            # No worker processes here (a sandbox, or a main script without a __main__ guard):
            # do it in-process, and say so, since it is then about half as fast on 2 cores.
            warnings.warn(f"analysis runs on one core: worker processes could not start ({exc})",
                          RuntimeWarning, stacklevel=2)
            results = None
    if results is None:
        results = []
        for start in range(0, n, PROGRESS_EVERY):
            stop = min(start + PROGRESS_EVERY, n)
            results += analyze_chunk(references[start:stop], answers[start:stop], sources[start:stop], options)
            if progress is not None:
                progress(stop / n)
    if progress is not None:
        progress(1.0)
    out = pd.DataFrame({
        "sample_id": frame["sample_id"].to_numpy(),
        "model": frame["model"].to_numpy(),
        "model_name": frame["model_name"].to_numpy() if "model_name" in frame else frame["model"].to_numpy(),
        "similarity": [r.similarity for r in results],
        "cer": [r.cer for r in results],
        "wer": [r.wer for r in results],
        "edits": [len(r.edits) for r in results],
        "exact": ["exact" in r.flags for r in results],
        "flags": [r.flags for r in results],
        "edit_list": [r.edits for r in results],
        "timed_out": [r.timed_out for r in results],
    }, index=frame.index)
    return out


def _analyze_parallel(references: list[str], answers: list[str], sources: list[str], options: DiffOptions,
                      progress: Callable[[float], None] | None, workers: int) -> list[AnswerAnalysis]:
    """Chunks of answers analysed in a pool of fresh processes ("forkserver": forking Streamlit's
    many threads could copy a held lock into a child and hang it)."""
    n = len(references)
    spans = [(i, min(i + CHUNK_ROWS, n)) for i in range(0, n, CHUNK_ROWS)]
    done: dict[int, list[AnswerAnalysis]] = {}
    finished = 0
    context = get_context("forkserver")
    # Workers fork from a server that has already imported the module they run, so each starts
    # without spending ~0.3 s on imports; start_worker then reads the word list once per worker.
    context.set_forkserver_preload([analyze_chunk.__module__])
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=start_worker)
    try:
        # At most two chunks per worker in flight: submitting all at once would hold a pickled
        # copy of every answer in memory (hundreds of MB at 200,000 answers).
        pending: dict = {}
        queue = list(spans)
        while queue or pending:
            while queue and len(pending) < 2 * workers:
                a, b = queue.pop(0)
                pending[pool.submit(analyze_chunk, references[a:b], answers[a:b], sources[a:b], options)] = a
            finished_now, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in finished_now:
                start = pending.pop(future)
                done[start] = future.result()
                finished += len(done[start])
                if progress is not None:
                    progress(finished / n)  # may raise to cancel (the page's tab was closed)
    except BaseException:
        # Cancelled (or failed): drop the chunks not started, so the work stops within the
        # chunks already running (about a second) instead of finishing the whole file.
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    pool.shutdown(wait=True)
    return [r for start, _ in spans for r in done[start]]


def answer_records(analysis: pd.DataFrame) -> list[dict]:
    """The `python -m lib analyze --json` shape: one record per answer (keys are a CLI contract)."""
    records = []
    for row in analysis.itertuples(index=False):
        records.append({
            "sample_id": row.sample_id,
            "model": row.model,
            "flags": list(row.flags),
            # Spans are [start, end) character offsets into the answer and the reference as loaded, so
            # other tools (bench/gec.py, ERRANT-style scorers) can point at each edit.
            "edits": [{"code": e.code, "reference": e.reference, "answer": e.answer,
                       "answer_span": [e.ans_start, e.ans_start + len(e.answer)],
                       "reference_span": [e.ref_start, e.ref_start + len(e.reference)]} for e in row.edit_list],
            "similarity": round(float(row.similarity), 4),
        })
    return records


def edit_rows(analysis: pd.DataFrame) -> pd.DataFrame:
    """One row per edit (answer index, sample, model, code, operation, type): what charts count."""
    rows = [
        (idx, k, sample, model, e.code, e.op, e.type)
        for idx, sample, model, edits in zip(analysis.index, analysis["sample_id"], analysis["model"], analysis["edit_list"])
        for k, e in enumerate(edits)
    ]
    return pd.DataFrame(rows, columns=["answer_index", "k", "sample_id", "model", "code", "op", "type"])


def flag_rows(analysis: pd.DataFrame) -> pd.DataFrame:
    """One row per (answer, flag)."""
    rows = [
        (idx, sample, model, flag)
        for idx, sample, model, flags in zip(analysis.index, analysis["sample_id"], analysis["model"], analysis["flags"])
        for flag in flags
    ]
    return pd.DataFrame(rows, columns=["answer_index", "sample_id", "model", "flag"])
