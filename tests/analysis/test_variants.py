"""Places and readings: many answers lined up on one baseline."""
from __future__ import annotations

import pytest

from lib.align.diff import DiffOptions
from lib.analysis.variants import find_variants

REF = "we study the models in the lens of loss"


def test_edits_of_different_answers_at_the_same_words_are_one_place_with_a_reading_each():
    v = find_variants(REF, [("a", "we study models in the lens of loss"),
                            ("b", "we study models in the lens of loss"),
                            ("c", "we study their models in the lens of loss"),
                            ("d", REF)])
    assert len(v.places) == 1
    place = v.places[0]
    assert place.text == "the"
    assert [(r.text, r.models, r.codes) for r in place.readings] == [
        ("", ("a", "b"), ("M:DET",)), ("their", ("c",), ("R:DET",))]
    assert place.kept == ("d",) and place.differing == ("a", "b", "c")
    assert v.models_at(0) == ("a", "b", "c") and v.models_at(0, 1) == ("c",)


def test_separate_changes_are_separate_places_in_reference_order():
    v = find_variants(REF, [("a", "we studied the models in the lens of loss"),
                            ("b", "we study the models through the lens of loss")])
    assert [p.text for p in v.places] == ["study", "in"]
    assert [p.readings[0].text for p in v.places] == ["studied", "through"]


def test_an_insertion_inside_another_answers_replacement_joins_its_place():
    v = find_variants(REF, [("a", "we study the models in the lens of loss"),
                            ("b", "we study the models in a lens of loss"),
                            ("c", "we study the models in the big lens of loss")])
    # b replaces "the", c inserts "big" after it: two places (an insertion next to a change stays apart)
    assert [p.text for p in v.places] == ["the", ""]


def test_a_reading_is_the_answers_text_over_the_whole_place_even_where_it_kept_the_baseline():
    v = find_variants(REF, [("a", "we study the models by the view of loss"),
                            ("x", "we study the models from an entirely different viewpoint of loss")])
    place = next(p for p in v.places if "lens" in p.text)
    # x changed "the lens" as a whole; a changed only "lens", and reads "the view" over the same span
    assert place.text == "the lens"
    assert {r.models[0]: r.text for r in place.readings} == {"a": "the view", "x": "an entirely different viewpoint"}


def test_unrelated_and_empty_answers_are_listed_apart_and_not_counted_as_comparable():
    v = find_variants(REF, [("en", "we study models in the lens of loss"),
                            ("zh", "我们通过损失的视角研究模型"),
                            ("empty", "  ")])
    assert v.comparable == ("en",)
    assert [(a.model, a.reason.split(":")[0]) for a in v.apart] == [("zh", "similarity 0.00"), ("empty", "the answer is empty")]
    assert v.places[0].differing == ("en",)


def test_chinese_is_lined_up_character_by_character():
    ref = "我们研究了模型的能力。"
    v = find_variants(ref, [("a", "我们研実了模型的能力。"), ("b", "我们研実了模型的能力。"), ("c", "我们研究了模型地能力。")])
    assert [(p.text, p.readings[0].text, p.readings[0].models) for p in v.places] == [
        ("究", "実", ("a", "b")), ("的", "地", ("c",))]


def test_emoji_and_invisible_characters_are_readings_like_any_text():
    v = find_variants("ship it 🚀 now", [("a", "ship it 🎉 now"), ("b", "ship it\u00a0🚀 now")])
    texts = {r.text for p in v.places for r in p.readings}
    assert "🎉" in texts and any("\u00a0" in t for t in texts)


def test_identical_answers_form_one_group_in_answer_order():
    v = find_variants(REF, [("a", "x y"), ("b", REF), ("c", "x y"), ("d", REF)])
    assert v.groups == (("a", "c"), ("b", "d"))


def test_the_view_options_decide_what_differs():
    v = find_variants(REF, [("a", "We study the models in the lens of loss")])
    assert len(v.places) == 1
    assert find_variants(REF, [("a", "We study the models in the lens of loss")], DiffOptions(ignore_case=True)).places == ()


def test_the_bundled_sample_the_models_read_eight_ways_and_irregardless_is_shared(sample_path):
    from lib.load import load_path

    frame = load_path(sample_path).frame
    v = find_variants(frame["reference"].iloc[0], list(zip(frame["model"], frame["answer"])))
    assert len(v.comparable) == 15 and [a.model for a in v.apart] == ["DeepSeek-Coder-V2-Lite-Instruct"]
    the = next(p for p in v.places if p.text == "the" and v.base[p.end:].startswith(" models"))
    assert len(the.differing) == 8 and the.readings[0].codes == ("M:DET",)
    regardless = next(p for p in v.places if p.text == "regardless")
    by_text = {r.text: r.models for r in regardless.readings}
    assert set(by_text["irregardless"]) == {"gpto1", "gpto1 #2", "Meta-Llama-3.1-405B-Instruct-Turbo"}
    assert len(by_text["irrespective"]) == 3
    assert len(v.groups) == 11


@pytest.mark.parametrize("base", ["", "   "])
def test_an_empty_baseline_does_not_break(base):
    v = find_variants(base, [("a", "text"), ("b", "")])
    assert [p.readings[0].text for p in v.places] == ["text"]
