"""The canonical dataset every loader produces and every analysis consumes.

One long table, one row per answer. Keeping a single shape means diffs, categories and charts
never care whether the file was a markdown table, a wide CSV or an lm-eval-harness export.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

# Column roles a user can assign; also the canonical column names.
ROLES: tuple[str, ...] = ("sample_id", "model", "answer", "reference", "source")
REQUIRED_ROLES: tuple[str, ...] = ("answer", "reference")

# Columns of Dataset.frame, in order. Metadata columns from the file follow these.
#   sample_id  str  given by the file, or "1", "2", … in order of first appearance
#   model      str  run label, unique within a sample: "gpto1", then "gpto1 #2" for a second run
#   model_name str  the model name exactly as the file gives it
#   run        int  1 for the first answer of (sample, model_name), 2 for the second, …
#   answer     str  the model's answer ("" when missing)
#   reference  str  the correct answer ("" when missing)
#   source     str  the text/prompt the model was given ("" when the file has none)
#   row        int  where the answer came from: 1-based line (text formats) or data row number
CANONICAL_COLUMNS: tuple[str, ...] = (
    "sample_id", "model", "model_name", "run", "answer", "reference", "source", "row",
)


class LoadError(ValueError):
    """Nothing could be loaded; the message is one sentence that says what to fix."""


@dataclass(frozen=True)
class LoadWarning:
    """Something odd in the input that did not stop loading. `line` is 1-based, or None."""

    line: int | None
    message: str

    def __str__(self) -> str:
        return f"Line {self.line}: {self.message}" if self.line is not None else self.message


@dataclass(frozen=True)
class LoadReport:
    """What the loader found, shown on the Load page and by `python -m lib info`."""

    name: str                      # file name (or "pasted text")
    format: str                    # markdown | csv | tsv | xlsx | json | jsonl | parquet | a framework's (inspect-ai, …) | several
    encoding: str                  # utf-8, utf-8-sig, utf-16, gb18030, big5, … ("binary" for xlsx/parquet)
    shape: str                     # long | wide
    columns: dict[str, str]        # role -> column name in the file (wide: "model" -> "(column headers)")
    rows: int                      # answers loaded (rows of Dataset.frame)
    samples: int
    models: tuple[str, ...]        # distinct model names, first-seen order
    warnings: tuple[LoadWarning, ...] = ()
    headers: tuple[str, ...] = ()  # the file's column names, for the role override UI
    tables: tuple[str, ...] = ()   # choices when the file holds several tables/sheets
    table: int = 0                 # which of `tables` was loaded
    framework: str = ""            # "Inspect AI eval log", … when a framework's output was recognised
    answer_choices: tuple[str, ...] = ()  # columns the framework offers as the answer (lm-eval filters)
    model_from: str = ""           # where the model name came from: log | folder | file name | none
    task: str = ""                 # the framework's task / benchmark name
    files: tuple["FileReport", ...] = ()  # several files loaded as one dataset: one report each

    @property
    def line_label(self) -> str:
        """What a warning's number counts: a line of a text file, an Excel row, or a JSON/Parquet
        record (a pretty-printed JSON file's line numbers would not say which record)."""
        if self.format == "xlsx":
            return "Row"
        if self.format in ("json", "parquet", "opencompass", "inspect-ai", "promptfoo", "deepeval", "helm",
                           "lighteval"):
            return "Record"
        return "Line"

    def warning_text(self, warning: LoadWarning) -> str:
        return f"{self.line_label} {warning.line}: {warning.message}" if warning.line is not None else warning.message

    def to_json(self) -> dict:
        """The `python -m lib info --json` shape (keys are part of the CLI contract)."""
        return {
            "name": self.name,
            "format": self.format,
            "encoding": self.encoding,
            "shape": self.shape,
            "columns": dict(self.columns),
            "rows": self.rows,
            "samples": self.samples,
            "models": list(self.models),
            "warnings": [{"line": w.line, "message": w.message} for w in self.warnings],
            "tables": list(self.tables),
            **({"framework": self.framework, "answer_choices": list(self.answer_choices),
                "model_from": self.model_from, "task": self.task} if self.framework else {}),
            **({"files": [f.to_json() for f in self.files]} if self.files else {}),
        }

    @property
    def roles_guessed(self) -> bool:
        """Roles read from the headers (a guess the user should check), not fixed by a known format."""
        return not self.framework and not self.files


@dataclass(frozen=True)
class FileReport:
    """One file of several loaded together: what it was read as, or why it was skipped."""

    name: str
    format: str = ""
    rows: int = 0
    models: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    error: str = ""

    def to_json(self) -> dict:
        return {"name": self.name, "format": self.format, "rows": self.rows, "models": list(self.models),
                "warnings": list(self.warnings), "error": self.error}


@dataclass(frozen=True)
class LoadOptions:
    """User choices that change how a file is read. All optional: defaults are inferred."""

    roles: tuple[tuple[str, str], ...] = ()  # (role, column) overrides; column "" unassigns
    table: int | None = None                 # markdown table / XLSX sheet index
    model_name: str | None = None            # for framework exports whose model lives in the folder name
    shape: str | None = None                 # force "long" or "wide"


@dataclass(frozen=True)
class Dataset:
    frame: pd.DataFrame
    report: LoadReport
    has_source: bool = False
    metadata_columns: tuple[str, ...] = field(default=())
