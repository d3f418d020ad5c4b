"""Edit types (ERRANT codes) on the bundled sample and on one-line cases of each type."""
from __future__ import annotations

from pathlib import Path

import pytest

from lib.name.classify import EDIT_TYPES, extract_edits
from lib.align.diff import diff_texts
from lib.load import load_path

SAMPLE = Path(__file__).resolve().parent.parent / "data" / "sample.md"


def edits(reference: str, answer: str) -> list[tuple[str, str, str]]:
    """(code, answer side, reference side) of each edit, offsets checked on the way."""
    out = []
    for e in extract_edits(diff_texts(reference, answer).segments):
        assert reference[e.ref_start:e.ref_start + len(e.reference)] == e.reference
        assert answer[e.ans_start:e.ans_start + len(e.answer)] == e.answer
        out.append((e.code, e.answer, e.reference))
    return out


@pytest.fixture(scope="module")
def sample() -> dict[str, list[tuple[str, str, str]]]:
    frame = load_path(SAMPLE).frame
    return {m: edits(r, a) for m, r, a in zip(frame["model"], frame["reference"], frame["answer"])}


def codes(sample, model):
    return [c for c, _, _ in sample[model]]


def test_exact_answers_have_no_edits(sample):
    for model in ("gpt-4o-2024-08-06", "baichuan4", "doubao", "deepseek-v3"):
        assert sample[model] == []


def test_minimax_only_drops_the_article(sample):
    assert sample["minimax"] == [("M:DET", "", "the")]


def test_jinshengyuliang_swaps_a_preposition_and_drops_the_article(sample):
    assert sample["金声玉亮2.0"] == [("R:PREP", "through", "in"), ("M:DET", "", "the")]


def test_deepseek_r1_em_dashes_are_one_punct_edit_each(sample):
    got = sample["deepseek-r1"]
    assert got.count(("R:PUNCT", "—", "--")) == 2
    assert ("R:PREP", "about", "on") in got and ("R:PREP", "through", "in") in got and ("M:DET", "", "the") in got


def test_llama_preamble_is_one_unnecessary_edit(sample):
    assert sample["Meta-Llama-3.1-405B-Instruct-Turbo"][0] == (
        "U:OTHER", "Here is the text with the misspellings corrected:", "")
    assert codes(sample, "Meta-Llama-3.1-70B-Instruct-Turbo") == ["U:OTHER", "M:DET"]


def test_irregardless_is_a_spelling_edit(sample):
    assert sample["gpto1"] == sample["gpto1 #2"] == [("R:SPELL", "irregardless", "regardless")]


def test_their_for_the_is_a_determiner_edit(sample):
    assert sample["zhipu"] == [("R:DET", "their", "the")]


def test_qwen_rewording_is_other_and_its_dashes_punct(sample):
    got = codes(sample, "Qwen2-72B-Instruct")
    assert {"R:PREP", "M:DET", "R:PUNCT", "R:OTHER"} <= set(got)


def test_chinese_answer_to_english_reference_is_one_replacement(sample):
    assert codes(sample, "DeepSeek-Coder-V2-Lite-Instruct") == ["R:OTHER"]


@pytest.mark.parametrize("reference,answer,expected", [
    ("tasks -- regardless", "tasks—regardless", [("R:PUNCT", "—", "--")]),
    ("你好，世界", "你好,世界", [("R:PUNCT", ",", "，")]),
    ("Hello, world", "Hello world", [("M:PUNCT", "", ",")]),
    ("The Cat sat", "the cat sat", [("R:ORTH", "the", "The"), ("R:ORTH", "cat", "Cat")]),
    ("a b", "a  b", [("R:ORTH", "  ", " ")]),
    ("we receive it", "we recieve it", [("R:SPELL", "recieve", "receive")]),
    ("we study the models", "we study models", [("M:DET", "", "the")]),
    ("we study a model", "we study the model", [("R:DET", "the", "a")]),
    ("sit on the mat", "sit at the mat", [("R:PREP", "at", "on")]),
    ("give it to them", "give it to us", [("R:PRON", "us", "them")]),
    ("cats and dogs", "cats or dogs", [("R:CONJ", "or", "and")]),
    ("I do not know", "I don't know", [("R:CONTR", "don't", "do not")]),
    ("he studies", "he studied", [("R:MORPH", "studied", "studies")]),
    ("one model", "one models", [("R:NOUN:NUM", "models", "model")]),
    ("the big red dog", "the red big dog", [("R:WO", "red big", "big red")]),
    ("in the lens", "through a lens", [("R:PREP", "through", "in"), ("R:DET", "a", "the")]),
    ("it rains today", "it pours heavily today", [("R:OTHER", "pours heavily", "rains")]),
    ("我们研究了", "我们研実了", [("R:SPELL", "実", "究")]),
    ("使用 loss 预测", "使用 losses 预测", [("R:NOUN:NUM", "losses", "loss")]),
])
def test_each_type(reference, answer, expected):
    assert edits(reference, answer) == expected


def test_every_type_has_a_description():
    assert {"PUNCT", "ORTH", "SPELL", "DET", "PREP", "PRON", "CONJ", "PART", "CONTR", "MORPH", "NOUN:NUM", "WO",
            "OTHER"} == set(EDIT_TYPES)
