"""Pages stay truthful and inert with hostile names, URLs and answers that cannot be aligned."""
from __future__ import annotations

import contextlib

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

import lib.align.diff as diff_module
from tests.app.test_pages import APP, TIMEOUT, html_of, paste, run


@pytest.fixture
def app(monkeypatch, tmp_path) -> AppTest:
    monkeypatch.setenv("REDLINE_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("REDLINE_DATA", raising=False)
    return AppTest.from_file(APP, default_timeout=TIMEOUT)


def test_a_file_name_in_the_reading_label_is_not_markdown(app, monkeypatch):
    labels: list[str] = []

    @contextlib.contextmanager
    def status(label, **kwargs):
        labels.append(label)

        class Box:
            def update(self, label=None, **kw):
                labels.append(label)
        yield Box()

    monkeypatch.setattr(st, "status", status)
    run(app)
    app.switch_page("pages/load.py")
    run(app)
    app.segmented_control(key="load_mode").set_value("Upload a file")
    run(app)
    data = ("model,answer,reference\n" + "m,an answer here,the reference text\n" * 70_000).encode()
    app.get("file_uploader")[0].upload("$x^2$ [a](javascript:x).csv", data, "text/csv")
    run(app)
    assert labels and labels[0].startswith(r"Reading \$x^2\$ \[a\]\(javascript\:x\)\.csv (2.5 MB)")
    assert labels[1] == r"Read \$x^2\$ \[a\]\(javascript\:x\)\.csv"


def test_model_names_on_the_load_page_are_bidi_isolated(app):
    run(app)
    app.switch_page("pages/load.py")
    run(app)
    paste(app, "model,answer,reference\nevil\u202eabc,x,y\nnext,x,y\n")
    body = html_of(app)
    assert "\u2068evil&lt;U+202E&gt;abc\u2069, \u2068next\u2069" in body and "\u202e" not in body


def test_a_long_sample_in_a_link_is_shortened_in_the_note(app):
    app.query_params["sample"] = "x" * 5_234
    run(app)
    body = html_of(app)
    assert "x" * 81 not in body and "(5,234 characters)" in body


def test_answers_too_different_to_align_are_not_called_matches(app, monkeypatch):
    def slow(a, b, timeout):
        import time
        time.sleep(timeout + 0.01)
        return [(0, len(a))]

    monkeypatch.setattr(diff_module, "_raw_diff", slow)
    run(app)
    app.switch_page("pages/load.py")
    run(app)
    paste(app, "model,answer,reference\nm,four five six,one two three\nn,one two three,one two three\n")
    app.switch_page("pages/categories.py")
    run(app)
    infos = " ".join(i.value for i in app.info)
    assert "every answer matches" not in infos
    assert "1 answer was too different to align (flag too_different)" in infos


def test_the_load_preview_clips_huge_cells(app):
    run(app)
    app.switch_page("pages/load.py")
    run(app)
    paste(app, "model,answer,reference\nm," + "a" * 50_000 + ",ref\n")
    preview = app.dataframe[-1].value
    assert preview["answer"].iloc[0] == "a" * 2_000 + " …"


def test_a_sample_with_thousands_of_runs_offers_a_bounded_choice(app):
    from pages._widgets import MAX_MODEL_CHOICES

    run(app)
    app.switch_page("pages/load.py")
    run(app)
    # A JSON without ids: every record answers the same reference, so each is another run.
    paste(app, "[" + ",".join('{"answer": "a%d", "reference": "r"}' % i for i in range(1_500)) + "]")
    app.switch_page("pages/models.py")
    run(app)
    assert len(app.multiselect(key="_w_models").options) == MAX_MODEL_CHOICES
    assert "1,500 model runs: the first 200 can be chosen" in " ".join(c.value for c in app.caption)
    assert len(app.dataframe[0].value) == 1_000
    app.switch_page("pages/diffs.py")
    run(app)
    assert html_of(app).count('class="rl-card"') == 24


def test_analysis_stops_when_the_tab_that_asked_is_gone(app, monkeypatch, tmp_path):
    import time

    from pages import _analysis, _state

    run(app)
    app.switch_page("pages/load.py")
    run(app)
    rows = "".join(f"{i},m,answer {i} here,the reference {i}\n" for i in range(2_500))
    paste(app, "id,model,answer,reference\n" + rows)
    monkeypatch.setattr(_state, "_session_id", lambda: "gone-tab")
    monkeypatch.setattr(_state, "_session_alive", lambda session: False)
    app.switch_page("pages/categories.py")
    run(app)
    assert not app.get("vega_lite_chart")  # waiting, never drawn on a part of the answers
    source = app.session_state["source"]
    job = _analysis._jobs().peek(source.key)
    assert job is not None and job.done.wait(120)
    assert job.cancelled and job.result is None  # stopped at its first progress report
    assert _analysis._jobs().peek(source.key) is None  # nothing half-done was kept
    assert len(list((tmp_path / "cache").glob("analysis-*"))) <= 1  # at most the sample's