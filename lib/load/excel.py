"""XLSX workbooks: the sheet with a reference column, a title row above the header skipped."""
from __future__ import annotations

import io

import pandas as pd

from lib.load.canonical import cell_text
from lib.load.dataset import LoadError, LoadWarning
from lib.load.roles import infer_roles
from lib.load.table import ParsedTable, Source, unique_header


def read_xlsx(data: bytes, source: Source) -> ParsedTable:
    name, options = source.name, source.options
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
    frame.columns = unique_header(headers[sheet]) if len(raw[sheet]) else []
    rows = [int(i) + 1 for i in frame.index]  # Excel row numbers (the first row is 1)
    if frame.empty:
        raise LoadError(f"{name}: sheet \"{sheet}\" has no data rows.")
    return ParsedTable(frame.reset_index(drop=True), rows, "xlsx", "binary", warnings, labels, index)

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
