"""Parquet files (pandas through pyarrow); lighteval details are recognised by their columns."""
from __future__ import annotations

import io

import pandas as pd

from lib.load import frameworks
from lib.load.dataset import LoadError
from lib.load.table import ParsedTable, Source, unique_header


def read_parquet(data: bytes, source: Source) -> ParsedTable:
    name = source.name
    try:
        frame = pd.read_parquet(io.BytesIO(data))
    except Exception as exc:  # pyarrow raises its own error types
        raise LoadError(f"{name} is not a readable Parquet file ({type(exc).__name__}: {exc}).") from None
    framework = frameworks.from_parquet(frame, source)
    if framework is not None:
        framework.encoding = "binary"
        return framework
    frame.columns = unique_header([str(c) for c in frame.columns])
    return ParsedTable(frame, list(range(1, len(frame) + 1)), "parquet", "binary", [])
