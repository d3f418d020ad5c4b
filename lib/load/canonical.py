"""A parsed table (any format) → the canonical long frame of lib.load.dataset, with what was odd about it.

Shared by every loader so that grouping into samples, numbering repeated runs and the warnings
about them are the same whether the file was Markdown, CSV, XLSX or JSON.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np
import pandas as pd

from lib.load import limits
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
    """Build the long frame. `row_numbers[i]` is where table row i came from (line or row number).

    The steps, in order: one row per answer (from a wide or a long table), references checked,
    sample ids given, repeated answers numbered as runs."""
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
    if shape == "wide":
        frame, columns, warnings = _from_wide(table, rows, roles, wide_models, name)
    else:
        frame, columns, warnings = _from_long(table, rows, roles, name, default_model)
    if len(frame) == 0:
        raise LoadError(f"{name} has a header but no data rows.")
    warnings += _cut_long_cells(frame, limits.current().cell_chars)
    warnings += _check_references(frame, roles, name)
    warnings += _give_sample_ids(frame)
    warnings += _number_runs(frame)
    metadata = tuple(c for c in frame.columns if c not in CANONICAL_COLUMNS)
    frame = frame[list(CANONICAL_COLUMNS) + list(metadata)].reset_index(drop=True)
    frame["run"] = frame["run"].astype(int)
    frame["row"] = frame["row"].astype(int)
    return Canonical(frame=frame, shape=shape, columns=columns, warnings=tuple(warnings), metadata_columns=metadata)


Step = tuple[pd.DataFrame, dict[str, str], list[LoadWarning]]


def _from_wide(table: pd.DataFrame, rows: np.ndarray, roles: dict[str, str], wide_models: list[str],
               name: str) -> Step:
    """A row per sample and a column per model → a row per answer; an empty model cell is no answer."""
    headers = list(table.columns)
    if not wide_models:
        raise LoadError(f"{name}: no answer column and no model columns found among the headers "
                        f"({', '.join(headers[:12])}). Name the answer column answer / output / 模型答案.")
    n, k = len(table), len(wide_models)
    warnings: list[LoadWarning] = []
    most = limits.current().rows
    if n * k > most:  # a row per sample times a column per model: bound the answers, not the rows
        keep = max(most // k, 1)
        warnings.append(LoadWarning(int(rows[keep]) if keep < n else None,
                                    f"{n:,} samples × {k:,} models are {n * k:,} answers; only the first {keep:,} "
                                    f"samples were read, from here on nothing was loaded ({limits.ENV['rows']})."))
        table, rows, n = table.iloc[:keep], rows[:keep], keep
    answers = (np.concatenate([_text(table[c]).to_numpy() for c in wide_models]).reshape(k, n).T.ravel()
               if n else np.array([], dtype=object))
    repeat = lambda s: np.repeat(s.to_numpy(), k)  # noqa: E731 - row-major: one sample, its k models
    source = repeat(_text(table[roles["source"]])) if "source" in roles else np.full(n * k, "", dtype=object)
    ids = {"sample_id": repeat(_text(table[roles["sample_id"]]))} if "sample_id" in roles else {}
    meta_cols = [h for h in headers if h not in set(roles.values()) and h not in wide_models]
    frame = _frame({"answer": answers, "model_name": np.tile(np.array(wide_model_names(wide_models), dtype=object), n),
                    "reference": repeat(_text(table[roles["reference"]])), "source": source,
                    "row": np.repeat(rows, k), **ids, **{_meta_name(c): repeat(_text(table[c])) for c in meta_cols}})
    missing = frame["answer"].str.strip() == ""
    if missing.any():
        # A model without an answer to that sample: not an answer at all, so not an empty one.
        gaps = frame.loc[missing, ["row", "model_name"]]
        warnings += _cap([LoadWarning(int(r), f"no answer from {m!r} (empty cell); skipped.")
                          for r, m in zip(gaps["row"], gaps["model_name"])], "empty model cells")
        frame = frame[~missing].reset_index(drop=True)
    columns = {**roles, "model": "(column headers: " + ", ".join(wide_models[:8]) + (" …" if k > 8 else "") + ")"}
    return frame, columns, warnings


def _from_long(table: pd.DataFrame, rows: np.ndarray, roles: dict[str, str], name: str,
               default_model: str | None) -> Step:
    """A row per answer already: pick the role columns; a row without a model name is "(unnamed)"."""
    headers = list(table.columns)
    if "answer" not in roles:
        raise LoadError(f"{name}: no answer column found among the headers ({', '.join(headers[:12])}). "
                        "Name it answer / output / prediction / 模型答案, or choose it on the Load page.")
    warnings: list[LoadWarning] = []
    if "model" in roles:
        model, said = _trimmed(_text(table[roles["model"]]), rows, "model name", "model")
        warnings += said
    else:
        model = pd.Series([default_model or "model"] * len(table), dtype=object)
    if "sample_id" in roles:
        sample_ids, said = _trimmed(_text(table[roles["sample_id"]]), rows, "sample id", "sample")
        warnings += said
    meta_cols = [h for h in headers if h not in set(roles.values())]
    frame = _frame({
        "answer": _text(table[roles["answer"]]).to_numpy(),
        "model_name": model.to_numpy(),
        "reference": _text(table[roles["reference"]]).to_numpy(),
        "source": _text(table[roles["source"]]).to_numpy() if "source" in roles else "",
        "row": rows,
        **({"sample_id": sample_ids.to_numpy()} if "sample_id" in roles else {}),
        **{_meta_name(c): _text(table[c]).to_numpy() for c in meta_cols},
    })
    unnamed = frame["model_name"] == ""
    if unnamed.any():
        warnings += _cap([LoadWarning(int(r), "no model name; shown as \"(unnamed)\".") for r in frame.loc[unnamed, "row"]],
                         "no model name")
        frame.loc[unnamed, "model_name"] = "(unnamed)"
    return frame, dict(roles), warnings


def _cut_long_cells(frame: pd.DataFrame, most: int) -> list[LoadWarning]:
    """Answers, references and sources longer than `most` characters are cut (one such cell, of
    hundreds of MB, would be sent to the browser whole by a table). In place."""
    warnings: list[LoadWarning] = []
    for column in ("answer", "reference", "source"):
        lengths = frame[column].str.len()
        long = lengths > most
        if not long.any():
            continue
        warnings += _cap([LoadWarning(int(r), f"the {column} has {int(n):,} characters; only the first {most:,} "
                                              f"were kept ({limits.ENV['cell_chars']}).")
                          for r, n in zip(frame.loc[long, "row"], lengths[long])], f"a long {column}")
        frame.loc[long, column] = frame.loc[long, column].str.slice(0, most)
    return warnings


def _trimmed(values: pd.Series, rows: np.ndarray, what: str, kind: str) -> tuple[pd.Series, list[LoadWarning]]:
    """Values without surrounding spaces (a space typed after "gpt4" is not another model), said
    whenever that makes two spellings in the file one: `" gpt4"`, `"gpt4 "` and `"gpt4"` are then
    read as one model, and the reader should know, not find one model's runs numbered #2, #3."""
    stripped = values.str.strip()
    changed = (stripped != values).to_numpy()
    if not changed.any():
        return stripped, []
    spellings: dict[str, dict[str, int]] = {}
    for raw, clean, row in zip(values.to_numpy(), stripped.to_numpy(), rows):
        spellings.setdefault(clean, {}).setdefault(raw, int(row))
    warnings = []
    for clean, seen in spellings.items():
        if len(seen) > 1 and clean:
            shown = ", ".join(f"{raw!r} (first at line {row})" for raw, row in list(seen.items())[:6])
            warnings.append(LoadWarning(min(seen.values()), f"the {what}s {shown} differ only in spaces around "
                                                            f"them; read as one {kind}, {clean!r}."))
    return stripped, _cap(warnings, f"{what}s that differ only in spaces")


def _check_references(frame: pd.DataFrame, roles: dict[str, str], name: str) -> list[LoadWarning]:
    """A reference column empty everywhere is the wrong column (refused); empty in some rows, said."""
    empty_ref = frame["reference"].str.strip() == ""
    if bool(empty_ref.all()):
        raise LoadError(f"{name}: the reference column \"{roles['reference']}\" is empty in every row; "
                        "choose the column that holds the correct answers.")
    if not empty_ref.any():
        return []
    return _cap([LoadWarning(int(r), "empty reference; the answer is compared with empty text.")
                 for r in frame.loc[empty_ref, "row"]], "an empty reference")


def _give_sample_ids(frame: pd.DataFrame) -> list[LoadWarning]:
    """Without an id column, answers to the same reference (and source) are one sample, numbered in
    order; an empty id takes the row number. Changes `frame` in place."""
    if "sample_id" not in frame:
        codes, _ = pd.factorize(frame["reference"] + "\x00" + frame["source"], sort=False)
        frame["sample_id"] = (codes + 1).astype(str)
        return []
    blank = frame["sample_id"] == ""
    if not blank.any():
        return []
    warnings = _cap([LoadWarning(int(r), "empty sample id; the row number was used instead.")
                     for r in frame.loc[blank, "row"]], "an empty sample id")
    frame.loc[blank, "sample_id"] = "row " + frame.loc[blank, "row"].astype(str)
    return warnings


def _number_runs(frame: pd.DataFrame) -> list[LoadWarning]:
    """A model answering a sample again is a second run ("gpto1 #2"), said once per model. In place."""
    run = frame.groupby(["sample_id", "model_name"], sort=False).cumcount() + 1
    frame["run"] = run.astype(int)
    frame["model"] = frame["model_name"].where(run == 1, frame["model_name"] + " #" + run.astype(str))
    return _run_warnings(frame, run)


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
