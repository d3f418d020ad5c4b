"""The diff engine on real pairs from the bundled sample, CJK and mixed text, options and time limit."""
from __future__ import annotations


import pytest

from lib.align.diff import DiffOptions, Segment, diff_texts
from lib.load import load_path


from tests.conftest import SAMPLE


@pytest.fixture(scope="module")
def sample() -> dict[str, tuple[str, str]]:
    frame = load_path(SAMPLE).frame
    return {m: (r, a) for m, r, a in zip(frame["model"], frame["reference"], frame["answer"])}


def changes(reference: str, answer: str, **options) -> list[tuple[str, str]]:
    return [(s.op, s.text) for s in diff_texts(reference, answer, DiffOptions(**options)).segments if s.op != "equal"]


def test_segments_rebuild_both_texts_exactly(sample):
    for reference, answer in sample.values():
        segs = diff_texts(reference, answer).segments
        assert "".join(s.ref for s in segs if s.op != "insert") == reference
        assert "".join(s.ans for s in segs if s.op != "delete") == answer


def test_deepseek_r1_em_dash_replaces_spaced_double_hyphen(sample):
    got = changes(*sample["deepseek-r1"])
    assert ("delete", " -- ") in got and ("insert", "—") in got
    assert got.count(("delete", " -- ")) == 2
    assert ("delete", "on") in got and ("insert", "about") in got


def test_dropped_article_in_the_models_is_a_deletion(sample):
    assert changes(*sample["minimax"]) == [("delete", "the ")]


def test_llama_preamble_is_one_insertion(sample):
    got = changes(*sample["Meta-Llama-3.1-405B-Instruct-Turbo"])
    assert got[0] == ("insert", "Here is the text with the misspellings corrected: ")


def test_deepseek_coder_chinese_answer_diffs_character_by_character(sample):
    reference, answer = sample["DeepSeek-Coder-V2-Lite-Instruct"]
    segs = diff_texts(reference, answer).segments
    inserted = "".join(s.ans for s in segs if s.op == "insert")
    assert "最近的研実表明" in inserted
    assert diff_texts(reference, answer).timed_out is False


def test_exact_answer_has_no_changes(sample):
    assert changes(*sample["gpt-4o-2024-08-06"]) == []


def test_chinese_diff_is_per_character():
    assert changes("我们研究涌现能力。", "我们研実涌现能力。") == [("delete", "究"), ("insert", "実")]


def test_mixed_chinese_english_keeps_english_words_whole():
    assert changes("使用 pre-training loss 来预测", "使用 pretraining loss 来预测") == [
        ("delete", "pre-training"), ("insert", "pretraining")] or changes(
        "使用 pre-training loss 来预测", "使用 pretraining loss 来预测") == [
        ("delete", "pre-"), ("insert", "pretraining")]


def test_full_width_comma_differs_unless_punctuation_is_ignored():
    assert changes("你好，世界", "你好,世界") == [("delete", "，"), ("insert", ",")]
    assert changes("你好，世界", "你好,世界", ignore_punctuation=True) == []


def test_ignore_punctuation_treats_double_hyphen_and_em_dash_alike():
    assert changes("tasks -- regardless", "tasks—regardless", ignore_punctuation=True) == []


def test_ignore_case_and_whitespace():
    assert changes("The  Model", "the model", ignore_case=True, ignore_whitespace=True) == []
    assert changes("The  Model", "the model") != []


def test_character_granularity_shows_the_changed_letters():
    assert changes("irregardless", "regardless", unit="char") == [("delete", "ir")]


def test_nbsp_and_zero_width_space_are_differences():
    assert changes("a b", "a\u00a0b") == [("delete", " "), ("insert", "\u00a0")]
    assert changes("ab", "a\u200bb", unit="char") == [("insert", "\u200b")]


def test_time_limit_falls_back_to_whole_texts(monkeypatch):
    import lib.align.diff as diff_module

    def slow(a, b, timeout):
        import time
        time.sleep(timeout + 0.01)
        return [(0, len(a))]

    monkeypatch.setattr(diff_module, "_raw_diff", slow)
    result = diff_texts("one two three", "four five six", DiffOptions(timeout=0.01))
    assert result.timed_out
    assert result.segments == (Segment("delete", ref="one two three"), Segment("insert", ans="four five six"))


@pytest.mark.timeout(60)  # a hang guard, not a speed target (those live in bench/)
def test_a_huge_answer_finishes_within_the_time_limit():
    import random

    rng = random.Random(1)
    words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"]
    a = " ".join(rng.choice(words) for _ in range(150_000))
    b = " ".join(rng.choice(words) for _ in range(150_000))
    result = diff_texts(a, b, DiffOptions(timeout=0.5))
    assert "".join(s.ref for s in result.segments if s.op != "insert") == a


@pytest.mark.parametrize("reference, answer, changes", [
    ('He said: “hello”.', 'He said: "hello".', [("delete", "“"), ("insert", '"'), ("delete", "”"), ("insert", '"')]),
    ("Use the diff tool.", "Use the `diff` tool.", [("insert", "`"), ("insert", "`")]),
    ("Helloworld", "Hello\u200bworld", [("insert", "\u200b")]),
    ("the US army", "the U.S. army", [("insert", "."), ("insert", ".")]),
    ("it's late", "it\u2019s late", [("delete", "'"), ("insert", "\u2019")]),
    ("去了公园，天气很好", "去了公圆，天汽很好", [("delete", "园"), ("insert", "圆"), ("delete", "气"), ("insert", "汽")]),
])
def test_a_word_whose_letters_all_survive_shows_only_its_changed_marks(reference, answer, changes):
    segments = diff_texts(reference, answer).segments
    assert [(s.op, s.text) for s in segments if s.op != "equal"] == changes
    assert "".join(s.ref for s in segments if s.op != "insert") == reference
    assert "".join(s.ans for s in segments if s.op != "delete") == answer


def test_letter_changes_and_hyphenation_keep_the_whole_word():
    assert changes("regardless", "irregardless") == [("delete", "regardless"), ("insert", "irregardless")]
    assert changes("This is pretraining.", "This is pre-training.") == [("delete", "pretraining"),
                                                                      ("insert", "pre-training")]
    assert changes("and its results", "and it's results") == [("delete", "its"), ("insert", "it's")]


def test_a_reworded_chinese_clause_stays_one_change():
    assert changes("今天的会议讨论了预算问题。", "本次会上大家主要谈的是钱的事情。") == [
        ("delete", "今天的会议讨论了预算问题"), ("insert", "本次会上大家主要谈的是钱的事情")]


def test_accents_and_numbers_are_not_split_into_marks():
    # e + U+0301 is one letter to a reader; 1.2 → 12 changes a number, which is not punctuation.
    assert changes("cafe", "cafe\u0301") == [("delete", "cafe"), ("insert", "cafe\u0301")]
    assert changes("v12", "v1.2") == [("delete", "v12"), ("insert", "v1.2")]
    assert changes("1230", "12:30") == [("delete", "1230"), ("insert", "12:30")]


def test_marks_are_not_pointed_out_when_punctuation_is_ignored():
    got = changes("The US army", "The U.S. army", ignore_punctuation=True)
    assert ("delete", ".") not in got and ("insert", ".") not in got
