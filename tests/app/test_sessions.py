"""Two browser sessions never see each other's results, even for the same bytes."""
from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from lib.load.dataset import LoadOptions
from tests.app.test_pages import APP, TIMEOUT, run
from tests.conftest import FIXTURES

EXPORT = (FIXTURES / "lm-eval" / "Qwen2-7B" / "samples_gec_2024-06-01T10-00-00.jsonl").read_bytes()


@pytest.fixture
def cache(monkeypatch, tmp_path):
    monkeypatch.setenv("REDLINE_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("REDLINE_DATA", raising=False)
    return tmp_path / "cache"


def _session_with_upload(name: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    run(at)
    at.switch_page("pages/load.py")
    run(at)
    at.segmented_control(key="load_mode").set_value("Upload a file")
    run(at)
    at.get("file_uploader")[0].upload(name, EXPORT, "application/jsonl")
    run(at)
    return at


def _leaderboard_models(at: AppTest) -> set[str]:
    at.switch_page("pages/models.py")
    run(at)
    return set(at.dataframe[0].value["model"])


def _forget_memory_caches() -> None:
    """What a server restart does: only the disk cache is left."""
    import streamlit as st

    st.cache_resource.clear()
    st.cache_data.clear()


def test_the_same_export_under_two_names_shows_each_session_its_own_model(cache):
    # lm-eval 0.4.0–0.4.2 named its files after the model ("<model_args>_<task>.jsonl"): the name gives the model.
    first = _session_with_upload("pretrained__secret-model-A_gec.jsonl")
    assert _leaderboard_models(first) == {"secret-model-A"}
    second = _session_with_upload("pretrained__mine_gec.jsonl")
    assert _leaderboard_models(second) == {"mine"}
    categories = second
    categories.switch_page("pages/categories.py")
    run(categories)
    assert "secret" not in str([e.proto for e in categories.get("vega_lite_chart")])
    # After a restart, the disk cache serves each name its own entry too.
    _forget_memory_caches()
    assert _leaderboard_models(_session_with_upload("pretrained__mine_gec.jsonl")) == {"mine"}
    assert len(list(cache.glob("analysis-*.parquet"))) == 3  # the bundled sample's, and one per name


def test_the_cache_key_covers_content_name_and_options():
    from pages._state import Source

    base = Source("samples_a.jsonl", "0" * 64, LoadOptions())
    others = [
        Source("samples_b.jsonl", "0" * 64, LoadOptions()),
        Source("samples_a.jsonl", "1" * 64, LoadOptions()),
        Source("samples_a.jsonl", "0" * 64, LoadOptions(model_name="x")),
    ]
    assert len({base.key, *(s.key for s in others)}) == 4


def _fresh(src: str | None) -> AppTest:
    """A browser refresh: a new session on the same URL."""
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    if src is not None:
        at.query_params["src"] = src
    return run(at)


def test_a_refreshed_tab_gets_its_upload_back(cache):
    from lib.analysis import uploads
    from tests.app.test_pages import html_of

    first = _session_with_upload("pretrained__mine_gec.jsonl")
    src = first.query_params.get("src")
    src = src[0] if isinstance(src, list) else src
    assert src == uploads.upload_id(EXPORT)
    again = _fresh(src)
    body = html_of(again)
    assert "pretrained__mine_gec.jsonl" in body and 'class="rl-alert rl-alert-warning"' not in body
    assert _leaderboard_models(again) == {"mine"}


def test_a_refresh_whose_upload_is_gone_says_so_and_shows_the_sample(cache):
    from tests.app.test_pages import html_of

    again = _fresh("0" * 32)
    body = html_of(again)
    assert "the server no longer keeps" in body and "sample.md" in body


def test_sessions_on_the_same_content_share_one_copy_of_its_bytes(cache):
    from pages import _keys as K

    first = _session_with_upload("samples_mine.jsonl")
    second = _session_with_upload("samples_other.jsonl")
    assert first.session_state[K.SOURCE_BYTES] == EXPORT
    assert first.session_state[K.SOURCE_BYTES] is second.session_state[K.SOURCE_BYTES]
