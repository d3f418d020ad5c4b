"""Bytes (a file, an upload, pasted text) → the canonical Dataset, with a report of how it was read.

The format is decided by content first (Excel and Parquet by their magic bytes, a zip by its
entries, JSON by its first character, Markdown by a pipe table; an evaluation framework's output
by its fields), the extension only breaks ties; so pasted text and misnamed files load too. A zip
of results files (a results folder) is several files loaded as one dataset (lib.load.many). Every LoadError message starts with the file name and says what to fix.
"""
from __future__ import annotations

import codecs
import csv
import gc
from pathlib import Path, PurePath
from typing import Callable

from lib.load import frameworks, limits, lines
from lib.load.archive import is_archive_of_files, read_zip
from lib.load.canonical import MAX_WARNINGS_PER_KIND, canonicalize
from lib.load.dataset import CANONICAL_COLUMNS, Dataset, LoadError, LoadOptions, LoadReport, LoadWarning
from lib.load.delimited import read_delimited
from lib.load.encoding import decode_lines, is_binary
from lib.load.excel import read_xlsx
from lib.load.json_records import read_json, read_jsonl
from lib.load.markdown import read_markdown
from lib.load.parquet import read_parquet
from lib.load.references import choose_closest
from lib.load.roles import apply_overrides, infer_roles
from lib.load.sanity import sanity_warnings, unread_model_columns
from lib.load.sniff import text_format
from lib.load.table import ParsedTable, Source

# The readers, by format: a new format is one module and one row here.
TEXT_READERS: dict[str, Callable[[str, Source, str], ParsedTable]] = {
    "markdown": read_markdown,
    "csv": read_delimited,
    "tsv": read_delimited,
    "json": read_json,
    "jsonl": read_jsonl,
}
# Binary formats, by their first bytes (the extension is only a hint).
BINARY_READERS: tuple[tuple[bytes, Callable[[bytes, Source], ParsedTable]], ...] = (
    (b"PK\x03\x04", read_zip),  # XLSX or an Inspect .eval log, by the zip's entries
    (b"PAR1", read_parquet),
)


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
    bound = limits.current()
    if len(data) > bound.file_bytes:
        raise LoadError(f"{name} is {limits.mb(len(data))}; Redline reads files of up to {limits.mb(bound.file_bytes)} "
                        f"({limits.ENV['file_bytes']}). Split it, or keep only the columns you need.")
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
    if data.startswith(b"PK\x03\x04") and is_archive_of_files(data):
        from lib.load.many import load_archive

        return load_archive(data, name, options)
    return dataset_from_table(_bounded(_read_table(data, name, options, path), limits.current()), name, options)


def dataset_from_table(table: ParsedTable, name: str, options: LoadOptions) -> Dataset:
    """A parsed table → the canonical Dataset with its load report (roles, runs, sanity checks)."""
    headers = [str(c) for c in table.frame.columns]
    if table.frame.empty and headers:
        raise LoadError(f"{name} has a header but no data rows.")
    inferred = table.roles if table.roles is not None else infer_roles(headers)
    roles = apply_overrides(inferred, options.roles, headers)
    default_model = options.model_name or table.default_model
    try:
        canon = canonicalize(table.frame, table.rows, roles, name, options.shape, default_model)
    except LoadError as exc:
        cut = next((w.message for w in table.warnings if limits.ENV["columns"] in w.message), None)
        if cut is None:
            raise
        raise LoadError(f"{exc} Note: {cut}") from None
    frame = choose_closest(canon.frame)
    checks = sanity_warnings(frame, canon.columns) + unread_model_columns(table.frame, canon.shape, canon.columns)
    report = LoadReport(
        name=name, format=table.format, encoding=table.encoding, shape=canon.shape, columns=canon.columns,
        rows=len(frame), samples=int(frame["sample_id"].nunique()),
        models=tuple(dict.fromkeys(frame["model_name"])),
        warnings=tuple(table.warnings) + canon.warnings + tuple(checks), headers=tuple(headers),
        tables=table.tables, table=table.table, framework=frameworks.TITLES.get(table.format, ""),
        answer_choices=table.answer_choices, model_from=table.model_from, task=table.task,
    )
    return Dataset(frame=frame, report=report, has_source=bool((frame["source"] != "").any()),
                   metadata_columns=tuple(c for c in frame.columns if c not in CANONICAL_COLUMNS))


def _bounded(table: ParsedTable, bound: limits.Limits) -> ParsedTable:
    """At most `bound.rows` rows and `bound.columns` columns, whatever the reader; the cut is said
    with the line or row it starts at. (Binary readers already stop at the limits while reading.)"""
    frame = table.frame
    if frame.shape[1] > bound.columns:
        first_cut = str(frame.columns[bound.columns])
        table.warnings.append(LoadWarning(None, f"the table has {frame.shape[1]:,} columns; only the first "
                                                f"{bound.columns:,} were read, the rest (from \"{first_cut[:80]}\" on) "
                                                f"were dropped ({limits.ENV['columns']})."))
        frame = frame.iloc[:, :bound.columns]
    if len(frame) > bound.rows:
        table.warnings.append(LoadWarning(table.rows[bound.rows], f"the table has {len(frame):,} rows; only the first "
                                                                  f"{bound.rows:,} were read, from here on nothing "
                                                                  f"was loaded ({limits.ENV['rows']})."))
        frame = frame.iloc[:bound.rows]
        table.rows = table.rows[:bound.rows]
    table.frame = frame
    return table


def _read_table(data: bytes, name: str, options: LoadOptions, path: str | None) -> ParsedTable:
    source = Source(name, options, path)
    ext = PurePath(name).suffix.lower()
    for magic, reader in BINARY_READERS:
        if data.startswith(magic):
            return reader(data, source)
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise LoadError(f"{name} is an old Excel 97-2003 (.xls) workbook or an encrypted one; "
                        "save it as .xlsx or CSV.")
    if ext not in (".xlsx", ".xls", ".parquet"):
        return _read_text_table(data, source, ext)
    try:  # text saved under a binary format's name ("Export to Excel" often writes TSV as .xls)
        table = _read_text_table(data, source, ext="")
        if table.frame.empty:
            raise LoadError(f"{name} has a header but no data rows.")
    except LoadError as exc:
        raise LoadError(f"{name} is not a valid {ext[1:].upper()} file (its first bytes are wrong), "
                        f"and read as text: {str(exc).removeprefix(name).lstrip(' :')}") from None
    table.warnings.insert(0, LoadWarning(None, f"the file is named {ext} but holds {table.format.upper()} text; "
                                               f"read as {table.format.upper()}."))
    return table


def _streamed_csv(data: bytes, source: Source, ext: str) -> ParsedTable | None:
    """A large CSV/TSV in clean UTF-8, read line by line from its bytes: the same table as from its
    text (tests/load/test_streamed.py), without the whole-file text (lib.load.lines.STREAM_BYTES)."""
    if len(data) < lines.STREAM_BYTES or ext not in (".csv", ".tsv", ".tab") or data.startswith(codecs.BOM_UTF8):
        return None
    head = data[:1 << 20].decode("utf-8", errors="ignore")  # a character cut at the end is dropped
    if head.lstrip()[:1] in ("", "[", "{") or is_binary(head):
        return None  # JSON under a .csv name, or not text: the whole-text path says what it is
    fmt = text_format(head, ext)
    try:
        table = read_delimited(head, source, fmt, lines=lines.utf8_lines(data))
    except UnicodeDecodeError:
        return None  # not clean UTF-8 after all: the whole-text path finds the encoding and names the lines
    table = frameworks.from_csv(table, source) or table
    table.encoding = "utf-8"
    return table


def _read_text_table(data: bytes, source: Source, ext: str) -> ParsedTable:
    streamed = _streamed_csv(data, source, ext)
    if streamed is not None:
        return streamed
    decoded = decode_lines(data, source.name)
    text, encoding = decoded.text.lstrip("\ufeff"), decoded.encoding
    warnings = [LoadWarning(line, f"this line is not {encoding.upper()}; read as {other.upper()} "
                                  f"(the rest of the file is {encoding.upper()})." if other else
                                  f"this line is not valid {encoding.upper()} (nor "
                                  f"{' or '.join(e for e in ('UTF-8', 'GB18030', 'Big5') if e != encoding.upper())}); "
                                  "what does not decode is shown as \ufffd.")
                for line, other in decoded.other_lines[:MAX_WARNINGS_PER_KIND]]
    if len(decoded.other_lines) > MAX_WARNINGS_PER_KIND:
        warnings.append(LoadWarning(None, f"… and {len(decoded.other_lines) - MAX_WARNINGS_PER_KIND:,} more lines "
                                          f"not in {encoding.upper()}."))
    if encoding == "utf-8" and "\ufffd" in text and b"\xef\xbf\xbd" not in data and not decoded.other_lines:
        bad_line = text.count("\n", 0, text.index("\ufffd")) + 1
        warnings.append(LoadWarning(bad_line, f"{text.count(chr(0xFFFD)):,} byte(s) are not valid UTF-8 (first on this "
                                              "line); shown as \ufffd. The rest of the file was read as UTF-8."))
    if encoding == "cp1252":
        warnings.append(LoadWarning(None, "the file is not UTF-8, GB18030 or Big5; read as Windows-1252. "
                                          "If letters look wrong, save it as UTF-8."))
    fmt = text_format(text, ext)
    table = TEXT_READERS[fmt](text, source, fmt)
    if fmt in ("csv", "tsv"):
        table = frameworks.from_csv(table, source) or table
    table.encoding = encoding
    table.warnings = warnings + table.warnings
    return table
