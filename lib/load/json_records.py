"""JSON and JSONL: lists of records, pandas' to_json layouts, nested fields as dotted columns."""
from __future__ import annotations

import json

import pandas as pd

from lib.load import frameworks
from lib.load import limits
from lib.load.dataset import LoadError, LoadWarning
from lib.load.lines import split_lines
from lib.load.table import ParsedTable, Source, unique_header


def read_json(text: str, source: Source, fmt: str = "json") -> ParsedTable:
    name = source.name
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        raise LoadError(f"{name}: invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}.") from None
    except RecursionError:
        raise LoadError(f"{name}: the JSON is nested too deeply to be a table.") from None
    framework = frameworks.from_json(obj, source)
    if framework is not None:
        return framework
    if isinstance(obj, dict) and isinstance(obj.get("columns"), list) and isinstance(obj.get("data"), list) \
            and obj["data"] and all(isinstance(r, list) and len(r) == len(obj["columns"]) for r in obj["data"]):
        # pandas to_json(orient="split")
        frame = pd.DataFrame(obj["data"], columns=unique_header([str(c) for c in obj["columns"]]), dtype=object)
        return ParsedTable(frame, list(range(1, len(frame) + 1)), "json", "", [])
    if isinstance(obj, dict):
        for key in ("data", "records", "rows", "results", "samples", "items"):
            if isinstance(obj.get(key), list):
                obj = obj[key]
                break
        else:
            if obj and all(isinstance(v, dict) and v for v in obj.values()) \
                    and len({frozenset(v) for v in obj.values()}) == 1:
                # pandas' to_json(): {"column": {"0": value, …}} (the default) or {"0": {"column": value}}
                inner = [set(v) for v in obj.values()]
                by_row = all(k.isdigit() for k in obj) and not all(k.isdigit() for v in inner for k in v)
                frame = pd.DataFrame.from_dict(obj, orient="index" if by_row else "columns").reset_index(drop=True)
                return ParsedTable(frame, list(range(1, len(frame) + 1)), "json", "", [])
            lists = {k: v for k, v in obj.items() if isinstance(v, list)}
            if lists and len(lists) == len(obj) and len({len(v) for v in lists.values()}) == 1:
                frame = pd.DataFrame(lists)
                return ParsedTable(frame, list(range(1, len(frame) + 1)), "json", "", [])
            raise LoadError(f"{name}: the JSON is an object with keys {', '.join(list(obj)[:8])}, not a table; "
                            "expected a list of records or an object of equal-length columns.")
    if not isinstance(obj, list):
        raise LoadError(f"{name}: the JSON is a single {type(obj).__name__}, not a table; expected a list of records.")
    most = limits.current().rows
    cut = []
    if len(obj) > most:  # cut before flattening and building columns of records nobody will see
        cut = [LoadWarning(most + 1, f"the file has {len(obj):,} records; only the first {most:,} were read, "
                                     f"from here on nothing was loaded ({limits.ENV['rows']}).")]
        obj = obj[:most]
    frame, rows, warnings = _records_frame(obj, name)
    return ParsedTable(frame, rows, "json", "", cut + warnings)

def read_jsonl(text: str, source: Source, fmt: str = "jsonl") -> ParsedTable:
    name = source.name
    records, lines, warnings = [], [], []
    most = limits.current().rows
    for n, line in enumerate(split_lines(text), start=1):
        if not line.strip():
            continue
        if len(records) >= most:  # stop parsing at the limit: the rest would only be thrown away
            warnings.append(LoadWarning(n, f"only the first {most:,} records were read, from this line on nothing "
                                           f"was loaded ({limits.ENV['rows']})."))
            break
        try:
            records.append(json.loads(line))
            lines.append(n)
        except json.JSONDecodeError as exc:
            warnings.append(LoadWarning(n, f"not valid JSON ({exc.msg}); skipped."))
        except RecursionError:
            warnings.append(LoadWarning(n, "JSON nested too deeply; skipped."))
    if not records:
        raise LoadError(f"{name}: no valid JSON line found (first problem: {warnings[0] if warnings else 'empty'}).")
    framework = frameworks.from_records(records, source, lines)
    if framework is not None:
        framework.warnings = warnings + framework.warnings
        return framework
    keep = [(r, ln) for r, ln in zip(records, lines) if isinstance(r, dict)]
    for r, ln in zip(records, lines):
        if not isinstance(r, dict):
            warnings.append(LoadWarning(ln, f"line is a JSON {type(r).__name__}, not an object; skipped."))
    if not keep:
        raise LoadError(f"{name}: no JSON objects found; each line should be one record.")
    frame = object_frame(_flatten_all([r for r, _ in keep]))
    return ParsedTable(frame, [ln for _, ln in keep], "jsonl", "", warnings)

def _records_frame(records: list, name: str, first_row: int = 1) -> tuple[pd.DataFrame, list[int], list[LoadWarning]]:
    keep, rows, warnings = [], [], []
    for i, rec in enumerate(records):
        if isinstance(rec, dict):
            keep.append(rec)
            rows.append(first_row + i)
        else:
            warnings.append(LoadWarning(first_row + i, f"record is a {type(rec).__name__}, not an object; skipped."))
    if not keep:
        raise LoadError(f"{name}: no JSON objects with fields (e.g. {{\"model\": …, \"answer\": …, \"reference\": …}}) found.")
    return object_frame(_flatten_all(keep)), rows, warnings

def object_frame(records: list[dict]) -> pd.DataFrame:
    """Records as a frame of the values as parsed: pandas would turn a column of integers with a
    gap into floats, and the id 12345678901234567 into …568."""
    return pd.DataFrame(records, dtype=object)

def _flatten_all(records: list[dict]) -> list[dict]:
    """Nested objects as dotted columns ({"sample": {"gold": …}} → "sample.gold"), so roles are
    found by name. Only keys that hold an object in every record that has them are opened: a key
    that is text in one record and an object in another stays one column (as JSON text), and a
    dotted name the record already has is never overwritten."""
    nested = {k for rec in records[:100] for k, v in rec.items() if isinstance(v, dict)}
    if not nested:
        return records
    mixed = {k for rec in records for k in nested if k in rec and not isinstance(rec[k], dict)}
    keys = nested - mixed
    return [_flatten(rec, keys) for rec in records] if keys else records

def _flatten(record: dict, keys: set[str], prefix: str = "", depth: int = 0) -> dict:
    out: dict = {}
    for key, value in record.items():
        column = f"{prefix}{key}"
        if isinstance(value, dict) and value and depth < 2 and (depth > 0 or key in keys):
            for k, v in _flatten(value, keys, column + ".", depth + 1).items():
                out.setdefault(k, v)
        else:
            out.setdefault(column, value)
    return out
