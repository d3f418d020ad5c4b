"""The last uploads, kept on disk by content hash so a refreshed browser tab gets its data back.

Data only, like the analysis cache beside it: the bytes as uploaded plus a small JSON file (name,
load options, when). Bounded: at most MAX_KEPT uploads, none older than MAX_AGE_S; whatever is
read back is checked (the bytes must hash to the id asked for) and anything odd is a miss.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from lib.analysis.disk_cache import cache_dir, enabled
from lib.load.dataset import LoadOptions

MAX_KEPT = 8
MAX_AGE_S = 24 * 3600
_ID = re.compile(r"[0-9a-f]{32}")


@dataclass(frozen=True)
class Kept:
    data: bytes
    name: str
    options: LoadOptions


def upload_id(data: bytes) -> str:
    """The id an upload is kept under (and named by in the page's URL): its content hash."""
    return hashlib.sha256(data).hexdigest()[:32]


def _folder() -> Path:
    return cache_dir() / "uploads"


def keep(data: bytes, name: str, options: LoadOptions = LoadOptions()) -> str | None:
    """Keep `data`; returns its id, or None when the cache is off or the disk refuses."""
    if not enabled():
        return None
    key = upload_id(data)
    folder = _folder()
    meta = {"name": name, "saved": time.time(), "options": {
        "roles": [list(pair) for pair in options.roles], "table": options.table,
        "model_name": options.model_name, "shape": options.shape}}
    try:
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / f"{key}.data"
        if not target.exists():
            with tempfile.NamedTemporaryFile(dir=folder, delete=False, suffix=".tmp") as fh:
                fh.write(data)
            os.replace(fh.name, target)
        else:
            os.utime(target)
        with tempfile.NamedTemporaryFile("w", dir=folder, delete=False, suffix=".tmp", encoding="utf-8") as fh:
            json.dump(meta, fh, ensure_ascii=False)
        os.replace(fh.name, folder / f"{key}.json")
        prune()
    except OSError:
        return None
    return key


def fetch(key: str) -> Kept | None:
    """The upload kept under `key` (from a URL: anyone's text), or None if gone, old or odd."""
    if not enabled() or not isinstance(key, str) or not _ID.fullmatch(key):
        return None
    prune()
    folder = _folder()
    try:
        data = (folder / f"{key}.data").read_bytes()
        meta = json.loads((folder / f"{key}.json").read_text(encoding="utf-8"))
        if upload_id(data) != key or not isinstance(meta, dict):
            return None
        opts = meta["options"]
        roles = tuple((str(role), str(column)) for role, column in opts["roles"])
        table = opts["table"] if isinstance(opts["table"], int) else None
        model = opts["model_name"] if isinstance(opts["model_name"], str) else None
        shape = opts["shape"] if opts["shape"] in ("long", "wide") else None
        name = meta["name"]
        if not isinstance(name, str):
            return None
        return Kept(data, name, LoadOptions(roles, table, model, shape))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def prune(now: float | None = None) -> None:
    """Remove uploads older than MAX_AGE_S, then all but the MAX_KEPT most recent."""
    folder = _folder()
    now = time.time() if now is None else now
    try:
        files = sorted(folder.glob("*.data"), key=lambda p: p.stat().st_mtime, reverse=True)
        for i, path in enumerate(files):
            if i >= MAX_KEPT or now - path.stat().st_mtime > MAX_AGE_S:
                path.unlink(missing_ok=True)
                path.with_suffix(".json").unlink(missing_ok=True)
    except OSError:
        pass
