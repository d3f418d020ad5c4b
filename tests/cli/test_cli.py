"""`python -m lib report|analyze|summary` on the bundled sample, and clean failures."""
from __future__ import annotations

import json
import subprocess
import sys

from lib.load import load_path
from tests.conftest import ROOT
SAMPLE = "data/sample.md"


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "lib", *args], cwd=ROOT, capture_output=True, text=True, timeout=120)


def test_report_writes_a_self_contained_html_file(tmp_path):
    out = tmp_path / "r.html"
    done = cli("report", SAMPLE, "-o", str(out), "--models", "minimax,deepseek-r1", "--unit", "word")
    assert done.returncode == 0, done.stderr
    html = out.read_text(encoding="utf-8")
    assert html.count('class="rl-card"') == 2 and "<ins>—</ins>" in html and "<del>the </del>" in html
    assert "<script" not in html


def test_report_of_one_sample_by_character(tmp_path):
    out = tmp_path / "r.html"
    assert cli("report", SAMPLE, "-o", str(out), "--sample", "1", "--models", "gpto1", "--unit", "char").returncode == 0
    assert "<ins>ir</ins>" in out.read_text(encoding="utf-8")


def test_report_with_unknown_sample_or_model_exits_2_with_one_line(tmp_path):
    for extra in (["--sample", "nope"], ["--models", "nope"]):
        done = cli("report", SAMPLE, "-o", str(tmp_path / "x.html"), *extra)
        assert done.returncode == 2
        assert done.stderr.count("\n") == 1 and "nope" in done.stderr and "Traceback" not in done.stderr


def test_analyze_json_names_each_answers_flags_and_edits():
    done = cli("analyze", SAMPLE, "--json")
    assert done.returncode == 0, done.stderr
    records = json.loads(done.stdout)
    assert len(records) == 16
    by_model = {r["model"]: r for r in records}
    assert set(by_model["minimax"]) == {"sample_id", "model", "flags", "edits", "similarity"}
    (edit,) = by_model["minimax"]["edits"]
    assert {k: edit[k] for k in ("code", "reference", "answer")} == {"code": "M:DET", "reference": "the", "answer": ""}
    # Spans are offsets into the answer and the reference: another tool can point at the edit.
    frame = load_path(ROOT / SAMPLE).frame
    row = frame[frame["model"] == "minimax"].iloc[0]
    r0, r1 = edit["reference_span"]
    a0, a1 = edit["answer_span"]
    assert row["reference"][r0:r1] == "the" and a0 == a1
    for record in records:
        answer = frame[(frame["model"] == record["model"]) & (frame["sample_id"] == record["sample_id"])]["answer"].iloc[0]
        for e in record["edits"]:
            assert answer[slice(*e["answer_span"])] == e["answer"]
            reference = frame[frame["sample_id"] == record["sample_id"]]["reference"].iloc[0]
            assert reference[slice(*e["reference_span"])] == e["reference"]
    for model in ("gpt-4o-2024-08-06", "baichuan4", "doubao", "deepseek-v3"):
        assert "exact" in by_model[model]["flags"] and by_model[model]["edits"] == []
    assert "wrong_language" in by_model["DeepSeek-Coder-V2-Lite-Instruct"]["flags"]


def test_summary_json_is_keyed_by_model_and_text_is_a_table():
    done = cli("summary", SAMPLE, "--json")
    summary = json.loads(done.stdout)
    assert summary["gpto1"]["answers"] == 1 and summary["gpto1 #2"]["answers"] == 1
    assert summary["minimax"]["edits"] == {"M:DET": 1}
    assert summary["baichuan4"]["exact"] == 1
    text = cli("summary", SAMPLE).stdout
    assert text.splitlines()[0].startswith("model") and "minimax" in text and "M:DET 1" in text
    # Columns line up in a terminal although 金声玉亮2.0 is drawn two columns per Chinese character.
    import re

    from lib.views.text import display_width

    lines = text.splitlines()
    ends = {display_width(lines[0][:lines[0].index("similarity") + len("similarity")])}
    ends |= {display_width(re.match(r"^(.*?\d\.\d{3})  ", line).group(1)) for line in lines[1:]}
    assert len(ends) == 1, ends


def test_missing_file_exits_2():
    done = cli("analyze", "nope.csv", "--json")
    assert done.returncode == 2 and "nope.csv" in done.stderr and "Traceback" not in done.stderr


def test_summary_notes_on_stderr_when_answers_share_nothing_with_references(tmp_path):
    path = tmp_path / "ids.csv"
    path.write_text("id,model,answer,reference\n" + "".join(
        f"{i},m,{i * 7},Step one: add the apples. The answer is {i * 7}.\n" for i in range(6)), encoding="utf-8")
    done = cli("summary", str(path), "--json")
    assert done.returncode == 0 and json.loads(done.stdout)["m"]["answers"] == 6
    assert "note: ids.csv: the median similarity" in done.stderr


def test_report_in_the_variants_view_against_a_model(tmp_path, sample_path, capsys):
    from lib.cli import main

    out = tmp_path / "v.html"
    assert main(["report", str(sample_path), "-o", str(out), "--view", "variants", "--base", "gpto1"]) == 0
    html = out.read_text(encoding="utf-8")
    assert 'class="rl-variants"' in html and "baseline: the answer of gpto1" in html
    assert "compared against the answer of gpto1" in html and "<script" not in html


def test_report_with_an_unknown_baseline_says_so_in_one_line(tmp_path, sample_path, capsys):
    from lib.cli import main

    assert main(["report", str(sample_path), "-o", str(tmp_path / "x.html"), "--base", "nobody"]) == 2
    assert "--base 'nobody': not the reference, the source or a model of sample.md" in capsys.readouterr().err


def test_control_sequences_in_model_names_are_shown_not_sent_to_the_terminal(tmp_path, capsys):
    from lib.cli import main

    path = tmp_path / "esc.csv"
    rows = "".join(f"plain,answer number {i},the reference text {i}\n" for i in range(40))  # not "binary"
    path.write_text("model,answer,reference\n\"\x1b]0;pwned\x07red\x1b[31m\u202e\",a,b\n" + rows, encoding="utf-8")
    assert main(["info", str(path)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out
    assert r"\x1b]0;pwned\x07red\x1b[31m\u202e" in out
    assert main(["summary", str(path), "--json"]) == 0
    out = capsys.readouterr().out
    assert "\u202e" not in out and "\\u202e" in out and "\x1b" not in out


def test_out_of_memory_is_one_line_and_exit_2(monkeypatch, capsys):
    import lib.cli as cli

    def no_memory(*args, **kwargs):
        raise MemoryError

    monkeypatch.setattr(cli, "_load", no_memory)
    assert cli.main(["info", "whatever.csv"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: out of memory") and len(err.strip().splitlines()) == 1
