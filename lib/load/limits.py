"""How much of a file Redline reads: bounds checked before the expensive step, so a small hostile
file (a 112 KB Parquet of 20 million rows, a 1 MB XLSX that expands to 2 GB) is refused or cut
with a message instead of filling memory. Each bound can be changed by an environment variable.
"""
from __future__ import annotations

import os
from dataclasses import dataclass


def _env_int(name: str, default: int) -> int:
    try:
        value = int(os.environ.get(name, "").replace("_", "") or default)
    except ValueError:
        return default
    return value if value > 0 else default


@dataclass(frozen=True)
class Limits:
    file_bytes: int      # the file itself (text: before decoding)
    expanded_bytes: int  # what a compressed file (XLSX, Parquet) unpacks to
    rows: int            # table rows read; the rest are cut, and the warning says from where
    columns: int         # columns read; the rest are cut, and the warning names the first one
    cell_chars: int      # characters kept of one answer, reference or source cell


# 200,000 answers (a 426 MB CSV) load in 2 GB: the defaults leave room above that and refuse what
# would take several times the memory.
DEFAULT = Limits(file_bytes=512_000_000, expanded_bytes=1_000_000_000, rows=500_000, columns=1_000,
                 cell_chars=1_000_000)
ENV = {"file_bytes": "REDLINE_MAX_FILE_MB", "expanded_bytes": "REDLINE_MAX_EXPANDED_MB",
       "rows": "REDLINE_MAX_ROWS", "columns": "REDLINE_MAX_COLUMNS", "cell_chars": "REDLINE_MAX_CELL_CHARS"}


def current() -> Limits:
    """The limits in force: DEFAULT, each overridable by its variable in ENV (sizes in MB)."""
    mb = 1_000_000
    return Limits(
        file_bytes=_env_int(ENV["file_bytes"], DEFAULT.file_bytes // mb) * mb,
        expanded_bytes=_env_int(ENV["expanded_bytes"], DEFAULT.expanded_bytes // mb) * mb,
        rows=_env_int(ENV["rows"], DEFAULT.rows),
        columns=_env_int(ENV["columns"], DEFAULT.columns),
        cell_chars=_env_int(ENV["cell_chars"], DEFAULT.cell_chars),
    )


def mb(n: int) -> str:
    return f"{n / 1e6:,.0f} MB" if n >= 10e6 else f"{n / 1e6:,.1f} MB"
