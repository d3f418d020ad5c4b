"""A large file: the Diffs page draws its sample before the whole file is analysed, and the
Models and Categories pages wait for the whole analysis with a progress bar, never showing
numbers of a part of it."""
from __future__ import annotations

import threading
import time

import pytest
from streamlit.testing.v1 import AppTest

from bench.generate import write_csv
from tests.conftest import ROOT

APP = str(ROOT / "app.py")


@pytest.fixture
def held_analysis(monkeypatch):
    """The whole-file analysis waits until the test releases it; a sample's analysis never waits."""
    from pages import _analysis

    gate = threading.Event()
    real = _analysis.analyze

    def held(frame, **kwargs):
        if len(frame) >= _analysis.PROGRESS_MIN_ROWS:
            assert gate.wait(120), "the test never released the analysis"
        return real(frame, **kwargs)

    monkeypatch.setattr(_analysis, "analyze", held)
    yield gate
    gate.set()


def _progress_texts(at: AppTest) -> list[str]:
    return [str(p.proto.text) for p in at.get("progress")]


def test_first_diff_is_drawn_while_the_whole_file_is_still_being_analysed(held_analysis, monkeypatch, tmp_path):
    path = write_csv(tmp_path / "large.csv", 150, 16, seed=3, workload="near")  # 2,400 answers
    monkeypatch.setenv("REDLINE_DATA", str(path))
    monkeypatch.setenv("REDLINE_CACHE_DIR", str(tmp_path / "cache"))
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    body = "".join(getattr(e.proto, "body", "") for e in at.get("html"))
    assert body.count('class="rl-card"') >= 15  # the variants view: the answers other than the baseline
    assert "16 answers · " in body  # the overview line: read off this sample's own analysis
    assert any("in the background" in c.value and "2,400" in c.value for c in at.caption)

    at.switch_page("pages/models.py")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert not at.dataframe  # no leaderboard of a part of the answers
    assert any("Analysing all 2,400 answers" in t for t in _progress_texts(at))

    at.switch_page("pages/categories.py")
    at.run()
    assert not at.get("arrow_vega_lite_chart") and not at.dataframe
    assert any("Analysing all 2,400 answers" in t for t in _progress_texts(at))

    held_analysis.set()
    at.switch_page("pages/models.py")
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        at.run()
        if at.dataframe:
            break
        time.sleep(0.5)
    assert not at.exception, [e.value for e in at.exception]
    table = at.dataframe[0].value
    assert len(table) == 16 and table["answers"].sum() == 2_400
    assert not _progress_texts(at)
