"""Loading: every format, encoding, shape and malformation becomes one canonical dataset or one clear error."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from lib.dataset import CANONICAL_COLUMNS, LoadError, LoadOptions
from lib.loaders import load_bytes, load_path, load_text

ROOT = Path(__file__).resolve().parent.parent
FIX = Path(__file__).resolve().parent / "fixtures"
SAMPLE = ROOT / "data" / "sample.md"


# ---- the bundled sample ---------------------------------------------------------------------

def test_sample_is_one_sample_with_16_answers_from_15_models():
    ds = load_path(SAMPLE)
    r = ds.report
    assert (r.format, r.encoding, r.shape, r.rows, r.samples) == ("markdown", "utf-8", "long", 16, 1)
    assert len(r.models) == 15 and r.models[0] == "金声玉亮2.0" and r.models.count("gpto1") == 1
    assert r.columns == {"model": "模型", "answer": "模型答案", "reference": "正确答案"}
    assert list(ds.frame.columns[: len(CANONICAL_COLUMNS)]) == list(CANONICAL_COLUMNS)


def test_row_continued_on_next_line_is_joined():
    frame = load_path(SAMPLE).frame
    refs = set(frame["reference"])
    assert len(refs) == 1
    ref = refs.pop()
    assert ref.startswith("Recent studies") and ref.endswith("higher pre-training losses.")
    for model in ("deepseek-r1", "Meta-Llama-3.1-405B-Instruct-Turbo", "Meta-Llama-3.1-70B-Instruct-Turbo"):
        answer = frame.loc[frame["model"] == model, "answer"].item()
        assert answer.endswith("pre-training losses.") and "|" not in answer
    lines = dict(zip(frame["model"], frame["row"]))
    assert lines["deepseek-r1"] == 4 and lines["Meta-Llama-3.1-70B-Instruct-Turbo"] == 11


def test_duplicate_model_is_kept_as_a_second_run_and_reported():
    ds = load_path(SAMPLE)
    runs = ds.frame[ds.frame["model_name"] == "gpto1"]
    assert list(runs["model"]) == ["gpto1", "gpto1 #2"] and list(runs["run"]) == [1, 2]
    dup = [w for w in ds.report.warnings if "gpto1" in w.message]
    assert len(dup) == 1 and dup[0].line == 16 and "line 6" in dup[0].message


def test_deepseek_coder_answer_is_the_chinese_text():
    frame = load_path(SAMPLE).frame
    assert frame.loc[frame["model"] == "DeepSeek-Coder-V2-Lite-Instruct", "answer"].item().startswith("最近的研実表明")


def test_cli_info_json_contract():
    done = subprocess.run([sys.executable, "-m", "lib", "info", "data/sample.md", "--json"], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0
    info = json.loads(done.stdout)
    assert {"format", "encoding", "shape", "columns", "rows", "samples", "models", "warnings"} <= set(info)
    assert info["rows"] == 16 and info["samples"] == 1 and len(info["models"]) == 15
    assert any("gpto1" in w["message"] and isinstance(w["line"], int) for w in info["warnings"])
    text = subprocess.run([sys.executable, "-m", "lib", "info", "data/sample.md"], cwd=ROOT, capture_output=True,
                          text=True, timeout=60).stdout
    assert "Format:    markdown" in text and "Line 16: model \"gpto1\"" in text


@pytest.mark.parametrize("name", ["empty.csv", "header_only.csv", "junk.csv", "not_a_table.json", "empty_reference.csv"])
def test_cli_info_exits_2_with_one_line_when_nothing_loads(name):
    done = subprocess.run([sys.executable, "-m", "lib", "info", str(FIX / name)], cwd=ROOT, capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.count("\n") == 1 and name in done.stderr and "Traceback" not in done.stderr


# ---- markdown breakage -----------------------------------------------------------------------

def test_markdown_escaped_pipes_missing_outer_pipes_and_ragged_rows():
    ds = load_path(FIX / "ragged.md")
    frame = ds.frame.set_index("model")
    assert frame.loc["a", "answer"] == "uses a | pipe"
    assert frame.loc["b", "answer"] == "no outer pipes"
    assert frame.loc["c", "reference"] == "" and frame.loc["d", "reference"] == "y | extra"
    messages = {(w.line, w.message.split(";")[0]) for w in ds.report.warnings}
    assert (7, "expected 3 cells, found 2") in messages and (8, "expected 3 cells, found 4") in messages


def test_markdown_with_several_tables_lets_the_user_pick():
    first = load_path(FIX / "ragged.md")
    assert len(first.report.tables) == 2 and first.report.table == 0
    second = load_path(FIX / "ragged.md", LoadOptions(table=1))
    assert list(second.frame["model"]) == ["e"] and second.frame["answer"].item() == "你好"


def test_pasted_markdown_without_extension_is_recognised():
    ds = load_text("| model | answer | reference |\n|---|---|---|\n| m | a | b |\n")
    assert ds.report.format == "markdown" and ds.report.name == "pasted text"


# ---- delimited text, encodings ---------------------------------------------------------------

def test_csv_quoted_newlines_stray_quotes_and_short_rows():
    ds = load_path(FIX / "quoted.csv")
    frame = ds.frame.set_index("model")
    assert frame.loc["a", "answer"] == "line one\nline two"
    assert frame.loc["b", "answer"] == 'a "quoted" word'
    assert dict(zip(ds.frame["model"], ds.frame["row"])) == {"a": 2, "b": 4, "c": 5}
    assert any(w.line == 5 and "expected 3 fields, found 2" in w.message for w in ds.report.warnings)


def test_tsv_and_semicolon_delimiters_are_sniffed():
    tsv = load_bytes(b"model\tanswer\treference\na\tx, y\tx, y\n", "r.tsv")
    assert tsv.report.format == "tsv" and tsv.frame["answer"].item() == "x, y"
    semi = load_bytes(b"model;answer;reference\na;x;y\n", "r.csv")
    assert semi.frame["reference"].item() == "y"


@pytest.mark.parametrize("name,encoding", [("gbk.csv", "gb18030"), ("big5.csv", "big5"), ("utf16.csv", "utf-16"),
                                           ("utf8_bom.csv", "utf-8-sig")])
def test_encodings_are_detected_and_reported(name, encoding):
    ds = load_path(FIX / name)
    assert ds.report.encoding == encoding
    assert ds.frame["reference"].iloc[0].startswith(("我们研究了", "我們研究了"))
    assert ds.report.columns["model"] == "model"  # a BOM never sticks to the first header


def test_unknown_single_byte_encoding_loads_with_a_warning():
    ds = load_bytes("model,answer,reference\na,café,cafe\n".encode("cp1252"), "latin.csv")
    assert ds.frame["answer"].item() == "café" and ds.report.encoding == "cp1252"
    assert any("Windows-1252" in w.message for w in ds.report.warnings)


# ---- shapes and roles ------------------------------------------------------------------------

def test_wide_table_becomes_long_with_a_run_per_model_column():
    ds = load_path(FIX / "wide.csv")
    assert ds.report.shape == "wide" and ds.report.models == ("gpt-4o", "claude")
    assert list(zip(ds.frame["sample_id"], ds.frame["model"])) == [("1", "gpt-4o"), ("1", "claude"), ("2", "gpt-4o")]
    assert "category" in ds.metadata_columns  # metadata is never taken for a model


def test_english_and_chinese_headers_get_their_roles():
    ds = load_text("样本ID,模型,原文,模型答案,正确答案\n1,m,a teh,a the,a the\n")
    assert ds.report.columns == {"sample_id": "样本ID", "model": "模型", "answer": "模型答案", "reference": "正确答案",
                                 "source": "原文"}
    assert ds.has_source
    ds = load_text("doc_id,system,prompt,completion,expected\n1,m,p,a,b\n")
    assert set(ds.report.columns) == {"sample_id", "model", "answer", "reference", "source"}


def test_role_override_wins_and_frees_the_column():
    ds = load_text("system,output,gold,note\na,x,x,n1\nb,y,x,n2\n", options=LoadOptions(roles=(("model", "note"),)))
    assert list(ds.frame["model"]) == ["n1", "n2"] and "system" in ds.metadata_columns
    ds = load_text("system,output,gold\na,x,x\n", options=LoadOptions(roles=(("model", ""),)))
    assert list(ds.frame["model"]) == ["model"]


def test_without_an_id_answers_sharing_reference_and_source_are_one_sample():
    ds = load_text("model,answer,reference\na,x,R1\nb,y,R1\na,z,R2\n")
    assert list(ds.frame["sample_id"]) == ["1", "1", "2"] and ds.report.samples == 2


def test_missing_answer_column_says_what_to_rename():
    with pytest.raises(LoadError, match=r"r\.csv: no answer column.*answer / output"):
        load_bytes(b"model,reference,x,y\na,b,1,2\n", "r.csv", LoadOptions(shape="long"))


# ---- json, xlsx, parquet, framework exports --------------------------------------------------

def test_jsonl_bad_lines_are_skipped_with_their_line_numbers():
    ds = load_path(FIX / "broken.jsonl")
    assert list(ds.frame["model"]) == ["a", "b"] and list(ds.frame["row"]) == [1, 3]
    assert [w.line for w in ds.report.warnings] == [2, 4]


def test_json_records_columns_and_invalid_json():
    assert load_path(FIX / "columns.json").report.rows == 2
    assert load_text('[{"model": "a", "answer": "x", "reference": "y"}]').report.format == "json"
    with pytest.raises(LoadError, match=r"bad\.json: invalid JSON at line 1, column \d+"):
        load_bytes(b'[{"model": ', "bad.json")
    with pytest.raises(LoadError, match="not a table"):
        load_path(FIX / "not_a_table.json")


def test_xlsx_with_an_empty_first_sheet_loads_the_next_and_says_so():
    ds = load_path(FIX / "two_sheets.xlsx")
    assert ds.report.format == "xlsx" and ds.report.table == 1 and len(ds.report.tables) == 2
    assert any('sheet "Empty" is empty' in w.message for w in ds.report.warnings)
    assert list(ds.frame["row"]) == [2, 3]  # Excel row numbers


def test_parquet():
    ds = load_path(FIX / "results.parquet")
    assert ds.report.format == "parquet" and ds.report.columns["answer"] == "output"


def test_lm_eval_harness_samples_take_the_model_from_the_folder():
    ds = load_path(FIX / "lm-eval" / "Qwen2-7B" / "samples_gec_2024-06-01T10-00-00.jsonl")
    assert ds.report.format == "lm-eval-harness" and ds.report.models == ("Qwen2-7B",)
    row = ds.frame.iloc[1]
    assert (row["sample_id"], row["answer"], row["reference"], row["source"]) == (
        "1", "Here is it: Their cat.", "Their cat.", "Correct: Thier cat.")
    renamed = load_path(FIX / "lm-eval" / "Qwen2-7B" / "samples_gec_2024-06-01T10-00-00.jsonl", LoadOptions(model_name="qwen"))
    assert renamed.report.models == ("qwen",)


def test_opencompass_predictions_take_the_model_from_the_folder():
    ds = load_path(FIX / "opencompass" / "predictions" / "internlm2-7b" / "gec.json")
    assert ds.report.format == "opencompass" and ds.report.models == ("internlm2-7b",)
    assert ds.frame["source"].iloc[0] == "Correct: We studdy models." and ds.frame["answer"].iloc[1] == "Their cats."


# ---- broken input: one clear error, naming the file -------------------------------------------

@pytest.mark.parametrize("name,message", [
    ("empty.csv", "empty.csv is empty."),
    ("header_only.csv", "header_only.csv has a header but no data rows."),
    ("junk.csv", "junk.csv does not look like a text table"),
    ("empty_reference.csv", 'the reference column "reference" is empty in every row'),
])
def test_broken_files_raise_one_clear_error(name, message):
    with pytest.raises(LoadError) as info:
        load_path(FIX / name)
    assert message in str(info.value) and str(info.value).startswith(name)


def test_binary_renamed_to_xlsx_is_refused_clearly():
    with pytest.raises(LoadError, match=r"fake\.xlsx is not a valid XLSX file"):
        load_bytes(b"model,answer\n", "fake.xlsx")
