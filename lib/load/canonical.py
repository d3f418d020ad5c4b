"""A parsed table (any format) → the canonical long frame of lib.load.dataset, with what was odd about it.

Shared by every loader so that grouping into samples, numbering repeated runs and the warnings
about them are the same whether the file was Markdown, CSV, XLSX or JSON.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np
import pandas as pd

from lib.load.dataset import CANONICAL_COLUMNS, LoadError, LoadWarning
from lib.load.roles import wide_model_columns, wide_model_names

# Beyond this many warnings of one kind, the rest are summed up in one line.
MAX_WARNINGS_PER_KIND = 50


@dataclass(frozen=True)
class Canonical:
    frame: pd.DataFrame
    shape: str
    columns: dict[str, str]
    warnings: tuple[LoadWarning, ...]
    metadata_columns: tuple[str, ...]


def _text(series: pd.Series) -> pd.Series:
    """Cells as text: missing → "", numbers as written (1 not 1.0 where it was an integer)."""
    if series.dtype == object and pd.api.types.infer_dtype(series, skipna=False) == "string":
        return series  # all text already (Markdown, JSON of strings): no per-cell work
    if isinstance(series.dtype, pd.StringDtype) and not series.isna().any():
        return series  # CSV columns arrive as pandas strings already
    if series.dtype == object or pd.api.types.is_string_dtype(series):
        out = series.astype(object).where(series.notna(), "")
        return out.map(lambda v: v if isinstance(v, str) else cell_text(v))
    return series.map(cell_text)


def cell_text(value: object) -> str:
    """One cell as text: missing → "", 1.0 → "1", a one-element list of text → that text."""
    if value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and np.isnan(value)):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, np.ndarray):  # Parquet list cells
        value = value.tolist()
    if isinstance(value, (list, tuple)) and len(value) == 1 and isinstance(value[0], str):
        return value[0]  # ["the answer"]: a one-element list of text is that text
    if isinstance(value, (list, dict, tuple)):
        import json

        return json.dumps(value, ensure_ascii=False, default=str)
    if isinstance(value, (bytes, bytearray)):
        return bytes(value).decode("utf-8", errors="replace")
    return str(value)


def _meta_name(column: str) -> str:
    """A file column kept as metadata must not overwrite a canonical column ("row", "run", "model_name")."""
    return f"{column} (file)" if column in CANONICAL_COLUMNS else column


def _cap(warnings: list[LoadWarning], kind: str) -> list[LoadWarning]:
    if len(warnings) <= MAX_WARNINGS_PER_KIND:
        return warnings
    rest = len(warnings) - MAX_WARNINGS_PER_KIND
    return warnings[:MAX_WARNINGS_PER_KIND] + [LoadWarning(None, f"… and {rest:,} more rows with {kind}.")]


def _frame(columns: dict) -> pd.DataFrame:
    """A frame whose text columns stay Python-object columns: pandas 3 would otherwise copy every
    cell into an Arrow string array (a second copy of a 400 MB table), and analysis reads them
    back as Python strings anyway."""
    n = max((len(v) for v in columns.values() if not isinstance(v, str)), default=0)
    out = {}
    for key, values in columns.items():
        if isinstance(values, str):
            values = [values] * n
        array = np.asarray(values) if not isinstance(values, np.ndarray) else values
        out[key] = pd.Series(array, dtype=object if array.dtype.kind in "OUS" else array.dtype)
    return pd.DataFrame(out)


def canonicalize(table: pd.DataFrame, row_numbers: Sequence[int], roles: dict[str, str], name: str,
                 shape: str | None = None, default_model: str | None = None) -> Canonical:
    """Build the long frame. `row_numbers[i]` is where table row i came from (line or row number)."""
    headers = [str(c) for c in table.columns]
    table = table.copy()
    table.columns = headers
    rows = np.asarray(row_numbers, dtype=np.int64)
    if "reference" not in roles:
        raise LoadError(f"{name}: no reference column found among the headers ({', '.join(headers[:12])}). "
                        "Name it reference / gold / target / 正确答案, or choose it on the Load page.")
    wide_models = wide_model_columns(headers, roles) if "answer" not in roles else []
    if shape is None:
        # A model column means one row per answer: a table with one cannot be wide.
        shape = "wide" if ("answer" not in roles and wide_models and "model" not in roles) else "long"
    warnings: list[LoadWarning] = []
    if shape == "wide":
        if not wide_models:
            raise LoadError(f"{name}: no answer column and no model columns found among the headers "
                            f"({', '.join(headers[:12])}). Name the answer column answer / output / 模型答案.")
        n, k = len(table), len(wide_models)
        base = {
            "answer": np.concatenate([_text(table[c]).to_numpy() for c in wide_models]).reshape(k, n).T.ravel() if n else np.array([], dtype=object),
            "model_name": np.tile(np.array(wide_model_names(wide_models), dtype=object), n),
        }
        repeat = lambda s: np.repeat(s.to_numpy(), k)  # noqa: E731 - row-major: one sample, its k models
        reference = repeat(_text(table[roles["reference"]]))
        source = repeat(_text(table[roles["source"]])) if "source" in roles else np.full(n * k, "", dtype=object)
        ids = repeat(_text(table[roles["sample_id"]])) if "sample_id" in roles else None
        row = np.repeat(rows, k)
        meta_cols = [h for h in headers if h not in set(roles.values()) and h not in wide_models]
        meta = {_meta_name(c): repeat(_text(table[c])) for c in meta_cols}
        frame = _frame({"answer": base["answer"], "model_name": base["model_name"], "reference": reference,
                        "source": source, "row": row, **({"sample_id": ids} if ids is not None else {}), **meta})
        missing = frame["answer"].str.strip() == ""
        if missing.any():
            # A model without an answer to that sample: not an answer at all, so not an empty one.
            gaps = frame.loc[missing, ["row", "model_name"]]
            warnings += _cap([LoadWarning(int(r), f"no answer from {m!r} (empty cell); skipped.")
                              for r, m in zip(gaps["row"], gaps["model_name"])], "empty model cells")
            frame = frame[~missing].reset_index(drop=True)
        columns = {**roles, "model": "(column headers: " + ", ".join(wide_models[:8]) + (" …" if k > 8 else "") + ")"}
    else:
        if "answer" not in roles:
            raise LoadError(f"{name}: no answer column found among the headers ({', '.join(headers[:12])}). "
                            "Name it answer / output / prediction / 模型答案, or choose it on the Load page.")
        model = _text(table[roles["model"]]).str.strip() if "model" in roles else pd.Series(
            [default_model or "model"] * len(table), dtype=object)
        meta_cols = [h for h in headers if h not in set(roles.values())]
        frame = _frame({
            "answer": _text(table[roles["answer"]]).to_numpy(),
            "model_name": model.to_numpy(),
            "reference": _text(table[roles["reference"]]).to_numpy(),
            "source": _text(table[roles["source"]]).to_numpy() if "source" in roles else "",
            "row": rows,
            **({"sample_id": _text(table[roles["sample_id"]]).str.strip().to_numpy()} if "sample_id" in roles else {}),
            **{_meta_name(c): _text(table[c]).to_numpy() for c in meta_cols},
        })
        columns = dict(roles)
        unnamed = frame["model_name"] == ""
        if unnamed.any():
            warnings += _cap([LoadWarning(int(r), "no model name; shown as \"(unnamed)\".") for r in frame.loc[unnamed, "row"]],
                             "no model name")
            frame.loc[unnamed, "model_name"] = "(unnamed)"

    if len(frame) == 0:
        raise LoadError(f"{name} has a header but no data rows.")
    empty_ref = frame["reference"].str.strip() == ""
    if bool(empty_ref.all()):
        raise LoadError(f"{name}: the reference column \"{roles['reference']}\" is empty in every row; "
                        "choose the column that holds the correct answers.")
    if empty_ref.any():
        warnings += _cap([LoadWarning(int(r), "empty reference; the answer is compared with empty text.")
                          for r in frame.loc[empty_ref, "row"]], "an empty reference")

    if "sample_id" not in frame:
        # No id column: answers to the same reference (and source) are one sample, numbered in order.
        key = frame["reference"] + "\x00" + frame["source"]
        codes, _ = pd.factorize(key, sort=False)
        frame["sample_id"] = (codes + 1).astype(str)
    else:
        blank = frame["sample_id"] == ""
        if blank.any():
            warnings += _cap([LoadWarning(int(r), "empty sample id; the row number was used instead.")
                              for r in frame.loc[blank, "row"]], "an empty sample id")
            frame.loc[blank, "sample_id"] = "row " + frame.loc[blank, "row"].astype(str)

    run = frame.groupby(["sample_id", "model_name"], sort=False).cumcount() + 1
    frame["run"] = run.astype(int)
    frame["model"] = frame["model_name"].where(run == 1, frame["model_name"] + " #" + run.astype(str))
    warnings += _run_warnings(frame, run)

    metadata = tuple(c for c in frame.columns if c not in CANONICAL_COLUMNS)
    frame = frame[list(CANONICAL_COLUMNS) + list(metadata)].reset_index(drop=True)
    frame["run"] = frame["run"].astype(int)
    frame["row"] = frame["row"].astype(int)
    return Canonical(frame=frame, shape=shape, columns=columns, warnings=tuple(warnings), metadata_columns=metadata)


def _run_warnings(frame: pd.DataFrame, run: pd.Series) -> list[LoadWarning]:
    """One warning per model that answers some sample more than once, naming the lines.

    One per model rather than one per row: a file that repeats every model for every sample
    (several runs on purpose) should say so once per model, not a thousand times."""
    dup = frame[run > 1]
    if dup.empty:
        return []
    first_rows = frame[run == 1].set_index(["sample_id", "model_name"])["row"]
    warnings = []
    for model_name, rows in dup.groupby("model_name", sort=False):
        head = rows.iloc[0]
        first = first_rows.get((head["sample_id"], model_name))
        message = (f"model \"{model_name}\" answers sample {head['sample_id']} again "
                   f"(first at {_where(first)}); kept as run \"{head['model']}\".")
        if len(rows) > 1:
            more = [str(int(r)) for r in rows["row"].iloc[1:MAX_WARNINGS_PER_KIND + 1]]
            rest = len(rows) - 1 - len(more)
            n = len(rows) - 1
            message += (f" {n:,} more repeated answer{'s' if n > 1 else ''} of this model, at "
                        f"line{'s' if n > 1 else ''} {', '.join(more)}{f' and {rest:,} more' if rest else ''}.")
        warnings.append(LoadWarning(int(head["row"]), message))
    return warnings


def _where(row_no: object) -> str:
    return f"line {int(row_no)}" if row_no is not None else "an earlier row"
