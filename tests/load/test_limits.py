"""Hostile sizes: refused early or cut with a message that says what was cut and where.

The time checks here are hang guards (generous bounds around work that used to take minutes),
not speed targets: those live in bench/.
"""
from __future__ import annotations

import io
import json
import time

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from lib.load import limits, load_bytes, load_text
from lib.load.dataset import LoadError
from lib.load.table import unique_header

HANG_GUARD_S = 20


def _messages(ds) -> str:
    return "\n".join(str(w) for w in ds.report.warnings)


def test_unique_header_keeps_its_numbering():
    assert unique_header(["x", "x (2)", "x", "", "x"]) == ["x", "x (2)", "x (3)", "column 4", "x (4)"]


def test_unique_header_of_100000_repeated_names_is_linear():
    started = time.perf_counter()
    out = unique_header(["h"] * 100_000)  # cubic before: 5,000 took 512 s
    assert time.perf_counter() - started < HANG_GUARD_S
    assert len(set(out)) == 100_000 and out[-1] == "h (100000)"


def test_a_markdown_header_of_5000_repeated_names_loads_its_first_columns_and_says_so():
    n = 5_000
    text = "|" + "|".join(["answer", "reference"] + ["h"] * (n - 2)) + "|\n|" + "---|" * n + "\n|" + "x|" * n + "\n"
    started = time.perf_counter()
    ds = load_text(text, "h.md")
    assert time.perf_counter() - started < HANG_GUARD_S
    assert len(ds.report.headers) == limits.DEFAULT.columns
    assert "Line 1: the header has 5,000 cells; only the first 1,000 columns were read (REDLINE_MAX_COLUMNS)" \
        in _messages(ds)


def test_100000_pipes_on_one_header_line_end_with_a_message_naming_the_cut():
    text = "|" * 100_000 + "\n|---|---|\n|a|b|\n"
    started = time.perf_counter()
    with pytest.raises(LoadError, match="only the first 1,000 columns were read"):
        load_text(text, "p.md")
    assert time.perf_counter() - started < HANG_GUARD_S


def test_a_csv_wider_than_the_limit_keeps_the_first_columns(monkeypatch):
    monkeypatch.setenv("REDLINE_MAX_COLUMNS", "3")
    ds = load_text("model,answer,reference,x,y\nm,a,b,1,2\n", "w.csv")
    assert ds.report.headers == ("model", "answer", "reference")
    assert "Line 1: the header has 5 fields; only the first 3 columns were read" in _messages(ds)


def test_rows_beyond_the_limit_are_cut_at_a_named_line(monkeypatch):
    monkeypatch.setenv("REDLINE_MAX_ROWS", "2")
    ds = load_text("model,answer,reference\na,x,x\nb,x,x\nc,x,x\nd,x,x\n", "r.csv")
    assert ds.report.rows == 2
    assert "Line 4: the table has 4 rows; only the first 2 were read" in _messages(ds)


def _parquet(table: pa.Table, **kwargs) -> bytes:
    buffer = io.BytesIO()
    pq.write_table(table, buffer, **kwargs)
    return buffer.getvalue()


def test_a_parquet_with_more_rows_than_the_limit_reads_only_the_first_rows(monkeypatch):
    monkeypatch.setenv("REDLINE_MAX_ROWS", "1000")
    n = 200_000
    data = _parquet(pa.table({"answer": pa.repeat(pa.scalar("a"), n), "reference": pa.repeat(pa.scalar("b"), n)}))
    read_all = pq.ParquetFile.read
    monkeypatch.setattr(pq.ParquetFile, "read", lambda *a, **k: pytest.fail("read every row"))
    ds = load_bytes(data, "many.parquet")
    monkeypatch.setattr(pq.ParquetFile, "read", read_all)
    assert ds.report.rows == 1000
    assert "Record 1001: the file has 200,000 rows; only the first 1,000 were read" in \
        "\n".join(ds.report.warning_text(w) for w in ds.report.warnings)


def test_a_parquet_that_unpacks_beyond_the_limit_is_refused_from_its_footer(monkeypatch):
    monkeypatch.setenv("REDLINE_MAX_EXPANDED_MB", "1")
    n = 300_000
    data = _parquet(pa.table({"answer": pa.repeat(pa.scalar("answer text"), n), "reference": pa.repeat(pa.scalar("r"), n)}),
                    use_dictionary=False)
    assert len(data) < 1_000_000
    with pytest.raises(LoadError, match=r"unpack to .* MB; Redline reads at most 1\.0 MB \(REDLINE_MAX_EXPANDED_MB\)"):
        load_bytes(data, "bomb.parquet")


def _xlsx(rows: list[list[object]]) -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_an_xlsx_that_unpacks_beyond_the_limit_is_refused_before_it_is_opened(monkeypatch):
    import openpyxl

    monkeypatch.setenv("REDLINE_MAX_EXPANDED_MB", "1")
    data = _xlsx([["model", "answer", "reference"]] + [["m", "same answer " * 5, "same reference " * 5]] * 8_000)
    assert len(data) < 1_000_000
    monkeypatch.setattr(openpyxl, "load_workbook", lambda *a, **k: pytest.fail("opened the workbook"))
    with pytest.raises(LoadError, match=r"unpacks to .* MB .* up to 1\.0 MB unpacked \(REDLINE_MAX_EXPANDED_MB\)"):
        load_bytes(data, "bomb.xlsx")


def test_an_xlsx_stops_reading_rows_at_the_limit(monkeypatch):
    monkeypatch.setenv("REDLINE_MAX_ROWS", "5")
    data = _xlsx([["model", "answer", "reference"]] + [["m", f"a{i}", "r"] for i in range(40)])
    ds = load_bytes(data, "rows.xlsx")
    assert ds.report.rows == 5
    assert "only the first" in _messages(ds) and "REDLINE_MAX_ROWS" in _messages(ds)


def test_a_huge_cell_is_cut_and_the_row_is_named(monkeypatch):
    monkeypatch.setenv("REDLINE_MAX_CELL_CHARS", "10")
    ds = load_text("model,answer,reference\nm,short,ok\nm,abcdefghijklmnopqrstuvwxyz,ok\n", "c.csv")
    assert ds.frame["answer"].tolist() == ["short", "abcdefghij"]
    assert "Line 3: the answer has 26 characters; only the first 10 were kept (REDLINE_MAX_CELL_CHARS)" in _messages(ds)


def test_a_file_over_the_size_limit_is_refused_before_decoding(monkeypatch):
    monkeypatch.setenv("REDLINE_MAX_FILE_MB", "1")
    with pytest.raises(LoadError, match=r"big\.csv is 2\.0 MB; Redline reads files of up to 1\.0 MB \(REDLINE_MAX_FILE_MB\)"):
        load_bytes(b"model,answer,reference\n" + b"m,a,b\n" * 340_000, "big.csv")


def test_a_wide_table_is_bounded_by_its_answers_not_its_rows(monkeypatch):
    monkeypatch.setenv("REDLINE_MAX_ROWS", "6")
    rows = "\n".join(f"{i},ref,a,b,c" for i in range(1, 6))
    ds = load_text("id,reference,gpt4_output,claude_output,qwen_output\n" + rows + "\n", "w.csv")
    assert ds.report.rows == 6 and ds.report.samples == 2
    assert "5 samples × 3 models are 15 answers; only the first 2 samples were read" in _messages(ds)


def test_limits_can_be_changed_and_bad_values_fall_back(monkeypatch):
    monkeypatch.setenv("REDLINE_MAX_ROWS", "1_000")
    monkeypatch.setenv("REDLINE_MAX_COLUMNS", "many")
    assert limits.current().rows == 1_000 and limits.current().columns == limits.DEFAULT.columns


def test_json_and_jsonl_stop_at_the_row_limit_before_building_columns(monkeypatch):
    monkeypatch.setenv("REDLINE_MAX_ROWS", "3")
    records = [{"model": "m", "answer": f"a{i}", "reference": f"r{i}"} for i in range(10)]
    ds = load_text(json.dumps(records), "r.json")
    assert ds.report.rows == 3
    assert "Record 4: the file has 10 records; only the first 3 were read" in \
        "\n".join(ds.report.warning_text(w) for w in ds.report.warnings)
    ds = load_text("\n".join(json.dumps(r) for r in records) + "\n{broken\n", "r.jsonl")
    assert ds.report.rows == 3 and "Line 4: only the first 3 records were read" in _messages(ds)
    assert "not valid JSON" not in _messages(ds)  # never parsed


def test_a_zip_of_results_that_unpacks_beyond_the_limit_is_refused_before_unpacking(monkeypatch):
    import zipfile

    monkeypatch.setenv("REDLINE_MAX_EXPANDED_MB", "1")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("a.csv", "model,answer,reference\n" + "m,same answer,same reference\n" * 60_000)
        archive.writestr("b.csv", "model,answer,reference\nm,x,y\n")
    assert len(buffer.getvalue()) < 100_000
    monkeypatch.setattr(zipfile.ZipFile, "read", lambda *a, **k: pytest.fail("unpacked a member"))
    with pytest.raises(LoadError, match=r"the zip unpacks to 1\.\d MB; Redline unpacks at most 1\.0 MB"):
        load_bytes(buffer.getvalue(), "results.zip")
