"""Answer flags: positive and negative cases, and the bundled sample."""
from __future__ import annotations


import pytest

from lib.align.diff import diff_texts
from lib.name.flags import FLAGS, answer_flags, dominant_script
from lib.load import load_path

from tests.conftest import SAMPLE
REF = "We study emergent abilities of language models in this paper, and we find that they depend on loss."


def flags(answer: str, reference: str = REF, source: str = "") -> tuple[str, ...]:
    return answer_flags(answer, reference, source, diff_texts(reference, answer).segments)


def test_sample_flags():
    frame = load_path(SAMPLE).frame
    got = {m: flags(a, r) for m, r, a in zip(frame["model"], frame["reference"], frame["answer"])}
    for model in ("gpt-4o-2024-08-06", "baichuan4", "doubao", "deepseek-v3"):
        assert got[model] == ("exact",)
    assert got["DeepSeek-Coder-V2-Lite-Instruct"] == ("wrong_language",)
    assert "preamble" in got["Meta-Llama-3.1-405B-Instruct-Turbo"] and "preamble" in got["Meta-Llama-3.1-70B-Instruct-Turbo"]
    assert got["minimax"] == () and got["Qwen2-72B-Instruct"] == ()


def test_exact_ignores_surrounding_whitespace_only():
    assert flags("  " + REF + "\n") == ("exact",)
    assert "exact" not in flags(REF.replace("We", "we"))


def test_empty_and_whitespace_answers():
    assert flags("") == ("empty",) and flags(" \n\t") == ("empty",)


@pytest.mark.parametrize("answer,expected", [
    ("我们研究语言模型的涌现能力，发现它们取决于损失。", True),
    ("我们研究 language models 的涌现能力，发现它们取决于 loss。", True),
    (REF.replace("loss", "the loss"), False),
    ("OK", False),  # too short to judge
])
def test_wrong_language(answer, expected):
    assert ("wrong_language" in flags(answer)) is expected


def test_chinese_answer_to_chinese_reference_is_not_wrong_language():
    assert "wrong_language" not in flags("我们研実了涌现能力。", "我们研究了涌现能力。")


def test_japanese_answer_to_chinese_reference_is_wrong_language_despite_shared_kanji():
    zh = "我们研究语言模型的涌现能力，发现它们取决于损失。"
    assert "wrong_language" in flags("私たちは言語モデルの創発能力を研究し、それらが損失に依存することを発見した。", zh)
    assert "wrong_language" not in flags("乔治・华盛顿是美国第一任总统，他领导了独立战争。",
                                         "乔治·华盛顿是美国第一任总统，他领导了独立战争。")


@pytest.mark.parametrize("answer,expected", [
    ("Here is the corrected text: " + REF, True),
    ("Sure! Here's the text with the misspellings corrected:\n\n" + REF, True),
    ("以下是修改后的文本：" + REF, True),
    ("The corrected text is: " + REF, True),  # its "The" aligns with the reference's first word
    ("Revised version of the paragraph: " + REF, True),
    ("Today we study " + REF[9:], False),  # a changed first word is not chatter
])
def test_preamble(answer, expected):
    assert ("preamble" in flags(answer)) is expected


@pytest.mark.parametrize("answer,expected", [
    (REF + "\n\nNote: I corrected two misspellings.", True),
    (REF + " (I only fixed the spelling.)", True),
    (REF + "\n\n注：已修改拼写错误。", True),
    (REF[:-1] + " too.", False),
])
def test_commentary(answer, expected):
    assert ("commentary" in flags(answer)) is expected


def test_truncated_answer_stops_early():
    assert "truncated" in flags(REF[:50])
    assert "truncated" not in flags(REF[:-5] + ".")


@pytest.mark.parametrize("answer,expected", [
    ("```\n" + REF + "\n```", True), ("“" + REF + "”", True), ("**" + REF + "**", True), ("# " + REF, True),
    (REF, False),
])
def test_formatting(answer, expected):
    assert ("formatting" in flags(answer)) is expected


def test_unchanged_needs_a_source_different_from_the_reference():
    source = REF.replace("study", "studdy")
    assert "unchanged" in flags(source, REF, source)
    assert "unchanged" not in flags(REF, REF, REF)


def test_dominant_script():
    assert dominant_script("hello there world, how are you") == "latin"
    assert dominant_script("我们研究了涌现能力 with loss") == "han"
    assert dominant_script("42") == "none"
    assert dominant_script("Это русский текст, а не английский") == "cyrillic"


def test_flags_are_listed_in_order():
    assert list(FLAGS) == ["exact", "empty", "wrong_language", "preamble", "commentary", "truncated", "formatting",
                           "unchanged", "too_different"]


def test_same_line_lead_in_is_a_preamble_even_when_its_first_word_aligns_with_the_reference():
    ref = "The quick brown fox jumps over the lazy dog and runs into the forest."
    assert "preamble" in flags("The corrected sentence is: " + ref, ref)
    assert "preamble" not in flags(ref, ref)
    note = "Note: the fox is quick. The dog is lazy and sleeps all day long."
    assert "preamble" not in flags(note, note)  # a colon the reference itself has
