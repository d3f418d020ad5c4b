"""An answer too different to align is counted and labelled as such, never shown as a match."""
from __future__ import annotations

import pytest

import lib.align.diff as diff_module
from lib.align.diff import DiffOptions, diff_texts
from lib.analysis.answer import analyze_answer
from lib.analysis.dataset import analyze
from lib.views.export import category_table

from tests.conftest import build_dataset


@pytest.fixture
def slow_diff(monkeypatch):
    """Every alignment runs out of time."""
    def slow(a, b, timeout):
        import time
        time.sleep(timeout + 0.01)
        return [(0, len(a))]

    monkeypatch.setattr(diff_module, "_raw_diff", slow)


def test_a_timed_out_answer_carries_the_too_different_flag_and_no_edits(slow_diff):
    result = analyze_answer("one two three", "four five six", options=DiffOptions(timeout=0.01))
    assert result.timed_out and "too_different" in result.flags and "exact" not in result.flags
    assert result.edits == ()


def test_the_categories_csv_counts_it(slow_diff):
    ds = build_dataset([{"model": "m", "answer": "four five six", "reference": "one two three"},
                        {"model": "m", "answer": "same", "reference": "same"}])
    table = category_table(analyze(ds.frame, DiffOptions(timeout=0.01), workers=1))
    assert table["flags"].tolist() == ["too_different", "exact"]


def test_more_distinct_words_than_characters_is_too_different_not_a_crash(monkeypatch):
    monkeypatch.setattr(diff_module, "MAX_DISTINCT_TOKENS", 10)  # stands for Unicode's ~1.1 million
    reference = " ".join(f"w{i}" for i in range(8))
    answer = " ".join(f"v{i}" for i in range(8))
    assert diff_texts(reference, answer).timed_out
    assert "too_different" in analyze_answer(reference, answer).flags


def test_too_many_codes_raise_a_named_error_not_chr_overflow(monkeypatch):
    monkeypatch.setattr(diff_module, "MAX_DISTINCT_TOKENS", 3)
    with pytest.raises(diff_module.TooManyTokens):
        diff_module.encode_keys(["a", "b", "c", "d"], [])


class _Cancelled(Exception):
    pass


@pytest.mark.parametrize("workers", [1, 2])
def test_an_exception_from_progress_cancels_the_analysis_early(monkeypatch, workers):
    import lib.analysis.dataset as dataset_module

    n = 4 * dataset_module.CHUNK_ROWS
    monkeypatch.setattr(dataset_module, "PARALLEL_MIN_ROWS", 10)
    ds = build_dataset([{"sample_id": str(i), "model": "m", "answer": f"word {i} x", "reference": f"word {i} y"}
                        for i in range(n)])
    calls = []

    def progress(fraction):
        calls.append(fraction)
        raise _Cancelled

    with pytest.raises(_Cancelled):
        analyze(ds.frame, progress=progress, workers=workers)
    assert calls and calls[0] < 1.0 and len(calls) == 1
