"""Bytes (a file, an upload, pasted text) → the canonical Dataset, with a report of how it was read.

The format is decided by content first (Excel and Parquet by their magic bytes, JSON by its
first character, Markdown by a pipe table), the extension only breaks ties; so pasted text and
misnamed files load too. Every LoadError message starts with the file name and says what to fix.
"""
from __future__ import annotations

import csv
import gc
import io
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path, PurePath

import pandas as pd

from lib.load import frameworks
from lib.load.canonical import canonicalize, cell_text
from lib.load.dataset import Dataset, LoadError, LoadOptions, LoadReport, LoadWarning
from lib.load.encoding import decode
from lib.load.markdown import parse_tables
from lib.load.roles import apply_overrides, infer_roles

csv.field_size_limit(sys.maxsize)  # 1 MB answers are real; the csv module's default cap is 128 kB

_TEXT_EXT = {".md": "markdown", ".markdown": "markdown", ".csv": "csv", ".tsv": "tsv", ".tab": "tsv",
             ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl"}


@dataclass
class _Table:
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


def load_path(path: str | Path, options: LoadOptions = LoadOptions()) -> Dataset:
    """Load a file from disk (its folder names the model of framework exports)."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise LoadError(f"{path}: no such file.") from None
    except IsADirectoryError:
        raise LoadError(f"{path} is a folder; give a results file.") from None
    return load_bytes(data, path.name, options, path=str(path))


def load_text(text: str, name: str = "pasted text", options: LoadOptions = LoadOptions()) -> Dataset:
    return load_bytes(text.encode("utf-8"), name, options)


def load_bytes(data: bytes, name: str, options: LoadOptions = LoadOptions(), path: str | None = None) -> Dataset:
    """Parse `data` (named `name`) into a Dataset; raises LoadError when nothing can be used."""
    if not data.strip():
        raise LoadError(f"{name} is empty.")
    # Parsing creates millions of small objects and no cycles: the cyclic GC would only rescan
    # them again and again (a 400 MB file took 3x longer with it on).
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _load(data, name, options, path)
    except LoadError:
        raise
    except (csv.Error, ValueError, KeyError, IndexError, TypeError, UnicodeError, RecursionError) as exc:
        # A shape no reader rule foresaw: still one clear line naming the file, never a traceback.
        first = (str(exc).strip().splitlines() or [""])[0][:200]
        raise LoadError(f"{name} could not be read as a table ({type(exc).__name__}: {first}).") from None
    finally:
        if gc_was_enabled:
            gc.enable()


def _load(data: bytes, name: str, options: LoadOptions, path: str | None) -> Dataset:
    table = _read_table(data, name, options, path)
    headers = [str(c) for c in table.frame.columns]
    if table.frame.empty and headers:
        raise LoadError(f"{name} has a header but no data rows.")
    inferred = table.roles if table.roles is not None else infer_roles(headers)
    roles = apply_overrides(inferred, options.roles, headers)
    default_model = options.model_name or table.default_model
    canon = canonicalize(table.frame, table.rows, roles, name, options.shape, default_model)
    frame = canon.frame
    report = LoadReport(
        name=name, format=table.format, encoding=table.encoding, shape=canon.shape, columns=canon.columns,
        rows=len(frame), samples=int(frame["sample_id"].nunique()),
        models=tuple(dict.fromkeys(frame["model_name"])),
        warnings=tuple(table.warnings) + canon.warnings, headers=tuple(headers),
        tables=table.tables, table=table.table,
    )
    return Dataset(frame=frame, report=report, has_source=bool((frame["source"] != "").any()),
                   metadata_columns=canon.metadata_columns)


def _read_table(data: bytes, name: str, options: LoadOptions, path: str | None) -> _Table:
    ext = PurePath(name).suffix.lower()
    if data[:4] == b"PK\x03\x04":
        return _read_xlsx(data, name, options)
    if data[:4] == b"PAR1":
        return _read_parquet(data, name)
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise LoadError(f"{name} is an old Excel 97-2003 (.xls) workbook or an encrypted one; "
                        "save it as .xlsx or CSV.")
    if ext not in (".xlsx", ".xls", ".parquet"):
        return _read_text_table(data, name, options, path, ext)
    try:  # text saved under a binary format's name ("Export to Excel" often writes TSV as .xls)
        table = _read_text_table(data, name, options, path, ext="")
        if table.frame.empty:
            raise LoadError(f"{name} has a header but no data rows.")
    except LoadError as exc:
        raise LoadError(f"{name} is not a valid {ext[1:].upper()} file (its first bytes are wrong), "
                        f"and read as text: {str(exc).removeprefix(name).lstrip(' :')}") from None
    table.warnings.insert(0, LoadWarning(None, f"the file is named {ext} but holds {table.format.upper()} text; "
                                               f"read as {table.format.upper()}."))
    return table


def _read_text_table(data: bytes, name: str, options: LoadOptions, path: str | None, ext: str) -> _Table:
    text, encoding = decode(data, name)
    text = text.lstrip("\ufeff")
    warnings = []
    if encoding == "utf-8" and "\ufffd" in text and b"\xef\xbf\xbd" not in data:
        bad_line = text.count("\n", 0, text.index("\ufffd")) + 1
        warnings.append(LoadWarning(bad_line, f"{text.count(chr(0xFFFD)):,} byte(s) are not valid UTF-8 (first on this "
                                              "line); shown as \ufffd. The rest of the file was read as UTF-8."))
    if encoding == "cp1252":
        warnings.append(LoadWarning(None, "the file is not UTF-8, GB18030 or Big5; read as Windows-1252. "
                                          "If letters look wrong, save it as UTF-8."))
    fmt = _text_format(text, ext)
    if fmt == "markdown":
        table = _read_markdown(text, name, options)
    elif fmt == "json":
        table = _read_json(text, name, options, path)
    elif fmt == "jsonl":
        table = _read_jsonl(text, name, options, path)
    else:
        table = _read_delimited(text, name, fmt)
    table.encoding = encoding
    table.warnings = warnings + table.warnings
    return table


def _text_format(text: str, ext: str) -> str:
    """markdown | json | jsonl | csv | tsv, by content first."""
    stripped = text.lstrip()
    if ext in (".md", ".markdown"):
        return "markdown"
    if stripped[:1] in "[{" and ext not in (".json", ".jsonl", ".ndjson") and parse_tables(text[:200_000]):
        try:
            json.loads(text)
        except (ValueError, RecursionError):
            return "markdown"  # a README opening with a [![badge]] link, a pasted "[note]" line
    if stripped.startswith("[") or (stripped.startswith("{") and ext not in (".jsonl", ".ndjson")):
        first_lines = [ln for ln in _head_lines(stripped, 3) if ln.strip()]
        if stripped.startswith("{") and len(first_lines) > 1 and all(ln.strip().startswith("{") and ln.strip().endswith("}") for ln in first_lines):
            return "jsonl"
        return "json"
    if stripped.startswith("{"):
        return "jsonl"
    if ext in (".json", ".jsonl", ".ndjson"):  # a scalar or broken JSON: let the JSON reader say so
        return _TEXT_EXT[ext]
    if ext in (".csv", ".tsv", ".tab"):
        return _TEXT_EXT[ext]
    if parse_tables(text[:200_000]):
        return "markdown"
    head = _first_line(text)
    return "tsv" if head.count("\t") >= max(1, head.count(",")) else "csv"


def _read_markdown(text: str, name: str, options: LoadOptions) -> _Table:
    found = parse_tables(text)
    tables = [t for t in found if t.rows] or found  # a header-only table is a choice only when alone
    if not tables:
        raise LoadError(f"{name}: no Markdown pipe table found (a header row, then a row like |---|---|).")
    if options.table is not None and 0 <= options.table < len(tables):
        index = options.table
    else:  # the first table that has a reference column (a README's model list comes before the results)
        index = next((i for i, t in enumerate(tables) if "reference" in infer_roles(_unique(t.header))), 0)
    chosen = tables[index]
    header = _unique(chosen.header)
    frame = pd.DataFrame(chosen.rows, columns=header, dtype=object)
    warnings = list(chosen.warnings)
    if len(tables) > 1:
        warnings.insert(0, LoadWarning(chosen.start_line, f"the file holds {len(tables)} tables; "
                                                          f"showing table {index + 1} (choose another on the Load page)."))
    return _Table(frame, chosen.row_lines, "markdown", "", warnings, tuple(t.label for t in tables), index)


def _unique(header: list[str]) -> list[str]:
    """Column names made unique and non-empty ("" → "column 3", a repeated "x" → "x (2)")."""
    out: list[str] = []
    for i, h in enumerate(header):
        base = h.strip() or f"column {i + 1}"
        label, n = base, 2
        while label in out:
            label, n = f"{base} ({n})", n + 1
        out.append(label)
    return out


def _holds_rows(record: list[str], width: int, delimiter: str) -> bool:
    """A quoted field whose lines look like records of this table: a stray quote swallowed them.
    A long multi-line answer (a poem, a Markdown table) does not look like that."""
    for cell in record:
        if cell.count("\n") < 3:
            continue
        lines = cell.split("\n")
        if sum(1 for ln in lines if ln.count(delimiter) >= width - 1) >= max(3, len(lines) // 2):
            return True
    return False


_LONE_CR = re.compile(r"\r(?!\n)")
_LINE_RE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")


def _head_lines(text: str, n: int) -> list[str]:
    """The first `n` lines (any line ending), without splitting the whole text (a 400 MB file
    would be copied)."""
    lines: list[str] = []
    for m in _LINE_RE.finditer(text):
        if len(lines) >= n or m.start() >= len(text):
            break
        lines.append(m.group(0).rstrip("\r\n"))
    return lines


def _first_line(text: str) -> str:
    """The first line that is not blank."""
    for m in _LINE_RE.finditer(text):
        if m.start() >= len(text):
            break
        if m.group(0).strip():
            return m.group(0).rstrip("\r\n")
    return ""


def _sniff_delimiter(text: str, fmt: str) -> str:
    if fmt == "tsv":
        return "\t"
    sample = "\n".join(_head_lines(text, 30))
    head = _first_line(text)
    counts = {d: len(_split_line(head, d)) - 1 for d in (",", "\t", ";", "|")}
    best = max(counts, key=counts.get)
    try:
        sniffed = csv.Sniffer().sniff(sample, delimiters=",\t;|").delimiter
    except csv.Error:
        sniffed = None
    if sniffed and counts.get(sniffed, 0) > 0:
        return sniffed
    return best if counts[best] else ","


def _read_delimited(text: str, name: str, fmt: str) -> _Table:
    """CSV/TSV through the csv module: quoted newlines, and the line each record starts on.

    The csv module (C code, like pandas' parser) keeps up with pandas here: 60 MB in well under
    a second; and unlike pandas it says where each record starts, which warnings and the `row`
    column need when answers hold newlines."""
    head = text[:100_000]
    if "\r" in head and len(_LONE_CR.findall(head)) > head.count("\n"):
        # Classic Mac line endings (Excel for Mac: CR between rows, LF inside cells).
        text = _LONE_CR.sub("\n", text)
    excel_sep = re.match(r"sep=(.)[ \t]*\r?\n", text)
    if excel_sep:  # Excel's "sep=;" line names the delimiter; a blank line keeps the line numbers
        delimiter, text = excel_sep.group(1), "\n" + text[excel_sep.end():]
    else:
        delimiter = _sniff_delimiter(text, fmt)
    fmt = "tsv" if delimiter == "\t" else "csv"
    pending: list[str] = []  # the physical lines of the record being read

    def remember(lines):
        for line in lines:
            pending.append(line)
            yield line

    reader = csv.reader(remember(_lines(text)), delimiter=delimiter)
    header: list[str] | None = None
    columns: list[list[str]] = []
    rows: list[int] = []
    warnings: list[LoadWarning] = []
    last_line = 0

    def add(record: list[str], line: int) -> None:
        width = len(columns)
        if len(record) < width:
            warnings.append(LoadWarning(line, f"expected {width} fields, found {len(record)}; "
                                              "the missing fields were left empty."))
            record = record + [""] * (width - len(record))
        elif len(record) > width and not any(c.strip() for c in record[width:]):
            record = record[:width]  # a trailing delimiter: nothing was lost
        elif len(record) > width:
            warnings.append(LoadWarning(line, f"expected {width} fields, found {len(record)}; the extra "
                                              f"fields were joined into the last one (an unquoted {delimiter!r}?)."))
            record = record[:width - 1] + [delimiter.join(record[width - 1:])]
        for column, cell in zip(columns, record):
            column.append(cell)
        rows.append(line)

    try:
        for record in reader:
            start = last_line + 1
            last_line = reader.line_num
            raw, pending[:] = pending[:], []
            if not record or (len(record) == 1 and not record[0].strip()) or not "".join(record).strip():
                continue
            if header is None:
                header = _unique(record)
                columns = [[] for _ in header]
                continue
            if len(raw) > 1 and _swallowed_rows(record, raw, len(header), delimiter):
                warnings.append(LoadWarning(start, f"an unmatched quote joined lines {start}–{last_line} into one "
                                                   "record; they were read one record per line instead."))
                for offset, line in enumerate(raw):
                    if line.strip():
                        add(_split_line(line, delimiter), start + offset)
                continue
            if last_line - start > 50 and _holds_rows(record, len(header), delimiter):
                warnings.append(LoadWarning(start, f"a quoted field runs over {last_line - start + 1} lines "
                                                   "(a stray quote?); check this row."))
            add(record, start)
    except csv.Error as exc:
        raise LoadError(f"{name}: line {reader.line_num}: {exc}.") from None
    if header is None:
        raise LoadError(f"{name} is empty.")
    if len(header) < 2:
        raise LoadError(f"{name}: found a single column ({header[0]!r}); expected a table with at least an "
                        "answer and a reference column (CSV, TSV, JSON or a Markdown pipe table).")
    frame = pd.DataFrame({h: pd.Series(c, dtype=object) for h, c in zip(header, columns)})
    return _Table(frame, rows, fmt, "", warnings)


def _split_line(line: str, delimiter: str) -> list[str]:
    """One physical line as one record; an unclosed quote then only runs to the end of the line."""
    try:
        return next(csv.reader([line.rstrip("\r\n")], delimiter=delimiter), [])
    except csv.Error:  # a bare CR inside the line: split it plainly
        return line.rstrip("\r\n").split(delimiter)


def _swallowed_rows(record: list[str], raw: list[str], width: int, delimiter: str) -> bool:
    """Did a stray opening quote glue whole rows into one field? Its later lines then look like
    complete rows on their own, and the glued record has the wrong number of fields. A record of
    the right width is left alone even if its lines look like rows (answers list "a, b, c")."""
    if width < 2 or len(record) == width:
        return False  # a record of the right width is a genuine multi-line field: never split it
    return any(len(_split_line(line, delimiter)) == width for line in raw[1:] if line.strip())


def _lines(text: str):
    """The text's lines with their endings, one at a time: io.StringIO would copy the whole text
    (at 4 bytes a character for Chinese), a 400 MB file's worth of memory for nothing."""
    start, n = 0, len(text)
    while start < n:
        end = text.find("\n", start)
        end = n if end < 0 else end + 1
        yield text[start:end]
        start = end


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
    return _object_frame(_flatten_all(keep)), rows, warnings


def _object_frame(records: list[dict]) -> pd.DataFrame:
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


def _read_json(text: str, name: str, options: LoadOptions, path: str | None) -> _Table:
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        raise LoadError(f"{name}: invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}.") from None
    except RecursionError:
        raise LoadError(f"{name}: the JSON is nested too deeply to be a table.") from None
    if frameworks.is_opencompass(obj):
        model = options.model_name or frameworks.model_from_path(name, path, "opencompass")
        frame = frameworks.opencompass_table(obj)
        return _Table(frame, list(range(1, len(frame) + 1)), "opencompass", "", [],
                      roles=dict(frameworks.OPENCOMPASS_ROLES), default_model=model)
    if isinstance(obj, dict) and isinstance(obj.get("columns"), list) and isinstance(obj.get("data"), list) \
            and obj["data"] and all(isinstance(r, list) and len(r) == len(obj["columns"]) for r in obj["data"]):
        # pandas to_json(orient="split")
        frame = pd.DataFrame(obj["data"], columns=_unique([str(c) for c in obj["columns"]]), dtype=object)
        return _Table(frame, list(range(1, len(frame) + 1)), "json", "", [])
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
                return _Table(frame, list(range(1, len(frame) + 1)), "json", "", [])
            lists = {k: v for k, v in obj.items() if isinstance(v, list)}
            if lists and len(lists) == len(obj) and len({len(v) for v in lists.values()}) == 1:
                frame = pd.DataFrame(lists)
                return _Table(frame, list(range(1, len(frame) + 1)), "json", "", [])
            raise LoadError(f"{name}: the JSON is an object with keys {', '.join(list(obj)[:8])}, not a table; "
                            "expected a list of records or an object of equal-length columns.")
    if not isinstance(obj, list):
        raise LoadError(f"{name}: the JSON is a single {type(obj).__name__}, not a table; expected a list of records.")
    if frameworks.is_lm_eval(obj):
        return _lm_eval(obj, name, options, path, "json")
    frame, rows, warnings = _records_frame(obj, name)
    return _Table(frame, rows, "json", "", warnings)


def _read_jsonl(text: str, name: str, options: LoadOptions, path: str | None) -> _Table:
    records, lines, warnings = [], [], []
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            records.append(json.loads(line))
            lines.append(n)
        except json.JSONDecodeError as exc:
            warnings.append(LoadWarning(n, f"not valid JSON ({exc.msg}); skipped."))
        except RecursionError:
            warnings.append(LoadWarning(n, "JSON nested too deeply; skipped."))
    if not records:
        raise LoadError(f"{name}: no valid JSON line found (first problem: {warnings[0] if warnings else 'empty'}).")
    if frameworks.is_lm_eval(records):
        table = _lm_eval(records, name, options, path, "jsonl", lines)
        table.warnings = warnings + table.warnings
        return table
    keep = [(r, ln) for r, ln in zip(records, lines) if isinstance(r, dict)]
    for r, ln in zip(records, lines):
        if not isinstance(r, dict):
            warnings.append(LoadWarning(ln, f"line is a JSON {type(r).__name__}, not an object; skipped."))
    if not keep:
        raise LoadError(f"{name}: no JSON objects found; each line should be one record.")
    frame = _object_frame(_flatten_all([r for r, _ in keep]))
    return _Table(frame, [ln for _, ln in keep], "jsonl", "", warnings)


def _lm_eval(records: list, name: str, options: LoadOptions, path: str | None, fmt: str,
             lines: list[int] | None = None) -> _Table:
    lines = lines or list(range(1, len(records) + 1))
    warnings = [LoadWarning(ln, f"a JSON {type(r).__name__}, not a sample record; skipped.")
                for r, ln in zip(records, lines) if not isinstance(r, dict)]
    rows = [ln for r, ln in zip(records, lines) if isinstance(r, dict)]
    records = [r for r in records if isinstance(r, dict)]
    model = options.model_name or frameworks.model_from_path(name, path, "lm-eval-harness")
    frame = frameworks.lm_eval_table(records)
    return _Table(frame, rows, "lm-eval-harness", "", warnings, roles=dict(frameworks.LM_EVAL_ROLES),
                  default_model=model)


def _read_xlsx(data: bytes, name: str, options: LoadOptions) -> _Table:
    try:
        raw = pd.read_excel(io.BytesIO(data), sheet_name=None, dtype=object, header=None)
    except Exception as exc:  # openpyxl raises many types for corrupt files
        raise LoadError(f"{name} is not a readable XLSX file ({type(exc).__name__}: {exc}).") from None
    names = list(raw)
    if not names:
        raise LoadError(f"{name}: the workbook has no sheets.")
    header_rows = {s: _header_row(raw[s]) for s in names}
    headers = {s: _cells(raw[s].iloc[header_rows[s]]) if len(raw[s]) else [] for s in names}
    labels = tuple(f"Sheet \"{s}\" ({max(len(raw[s]) - header_rows[s] - 1, 0)} rows)" for s in names)
    warnings: list[LoadWarning] = []
    if options.table is not None and 0 <= options.table < len(names):
        index = options.table
    else:
        filled = [i for i, s in enumerate(names) if not raw[s].dropna(how="all").empty]
        index = next((i for i in filled if "reference" in infer_roles(headers[names[i]])), filled[0] if filled else 0)
        if index > 0 and raw[names[0]].dropna(how="all").empty:
            warnings.append(LoadWarning(None, f"sheet \"{names[0]}\" is empty; loaded sheet \"{names[index]}\" "
                                              "(choose another on the Load page)."))
        elif len(names) > 1:
            warnings.append(LoadWarning(None, f"the workbook has {len(names)} sheets; loaded \"{names[index]}\" "
                                              "(choose another on the Load page)."))
    sheet = names[index]
    top = header_rows[sheet]
    if top > 0:
        warnings.append(LoadWarning(top + 1, f"the header is on row {top + 1} of sheet \"{sheet}\"; the rows "
                                             "above it (a title?) were skipped."))
    frame = raw[sheet].iloc[top + 1:].dropna(how="all")
    frame.columns = _unique(headers[sheet]) if len(raw[sheet]) else []
    rows = [int(i) + 1 for i in frame.index]  # Excel row numbers (the first row is 1)
    if frame.empty:
        raise LoadError(f"{name}: sheet \"{sheet}\" has no data rows.")
    return _Table(frame.reset_index(drop=True), rows, "xlsx", "binary", warnings, labels, index)


def _cells(row: pd.Series) -> list[str]:
    return [cell_text(v).strip() for v in row.tolist()]


def _header_row(sheet: pd.DataFrame, look: int = 10) -> int:
    """Which of the first rows is the header: the first that names a reference column, else the
    first with two or more filled cells (a title row above the table has one)."""
    candidates = [i for i in range(min(look, len(sheet))) if sheet.iloc[i].notna().sum() >= 2]
    named = next((i for i in candidates if "reference" in infer_roles(_cells(sheet.iloc[i]))), None)
    if named is not None:
        return named
    return candidates[0] if candidates else 0


def _read_parquet(data: bytes, name: str) -> _Table:
    try:
        frame = pd.read_parquet(io.BytesIO(data))
    except Exception as exc:  # pyarrow raises its own error types
        raise LoadError(f"{name} is not a readable Parquet file ({type(exc).__name__}: {exc}).") from None
    frame.columns = _unique([str(c) for c in frame.columns])
    return _Table(frame, list(range(1, len(frame) + 1)), "parquet", "binary", [])
