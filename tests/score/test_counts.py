"""Precision, recall and F0.5 from TP/FP/FN, by hand."""
from __future__ import annotations

import pytest

from lib.score.counts import Counts, f_beta, m2_f, ratio_text


def test_f05_weighs_precision_twice_as_much_as_recall():
    # P = 2/3, R = 2/4: F0.5 = 1.25 * (2/3)(1/2) / (0.25 * 2/3 + 1/2) = 0.625
    c = Counts(tp=2, fp=1, fn=2)
    assert c.precision == pytest.approx(2 / 3)
    assert c.recall == pytest.approx(0.5)
    assert c.f05 == pytest.approx(0.625)


def test_no_edits_proposed_leaves_precision_undefined_not_zero_or_one():
    c = Counts(tp=0, fp=0, fn=3)
    assert c.precision is None
    assert c.recall == 0.0
    assert c.f05 == 0.0
    assert ratio_text(c.precision) == "—"


def test_nothing_to_fix_and_nothing_changed_has_no_score():
    c = Counts()
    assert (c.precision, c.recall, c.f05) == (None, None, None)


def test_only_wrong_edits_score_zero():
    assert Counts(tp=0, fp=2, fn=0).f05 == 0.0
    assert Counts(tp=0, fp=2, fn=0).recall is None


def test_counts_add_up():
    assert Counts(1, 2, 3) + Counts(4, 5, 6) == Counts(5, 7, 9)


def test_compare_m2_f_treats_empty_denominators_as_one():
    # compare_m2's computeFScore: P = 1 when FP = 0, R = 1 when FN = 0.
    assert m2_f(0, 0, 0) == 1.0
    assert m2_f(0, 0, 2) == 0.0
    assert m2_f(3, 1, 1) == pytest.approx(f_beta(3, 1, 1))
