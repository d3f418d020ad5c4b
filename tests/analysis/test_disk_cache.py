"""The analysis disk cache: instant reopening, data only, and never a result of other code or other data."""
from __future__ import annotations

import os
import pickle

import pandas as pd
import pyarrow.parquet as pq
import pytest

from lib.analysis import disk_cache
from lib.analysis.dataset import analyze
from lib.load import load_path

from tests.conftest import SAMPLE


@pytest.fixture
def cache(monkeypatch, tmp_path):
    monkeypatch.setenv("REDLINE_CACHE_DIR", str(tmp_path))
    return tmp_path


@pytest.fixture(scope="module")
def analysis():
    return analyze(load_path(SAMPLE).frame)


def _same(a: pd.DataFrame, b: pd.DataFrame) -> None:
    assert list(a.columns) == list(b.columns) and list(a.index) == list(b.index)
    for column in a.columns:
        assert a[column].tolist() == b[column].tolist(), column


def test_store_then_load_round_trips_the_analysis_and_misses_are_none(cache, analysis):
    assert disk_cache.load("sha:a") is None
    disk_cache.store("sha:a", analysis)
    _same(disk_cache.load("sha:a"), analysis)
    assert disk_cache.load("sha:b") is None


def test_the_cache_file_is_parquet_and_nothing_else(cache, analysis):
    disk_cache.store("sha:a", analysis)
    files = list(cache.iterdir())
    assert [f.suffix for f in files] == [".parquet"]
    assert pq.read_table(files[0]).num_rows == len(analysis)


class _RunsCode:
    """A pickle that, when loaded, writes a file: what an attacker would plant."""

    def __init__(self, marker: str) -> None:
        self.marker = marker

    def __reduce__(self):
        return (os.system, (f"touch {self.marker}",))


def test_a_planted_pickle_under_the_next_lookups_name_runs_nothing_and_is_a_miss(cache, tmp_path_factory):
    marker = tmp_path_factory.mktemp("marker") / "ran"
    payload = pickle.dumps(_RunsCode(str(marker)))
    target = disk_cache._path("sha:a")
    target.write_bytes(payload)  # the exact name the next lookup reads
    target.with_suffix(".pkl").write_bytes(payload)  # and the name older versions used
    assert disk_cache.load("sha:a") is None
    assert not marker.exists()


def test_a_stale_pickle_is_deleted_unread_when_the_cache_is_written(cache, analysis, tmp_path_factory):
    marker = tmp_path_factory.mktemp("marker") / "ran"
    stale = cache / "analysis-0123456789abcdef.pkl"
    stale.write_bytes(pickle.dumps(_RunsCode(str(marker))))
    disk_cache.store("sha:a", analysis)
    assert not stale.exists() and not marker.exists()


def test_a_parquet_written_for_another_key_is_not_served(cache, analysis):
    disk_cache.store("sha:a", analysis)
    disk_cache._path("sha:a").rename(disk_cache._path("sha:b"))  # planted under b's name
    assert disk_cache.load("sha:b") is None


def test_a_tampered_analysis_is_a_miss(cache, analysis):
    import pyarrow as pa

    disk_cache.store("sha:a", analysis)
    path = disk_cache._path("sha:a")
    table = pq.read_table(path)
    bad = table.set_column(table.schema.get_field_index("similarity"), "similarity",
                           pa.array([float("nan")] * table.num_rows))
    pq.write_table(bad, path)
    assert disk_cache.load("sha:a") is None
    flags = pa.array([["exact", "rm -rf"]] * table.num_rows, pa.list_(pa.string()))
    pq.write_table(table.set_column(table.schema.get_field_index("flags"), "flags", flags), path)
    assert disk_cache.load("sha:a") is None


def test_garbage_bytes_are_a_miss(cache):
    disk_cache._path("sha:a").write_bytes(b"PAR1 not really")
    assert disk_cache.load("sha:a") is None


def test_off_disables_the_cache(monkeypatch, analysis):
    monkeypatch.setenv("REDLINE_CACHE_DIR", "off")
    disk_cache.store("k", analysis)
    assert disk_cache.load("k") is None


def test_a_result_of_other_analysis_code_is_not_read_back(cache, monkeypatch, analysis):
    disk_cache.store("sha:a", analysis)
    monkeypatch.setattr(disk_cache, "CACHE_VERSION", "other")  # stands for edited analysis code
    disk_cache.code_version.cache_clear()
    try:
        assert disk_cache.load("sha:a") is None
    finally:
        monkeypatch.undo()
        disk_cache.code_version.cache_clear()


def test_no_module_of_lib_uses_an_executable_serialisation():
    from tests.conftest import ROOT

    for path in (ROOT / "lib").rglob("*.py"):
        text = path.read_text()
        for banned in ("import pickle", "import dill", "import joblib", "import marshal", "import shelve"):
            assert banned not in text, f"{path}: {banned}"


def test_code_version_covers_the_modules_that_name_edits():
    assert {"align", "name", "analysis"} <= set(disk_cache._ANALYSIS_PACKAGES)
    assert len(disk_cache.code_version()) == 16


def test_a_new_module_in_an_analysis_package_starts_a_new_cache(tmp_path, monkeypatch):
    for package in disk_cache._ANALYSIS_PACKAGES:
        (tmp_path / package).mkdir()
        (tmp_path / package / "__init__.py").write_text("")
    monkeypatch.setattr(disk_cache, "_LIB", tmp_path)
    disk_cache.code_version.cache_clear()
    try:
        before = disk_cache.code_version()
        (tmp_path / "name" / "new_rules.py").write_text("RULES = ()\n")
        disk_cache.code_version.cache_clear()
        assert disk_cache.code_version() != before
    finally:
        monkeypatch.undo()
        disk_cache.code_version.cache_clear()
