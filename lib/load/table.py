"""What every reader returns: one parsed table before roles, and the header rule all readers share."""
from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from lib.load.dataset import LoadOptions, LoadWarning


@dataclass(frozen=True)
class Source:
    """Where the bytes came from: readers name the file in messages, and framework exports take
    the model from the folder in `path`."""

    name: str
    options: LoadOptions = LoadOptions()
    path: str | None = None


@dataclass
class ParsedTable:
    """One parsed table before roles: its cells, where each row came from, and what was odd."""

    frame: pd.DataFrame
    rows: list[int]
    format: str
    encoding: str
    warnings: list[LoadWarning] = field(default_factory=list)
    tables: tuple[str, ...] = ()
    table: int = 0
    roles: dict[str, str] | None = None  # fixed roles (framework exports)
    default_model: str | None = None
    answer_choices: tuple[str, ...] = ()  # columns the framework offers as the answer (lm-eval filters)
    model_from: str = ""                  # framework exports: "log", "folder" or "file name"
    task: str = ""                        # framework exports: the task/benchmark the file is of

def unique_header(header: list[str]) -> list[str]:
    """Column names made unique and non-empty ("" → "column 3", a repeated "x" → "x (2)")."""
    out: list[str] = []
    for i, h in enumerate(header):
        base = h.strip() or f"column {i + 1}"
        label, n = base, 2
        while label in out:
            label, n = f"{base} ({n})", n + 1
        out.append(label)
    return out
