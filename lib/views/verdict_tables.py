"""Proofreading verdicts counted per model and edit type, and the examples behind each count
(the Categories page's proofreading section). Plain text: the tables render no markup."""
from __future__ import annotations

import pandas as pd

from lib.score.counts import Counts, ratio_text
from lib.score.dataset import DatasetScores
from lib.views.drilldown import CONTEXT_CHARS, _clip_left, _clip_right, _flatten
from lib.views.verdicts import MARKS

VERDICT_TABLE_COLUMNS = ["model", "type", "fixed", "wrong_fix", "over_correction", "missed", "f05", "precision", "recall"]
VERDICT_EXAMPLE_COLUMNS = ["answer_index", "model", "sample_id", "verdict", "code", "change", "context",
                           "before", "removed", "added", "after"]


def verdict_table(scores: DatasetScores, models: list[str]) -> pd.DataFrame:
    """One row per (model, edit type): fixed (TP), wrong fixes and over-corrections (together the
    FP) and missed (FN), with the P/R/F0.5 they give. Types ordered by how often they occur."""
    counts: dict[tuple[str, str], dict[str, int]] = {}
    wanted = set(models)
    for score, model in _scored(scores, wanted):
        for s in score.edits:
            bucket = counts.setdefault((model, s.edit.type), dict.fromkeys(MARKS, 0))
            bucket[s.verdict] += 1
    rows = []
    for (model, etype), c in counts.items():
        k = Counts(c["fixed"], c["wrong_fix"] + c["over_correction"], c["missed"])
        rows.append((model, etype, c["fixed"], c["wrong_fix"], c["over_correction"], c["missed"],
                     ratio_text(k.f05), ratio_text(k.precision), ratio_text(k.recall)))
    table = pd.DataFrame(rows, columns=VERDICT_TABLE_COLUMNS)
    if table.empty:
        return table
    order = {m: i for i, m in enumerate(models)}
    size = table.groupby("type")[["fixed", "wrong_fix", "over_correction", "missed"]].sum().sum(axis=1)
    table["_m"], table["_t"] = table["model"].map(order), -table["type"].map(size)
    return table.sort_values(["_m", "_t", "type"]).drop(columns=["_m", "_t"]).reset_index(drop=True)


def _scored(scores: DatasetScores, models: set[str]):
    for idx, score in scores.answers.items():
        model = scores.answer_models.get(idx)
        if model in models:
            yield score, model


def verdict_examples(scores: DatasetScores, sample_ids: dict[int, str], model: str, etype: str | None = None,
                     verdict: str | None = None, limit: int = 500) -> tuple[pd.DataFrame, int]:
    """The scored edits of one model (of one type and verdict, when given), in file order, with
    the source around each: "…went to 〔buyed → bought〕 a apple…". Returns (rows, total)."""
    out, total = [], 0
    for idx, score in scores.answers.items():
        if scores.answer_models.get(idx) != model:
            continue
        for s in score.edits:
            if (etype and s.edit.type != etype) or (verdict and s.verdict != verdict):
                continue
            total += 1
            if len(out) >= limit:
                continue
            e = s.edit
            before = _clip_left(_flatten(score.source[:e.start]), CONTEXT_CHARS)
            after = _clip_right(_flatten(score.source[e.end:]), CONTEXT_CHARS)
            change = f"{e.original or '∅'} → {e.correction or '∅'}"
            word = MARKS[s.verdict][1] + (f" (reference: {s.expected})" if s.expected else "")
            out.append((idx, model, sample_ids.get(idx, ""), word, e.code, change,
                        f"{before}〔{change}〕{after}", before, e.original, e.correction, after))
    return pd.DataFrame(out, columns=VERDICT_EXAMPLE_COLUMNS), total
