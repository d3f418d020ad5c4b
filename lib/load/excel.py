"""XLSX workbooks: the sheet with a reference column, a title row above the header skipped.

Read with openpyxl in streaming (read-only) mode rather than pandas.read_excel: pandas reads
every row of every sheet into memory before anything can be checked, and turns the text `NaN`,
`N/A`, `NULL`, `#N/A` … into empty cells. Here the unpacked size is checked before opening, rows
and columns stop at the limits, and every cell keeps its text (only a truly empty cell is empty).
"""
from __future__ import annotations

import io
import zipfile

import pandas as pd

from lib.load import limits
from lib.load.canonical import cell_text
from lib.load.dataset import LoadError, LoadWarning
from lib.load.roles import infer_roles
from lib.load.table import ParsedTable, Source, unique_header


def read_xlsx(data: bytes, source: Source) -> ParsedTable:
    name, options = source.name, source.options
    bound = limits.current()
    _check_expanded_size(data, name, bound)
    try:
        import openpyxl

        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for corrupt files
        raise LoadError(f"{name} is not a readable XLSX file ({type(exc).__name__}: {exc}).") from None
    warnings: list[LoadWarning] = []
    try:
        raw = {sheet.title: _read_sheet(sheet, bound, warnings) for sheet in book.worksheets}
    except LoadError:
        raise
    except Exception as exc:  # noqa: BLE001 - a damaged sheet part
        raise LoadError(f"{name} is not a readable XLSX file ({type(exc).__name__}: {exc}).") from None
    finally:
        book.close()
    names = list(raw)
    if not names:
        raise LoadError(f"{name}: the workbook has no sheets.")
    header_rows = {s: _header_row(raw[s]) for s in names}
    headers = {s: _cells(raw[s].iloc[header_rows[s]]) if len(raw[s]) else [] for s in names}
    labels = tuple(f"Sheet \"{s}\" ({max(len(raw[s]) - header_rows[s] - 1, 0)} rows)" for s in names)
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
    warnings = [w for w in warnings if not w.message.startswith("sheet \"") or f"sheet \"{sheet}\"" in w.message]
    top = header_rows[sheet]
    if top > 0:
        warnings.append(LoadWarning(top + 1, f"the header is on row {top + 1} of sheet \"{sheet}\"; the rows "
                                             "above it (a title?) were skipped."))
    frame = raw[sheet].iloc[top + 1:].dropna(how="all")
    frame.columns = unique_header(headers[sheet]) if len(raw[sheet]) else []
    rows = [int(i) + 1 for i in frame.index]  # Excel row numbers (the first row is 1)
    if frame.empty:
        raise LoadError(f"{name}: sheet \"{sheet}\" has no data rows.")
    return ParsedTable(frame.reset_index(drop=True), rows, "xlsx", "binary", warnings, labels, index)


def _check_expanded_size(data: bytes, name: str, bound: limits.Limits) -> None:
    """Refuse a workbook whose parts unpack to more than the limit, before unpacking any."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            expanded = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise LoadError(f"{name} is not a readable XLSX file ({type(exc).__name__}: {exc}).") from None
    if expanded > bound.expanded_bytes:
        raise LoadError(f"{name} unpacks to {limits.mb(expanded)} ({limits.mb(len(data))} packed); Redline reads "
                        f"workbooks of up to {limits.mb(bound.expanded_bytes)} unpacked "
                        f"({limits.ENV['expanded_bytes']}). Save the sheet you need as CSV, or split it.")


def _read_sheet(sheet, bound: limits.Limits, warnings: list[LoadWarning]) -> pd.DataFrame:
    """One sheet's cells (None = empty), at most `bound.rows` rows (plus room for a title and the
    header) and `bound.columns` columns; what was cut is said with the row or column it starts at."""
    max_rows = bound.rows + 10
    rows: list[list[object]] = []
    width = 0
    wide = False
    for values in sheet.iter_rows(values_only=True):
        if len(rows) >= max_rows:
            if any(v is not None for v in values):
                warnings.append(LoadWarning(len(rows) + 1, f"sheet \"{sheet.title}\" has more rows; only the first "
                                                           f"{max_rows:,} were read ({limits.ENV['rows']})."))
                break
            continue
        if len(values) > bound.columns:
            wide = wide or any(v is not None for v in values[bound.columns:])
            values = values[:bound.columns]
        rows.append(list(values))
        width = max(width, len(values))
    if wide:
        warnings.append(LoadWarning(None, f"sheet \"{sheet.title}\" has more than {bound.columns:,} columns; "
                                          f"only the first {bound.columns:,} were read ({limits.ENV['columns']})."))
    for row in rows:
        row.extend([None] * (width - len(row)))
    return pd.DataFrame(rows, dtype=object) if rows else pd.DataFrame(dtype=object)


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
