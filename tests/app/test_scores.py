"""AppTest: proofreading scores on the Models page and the verdict marks on the Diffs page."""
from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from tests.app.test_pages import APP, TIMEOUT, click, html_of, run
from tests.conftest import ROOT

EXAMPLE = ROOT / "data" / "proofreading.csv"


@pytest.fixture
def proofreading(monkeypatch, tmp_path) -> AppTest:
    monkeypatch.setenv("REDLINE_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("REDLINE_DATA", str(EXAMPLE))
    return AppTest.from_file(APP, default_timeout=TIMEOUT)


def test_models_page_ranks_by_f05_with_the_counts_behind_it(proofreading):
    run(proofreading)
    proofreading.switch_page("pages/models.py")
    run(proofreading)
    table = proofreading.dataframe[0].value
    assert list(table["model"]) == ["modelA", "modelC", "modelB"]  # F0.5 0.987, 0.556, 0.550
    a = table.iloc[0]
    assert (a["f05"], a["precision"], a["recall"]) == ("0.987", "1.000", "0.938")
    assert (int(a["tp"]), int(a["fp"]), int(a["fn"])) == (15, 0, 1)
    assert any("compare_m2" in c.value for c in proofreading.caption)


def test_models_page_without_a_source_says_why_there_is_no_score(monkeypatch, tmp_path):
    monkeypatch.setenv("REDLINE_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("REDLINE_DATA", raising=False)
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    run(at)
    at.switch_page("pages/models.py")
    run(at)
    assert "f05" not in at.dataframe[0].value.columns
    assert any("No proofreading scores" in c.value and "no source column" in c.value for c in at.caption)


def test_diffs_source_view_marks_every_kind_of_change_with_a_legend(proofreading):
    proofreading.query_params["sample"] = "en-1"
    proofreading.query_params["view"] = "source"
    run(proofreading)
    body = html_of(proofreading)
    for verdict in ("fixed", "wrong_fix", "over_correction", "missed"):
        assert f'data-verdict="{verdict}"' in body, verdict
    assert "the reference keeps this text" in body  # the legend
    assert "P 0.333 · R 0.333 · F0.5 0.333 (TP 1, FP 2, FN 2)" in body  # modelB's card


def test_diffs_cards_show_which_of_several_references_was_used(proofreading):
    proofreading.query_params["sample"] = "en-2"
    proofreading.query_params["view"] = "inline"
    run(proofreading)
    body = html_of(proofreading)
    assert "Reference (correct answer) 1 of 2" in body and "Reference (correct answer) 2 of 2" in body
    assert "reference 2 of 2)" in body  # modelA matches the second reference
    assert 'data-verdict=' not in body   # the inline view keeps the diff against the reference


def test_load_page_offers_the_proofreading_example(monkeypatch, tmp_path):
    monkeypatch.setenv("REDLINE_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("REDLINE_DATA", raising=False)
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    run(at)
    at.switch_page("pages/load.py")
    run(at)
    click(at, "Load the proofreading example")
    assert "<dd>proofreading.csv</dd>" in html_of(at)
    assert "<dt>Answers</dt><dd>18</dd>" in html_of(at)


def test_categories_lists_verdicts_per_model_and_type_and_opens_one_in_diffs(proofreading):
    run(proofreading)
    proofreading.switch_page("pages/categories.py")
    run(proofreading)
    table = next(d.value for d in proofreading.dataframe if "over_correction" in d.value.columns)
    b = table[table["model"] == "modelB"].set_index("type")
    assert int(b.loc["PART", "over_correction"]) >= 2  # 的 deleted, 了 added
    assert int(b["fixed"].sum()) == 11 and int(b[["wrong_fix", "over_correction"]].sum().sum()) == 10  # = TP, FP
    examples = next(d.value for d in proofreading.dataframe if "verdict" in d.value.columns)
    assert set(examples["verdict"]) <= {"fixed", "missed", "over-correction"} | {v for v in examples["verdict"] if v.startswith("wrong fix")}
    click(proofreading, "Open in the source view")
    assert (proofreading.session_state["view"], proofreading.session_state["base"]) == ("inline", "source")
    assert 'data-verdict="' in html_of(proofreading)


def test_the_categories_proofreading_section_shows_a_hostile_model_name_as_text(monkeypatch, tmp_path):
    hostile = "$x^2$ [a](javascript:alert(1)) <b>m</b>"
    path = tmp_path / "hostile_proof.csv"
    import csv
    import io

    rows = list(csv.reader(io.StringIO(EXAMPLE.read_text(encoding="utf-8"))))
    with path.open("w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows([[hostile if c == "modelA" else c for c in r] for r in rows])
    monkeypatch.setenv("REDLINE_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("REDLINE_DATA", str(path))
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    run(at)
    at.switch_page("pages/categories.py")
    run(at)
    assert not any("javascript" in m.value or "$x^2$" in m.value for m in at.markdown)
    body = html_of(at)
    assert "&lt;b&gt;m&lt;/b&gt;" in body and "<b>m</b>" not in body
