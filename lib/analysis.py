"""Analyse every answer once: alignment, metrics, flags and ERRANT-style edits.

The result is one row per answer (same index as the dataset frame) and is what the leaderboard,
the category charts, the CLI and the benchmark read. It is computed with strict comparison (no
ignore options), word granularity: the categories must not change when a reader toggles a view
option, and the whole dataset is then analysed exactly once.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import pandas as pd

from lib.categories import Edit, extract_edits
from lib.diff import DiffOptions, Segment, diff_texts
from lib.flags import answer_flags
from lib.metrics import char_error_rate, similarity, word_errors, words

ANALYSIS_COLUMNS: tuple[str, ...] = (
    "sample_id", "model", "model_name", "similarity", "cer", "wer", "edits", "exact", "flags",
    "edit_list", "timed_out",
)
# How often (in answers) the progress callback is told; often enough for a smooth bar, rare
# enough that drawing it costs nothing.
PROGRESS_EVERY = 500


@dataclass(frozen=True)
class AnswerAnalysis:
    similarity: float
    cer: float
    wer: float
    flags: tuple[str, ...]
    edits: tuple[Edit, ...]
    timed_out: bool


def analyze_answer(reference: str, answer: str, source: str = "", options: DiffOptions = DiffOptions(),
                   reference_words: int | None = None) -> AnswerAnalysis:
    """Everything Redline says about one answer. `reference_words` (a count) lets callers reuse it."""
    if answer.strip() == reference.strip():
        # Fast path for exact answers (~20% in real evaluations): one equal run, nothing to name.
        segments: tuple[Segment, ...] = (Segment("equal", reference, answer),) if answer else ()
        timed_out = False
    else:
        result = diff_texts(reference, answer, options)
        segments, timed_out = result.segments, result.timed_out
    edits = () if timed_out else tuple(extract_edits(segments))
    return AnswerAnalysis(
        similarity=similarity(segments),
        cer=char_error_rate(reference, answer, options.timeout),
        wer=word_errors(segments) / max(reference_words if reference_words is not None else len(words(reference)), 1),
        flags=answer_flags(answer, reference, source, None if timed_out else segments),
        edits=edits,
        timed_out=timed_out,
    )


def analyze(frame: pd.DataFrame, options: DiffOptions = DiffOptions(),
            progress: Callable[[float], None] | None = None) -> pd.DataFrame:
    """One row per answer of a canonical dataset frame (see ANALYSIS_COLUMNS)."""
    n = len(frame)
    results: list[AnswerAnalysis] = []
    ref_words_cache: dict[str, int] = {}  # 16 answers share one reference: count its words once
    references = frame["reference"].tolist()
    answers = frame["answer"].tolist()
    sources = frame["source"].tolist() if "source" in frame else [""] * n
    for i, (reference, answer, source) in enumerate(zip(references, answers, sources)):
        ref_words = ref_words_cache.get(reference)
        if ref_words is None:
            if len(ref_words_cache) > 64:
                ref_words_cache.clear()
            ref_words = ref_words_cache[reference] = len(words(reference))
        results.append(analyze_answer(reference, answer, source, options, ref_words))
        if progress is not None and (i + 1) % PROGRESS_EVERY == 0:
            progress((i + 1) / n)
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


def answer_records(analysis: pd.DataFrame) -> list[dict]:
    """The `python -m lib analyze --json` shape: one record per answer (keys are a CLI contract)."""
    records = []
    for row in analysis.itertuples(index=False):
        records.append({
            "sample_id": row.sample_id,
            "model": row.model,
            "flags": list(row.flags),
            "edits": [{"code": e.code, "reference": e.reference, "answer": e.answer} for e in row.edit_list],
            "similarity": round(float(row.similarity), 4),
        })
    return records


def edit_rows(analysis: pd.DataFrame) -> pd.DataFrame:
    """One row per edit (answer index, sample, model, code, operation, type): what charts count."""
    rows = [
        (idx, sample, model, e.code, e.op, e.type)
        for idx, sample, model, edits in zip(analysis.index, analysis["sample_id"], analysis["model"], analysis["edit_list"])
        for e in edits
    ]
    return pd.DataFrame(rows, columns=["answer_index", "sample_id", "model", "code", "op", "type"])


def flag_rows(analysis: pd.DataFrame) -> pd.DataFrame:
    """One row per (answer, flag)."""
    rows = [
        (idx, sample, model, flag)
        for idx, sample, model, flags in zip(analysis.index, analysis["sample_id"], analysis["model"], analysis["flags"])
        for flag in flags
    ]
    return pd.DataFrame(rows, columns=["answer_index", "sample_id", "model", "flag"])
