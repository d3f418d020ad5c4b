"""The source view's marks: every change drawn once, missed errors where they belong, text escaped."""
from __future__ import annotations

import re

from lib.score.dataset import score_dataset
from lib.views.verdicts import legend_html, score_stats, verdict_html
from tests.conftest import build_dataset

SRC = "He go to school yesterday and buyed a apple."
REF = "He went to school yesterday and bought an apple."


def scored(answer: str, source: str = SRC, reference: str = REF):
    ds = build_dataset([dict(model="A", answer=answer, reference=reference, source=source)])
    return score_dataset(ds).answers[0]


def text_of(html: str) -> str:
    """What a reader sees, tags removed (deleted source text included, as it is drawn)."""
    import html as h
    return h.unescape(re.sub(r"<[^>]+>", "", html))


def test_each_verdict_is_drawn_with_its_word():
    html = verdict_html(scored("He goes to school yesterday and bought a red apple."))
    assert html.count('data-verdict="fixed"') == 1
    assert html.count('data-verdict="wrong_fix"') == 1
    assert html.count('data-verdict="over_correction"') == 1
    assert html.count('data-verdict="missed"') == 1  # a → an; "went" is told by the wrong fix
    assert "✓ fixed" in html and "≠ wrong fix (reference: went)" in html and "✗ over-correction" in html
    assert "○ missed → an" in html


def test_the_answer_text_is_kept_whole_around_the_marks():
    answer = "He goes to school yesterday and bought a red apple."
    seen = re.sub(r"<del>.*?</del>|<span class=\"rl-v-tag\">.*?</span>", "", verdict_html(scored(answer)))
    assert text_of(seen) == answer


def test_missed_error_sits_on_the_unchanged_word():
    html = verdict_html(scored(SRC))
    assert html.count('data-verdict="missed"') == 3
    assert re.search(r'data-verdict="missed"[^>]*>buyed<span class="rl-v-tag">○ missed → bought', html)


def test_chinese_marks_one_character():
    s = scored("这个测试结果很好。", source="这个侧试的结果很好。", reference="这个测试的结果很好。")
    html = verdict_html(s)
    assert "<del>侧</del><ins>测</ins>" in html and "<del>的</del>" in html
    assert 'data-verdict="over_correction"' in html


def test_hostile_text_is_escaped_in_marks_and_titles():
    src = 'Click <b>here</b> "now"'
    s = scored('Click <script>alert(1)</script> "now"', source=src, reference='Click <b>there</b> "now"')
    html = verdict_html(s) + score_stats(s)
    assert "<script" not in html and "<b>" not in html and "</b>" not in html
    answer_only = re.sub(r"<del>.*?</del>|<span class=\"rl-v-tag\">.*?</span>", "", verdict_html(s))
    assert text_of(answer_only) == 'Click <script>alert(1)</script> "now"'  # shown literally


def test_card_score_says_dash_when_nothing_was_proposed():
    assert "P — · R 0.000 · F0.5 0.000 (TP 0, FP 0, FN 3)" in score_stats(scored(SRC))


def test_legend_names_all_four_marks():
    legend = legend_html()
    for word in ("fixed", "wrong fix", "over-correction", "missed"):
        assert word in legend


def test_verdict_table_adds_up_to_the_model_scores_per_type():
    from lib.load import load_path
    from lib.views.verdict_tables import verdict_examples, verdict_table
    from tests.conftest import ROOT

    ds = load_path(str(ROOT / "data" / "proofreading.csv"))
    scores = score_dataset(ds)
    table = verdict_table(scores, ["modelA", "modelB", "modelC"])
    by_type = scores.by_type.set_index(["model", "type"])
    for row in table.itertuples(index=False):
        expected = by_type.loc[(row.model, row.type)]
        assert (row.fixed, row.wrong_fix + row.over_correction, row.missed) == (expected.tp, expected.fp, expected.fn)
    ids = dict(zip(ds.frame.index, ds.frame["sample_id"]))
    rows, total = verdict_examples(scores, ids, "modelB", "PART")
    assert total == len(rows) >= 1 and set(rows["sample_id"]) <= set(ids.values())
    assert all("〔" in c for c in rows["context"])
