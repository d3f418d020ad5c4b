"""Scoring a whole dataset: per model totals, several references, rows that cannot be scored."""
from __future__ import annotations

import pytest

from lib.score.counts import Counts
from lib.score.dataset import ScoreUnavailable, score_dataset, sample_references
from tests.conftest import build_dataset

SRC = "He go to school yesterday and buyed a apple."
REF = "He went to school yesterday and bought an apple."
ZH_SRC, ZH_REF = "我今天去公圆玩，天汽很好。", "我今天去公园玩，天气很好。"


def rows(*answers):
    return [dict(sample_id=s, model=m, answer=a, reference=r, source=src) for s, m, a, r, src in answers]


def model_counts(scores, model):
    row = scores.models.set_index("model").loc[model]
    return Counts(int(row.tp), int(row.fp), int(row.fn))


def test_model_totals_add_up_their_answers():
    ds = build_dataset(rows(
        ("1", "A", REF, REF, SRC),                                             # TP 3
        ("1", "B", "He goes to school yesterday and bought a red apple.", REF, SRC),  # TP 1 FP 2 FN 2
        ("2", "A", "我今天去公园玩，天汽很好。", ZH_REF, ZH_SRC),                   # TP 1 FN 1
        ("2", "B", "", ZH_REF, ZH_SRC),                                        # FP 1 FN 2
    ))
    scores = score_dataset(ds)
    assert model_counts(scores, "A") == Counts(4, 0, 1)
    assert model_counts(scores, "B") == Counts(1, 3, 4)
    a = scores.models.set_index("model").loc["A"]
    assert a.f05 == pytest.approx(1.25 * 1 * 0.8 / (0.25 * 1 + 0.8))
    assert list(scores.models["model"]) == ["A", "B"]


def test_several_references_each_answer_uses_the_one_that_scores_best():
    # Sample 1 has two references (one per row here, as a file may give them); the answer "went"
    # matches the second one fully.
    other = "He goes to school yesterday and bought an apple."
    ds = build_dataset(rows(
        ("1", "A", other, REF, SRC),
        ("1", "B", REF, other, SRC),
    ))
    assert sample_references(ds)["1"] == (REF, other)
    scores = score_dataset(ds)
    a, b = scores.answers[0], scores.answers[1]
    assert (a.reference, a.counts) == (1, Counts(3, 0, 0))
    assert (b.reference, b.counts) == (0, Counts(3, 0, 0))
    assert len(a.references) == 2


def test_extra_reference_columns_are_references_of_the_same_sample():
    ds = build_dataset(rows(("1", "A", "He goes to school yesterday and bought an apple.", REF, SRC)))
    ds.frame["reference_2"] = "He goes to school yesterday and bought an apple."
    scores = score_dataset(ds)
    assert scores.reference_columns == ("reference_2",)
    assert scores.answers[0].reference == 1 and scores.answers[0].counts == Counts(3, 0, 0)


def test_reference_ties_go_to_more_true_positives_then_the_first_reference():
    # compare_m2's order: best F of the running totals, then more TP, fewer FP, fewer FN, then
    # the first reference. Both references give F0.5 = 0 here (the answer fixes neither), so the
    # one with fewer misses, then the first, is used.
    s2 = "a b c d"
    ds = build_dataset(rows(
        ("2", "A", "a x c d", "a B c D", s2),   # vs ref 0: FP 1, FN 2
        ("2", "B", "a x c d", "a b c D", s2),   # vs ref 1: FP 1, FN 1
    ))
    scores = score_dataset(ds)
    assert scores.answers[0].reference == 1 and scores.answers[0].counts == Counts(0, 1, 1)
    same = build_dataset(rows(("1", "A", "a x c d", "a B c d", s2), ("1", "B", "a x c d", "a b C d", s2)))
    assert score_dataset(same).answers[0].reference == 0


def test_file_without_source_cannot_be_scored_and_says_why():
    ds = build_dataset(rows(("1", "A", REF, REF, "")))
    with pytest.raises(ScoreUnavailable, match="no source column"):
        score_dataset(ds)


def test_rows_without_source_text_are_counted_as_unscored():
    ds = build_dataset(rows(("1", "A", REF, REF, SRC), ("2", "A", "x", "y", "")))
    scores = score_dataset(ds)
    assert scores.unscored == {1: "no source text for this sample"}
    a = scores.models.set_index("model").loc["A"]
    assert (a.scored, a.unscored) == (1, 1)


def test_model_that_changed_nothing_has_no_precision():
    ds = build_dataset(rows(("1", "A", SRC, REF, SRC)))
    a = score_dataset(ds).models.set_index("model").loc["A"]
    assert (a.tp, a.fp, a.fn) == (0, 0, 3)
    assert a.precision is None or a.precision != a.precision  # None or NaN: undefined, not 0
    assert a.f05 == 0.0
