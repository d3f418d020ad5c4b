"""The windowed fast path gives the same alignment as aligning the whole texts token by token."""
from __future__ import annotations

import pytest

from bench.generate import generate
from lib.align import windows
from lib.align.diff import DiffOptions, _diff_whole, diff_texts
from lib.load import load_path
from tests.conftest import SAMPLE


def _pairs(workload: str, seed: int, samples: int = 120) -> list[tuple[str, str]]:
    frame = generate(samples, 16, seed=seed, workload=workload)
    return list(zip(frame["reference"], frame["answer"]))


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_near_reference_answers_align_exactly_as_the_whole_texts_do(seed):
    pairs = _pairs("near", seed)
    windowed = [(r, a) for r, a in pairs if windows.plan(r, a) is not None]
    assert len(windowed) > 0.6 * len(pairs)  # the fast path is the common path, not a corner
    for reference, answer in windowed:
        assert diff_texts(reference, answer) == _diff_whole(reference, answer, DiffOptions())


def test_mixed_answers_align_as_the_whole_texts_do_but_for_rare_ties():
    pairs = _pairs("mixed", 4, samples=200)
    differ = [(r, a) for r, a in pairs if diff_texts(r, a) != _diff_whole(r, a, DiffOptions())]
    # A tie the whole alignment breaks another way ("the" kept on one side of a reworded phrase)
    # may remain; a mismatch in more than one pair in a thousand would be a planning bug.
    assert len(differ) <= len(pairs) // 1000
    for reference, answer in differ:
        segments = diff_texts(reference, answer).segments
        assert "".join(s.ref for s in segments if s.op != "insert") == reference
        assert "".join(s.ans for s in segments if s.op != "delete") == answer


def test_bundled_sample_aligns_as_the_whole_texts_do():
    frame = load_path(SAMPLE).frame
    for reference, answer in zip(frame["reference"], frame["answer"]):
        assert diff_texts(reference, answer) == _diff_whole(reference, answer, DiffOptions())


def _long_text(words: int) -> str:
    vocabulary = ["model", "answer", "reference", "the", "of", "training", "results", "a", "large", "margin"]
    return " ".join(vocabulary[(i * 7 + i // 3) % len(vocabulary)] for i in range(words)) + "."


def test_a_long_answer_with_three_edits_is_aligned_in_three_small_windows():
    reference = _long_text(8_000)  # ~50,000 characters
    cut = [reference.index(" ", k) for k in (5_000, 25_000, 45_000)]
    answer = (reference[:cut[0]] + " teh" + reference[cut[0]:cut[1]] + "," + reference[cut[1]:cut[2]]
              + " extra words" + reference[cut[2]:])
    plan = windows.plan(reference, answer)
    assert plan is not None and len(plan) == 3
    assert sum(w.ref_end - w.ref_start for w in plan) < 500  # tokenized: a few hundred characters, not 50,000
    result = diff_texts(reference, answer)
    assert len([s for s in result.segments if s.op != "equal"]) == 3
    assert result == _diff_whole(reference, answer, DiffOptions())


@pytest.mark.parametrize("reference, answer", [
    ("去了公园，天气很好。" * 40, "去了公圆，天气很好。" + "去了公园，天气很好。" * 39),
    ("The café is open. " * 30, "The cafe\u0301 is open. " + "The café is open. " * 29),
    ("a  b\r\n" * 80, "a b\r\n" + "a  b\r\n" * 79),
    ("He said \u201chello\u201d. " * 30, "He said \"hello\". " + "He said \u201chello\u201d. " * 29),
])
def test_windows_never_split_a_token(reference, answer):
    # Chinese without spaces, accents, CRLF and doubled spaces, quotes: cuts fall where every
    # tokenizer splits, so the windowed alignment is the whole one.
    for unit in ("word", "char"):
        options = DiffOptions(unit=unit)
        assert diff_texts(reference, answer, options) == _diff_whole(reference, answer, options)


def test_a_change_at_a_windows_edge_falls_back_to_the_whole_texts():
    reference = "the " * 200 + "end."
    answer = "the " * 199 + "end."  # one "the " fewer: the deletion can slide anywhere in the run
    assert diff_texts(reference, answer) == _diff_whole(reference, answer, DiffOptions())


def test_a_rewrite_is_not_windowed():
    reference = _long_text(200)
    answer = " ".join(reversed(reference.split(" ")))
    assert windows.plan(reference, answer) is None


def test_two_rewordings_with_a_little_shared_text_between_are_one_change_as_in_the_whole():
    # The semantic cleanup joins changes whose shared text between is shorter than they are; the
    # plan must put them in one window, or the windowed diff would keep them apart.
    head, tail = _long_text(120), _long_text(150)
    first = "the quick brown fox jumps over the lazy dog near the river bank today"
    second = "a stitch in time saves nine and many hands make light work for all of us"
    between = " while the results of the model hold up well in tests "  # 55 characters, 25 tokens
    reference = f"{head} {first}{between}{second} {tail}"
    answer = (f"{head} {first.upper().replace(' ', '_')}{between}{second.upper().replace(' ', '_')} {tail}")
    answer = answer[:-40] + answer[-40:].replace("model", "modle")  # a typo far away: two windows
    plan = windows.plan(reference, answer)
    assert plan is not None and len(plan) == 2
    result = diff_texts(reference, answer)
    assert result == _diff_whole(reference, answer, DiffOptions())
    assert len([s for s in result.segments if s.op == "delete"]) == 2  # the joined rewording, the typo


def test_a_sentence_pair_is_aligned_whole_without_a_plan():
    # A short pair (a JFLEG learner sentence with a typo): the plan's character diff would cost
    # more than tokenizing both texts, so there is none; the alignment is the same.
    reference = "I want to talk about nocive or bad products like alcohol, hair spray and cigarettes."
    answer = "I want to talk about nocive or bad products like alcohol, hair spray and cigarrets."
    assert windows.plan(reference, answer) is None
    long_reference = " ".join([reference] * 8)  # the same typo in a long text is windowed
    assert windows.plan(long_reference, long_reference.replace("cigarettes", "cigarrets", 1)) is not None
    assert diff_texts(reference, answer) == _diff_whole(reference, answer, DiffOptions())
