"""Zip files: an XLSX workbook, an Inspect AI `.eval` log, or a zip of results files (a folder).

All three start with the same magic bytes, so the entries decide: an XLSX has
`[Content_Types].xml`, an Inspect log `header.json` (or `_journal/start.json` while running);
anything else is an archive of files to load together.
"""
from __future__ import annotations

import io
import zipfile

from lib.load.dataset import LoadError
from lib.load.excel import read_xlsx
from lib.load.frameworks import inspect_ai
from lib.load.table import ParsedTable, Source


def entry_names(data: bytes) -> list[str] | None:
    try:
        return zipfile.ZipFile(io.BytesIO(data)).namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return None


def _is_workbook(names: list[str]) -> bool:
    return "[Content_Types].xml" in names or any(n.startswith("xl/") for n in names)


def is_archive_of_files(data: bytes) -> bool:
    names = entry_names(data)
    return names is not None and not _is_workbook(names) and not inspect_ai.is_eval_zip(names)


def read_zip(data: bytes, source: Source) -> ParsedTable:
    names = entry_names(data)
    if names is not None and inspect_ai.is_eval_zip(names):
        table = inspect_ai.read_eval(data, source)
        table.encoding = "binary"
        return table
    if names is None and source.name.lower().endswith(".eval"):
        raise LoadError(f"{source.name} is not a readable Inspect .eval file (the zip is damaged or cut short).")
    return read_xlsx(data, source)
