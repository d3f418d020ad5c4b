"""`python -m lib score`: per-model proofreading scores, and a clear refusal without a source."""
from __future__ import annotations

import json

from tests.cli.test_cli import cli
from tests.conftest import ROOT

EXAMPLE = "data/proofreading.csv"


def test_score_json_is_one_record_per_model_with_the_counts_behind_the_ratios():
    done = cli("score", EXAMPLE, "--json")
    assert done.returncode == 0, done.stderr
    records = json.loads(done.stdout)
    assert [r["model"] for r in records] == ["modelA", "modelB", "modelC"]
    for r in records:
        assert {"model", "tp", "fp", "fn", "precision", "recall", "f05"} <= set(r)
        p, rec = r["tp"] / (r["tp"] + r["fp"]), r["tp"] / (r["tp"] + r["fn"])
        assert abs(r["f05"] - 1.25 * p * rec / (0.25 * p + rec)) < 1e-3
    a, b, _ = records
    assert a["f05"] > b["f05"]  # the careful model beats the eager one


def test_score_text_prints_a_line_per_model_and_by_type():
    done = cli("score", EXAMPLE)
    assert done.returncode == 0, done.stderr
    assert "TP" in done.stdout and "F0.5" in done.stdout and "modelB" in done.stdout
    typed = cli("score", EXAMPLE, "--by-type", "--json")
    rows = json.loads(typed.stdout)
    assert {"model", "type", "tp", "fp", "fn"} <= set(rows[0])
    assert any(r["type"] == "SPELL" for r in rows)


def test_score_of_several_files_is_one_dataset(tmp_path):
    lines = (ROOT / EXAMPLE).read_text(encoding="utf-8").splitlines()
    head, rows = lines[0], lines[1:]
    (tmp_path / "a.csv").write_text("\n".join([head] + [r for r in rows if ",modelA," in r]) + "\n", encoding="utf-8")
    (tmp_path / "bc.csv").write_text("\n".join([head] + [r for r in rows if ",modelA," not in r]) + "\n", encoding="utf-8")
    split = cli("score", str(tmp_path / "a.csv"), str(tmp_path / "bc.csv"), "--json")
    assert split.returncode == 0, split.stderr
    whole = json.loads(cli("score", EXAMPLE, "--json").stdout)
    key = lambda r: (r["model"], r["tp"], r["fp"], r["fn"])  # noqa: E731
    assert sorted(map(key, json.loads(split.stdout))) == sorted(map(key, whole))


def test_score_without_a_source_column_exits_2_and_says_why():
    done = cli("score", "data/sample.md")
    assert done.returncode == 2
    assert "no source column" in done.stderr and done.stderr.count("\n") == 1 and "Traceback" not in done.stderr


def test_report_against_the_source_carries_the_marks_and_scores(tmp_path):
    out = tmp_path / "r.html"
    done = cli("report", EXAMPLE, "-o", str(out), "--base", "source", "--view", "inline")
    assert done.returncode == 0, done.stderr
    html = out.read_text(encoding="utf-8")
    for verdict in ("fixed", "wrong_fix", "over_correction", "missed"):
        assert f'data-verdict="{verdict}"' in html
    assert "F0.5" in html and "<script" not in html
