"""Kept uploads: what a refreshed tab restores, bounded, checked, cleared by age."""
from __future__ import annotations

import os
import time

import pytest

from lib.analysis import uploads
from lib.load.dataset import LoadOptions


@pytest.fixture(autouse=True)
def cache(monkeypatch, tmp_path):
    monkeypatch.setenv("REDLINE_CACHE_DIR", str(tmp_path))
    return tmp_path


def test_an_upload_is_kept_by_its_content_hash_with_its_name_and_options():
    options = LoadOptions(roles=(("answer", "out"),), table=1, model_name="m", shape="long")
    key = uploads.keep(b"a,b\n1,2\n", "t.csv", options)
    assert key == uploads.upload_id(b"a,b\n1,2\n") and len(key) == 32
    assert uploads.fetch(key) == uploads.Kept(b"a,b\n1,2\n", "t.csv", options)


def test_bytes_that_do_not_match_their_hash_are_not_served(cache):
    key = uploads.keep(b"one", "t.csv")
    (cache / "uploads" / f"{key}.data").write_bytes(b"two")
    assert uploads.fetch(key) is None


def test_an_id_from_a_url_is_checked_before_any_file_is_touched():
    for bad in ("../../etc/passwd", "", "A" * 32, "0" * 31, None):
        assert uploads.fetch(bad) is None


def test_old_uploads_are_cleared_and_only_the_last_few_kept(cache):
    old = uploads.keep(b"old", "old.csv")
    stale = time.time() - uploads.MAX_AGE_S - 10
    os.utime(cache / "uploads" / f"{old}.data", (stale, stale))
    assert uploads.fetch(old) is None and not (cache / "uploads" / f"{old}.json").exists()
    keys = []
    for i in range(uploads.MAX_KEPT + 3):
        keys.append(uploads.keep(f"file {i}".encode(), f"{i}.csv"))
        os.utime(cache / "uploads" / f"{keys[-1]}.data", (1_000, time.time() - 100 + i))  # in order
    assert len(list((cache / "uploads").glob("*.data"))) == uploads.MAX_KEPT
    assert uploads.fetch(keys[-1]) is not None and uploads.fetch(keys[0]) is None


def test_off_keeps_nothing(monkeypatch):
    monkeypatch.setenv("REDLINE_CACHE_DIR", "off")
    assert uploads.keep(b"x", "x.csv") is None


def test_the_upload_id_is_a_prefix_of_the_pages_content_hash():
    import hashlib

    # pages/_restore.py compares the two instead of hashing the bytes again on every rerun
    assert hashlib.sha256(b"abc").hexdigest().startswith(uploads.upload_id(b"abc"))
