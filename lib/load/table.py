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
    """Column names made unique and non-empty ("" → "column 3", a repeated "x" → "x (2)").

    Linear in the number of columns: a header of 100,000 cells all named "h" (a hostile file)
    must not cost a scan of every earlier name per cell. `next_n[base]` remembers where the
    numbering of each repeated name goes on."""
    out: list[str] = []
    taken: set[str] = set()
    next_n: dict[str, int] = {}
    for i, h in enumerate(header):
        base = h.strip() or f"column {i + 1}"
        label = base
        if label in taken:
            n = next_n.get(base, 2)
            label = f"{base} ({n})"
            while label in taken:  # "x (2)" was itself a header: skip past it
                n += 1
                label = f"{base} ({n})"
            next_n[base] = n + 1
        taken.add(label)
        out.append(label)
    return out
