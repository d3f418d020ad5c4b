"""`python -m lib info FILE [--json]`: the load report from a shell; exit 2 with one line when nothing loads."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from lib.load.dataset import LoadReport, LoadWarning
from lib.views.text import format_report

from tests.conftest import ROOT
from tests.conftest import FIXTURES as FIX


def info(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "lib", "info", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=60)


def test_info_json_of_the_sample_holds_the_contract():
    done = info("data/sample.md", "--json")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert set(report) == {"name", "format", "encoding", "shape", "columns", "rows", "samples", "models",
                           "warnings", "tables"}
    assert (report["format"], report["encoding"], report["shape"]) == ("markdown", "utf-8", "long")
    assert report["columns"] == {"model": "模型", "answer": "模型答案", "reference": "正确答案"}
    assert report["rows"] == 16 and report["samples"] == 1
    assert len(report["models"]) == 15 and report["models"].count("gpto1") == 1
    assert report["models"][:3] == ["金声玉亮2.0", "deepseek-r1", "gpto1"] and report["models"][-1] == "deepseek-v3"
    assert {"line": 16, "message": 'model "gpto1" answers sample 1 again (first at line 6); kept as run "gpto1 #2".'} \
        in report["warnings"]


def test_info_text_is_labelled_lines_with_every_warning():
    done = info("data/sample.md")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[:4] == ["File:      sample.md", "Format:    markdown", "Encoding:  utf-8", "Shape:     long"]
    assert "Answers:   16" in lines and "Samples:   1" in lines
    assert '  Line 16: model "gpto1" answers sample 1 again (first at line 6); kept as run "gpto1 #2".' in lines
    assert "  Line 4: row continued on line 5; joined." in lines


@pytest.mark.parametrize("name", ["empty.csv", "header_only.csv", "junk.csv", "not_a_table.json",
                                  "empty_reference.csv", "missing.csv"])
def test_info_exits_2_with_one_line_naming_the_file_when_nothing_loads(name):
    done = info(str(FIX / name))
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.count("\n") == 1 and name in done.stderr and "Traceback" not in done.stderr


def test_empty_file_says_it_is_empty():
    assert info(str(FIX / "empty.csv")).stderr.strip().endswith("empty.csv is empty.")


def test_report_text_names_the_tables_and_says_when_there_are_no_warnings():
    report = LoadReport(name="r.md", format="markdown", encoding="utf-8", shape="long",
                        columns={"answer": "a", "reference": "r"}, rows=2, samples=1, models=("m",),
                        tables=("Table 1 (line 1): a, r", "Table 2 (line 9): a, r"), table=1)
    text = format_report(report)
    assert "Tables:    2; loaded Table 2 (line 9): a, r" in text and "Warnings:  none" in text
    assert "Columns:   answer = a, reference = r" in text
    warned = format_report(LoadReport(**{**report.__dict__, "warnings": (LoadWarning(None, "read as cp1252."),)}))
    assert "Warnings (1):\n  read as cp1252." in warned


def test_warnings_count_what_the_format_has_lines_rows_or_records():
    from lib.views.text import format_report
    from lib.load import load_text

    json_text = '[{"model": "a", "answer": "x", "reference": ""}, {"model": "a", "answer": "x", "reference": "y"}]'
    assert "Record 1: empty reference" in format_report(load_text(json_text, "x.json").report)
    csv_text = "model,answer,reference\na,x,\na,x,y\n"
    assert "Line 2: empty reference" in format_report(load_text(csv_text, "x.csv").report)
