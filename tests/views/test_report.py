"""Sample cards and the self-contained report file."""
import re

import pytest

from lib.align.diff import DiffOptions
from lib.views.cards import render_sample
from lib.views.report import render_report

HOSTILE = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2"> $5 and $10 **bold**'


@pytest.fixture
def dataset(make_dataset):
    return make_dataset([
        {"sample_id": "s1", "model": "alpha", "answer": "we study the lens", "reference": "we study in the lens", "source": "we studdy in the lens"},
        {"sample_id": "s1", "model": "<b>beta</b>", "answer": HOSTILE, "reference": "we study in the lens", "source": "we studdy in the lens"},
        {"sample_id": "s1", "model": "gamma", "answer": "we study in the lens", "reference": "we study in the lens", "source": "we studdy in the lens"},
        {"sample_id": "s2", "model": "alpha", "answer": "x", "reference": "y"},
    ])


def test_sample_shows_reference_source_and_one_card_per_model(dataset):
    html = render_sample(dataset, None, "s1", ["alpha", "gamma"])
    assert html.count('class="rl-card"') == 2
    assert "Reference (correct answer)" in html and "Source (text given to the model)" in html
    assert "✓ exact match" in html and "<del>in </del>" in html


def test_cards_sort_by_similarity(dataset):
    html = render_sample(dataset, None, "s1", None, sort="similarity_desc")
    assert html.index(">gamma<") < html.index(">alpha<")


def test_source_view_diffs_against_the_source(dataset):
    html = render_sample(dataset, None, "s1", ["gamma"], view="source")
    assert "<del>studdy</del>" in html and "<ins>study</ins>" in html


def test_side_by_side_view_has_two_columns(dataset):
    html = render_sample(dataset, None, "s1", ["alpha"], view="side")
    assert 'class="rl-sbs"' in html and "Answer" in html and "Reference" in html


def test_hostile_answer_and_model_name_are_escaped(dataset):
    html = render_report(dataset, None, models=["<b>beta</b>"])
    body = html.split("<body>", 1)[1]
    assert "<script" not in body and "<img" not in body and "<b>beta" not in body
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in body


def test_report_is_self_contained_and_forbids_scripts(dataset):
    html = render_report(dataset, None)
    assert "Content-Security-Policy" in html and "default-src 'none'" in html
    assert not re.search(r"<script|<link|src=\"http|@import|url\(", html)
    assert html.count("<section><h2>Sample") == 2


def test_report_rejects_unknown_sample_and_model(dataset):
    with pytest.raises(ValueError, match="sample 'nope'"):
        render_report(dataset, None, sample_ids=["nope"])
    with pytest.raises(ValueError, match="model 'nope'"):
        render_report(dataset, None, models=["nope"])


def test_time_limit_fallback_says_too_different(dataset, monkeypatch):
    import lib.align.diff as diff_module

    def slow(a, b, timeout):
        import time
        time.sleep(timeout + 0.01)
        return [(0, len(a))]

    monkeypatch.setattr(diff_module, "_raw_diff", slow)
    html = render_sample(dataset, None, "s2", None, options=DiffOptions(timeout=0.01))
    assert "Too different to align" in html


def test_an_unrelated_answer_is_shown_side_by_side_with_a_note(make_dataset):
    ds = make_dataset([{"model": "zh", "answer": "我们研究了语言模型的涌现能力。", "reference": "We study emergent abilities."}])
    html = render_sample(ds, None, "1", None)
    card = html.split('class="rl-card"', 1)[1]
    assert "shares almost nothing with the reference" in card and 'class="rl-sbs"' in card and "<del>" not in card


def test_category_csv_cells_cannot_run_as_formulas(make_dataset):
    from lib.analysis.dataset import analyze
    from lib.views.export import category_table

    ds = make_dataset([{"sample_id": "=HYPERLINK(\"http://x\")", "model": "@evil", "answer": "a", "reference": "b"}])
    table = category_table(analyze(ds.frame))
    assert table["sample_id"].iloc[0].startswith("'=") and table["model"].iloc[0] == "'@evil"


def test_source_view_says_which_baseline_each_number_uses(dataset):
    from lib.analysis.dataset import analyze

    analysis = analyze(dataset.frame)
    html = render_sample(dataset, analysis, "s1", ["gamma", "alpha"], view="source")
    cards = {c.split('rl-model">')[1].split("<")[0]: c for c in html.split('class="rl-card"')[1:]}
    gamma, alpha = cards["gamma"], cards["alpha"]
    assert "✓ exact match" in gamma and "changed the source" in gamma  # right answer, source corrected
    assert "similarity to source" in gamma and "0 edits vs reference" in gamma
    assert "≠ differs" in alpha and "1 edit vs reference" in alpha and "M:PREP" in alpha
    assert "rl-badge-diff" not in gamma  # changing the source is the task: not coloured as an error


def test_report_header_and_legend_name_the_ignore_options(dataset):
    from lib.analysis.dataset import analyze
    from lib.align.diff import DiffOptions

    options = DiffOptions(ignore_case=True, ignore_punctuation=True)
    html = render_report(dataset, analyze(dataset.frame), sample_ids=["s1"], options=options, sort="name")
    assert "ignoring case, punctuation · order: Model name (A→Z)" in html
    assert "edit codes and flags stay those of the strict comparison" in html
    assert "ignoring" not in render_report(dataset, None, sample_ids=["s1"])


def test_a_sample_opens_with_an_overview_of_its_answers(sample_path):
    from lib.analysis.dataset import analyze
    from lib.load import load_path

    ds = load_path(sample_path)
    text = re.sub("<[^>]+>", "", render_sample(ds, analyze(ds.frame), "1", None))
    assert ("16 answers · 4 exact: gpt-4o-2024-08-06, baichuan4, doubao, deepseek-v3 · flags: preamble 2 "
            "(Meta-Llama-3.1-405B-Instruct-Turbo, Meta-Llama-3.1-70B-Instruct-Turbo), wrong language 1 "
            "(DeepSeek-Coder-V2-Lite-Instruct) · most frequent edits: M:DET ×8") in text
    assert "2 answers · 0 exact" in render_sample(ds, analyze(ds.frame), "1", ["minimax", "zhipu"])


def test_the_overview_names_at_most_four_models_and_keeps_every_name_in_the_tooltip(sample_path):
    from lib.analysis.dataset import analyze
    from lib.load import load_path

    ds = load_path(sample_path)
    html = render_sample(ds, analyze(ds.frame), "1", None)
    # M:DET ×8: 3 names + "+5 more", all eight in the title
    assert 'title="missing: determiner / article (the, a, their…): 金声玉亮2.0, deepseek-r1' in html


def test_a_card_whose_diff_gave_up_measures_no_similarity_and_keeps_the_analysis_edits():
    import random

    from lib.analysis.dataset import analyze
    from lib.load import load_text

    rng = random.Random(1)
    words = ["".join(rng.choice("abcdefghij") for _ in range(5)) for _ in range(20_000)]
    reference = " ".join(words)
    answer = " ".join(words[:10] + ["changed"] + words[11:])  # one edit: the analysis names it
    text = "id,model,answer,reference\n" + f'1,m,"{answer}","{reference}"\n' + f'1,n,"{reference}","{reference}"\n'
    dataset = load_text(text, "long.csv")
    analysis = analyze(dataset.frame)
    html = render_sample(dataset, analysis, "1", ["m"], options=DiffOptions(timeout=1e-6), view="inline")
    assert "similarity not measured" in html and "similarity 0.000" not in html
    assert "1 edit" in html and "the edits above are the file's analysis" in html
    assert "no edits are named" not in html
