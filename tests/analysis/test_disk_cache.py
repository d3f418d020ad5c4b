"""The analysis disk cache: instant reopening, and never a result of other code or other data."""
from __future__ import annotations

from lib.analysis import disk_cache


def test_store_then_load_round_trips_and_misses_are_none(monkeypatch, tmp_path):
    monkeypatch.setenv("REDLINE_CACHE_DIR", str(tmp_path))
    assert disk_cache.load("sha:a") is None
    disk_cache.store("sha:a", {"rows": [1, 2]})
    assert disk_cache.load("sha:a") == {"rows": [1, 2]} and disk_cache.load("sha:b") is None


def test_off_disables_the_cache(monkeypatch):
    monkeypatch.setenv("REDLINE_CACHE_DIR", "off")
    disk_cache.store("k", 1)
    assert disk_cache.load("k") is None


def test_a_result_of_other_analysis_code_is_not_read_back(monkeypatch, tmp_path):
    monkeypatch.setenv("REDLINE_CACHE_DIR", str(tmp_path))
    disk_cache.store("sha:a", "old result")
    monkeypatch.setattr(disk_cache, "CACHE_VERSION", "other")  # stands for edited analysis code
    disk_cache.code_version.cache_clear()
    try:
        assert disk_cache.load("sha:a") is None
    finally:
        monkeypatch.undo()
        disk_cache.code_version.cache_clear()


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
