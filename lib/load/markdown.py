"""Parse Markdown pipe tables as real exports write them, breakage included.

Handles what GFM allows (alignment rows, optional outer pipes, `\\|` in cells) and what chat UIs
and copy-paste produce: a row continued on the next physical line (the bundled sample has three),
text before and after a table, several tables in one file, rows with too few or too many cells.
Every repair is reported with the physical line it happened on.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import pandas as pd

from lib.load import limits
from lib.load.dataset import LoadError, LoadWarning
from lib.load.roles import infer_roles
from lib.load.lines import split_lines
from lib.load.table import ParsedTable, Source, unique_header

_ALIGN_CELL = re.compile(r"^\s*:?-{1,}:?\s*$")
_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)


@dataclass
class MarkdownTable:
    number: int                     # 1-based position among the file's tables
    start_line: int                 # 1-based line of the header
    header: list[str]
    rows: list[list[str]] = field(default_factory=list)
    row_lines: list[int] = field(default_factory=list)   # 1-based physical line where each row starts
    warnings: list[LoadWarning] = field(default_factory=list)
    columns_cut: int = 0            # header cells beyond the column limit (their cells are dropped)

    @property
    def label(self) -> str:
        cols = ", ".join(self.header[:5]) + (" …" if len(self.header) > 5 else "")
        return f"Table {self.number} (line {self.start_line}): {cols}"


def split_cells(line: str) -> tuple[list[str], bool, bool]:
    """Cells of one physical line, `\\|` unescaped; plus whether it had a leading/trailing pipe."""
    if "\\" not in line:  # the common case: no escapes, so str.split (C speed) gives the same cells
        return _outer(line.split("|"), line)
    cells: list[str] = []
    current: list[str] = []
    i = 0
    while i < len(line):
        ch = line[i]
        if ch == "\\" and i + 1 < len(line) and line[i + 1] == "|":
            current.append("|")
            i += 2
            continue
        if ch == "|":
            cells.append("".join(current))
            current = []
        else:
            current.append(ch)
        i += 1
    cells.append("".join(current))
    return _outer(cells, line)


def _outer(cells: list[str], line: str) -> tuple[list[str], bool, bool]:
    stripped = line.strip()
    leading = stripped.startswith("|")
    trailing = stripped.endswith("|") and not stripped.endswith("\\|")
    if leading:
        cells = cells[1:]
    if trailing and cells:
        cells = cells[:-1]
    return [_clean(c) for c in cells], leading, trailing


def _clean(cell: str) -> str:
    return _BR.sub("\n", cell.strip())


def _is_alignment(line: str) -> bool:
    cells, _, _ = split_cells(line)
    return bool(cells) and "-" in line and all(_ALIGN_CELL.match(c) for c in cells)


def _has_pipe(line: str) -> bool:
    return "|" in line.replace("\\|", "")


def parse_tables(text: str) -> list[MarkdownTable]:
    """Every pipe table in `text` (a header line followed by an alignment row starts one)."""
    lines = split_lines(text)
    tables: list[MarkdownTable] = []
    i = 0
    fence = None
    while i < len(lines) - 1:
        marker = lines[i].lstrip()[:3]
        if marker in ("```", "~~~"):  # a table inside a code block is an example, not data
            fence = None if fence == marker else (fence or marker)
            i += 1
            continue
        if fence is None and _has_pipe(lines[i]) and _is_alignment(lines[i + 1]):
            header, _, _ = split_cells(lines[i])
            most = limits.current().columns
            table = MarkdownTable(number=len(tables) + 1, start_line=i + 1, header=header[:most],
                                  columns_cut=max(len(header) - most, 0))
            if table.columns_cut:
                table.warnings.append(LoadWarning(i + 1, f"the header has {len(header):,} cells; only the first {most:,} "
                                                         f"columns were read ({limits.ENV['columns']})."))
            i = _read_rows(lines, i + 2, table)
            tables.append(table)
            # Rows after a stray blank line would otherwise vanish without a word.
            j = i
            while j < len(lines) and not lines[j].strip():
                j += 1
            if j > i and j + 1 < len(lines) and lines[j].lstrip().startswith("|") and not _is_alignment(lines[j + 1]) \
                    and len(split_cells(lines[j])[0]) == len(header):
                table.warnings.append(LoadWarning(j + 1, "rows continue after a blank line; they were joined to the "
                                                         f"table above (blank line {i + 1} ignored)."))
                i = _read_rows(lines, j, table)
        else:
            i += 1
    return tables


def _read_rows(lines: list[str], i: int, table: MarkdownTable) -> int:
    """Read data rows from line index i; returns the index after the table."""
    width = len(table.header)
    while i < len(lines):
        line = lines[i]
        if not line.strip() or not _has_pipe(line):
            break
        start = i
        cells, leading, trailing = split_cells(line)
        # A row broken across physical lines: the next line does not start a new row (no leading
        # pipe where this table uses them) and the row still lacks cells.
        while len(cells) < width and i + 1 < len(lines) and lines[i + 1].strip() and leading \
                and not lines[i + 1].lstrip().startswith("|"):
            more, _, next_trailing = split_cells(lines[i + 1])
            if trailing:
                cells.extend(more)
            else:  # the break fell inside a cell: its text continues on the next line
                cells[-1] = cells[-1] + "\n" + more[0]
                cells.extend(more[1:])
            trailing = next_trailing
            i += 1
        line_no = start + 1
        if table.columns_cut:
            cells = cells[:width]  # cells of dropped columns: said once for the table
        if i > start:
            table.warnings.append(LoadWarning(line_no, f"row continued on line{'s' if i - start > 1 else ''} "
                                                       f"{', '.join(str(n + 1) for n in range(start + 1, i + 1))}; joined."))
        if len(cells) < width:
            table.warnings.append(LoadWarning(line_no, f"expected {width} cells, found {len(cells)}; "
                                                       "the missing cells were left empty."))
            cells += [""] * (width - len(cells))
        elif len(cells) > width:
            table.warnings.append(LoadWarning(line_no, f"expected {width} cells, found {len(cells)}; the extra cells "
                                                       "were joined into the last one (an unescaped | in the text?)."))
            cells = cells[:width - 1] + [" | ".join(cells[width - 1:])]
        table.rows.append(cells)
        table.row_lines.append(line_no)
        i += 1
    return i


def read_markdown(text: str, source: Source, fmt: str = "markdown") -> ParsedTable:
    """The chosen (or first results) table of a Markdown file, with every table offered as a choice."""
    name, options = source.name, source.options
    found = parse_tables(text)
    tables = [t for t in found if t.rows] or found  # a header-only table is a choice only when alone
    if not tables:
        raise LoadError(f"{name}: no Markdown pipe table found (a header row, then a row like |---|---|).")
    if options.table is not None and 0 <= options.table < len(tables):
        index = options.table
    else:  # the first table that has a reference column (a README's model list comes before the results)
        index = next((i for i, t in enumerate(tables) if "reference" in infer_roles(unique_header(t.header))), 0)
    chosen = tables[index]
    header = unique_header(chosen.header)
    frame = pd.DataFrame(chosen.rows, columns=header, dtype=object)
    warnings = list(chosen.warnings)
    if len(tables) > 1:
        warnings.insert(0, LoadWarning(chosen.start_line, f"the file holds {len(tables)} tables; "
                                                          f"showing table {index + 1} (choose another on the Load page)."))
    return ParsedTable(frame, chosen.row_lines, "markdown", "", warnings, tuple(t.label for t in tables), index)
