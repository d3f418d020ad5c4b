"""The variants view's markup, the card filters and baselines in the rendered sample and report."""
from __future__ import annotations

import re

from lib.analysis.variants import find_variants
from lib.views.card_filter import CardFilter
from lib.views.cards import render_sample
from lib.views.report import render_report
from lib.views.variants import NAMES_SHOWN, place_label, variants_html
from tests.conftest import build_dataset

REF = "we study the models in the lens"
HOSTILE = '<script>alert(1)</script>'


def test_the_reference_is_shown_once_with_each_place_marked_by_how_many_differ():
    v = find_variants(REF, [("a", "we study models in the lens"), ("b", "we study models in the lens"), ("c", REF)])
    html = variants_html(v)
    assert html.count('<mark class="rl-place') == 1
    assert '<mark class="rl-place" data-pick="p0"' in html and "the<sup>2</sup></mark>" in html
    assert "2 of 3 comparable answers differ here" in html
    assert place_label(v, 0) == "1 · the → ∅ (2 of 3)"


def test_picked_place_and_reading_are_marked_and_the_others_dimmed():
    v = find_variants(REF, [("a", "we studied models in the lens"), ("b", "we study models in a lens")])
    html = variants_html(v, place=1, reading=0)
    assert 'data-pick="p1r0"' in html and re.search(r'rl-pick rl-on" data-pick="p1r0"', html)
    assert html.count('rl-place-item rl-dim') == len(v.places) - 1


def test_model_names_and_answer_text_are_escaped():
    v = find_variants(REF, [(HOSTILE, f"we study {HOSTILE} models in the lens"), ("b", REF)])
    html = variants_html(v, base_name=f"the answer of {HOSTILE}")
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_long_lists_of_models_fold_the_rest_behind_details():
    answers = [(f"m{i}", "we study models in the lens") for i in range(50)]
    html = variants_html(find_variants(REF, answers))
    assert f"<summary>{50 - NAMES_SHOWN} more</summary>" in html and "m49" in html


def test_an_answer_that_shares_nothing_is_listed_apart_and_the_counts_say_so():
    v = find_variants(REF, [("a", "we study models in the lens"), ("zh", "我们研究模型")])
    text = re.sub("<[^>]+>", "", variants_html(v))
    assert "counts of the 1 comparable answer of 2 (1 listed apart below)" in text
    assert "zh — similarity 0.00" in text


def _dataset():
    return build_dataset([
        {"model": "a", "answer": "we study models in the lens", "reference": REF},
        {"model": "b", "answer": "we study models in the lens", "reference": REF},
        {"model": "c", "answer": REF, "reference": REF},
        {"model": "d", "answer": "we study the models through the lens", "reference": REF},
    ])


def test_variants_view_groups_identical_answers_into_one_card():
    html = render_sample(_dataset(), None, "1", None, view="variants")
    assert html.count('class="rl-card"') == 3
    assert "2 models with the same answer:" in html
    assert 'class="rl-variants"' in html and "Reference (correct answer)" not in html  # the marked text is it


def test_a_model_baseline_diffs_every_other_answer_against_it_and_drops_its_own_card():
    html = render_sample(_dataset(), None, "1", None, view="inline", base="model:d")
    assert html.count('class="rl-card"') == 3 and "Baseline: the answer of d" in html
    assert "differs from d" in html and '<span class="rl-model">d</span>' not in html
    assert "<del>through</del><ins>in</ins>" in html  # c (= the reference) against d


def test_a_baseline_model_without_an_answer_falls_back_to_the_reference_and_says_so():
    html = render_sample(_dataset(), None, "1", None, base="model:zzz")
    assert "zzz has no answer to this sample; the diff is against the reference." in html


def test_card_filter_by_models_and_model_name():
    ds = _dataset()
    assert render_sample(ds, None, "1", None, filters=CardFilter(models=("a", "d"))).count('class="rl-card"') == 2
    html = render_sample(ds, None, "1", None, filters=CardFilter(model_text="D"))
    assert html.count('class="rl-card"') == 1 and "model name contains “D”" in html


def test_card_filter_codes_match_exactly_and_flags_any(sample_path):
    from lib.analysis.dataset import analyze
    from lib.load import load_path

    ds = load_path(sample_path)
    analysis = analyze(ds.frame)
    wo = CardFilter(codes=("R:WO",))
    assert render_sample(ds, analysis, "1", None, filters=wo).count('class="rl-card"') == 0
    spell = render_sample(ds, analysis, "1", None, filters=CardFilter(codes=("R:SPELL",)))
    assert spell.count('class="rl-card"') == 3
    flagged = render_sample(ds, analysis, "1", None, filters=CardFilter(flags=("any",), hide_exact=True))
    assert flagged.count('class="rl-card"') == 3  # two preambles, one wrong language
    assert "Showing 3 answers of 16 — exact answers hidden; with a flag." in flagged


def test_the_report_carries_the_variants_view_the_baseline_and_no_script():
    report = render_report(_dataset(), None, view="variants", base="model:d")
    assert 'class="rl-variants"' in report and "compared against the answer of d" in report
    assert "<script" not in report and "default-src 'none'" in report
