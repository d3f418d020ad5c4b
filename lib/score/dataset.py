"""Score every answer of a dataset that has a source: per answer, per model, per model and type.

Several references: a sample's references are the distinct references on its rows, the loader's
list of accepted references (`all_references`), and any extra reference columns (`reference_2`,
`正确答案2`: the reference column's name and a number). Each
answer is scored against the one that gives its model the best F0.5, exactly as compare_m2 picks:
over the model's answers in file order, the reference whose counts, added to the running totals,
give the highest F (ties: more TP, then fewer FP, then fewer FN); the answer says which it used.

Texts are compared without their leading and trailing whitespace, and edits that only change
spacing are not scored: ERRANT compares tokens, where spacing does not exist.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable

import pandas as pd

from lib.load.dataset import CANONICAL_COLUMNS, Dataset
from lib.load.frameworks.common import REFERENCES as ACCEPTED
from lib.load.references import references_of
from lib.score.counts import Counts, m2_f
from lib.score.match import Match, ScoredEdit, SourceEdit, match, scored_edits
from lib.score.realign import realign

NO_SOURCE = ("the file has no source column. Proofreading scores (P, R, F0.5) compare the answer's changes "
             "to the source — the text the model was asked to correct — with the reference's; if a column "
             "holds it, choose it as the source on the Load page.")
# Extra reference columns: "reference_2", "reference 3", "ref1", "正确答案2", "gold (2)".
_NUMBERED = re.compile(r"^(?P<base>.*?)[\s_\-#.(]*\d+\)?$")
_REFERENCE_WORDS = {"reference", "references", "ref", "gold", "target", "correction", "corrected",
                    "正确答案", "参考答案", "标准答案", "参考", "修改后"}


@dataclass(frozen=True)
class AnswerScore:
    counts: Counts
    edits: tuple[ScoredEdit, ...]          # answer edits with verdicts, missed reference edits
    by_type: tuple[tuple[str, Counts], ...]
    reference: int                         # which of `references` was used (0-based)
    references: tuple[str, ...]            # the sample's references, as compared (stripped)
    source: str                            # the source as compared (stripped)
    answer: str                            # the answer as compared (stripped)

    @property
    def answer_edits(self) -> int:
        return sum(e.verdict != "missed" for e in self.edits)


@dataclass(frozen=True)
class DatasetScores:
    answers: dict[int, AnswerScore]        # dataset frame index -> score
    unscored: dict[int, str]               # dataset frame index -> why it has no score
    models: pd.DataFrame                   # see MODEL_COLUMNS
    by_type: pd.DataFrame                  # see TYPE_COLUMNS
    reference_columns: tuple[str, ...] = field(default=())  # extra reference columns used
    answer_models: dict[int, str] = field(default_factory=dict)  # dataset frame index -> model run label


MODEL_COLUMNS = ("model", "scored", "unscored", "tp", "fp", "fn", "precision", "recall", "f05")
TYPE_COLUMNS = ("model", "type", "tp", "fp", "fn", "precision", "recall", "f05")


class ScoreUnavailable(ValueError):
    """The dataset cannot be scored; the message says why (one sentence)."""


def unavailable_reason(dataset: Dataset) -> str | None:
    if not dataset.has_source:
        return NO_SOURCE
    return None


def extra_reference_columns(dataset: Dataset) -> tuple[str, ...]:
    """Metadata columns that hold more references for the same sample."""
    main = dataset.report.columns.get("reference", "reference").casefold()
    out = []
    for column in dataset.frame.columns:
        if column in CANONICAL_COLUMNS or column.casefold() == main:
            continue
        m = _NUMBERED.match(column.strip())
        base = m.group("base").strip().casefold() if m else None
        if base and (base == main or base in _REFERENCE_WORDS or _NUMBERED.sub(r"\g<base>", main).strip() == base):
            out.append(column)
    return tuple(out)


def sample_references(dataset: Dataset, columns: tuple[str, ...] = ()) -> dict[str, tuple[str, ...]]:
    """Each sample's distinct non-empty references (stripped), in order of first appearance."""
    frame = dataset.frame
    found: dict[str, dict[str, None]] = {}
    for col in ("reference", *columns):
        for sample, text in zip(frame["sample_id"], frame[col]):
            text = str(text).strip() if isinstance(text, str) else ""
            bucket = found.setdefault(sample, {})
            if text:
                bucket.setdefault(text, None)
    if ACCEPTED in frame:  # the loader's list of accepted references (frameworks' gold lists)
        for sample, cell in zip(frame["sample_id"], frame[ACCEPTED]):
            for text in references_of(cell if isinstance(cell, str) else ""):
                if text.strip():
                    found.setdefault(sample, {}).setdefault(text.strip(), None)
    return {s: tuple(refs) for s, refs in found.items()}


def score_dataset(dataset: Dataset, progress: Callable[[float], None] | None = None) -> DatasetScores:
    reason = unavailable_reason(dataset)
    if reason:
        raise ScoreUnavailable(f"{dataset.report.name}: {reason}")
    frame = dataset.frame
    extra = extra_reference_columns(dataset)
    references = sample_references(dataset, extra)
    cache: dict[tuple[str, str], tuple[SourceEdit, ...]] = {}

    def edits(source: str, text: str) -> tuple[SourceEdit, ...]:
        key = (source, text)
        if key not in cache:
            cache[key] = scored_edits(source, text)
        return cache[key]

    answers: dict[int, AnswerScore] = {}
    unscored: dict[int, str] = {}
    model_rows, type_rows = [], []
    n, done = len(frame), 0
    for model, rows in frame.groupby("model", sort=False):
        total = Counts()
        types: dict[str, Counts] = {}
        for idx, sample, source, answer in zip(rows.index, rows["sample_id"], rows["source"], rows["answer"]):
            done += 1
            if progress is not None and done % 200 == 0:
                progress(done / n)
            source, answer = source.strip(), answer.strip()
            refs = references.get(sample, ())
            if not source:
                unscored[idx] = "no source text for this sample"
                continue
            if not refs:
                unscored[idx] = "no reference for this sample"
                continue
            proposed = edits(source, answer)
            best: tuple | None = None
            for k, ref in enumerate(refs):
                gold = edits(source, ref)
                m: Match = match(gold, realign(gold, proposed, source, answer))
                c = total + m.counts
                rank = (m2_f(c.tp, c.fp, c.fn), m.counts.tp, -m.counts.fp, -m.counts.fn)
                if best is None or rank > best[0]:
                    best = (rank, k, m)
            _, k, m = best
            total += m.counts
            for t, c in m.by_type:
                types[t] = types.get(t, Counts()) + c
            answers[idx] = AnswerScore(m.counts, m.edits, m.by_type, k, refs, source, answer)
        scored = sum(1 for i in rows.index if i in answers)
        model_rows.append((model, scored, len(rows) - scored, total.tp, total.fp, total.fn,
                           total.precision, total.recall, total.f05))
        for t, c in sorted(types.items()):
            type_rows.append((model, t, c.tp, c.fp, c.fn, c.precision, c.recall, c.f05))
    if progress is not None:
        progress(1.0)
    return DatasetScores(answers, unscored, pd.DataFrame(model_rows, columns=list(MODEL_COLUMNS)),
                         pd.DataFrame(type_rows, columns=list(TYPE_COLUMNS)), extra,
                         dict(zip(frame.index, frame["model"])))


def model_records(scores: DatasetScores) -> list[dict]:
    """The `python -m lib score --json` shape (keys are a CLI contract)."""
    out = []
    for row in scores.models.itertuples(index=False):
        c = Counts(int(row.tp), int(row.fp), int(row.fn))
        out.append({"model": row.model, **c.to_json(), "answers": int(row.scored), "unscored": int(row.unscored)})
    return out


def type_records(scores: DatasetScores) -> list[dict]:
    return [{"model": row.model, "type": row.type, **Counts(int(row.tp), int(row.fp), int(row.fn)).to_json()}
            for row in scores.by_type.itertuples(index=False)]
