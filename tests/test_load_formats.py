"""CSV, TSV, JSON, JSONL, XLSX and Parquet become the same canonical long table, or one clear error."""
from __future__ import annotations

from pathlib import Path

import pytest

from lib.load.dataset import CANONICAL_COLUMNS, LoadError, LoadOptions
from lib.load import load_bytes, load_path, load_text
from lib.load.roles import infer_roles

FIX = Path(__file__).resolve().parent / "fixtures"


# ---- delimited text ---------------------------------------------------------------------------

def test_csv_quoted_newlines_and_mid_field_quotes_are_kept_and_rows_are_start_lines():
    ds = load_path(FIX / "quoted.csv")
    frame = ds.frame.set_index("model")
    assert frame.loc["a", "answer"] == "line one\nline two"
    assert frame.loc["b", "answer"] == 'a "quoted" word'
    assert dict(zip(ds.frame["model"], ds.frame["row"])) == {"a": 2, "b": 4, "c": 5}


def test_csv_short_row_is_padded_with_a_warning_naming_its_line():
    ds = load_path(FIX / "quoted.csv")
    assert ds.frame.set_index("model").loc["c", "reference"] == ""
    assert any(w.line == 5 and "expected 3 fields, found 2" in w.message for w in ds.report.warnings)


def test_csv_stray_quote_does_not_swallow_the_following_rows():
    ds = load_path(FIX / "stray_quote.csv")
    assert list(ds.frame["model"]) == ["a", "b", "c"] and list(ds.frame["row"]) == [2, 3, 4]
    assert ds.frame.set_index("model").loc["c", "reference"] == "e"
    assert any(w.line == 2 and "unmatched quote joined lines 2–4" in w.message for w in ds.report.warnings)


def test_tsv_and_semicolon_delimiters_are_sniffed():
    tsv = load_bytes(b"model\tanswer\treference\na\tx, y\tx, y\n", "r.tsv")
    assert tsv.report.format == "tsv" and tsv.frame["answer"].item() == "x, y"
    pasted = load_text("model\tanswer\treference\na\tx, y\tx, z\nb\tq\tr\n")
    assert pasted.report.format == "tsv" and pasted.frame["reference"].iloc[0] == "x, z"
    semi = load_bytes(b"model;answer;reference\na;x;y\n", "r.csv")
    assert semi.report.format == "csv" and semi.frame["reference"].item() == "y"


def test_numbers_and_blanks_become_text():
    ds = load_text("id,model,answer,reference\n7,m,42,\n8,m,,3.5\n")
    assert list(ds.frame["sample_id"]) == ["7", "8"]
    assert list(ds.frame["answer"]) == ["42", ""] and list(ds.frame["reference"]) == ["", "3.5"]


# ---- shapes, roles, samples, runs ---------------------------------------------------------------

def test_wide_table_becomes_long_with_one_answer_per_model_column():
    ds = load_path(FIX / "wide.csv")
    assert ds.report.shape == "wide" and ds.report.models == ("gpt-4o", "claude")
    assert ds.report.columns["reference"] == "reference" and ds.report.columns["model"].startswith("(column headers")
    assert list(zip(ds.frame["sample_id"], ds.frame["model"], ds.frame["answer"])) == [
        ("1", "gpt-4o", "The cat sat."), ("1", "claude", "A cat sat."), ("2", "gpt-4o", "We studied models.")]
    assert list(ds.frame["row"]) == [2, 2, 3]
    assert "category" in ds.metadata_columns and list(ds.frame["category"]) == ["proofreading"] * 3


def test_wide_table_gives_two_answers_per_sample_when_every_cell_is_filled():
    ds = load_text("id,reference,gpt-4o,claude\n1,R1,a,b\n2,R2,c,d\n", "wide.csv")
    assert ds.report.shape == "wide" and ds.report.samples == 2
    assert ds.frame.groupby("sample_id")["model"].apply(list).to_dict() == {"1": ["gpt-4o", "claude"],
                                                                             "2": ["gpt-4o", "claude"]}


def test_shape_option_forces_long_or_wide():
    with pytest.raises(LoadError, match=r"^r\.csv: no answer column.*answer / output"):
        load_bytes(b"model,reference,x,y\na,b,1,2\n", "r.csv", LoadOptions(shape="long"))
    ds = load_text("reference,answer,other\nR,a,b\n", options=LoadOptions(shape="wide", roles=(("answer", ""),)))
    assert ds.report.shape == "wide" and ds.report.models == ("answer", "other")


@pytest.mark.parametrize("headers,expected", [
    (["模型", "模型答案", "正确答案"], {"model": "模型", "answer": "模型答案", "reference": "正确答案"}),
    (["样本ID", "模型名称", "原文", "回答", "参考答案"],
     {"sample_id": "样本ID", "model": "模型名称", "source": "原文", "answer": "回答", "reference": "参考答案"}),
    (["Model Name", "Prediction", "Ground Truth", "Question", "QID"],
     {"model": "Model Name", "answer": "Prediction", "reference": "Ground Truth", "source": "Question",
      "sample_id": "QID"}),
    (["doc_id", "system", "prompt", "completion", "expected"],
     {"sample_id": "doc_id", "model": "system", "source": "prompt", "answer": "completion", "reference": "expected"}),
    (["answer", "answer_key"], {"answer": "answer", "reference": "answer_key"}),
    (["樣本編號", "模型名稱", "問題", "模型回答", "參考答案"],
     {"sample_id": "樣本編號", "model": "模型名稱", "source": "問題", "answer": "模型回答", "reference": "參考答案"}),
])
def test_headers_in_english_and_chinese_get_their_roles(headers, expected):
    assert infer_roles(headers) == expected


def test_role_override_wins_and_an_empty_column_unassigns():
    ds = load_text("system,output,gold,note\na,x,x,n1\nb,y,x,n2\n", options=LoadOptions(roles=(("model", "note"),)))
    assert list(ds.frame["model"]) == ["n1", "n2"] and ds.metadata_columns == ("system",)
    assert ds.report.columns["model"] == "note"
    ds = load_text("system,output,gold\na,x,x\n", options=LoadOptions(roles=(("model", ""),)))
    assert list(ds.frame["model"]) == ["model"] and "model" not in ds.report.columns


def test_without_an_id_answers_sharing_reference_and_source_are_one_sample_numbered_in_order():
    ds = load_text("model,answer,reference,source\na,x,R2,S\nb,y,R1,S\na,z,R2,S\nc,w,R2,T\n")
    assert list(ds.frame["sample_id"]) == ["1", "2", "1", "3"] and ds.report.samples == 3
    assert list(ds.frame["model"]) == ["a", "b", "a #2", "c"]
    assert ds.has_source


def test_a_model_answering_one_sample_three_times_gets_runs_and_one_warning():
    ds = load_text("id,model,answer,reference\n1,m,x,R\n1,m,y,R\n1,m,z,R\n")
    assert list(ds.frame["model"]) == ["m", "m #2", "m #3"] and list(ds.frame["run"]) == [1, 2, 3]
    assert [str(w) for w in ds.report.warnings] == [
        'Line 3: model "m" answers sample 1 again (first at line 2); kept as run "m #2". '
        "1 more repeated answer of this model, at line 4."]


def test_empty_reference_is_kept_with_a_warning_naming_the_line():
    ds = load_text("model,answer,reference\na,x,R\nb,y,\n")
    assert list(ds.frame["reference"]) == ["R", ""]
    assert [(w.line, w.message) for w in ds.report.warnings] == [
        (3, "empty reference; the answer is compared with empty text.")]


def test_other_columns_are_kept_as_metadata_after_the_canonical_ones():
    ds = load_text("model,answer,reference,category,score\na,x,R,grammar,0.5\n")
    assert list(ds.frame.columns) == list(CANONICAL_COLUMNS) + ["category", "score"]
    assert ds.metadata_columns == ("category", "score") and ds.frame["score"].item() == "0.5"


def test_report_lists_models_in_first_seen_order_and_the_headers():
    ds = load_text("model,answer,reference\nz,x,R\na,y,R\nz,w,R2\n", "r.csv")
    assert ds.report.models == ("z", "a") and ds.report.headers == ("model", "answer", "reference")
    assert ds.report.samples == 2 and ds.report.rows == 3 and ds.report.encoding == "utf-8"


# ---- json, jsonl, xlsx, parquet ------------------------------------------------------------------

def test_jsonl_bad_lines_are_skipped_with_their_line_numbers():
    ds = load_path(FIX / "broken.jsonl")
    assert ds.report.format == "jsonl"
    assert list(ds.frame["model"]) == ["a", "b"] and list(ds.frame["row"]) == [1, 3]
    assert [w.line for w in ds.report.warnings] == [2, 4]


def test_json_list_of_records_column_dict_and_data_wrapper_all_load():
    assert load_path(FIX / "columns.json").report.rows == 2
    records = load_text('[{"model": "a", "answer": "x", "reference": "y"}, {"model": "b", "answer": "z", "reference": "y"}]')
    assert records.report.format == "json" and list(records.frame["row"]) == [1, 2]
    wrapped = load_bytes(b'{"data": [{"model": "a", "answer": "x", "reference": "y"}]}', "w.json")
    assert wrapped.frame["answer"].item() == "x"


def test_json_that_is_not_a_table_says_what_it_found():
    with pytest.raises(LoadError, match=r"^not_a_table\.json: the JSON is an object with keys settings, version, not a table"):
        load_path(FIX / "not_a_table.json")
    with pytest.raises(LoadError, match=r"^n\.json: the JSON is a single int"):
        load_bytes(b"42", "n.json")
    with pytest.raises(LoadError, match=r"^bad\.json: invalid JSON at line 1, column \d+"):
        load_bytes(b'[{"model": ', "bad.json")


def test_xlsx_lists_every_sheet_and_skips_an_empty_first_sheet_with_a_warning():
    ds = load_path(FIX / "two_sheets.xlsx")
    assert ds.report.format == "xlsx" and ds.report.encoding == "binary"
    assert ds.report.tables == ('Sheet "Empty" (0 rows)', 'Sheet "Results" (2 rows)') and ds.report.table == 1
    assert any('sheet "Empty" is empty' in w.message for w in ds.report.warnings)
    assert list(ds.frame["row"]) == [2, 3]  # data row numbers as Excel shows them (header = 1)
    assert ds.report.columns == {"model": "模型", "answer": "模型答案", "reference": "正确答案"}


def test_xlsx_sheet_can_be_chosen_and_an_empty_one_is_refused():
    with pytest.raises(LoadError, match=r'^two_sheets\.xlsx: sheet "Empty" has no data rows'):
        load_path(FIX / "two_sheets.xlsx", LoadOptions(table=0))


def test_parquet_loads_with_record_numbers():
    ds = load_path(FIX / "results.parquet")
    assert ds.report.format == "parquet" and ds.report.columns["answer"] == "output"
    assert ds.report.columns["model"] == "system" and list(ds.frame["row"]) == [1, 2]


# ---- broken input: one clear error that starts with the file name ----------------------------

@pytest.mark.parametrize("name,message", [
    ("empty.csv", "empty.csv is empty."),
    ("header_only.csv", "header_only.csv has a header but no data rows."),
    ("junk.csv", "junk.csv does not look like a text table (binary data)"),
    ("empty_reference.csv", 'empty_reference.csv: the reference column "reference" is empty in every row'),
])
def test_broken_files_raise_one_error_that_starts_with_the_file_name(name, message):
    with pytest.raises(LoadError) as info:
        load_path(FIX / name)
    assert str(info.value).startswith(message)


def test_missing_reference_role_lists_the_headers_and_what_to_rename():
    with pytest.raises(LoadError, match=r"^r\.csv: no reference column found among the headers \(model, answer, x\)"
                                        r".*reference / gold / target / 正确答案"):
        load_bytes(b"model,answer,x\na,b,c\n", "r.csv")


def test_missing_answer_column_says_what_to_rename():
    with pytest.raises(LoadError, match=r"r\.csv: no answer column.*answer / output"):
        load_bytes(b"model,reference,x,y\na,b,1,2\n", "r.csv", LoadOptions(shape="long"))


def test_binary_renamed_to_xlsx_is_refused_clearly():
    with pytest.raises(LoadError, match=r"^fake\.xlsx is not a valid XLSX file"):
        load_bytes(b"model,answer\n", "fake.xlsx")


def test_missing_file_names_the_path():
    with pytest.raises(LoadError, match=r"nope\.csv: no such file"):
        load_path(FIX / "nope.csv")


# ---- size (speed targets are in bench/; this only proves a big file parses whole) -----------

@pytest.mark.timeout(120)
def test_csv_of_32000_rows_with_1000_character_cells_loads_whole():
    cell = ("Recent studies have put into question the belief that emergent abilities, " * 14)[:1000]
    lines = ["id,model,answer,reference"]
    lines += [f'{i // 8},m{i % 8},"{cell} {i}","{cell}"' for i in range(32_000)]
    data = ("\n".join(lines) + "\n").encode()
    assert len(data) > 60_000_000
    ds = load_bytes(data, "big.csv")
    assert ds.report.rows == 32_000 and ds.report.samples == 4_000 and len(ds.report.models) == 8
    assert ds.frame["answer"].iloc[-1].endswith(" 31999") and not ds.report.warnings


def test_a_multi_line_answer_whose_lines_look_like_rows_is_kept_whole():
    from lib.load import load_text

    text = 'model,answer,reference\nm,"Here it is:\na, b, c\nd, e, f\ng, h, i",ref\nn,plain,ref\n'
    ds = load_text(text, "x.csv")
    assert ds.report.rows == 2 and ds.frame["answer"].iloc[0] == "Here it is:\na, b, c\nd, e, f\ng, h, i"
    assert not ds.report.warnings
