"""Analyses kept on disk, so reopening the same file (even after a restart) is instant.

Data only: each analysis is one Parquet file (plain columns, the edits as a list of structs) with
a small JSON header in its metadata. No executable serialisation (pickle) is read or written: the
cache folder is a place anyone with write access to it could plant a file, and reading one must
never run code. Whatever is read back is checked (schema, header, key, value ranges) and anything
odd is a cache miss, never an error.
"""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from lib.analysis.dataset import ANALYSIS_COLUMNS
from lib.name.codes import EDIT_TYPES, OPERATIONS
from lib.name.merge import Edit
from lib.name.flags import FLAGS

# Bump when the analysis output changes shape; changes of meaning are caught by code_version().
CACHE_VERSION = "3"
# The packages whose code decides what an analysis says: any edit to a file in them (a new module
# included) starts a new cache, so nobody has to remember to list a file here.
_LIB = Path(__file__).resolve().parent.parent
_ANALYSIS_PACKAGES = ("align", "name", "analysis")
DEFAULT_DIR = _LIB.parent / ".redline-cache"
# Beyond this many files the oldest are removed (each is a few MB for 32,000 answers).
MAX_FILES = 32
# A cache file bigger than this is not read (a planted file must not exhaust memory).
MAX_FILE_BYTES = 1 << 30
_SUFFIX = ".parquet"
_HEADER_KEY = b"redline"

_EDIT_TYPE = pa.struct([
    ("op", pa.string()), ("type", pa.string()), ("reference", pa.string()), ("answer", pa.string()),
    ("ref_start", pa.int64()), ("ans_start", pa.int64()),
])
SCHEMA = pa.schema([
    ("sample_id", pa.string()), ("model", pa.string()), ("model_name", pa.string()),
    ("similarity", pa.float64()), ("cer", pa.float64()), ("wer", pa.float64()), ("edits", pa.int64()),
    ("exact", pa.bool_()), ("flags", pa.list_(pa.string())), ("edit_list", pa.list_(_EDIT_TYPE)),
    ("timed_out", pa.bool_()), ("index", pa.int64()),
])


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


def _full_key(key: str) -> str:
    return f"{code_version()}:{key}"


def _path(key: str) -> Path:
    digest = hashlib.sha256(_full_key(key).encode()).hexdigest()[:32]
    return cache_dir() / f"analysis-{digest}{_SUFFIX}"


def load(key: str) -> pd.DataFrame | None:
    """The stored analysis, or None when absent, unreadable, odd in any way, or disabled."""
    if not enabled():
        return None
    path = _path(key)
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            return None
        table = pq.read_table(path)
        frame = _from_table(table, key)
        os.utime(path)  # mark as recently used
        return frame
    except Exception:  # noqa: BLE001 - a damaged or planted file is a miss, whatever pyarrow raises
        return None


def store(key: str, analysis: pd.DataFrame) -> None:
    """Write atomically (temp file + rename) so a concurrent reader never sees half a file."""
    if not enabled():
        return
    directory = cache_dir()
    try:
        table = _to_table(analysis, key)
        directory.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=directory, delete=False, suffix=".tmp") as fh:
            pq.write_table(table, fh)
        os.replace(fh.name, _path(key))
        _prune(directory)
    except OSError:
        pass  # a read-only or full disk only costs speed


def _to_table(analysis: pd.DataFrame, key: str) -> pa.Table:
    edit_lists = analysis["edit_list"].tolist()
    offsets = np.zeros(len(edit_lists) + 1, dtype=np.int32)
    np.cumsum([len(es) for es in edit_lists], out=offsets[1:])
    flat = [e for es in edit_lists for e in es]
    edits = pa.StructArray.from_arrays(
        [pa.array([e.op for e in flat], pa.string()), pa.array([e.type for e in flat], pa.string()),
         pa.array([e.reference for e in flat], pa.string()), pa.array([e.answer for e in flat], pa.string()),
         pa.array([e.ref_start for e in flat], pa.int64()), pa.array([e.ans_start for e in flat], pa.int64())],
        fields=list(_EDIT_TYPE),
    )
    columns = {
        "sample_id": pa.array(analysis["sample_id"].astype(str).tolist(), pa.string()),
        "model": pa.array(analysis["model"].astype(str).tolist(), pa.string()),
        "model_name": pa.array(analysis["model_name"].astype(str).tolist(), pa.string()),
        "similarity": pa.array(analysis["similarity"].astype(float).to_numpy(), pa.float64()),
        "cer": pa.array(analysis["cer"].astype(float).to_numpy(), pa.float64()),
        "wer": pa.array(analysis["wer"].astype(float).to_numpy(), pa.float64()),
        "edits": pa.array(analysis["edits"].astype(np.int64).to_numpy(), pa.int64()),
        "exact": pa.array(analysis["exact"].astype(bool).to_numpy(), pa.bool_()),
        "flags": pa.array([list(f) for f in analysis["flags"]], pa.list_(pa.string())),
        "edit_list": pa.ListArray.from_arrays(pa.array(offsets, pa.int32()), edits),
        "timed_out": pa.array(analysis["timed_out"].astype(bool).to_numpy(), pa.bool_()),
        "index": pa.array(np.asarray(analysis.index, dtype=np.int64), pa.int64()),
    }
    header = {"key": _full_key(key), "rows": len(analysis), "columns": list(ANALYSIS_COLUMNS)}
    return pa.table(columns, schema=SCHEMA.with_metadata({_HEADER_KEY: json.dumps(header).encode()}))


class _Invalid(ValueError):
    """What was read back is not an analysis this code wrote for this key."""


def _check(ok: bool, what: str) -> None:
    if not ok:
        raise _Invalid(what)


def _from_table(table: pa.Table, key: str) -> pd.DataFrame:
    """The analysis frame, after checking the file is exactly what _to_table writes for `key`."""
    header = json.loads((table.schema.metadata or {}).get(_HEADER_KEY, b"null"))
    _check(isinstance(header, dict) and header.get("key") == _full_key(key), "another key")
    _check(header.get("rows") == table.num_rows and header.get("columns") == list(ANALYSIS_COLUMNS), "header")
    _check(table.schema.remove_metadata().equals(SCHEMA), "schema")
    _check(all(table[c].null_count == 0 for c in SCHEMA.names), "missing values")
    data = {c: table[c].to_pylist() for c in ("sample_id", "model", "model_name", "flags")}
    numbers = {c: table[c].to_numpy() for c in ("similarity", "cer", "wer", "edits")}
    for c in ("similarity", "cer", "wer"):
        _check(bool(np.isfinite(numbers[c]).all()) and bool((numbers[c] >= 0).all()), c)
    _check(bool((numbers["similarity"] <= 1).all()), "similarity")
    flags = data["flags"]
    _check(set(pc.unique(pc.list_flatten(table["flags"])).to_pylist()) <= set(FLAGS), "flags")
    edit_lists = _edit_lists(table["edit_list"].combine_chunks())
    _check(all(n == len(es) for n, es in zip(numbers["edits"], edit_lists)), "edit counts")
    exact = table["exact"].to_numpy(zero_copy_only=False)
    _check(all(bool(x) == ("exact" in fs) for x, fs in zip(exact, flags)), "exact")
    index = table["index"].to_numpy()
    out = pd.DataFrame({
        "sample_id": pd.Series(data["sample_id"], dtype=object),
        "model": pd.Series(data["model"], dtype=object),
        "model_name": pd.Series(data["model_name"], dtype=object),
        "similarity": numbers["similarity"], "cer": numbers["cer"], "wer": numbers["wer"],
        "edits": numbers["edits"].astype(int), "exact": exact.astype(bool),
        "flags": pd.Series([tuple(f) for f in flags], dtype=object),
        "edit_list": pd.Series(edit_lists, dtype=object),
        "timed_out": table["timed_out"].to_numpy(zero_copy_only=False).astype(bool),
    })
    if not np.array_equal(index, np.arange(len(index))):
        out.index = pd.Index(index)
    return out[list(ANALYSIS_COLUMNS)]


def _edit_lists(column: pa.ListArray) -> list[tuple[Edit, ...]]:
    """The edits of each answer, built column-wise (one Python object per edit, no dict per edit:
    a 32,000-answer analysis has ~100,000 edits), after checking their codes and offsets."""
    _check(column.null_count == 0 and column.values.null_count == 0, "missing edits")
    edits = column.values
    fields = {name: edits.field(name) for name in ("op", "type", "reference", "answer", "ref_start", "ans_start")}
    _check(all(fields[f].null_count == 0 for f in fields), "missing edit fields")
    _check(set(pc.unique(fields["op"]).to_pylist()) <= set(OPERATIONS), "edit operation")
    _check(set(pc.unique(fields["type"]).to_pylist()) <= set(EDIT_TYPES), "edit type")
    for f in ("ref_start", "ans_start"):
        _check(len(edits) == 0 or pc.min(fields[f]).as_py() >= 0, f)
    flat = list(map(Edit, *(fields[f].to_pylist() for f in fields)))
    offsets = column.offsets.to_numpy()
    _check(offsets[0] == 0 and offsets[-1] == len(flat) and bool((np.diff(offsets) >= 0).all()), "offsets")
    return [tuple(flat[a:b]) for a, b in zip(offsets[:-1].tolist(), offsets[1:].tolist())]


def _prune(directory: Path) -> None:
    # Pickles of older versions are deleted unread: a data-only cache never opens one.
    for stale in directory.glob("analysis-*.pkl"):
        stale.unlink(missing_ok=True)
    files = sorted(directory.glob(f"analysis-*{_SUFFIX}"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in files[MAX_FILES:]:
        old.unlink(missing_ok=True)
