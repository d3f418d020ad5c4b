"""Edit types and scores a GEC reviewer found wrong on realistic pairs: each case was misnamed before."""
from __future__ import annotations

import pytest

from lib.analysis.answer import analyze_answer
from lib.align.diff import DiffOptions, diff_texts
from lib.name.flags import answer_flags
from tests.test_categories import edits  # (code, answer side, reference side), offsets checked


@pytest.mark.parametrize("answer, reference, expected", [
    # closed classes that overlap ("but"/"since" are PREP and CONJ)
    ("I was tired and I kept working.", "I was tired but I kept working.", [("R:CONJ", "and", "but")]),
    ("I stayed because it rained.", "I stayed since it rained.", [("R:CONJ", "because", "since")]),
    # agreement and irregular forms are MORPH, not NOUN:NUM / SPELL / OTHER
    ("He go to school.", "He goes to school.", [("R:MORPH", "go", "goes")]),
    ("She don't like it.", "She doesn't like it.", [("R:MORPH", "don't", "doesn't")]),
    ("They was happy.", "They were happy.", [("R:MORPH", "was", "were")]),
    ("I has a dog.", "I have a dog.", [("R:MORPH", "has", "have")]),
    ("I seen him.", "I saw him.", [("R:MORPH", "seen", "saw")]),
    ("The childs play.", "The children play.", [("R:NOUN:NUM", "childs", "children")]),
    ("I have two cat.", "I have two cats.", [("R:NOUN:NUM", "cat", "cats")]),
    # numbers are facts, not spelling
    ("In 2023 we won.", "In 2024 we won.", [("R:OTHER", "2023", "2024")]),
    # quotes, brackets and backticks around a kept word: punctuation edits, the word is shared
    ('He said: "hello".', "He said: “hello”.", [("R:PUNCT", '"', "“"), ("R:PUNCT", '"', "”")]),
    ("Use the `diff` tool.", "Use the diff tool.", [("U:PUNCT", "`", ""), ("U:PUNCT", "`", "")]),
    # two Chinese typos one character apart stay two R:SPELL
    ("研実表朋", "研究表明", [("R:SPELL", "実", "究"), ("R:SPELL", "朋", "明")]),
    # Chinese function characters are closed classes; numbers, negations and opposites change facts
    ("他慢慢的走", "他慢慢地走", [("R:PART", "的", "地")]),
    ("我与你", "我和你", [("R:CONJ", "与", "和")]),
    ("我们去了学校", "我们去学校", [("U:PART", "了", "")]),
    ("这个房间很小", "这个房间很大", [("R:OTHER", "小", "大")]),
    ("我有两个苹果", "我有三个苹果", [("R:OTHER", "两", "三")]),
    ("价格没上涨", "价格不上涨", [("R:OTHER", "没", "不")]),
    # spacing between Chinese and Latin: the gaps, not the word
    ("我们使用了BERT模型", "我们使用了 BERT 模型", [("M:ORTH", "", " "), ("M:ORTH", "", " ")]),
    # width and hyphenation are orthography
    ("ＡＢＣ测试", "ABC测试", [("R:ORTH", "ＡＢＣ", "ABC")]),
    ("This is pre-training.", "This is pretraining.", [("R:ORTH", "pre-training", "pretraining")]),
    # an accent written as a combining mark is the same letter as the composed one
    ("cafe\u0301 au lait", "cafe au lait", [("R:SPELL", "cafe\u0301", "cafe")]),
    ("café au lait", "cafe\u0301 au lait", [("R:ORTH", "café", "cafe\u0301")]),
    # a zero-width space inside a word is invisible spacing
    ("Hello\u200bworld", "Helloworld", [("U:ORTH", "\u200b", "")]),
    # currency symbols and emoji are not punctuation
    ("It costs $5.", "It costs €5.", [("R:OTHER", "$", "€")]),
    ("happy 😊", "happy", [("U:OTHER", "😊", "")]),
])
def test_review_edit_types(answer, reference, expected):
    assert edits(reference, answer) == expected


@pytest.mark.parametrize("answer, reference, options", [
    ("Trailing space. ", "Trailing space.", DiffOptions()),
    ("Hello   world", "Hello world", DiffOptions(ignore_whitespace=True)),
    ("Hello, world -- yes", "Hello world—yes", DiffOptions(ignore_punctuation=True)),
])
def test_similarity_never_exceeds_one(answer, reference, options):
    assert analyze_answer(reference, answer, options=options).similarity == pytest.approx(1.0)


def test_ignore_punctuation_ignores_a_final_period():
    assert not diff_texts("Hello world", "Hello world.", DiffOptions(ignore_punctuation=True)).changed


R = "The quick brown fox jumps over the lazy dog. It was a sunny day, and everyone was happy to be outside."


def flags(answer: str, reference: str = R) -> tuple[str, ...]:
    return answer_flags(answer, reference, "", diff_texts(reference, answer).segments)


@pytest.mark.parametrize("answer, flag", [
    ("I've corrected the text below.\n\n" + R, "preamble"),
    ("Certainly. " + R, "preamble"),
    ("Corrected: " + R, "preamble"),
    (R + " I've fixed two typos.", "commentary"),
    (R + " Hope this helps!", "commentary"),
])
def test_review_flags(answer, flag):
    assert flag in flags(answer)


def test_chinese_truncation_counts_characters_not_english_words():
    ref = "近年来，人工智能技术发展迅速，在医疗、教育和交通等领域得到了广泛应用。然而，这也带来了隐私和安全方面的新挑战。"
    assert "truncated" in flags(ref[:43], ref)


def test_an_answer_in_another_language_is_one_replacement_without_stray_punctuation_edits():
    result = analyze_answer("我们昨天去了公园，天气很好。", "We went to the park yesterday, and the weather was nice.")
    assert "wrong_language" in result.flags
    assert [e.code for e in result.edits] == ["R:OTHER"]
