"""Analyses kept on disk by content hash, so reopening the same file (even after a restart) is instant.

Pickle is safe here because only Redline writes these files, into its own cache folder; the key
includes a hash of the analysis code, so a result computed by other code is never read back.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any

# Bump when the analysis output changes shape; changes of meaning are caught by code_version().
CACHE_VERSION = "2"
# The packages whose code decides what an analysis says: any edit to a file in them (a new module
# included) starts a new cache, so nobody has to remember to list a file here.
_LIB = Path(__file__).resolve().parent.parent
_ANALYSIS_PACKAGES = ("align", "name", "analysis")
DEFAULT_DIR = _LIB.parent / ".redline-cache"
# Beyond this many files the oldest are removed (each is a few MB for 32,000 answers).
MAX_FILES = 32


def cache_dir() -> Path:
    """REDLINE_CACHE_DIR, or .redline-cache/ in the checkout; "off" disables the cache."""
    return Path(os.environ.get("REDLINE_CACHE_DIR") or DEFAULT_DIR)


def enabled() -> bool:
    return os.environ.get("REDLINE_CACHE_DIR", "").lower() != "off"


@lru_cache(maxsize=1)
def code_version() -> str:
    """A hash of the analysis code itself: a cached result from older code (say, before an edit
    type was renamed) would otherwise be served as if it were current."""
    digest = hashlib.sha256(CACHE_VERSION.encode())
    for package in _ANALYSIS_PACKAGES:
        for path in sorted((_LIB / package).rglob("*.py")):
            digest.update(str(path.relative_to(_LIB)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _path(key: str) -> Path:
    digest = hashlib.sha256(f"{code_version()}:{key}".encode()).hexdigest()[:32]
    return cache_dir() / f"analysis-{digest}.pkl"


def load(key: str) -> Any | None:
    """The stored value, or None when absent, unreadable or disabled (a cache miss, never an error)."""
    if not enabled():
        return None
    path = _path(key)
    try:
        with path.open("rb") as fh:
            value = pickle.load(fh)
        os.utime(path)  # mark as recently used
        return value
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError):
        return None


def store(key: str, value: Any) -> None:
    """Write atomically (temp file + rename) so a concurrent reader never sees half a file."""
    if not enabled():
        return
    directory = cache_dir()
    try:
        directory.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=directory, delete=False, suffix=".tmp") as fh:
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(fh.name, _path(key))
        _prune(directory)
    except OSError:
        pass  # a read-only or full disk only costs speed


def _prune(directory: Path) -> None:
    files = sorted(directory.glob("analysis-*.pkl"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in files[MAX_FILES:]:
        old.unlink(missing_ok=True)
