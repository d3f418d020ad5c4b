"""CSV and TSV as spreadsheets and scripts write them: sniffed delimiter, quoted newlines, stray quotes."""
from __future__ import annotations

import csv
import re
import sys
from itertools import chain, islice
from typing import Iterator

import pandas as pd

from lib.load import limits
from lib.load.dataset import LoadError, LoadWarning
from lib.load.lines import first_line, head_lines, iter_lines
from lib.load.table import ParsedTable, Source, unique_header

csv.field_size_limit(sys.maxsize)  # 1 MB answers are real; the csv module's default cap is 128 kB

_LONE_CR = re.compile(r"\r(?!\n)")


def _sniff_delimiter(text: str, fmt: str) -> str:
    if fmt == "tsv":
        return "\t"
    sample = "\n".join(head_lines(text, 30))
    head = first_line(text)
    counts = {d: len(_split_line(head, d)) - 1 for d in (",", "\t", ";", "|")}
    best = max(counts, key=counts.get)
    try:
        sniffed = csv.Sniffer().sniff(sample, delimiters=",\t;|").delimiter
    except csv.Error:
        sniffed = None
    if sniffed and counts.get(sniffed, 0) > 0:
        return sniffed
    return best if counts[best] else ","

def read_delimited(text: str, source: Source, fmt: str, lines: Iterator[str] | None = None) -> ParsedTable:
    """CSV/TSV through the csv module: quoted newlines, and the line each record starts on.

    The csv module (C code, like pandas' parser) keeps up with pandas here: 60 MB in well under
    a second; and unlike pandas it says where each record starts, which warnings and the `row`
    column need when answers hold newlines. `lines`, when given, are the file's lines (a large
    file decoded as it is read, lib.load.lines.utf8_lines) and `text` is only its head."""
    name = source.name
    head = text[:100_000]
    if "\r" in head and len(_LONE_CR.findall(head)) > head.count("\n"):
        # Classic Mac line endings (Excel for Mac: CR between rows, LF inside cells).
        text = _LONE_CR.sub("\n", text if lines is None else "".join(lines))
        lines = None
    excel_sep = re.match(r"sep=(.)[ \t]*\r?\n", text)
    if excel_sep:  # Excel's "sep=;" line names the delimiter; a blank line keeps the line numbers
        delimiter, text = excel_sep.group(1), "\n" + text[excel_sep.end():]
        if lines is not None:
            lines = chain(["\n"], islice(lines, 1, None))
    else:
        delimiter = _sniff_delimiter(text, fmt)
    fmt = "tsv" if delimiter == "\t" else "csv"
    pending: list[str] = []  # the physical lines of the record being read

    def remember(lines):
        for line in lines:
            pending.append(line)
            yield line

    reader = csv.reader(remember(iter_lines(text) if lines is None else lines), delimiter=delimiter)
    header: list[str] | None = None
    columns: list[list[str]] = []
    rows: list[int] = []
    warnings: list[LoadWarning] = []
    last_line = 0
    cut_at = 0  # the column limit, when the header was wider
    # One string object per distinct cell text: the reference (and source, model, id) repeats on
    # every answer's row, 200,000 copies of 12,500 texts (270 MB) at 200,000 answers; an exact
    # answer shares its reference's object too.
    shared = {}.setdefault

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
            column.append(shared(cell, cell))
        rows.append(line)

    try:
        for record in reader:
            start = last_line + 1
            last_line = reader.line_num
            raw, pending[:] = pending[:], []
            if not record or (len(record) == 1 and not record[0].strip()) or not "".join(record).strip():
                continue
            if header is None:
                most = limits.current().columns
                if len(record) > most:
                    warnings.append(LoadWarning(last_line, f"the header has {len(record):,} fields; only the first "
                                                           f"{most:,} columns were read ({limits.ENV['columns']})."))
                    cut_at = most
                header = unique_header(record[:most])
                columns = [[] for _ in header]
                continue
            if cut_at:
                record = record[:cut_at]
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
    return ParsedTable(frame, rows, fmt, "", warnings)

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
