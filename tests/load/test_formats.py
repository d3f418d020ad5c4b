"""CSV, TSV, JSON, JSONL, XLSX and Parquet become the same canonical long table, or one clear error."""
from __future__ import annotations

import io
import subprocess
import sys

import pandas as pd
import pytest

from lib.load import load_bytes, load_path, load_text
from lib.load.dataset import CANONICAL_COLUMNS, LoadError, LoadOptions
from lib.load.roles import infer_roles
from tests.conftest import FIXTURES as FIX


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


# ---- Real exports a loading reviewer found garbled, refused or crashing ------------------------
# Files a loading reviewer built from real exports; each was garbled, refused or crashed before.

HEADER = "id,model,answer,reference\n"


def test_one_bad_byte_in_a_utf8_file_spoils_one_cell_not_the_whole_file():
    good = "i,模型甲,今天天气很好，我们出去玩。,今天天气很好，我们出去玩。\n"
    data = (HEADER + good * 200).encode() + b"201,m,caf\xe9,cafe\n"
    ds = load_bytes(data, "stray.csv")
    assert ds.report.encoding == "utf-8" and ds.frame["model"].iloc[0] == "模型甲"
    assert ds.frame["answer"].iloc[-1] == "caf\ufffd"
    assert any(w.line == 202 and "not valid UTF-8" in w.message for w in ds.report.warnings)


def test_json_nested_too_deeply_is_a_clear_error_and_a_bad_jsonl_line_is_skipped():
    with pytest.raises(LoadError, match="nested too deeply"):
        load_bytes(("[" * 100_000 + "]" * 100_000).encode(), "deep.json")
    lines = ['{"model": "a", "answer": "x", "reference": "x"}', '{"a":' * 100_000 + "1" + "}" * 100_000]
    ds = load_bytes("\n".join(lines).encode(), "deep.jsonl")
    assert ds.report.rows == 1 and any(w.line == 2 and "nested too deeply" in w.message for w in ds.report.warnings)


def test_file_columns_named_like_ours_are_kept_as_metadata_under_another_name():
    ds = load_text("row,model,answer,reference\nA1,a,x,x\nA2,a,y,z\n", "r.csv")
    assert list(ds.frame["row (file)"]) == ["A1", "A2"] and list(ds.frame["row"]) == [2, 3]


def test_a_table_with_a_model_column_is_never_read_as_wide():
    with pytest.raises(LoadError, match="no answer column"):
        load_text("id,model,generated_text,reference\n1,gpt-4o,x,x\n1,claude,y,x\n", "g.csv")


@pytest.mark.parametrize("text, reference, answer", [
    ("question,answer,model_answer,model\nq,gold,pred,m\n", "answer", "model_answer"),
    ("问题,答案,模型回答,模型\nq,gold,pred,m\n", "答案", "模型回答"),
    ("id,question,answer,prediction\n1,q,gold,pred\n", "answer", "prediction"),
])
def test_a_bare_answer_column_beside_a_model_answer_column_is_the_reference(text, reference, answer):
    ds = load_text(text, "qa.csv")
    assert ds.report.columns["reference"] == reference and ds.report.columns["answer"] == answer
    assert ds.frame["reference"].iloc[0] == "gold" and ds.frame["answer"].iloc[0] == "pred"


def test_wide_table_with_a_bare_answer_column_takes_it_as_the_reference():
    ds = load_text("题目,答案,gpt-4o,qwen\nq,gold,a1,a2\n", "w.csv")
    assert ds.report.shape == "wide" and set(ds.report.models) == {"gpt-4o", "qwen"}
    assert set(ds.frame["reference"]) == {"gold"}


def test_markdown_opening_with_a_badge_link_is_markdown_not_json():
    text = "[![CI](https://x/badge.svg)](https://x)\n\n| id | model | answer | reference |\n|---|---|---|---|\n| 1 | a | x | x |\n"
    assert load_text(text, "README.md").report.rows == 1
    assert load_text(text, "pasted text").report.format == "markdown"


def test_the_first_table_with_a_reference_column_is_chosen_and_code_blocks_are_skipped():
    text = ("| Model | Params |\n|---|---|\n| a | 7B |\n\n```\n| id | model | answer | reference |\n|---|---|---|---|\n"
            "| 0 | ex | ex | ex |\n```\n\n| id | model | answer | reference |\n|---|---|---|---|\n| 1 | a | x | y |\n")
    ds = load_text(text, "README.md")
    assert list(ds.frame["answer"]) == ["x"] and list(ds.frame["reference"]) == ["y"]


def test_rows_after_a_blank_line_inside_a_markdown_table_are_kept_with_a_warning():
    text = "| id | model | answer | reference |\n|---|---|---|---|\n| 1 | a | x | x |\n\n| 2 | a | y | y |\n| 3 | a | z | z |\n"
    ds = load_text(text, "t.md")
    assert ds.report.rows == 3 and any(w.line == 5 and "blank line" in w.message for w in ds.report.warnings)


def test_long_multi_line_answers_with_semicolons_do_not_fool_the_delimiter_sniffer():
    cell = "\n".join(["First; we note, the result; then we add; it works; ok"] * 35)
    text = HEADER + "".join(f'{i},m,"{cell}",ok\n' for i in range(5))
    ds = load_text(text, "multi.csv")
    assert ds.report.rows == 5 and ds.frame["answer"].iloc[0] == cell


def test_classic_mac_line_endings_load():
    ds = load_text("id,model,answer,reference\r1,a,x,x\r2,a,y,z\r", "mac.csv")
    assert ds.report.rows == 2 and list(ds.frame["reference"]) == ["x", "z"]


@pytest.mark.parametrize("orient", [None, "index", "split"])
def test_pandas_json_exports_load(orient):
    frame = pd.DataFrame({"id": [1, 2], "model": ["a", "b"], "answer": ["x", "y"], "reference": ["x", "z"]})
    text = frame.to_json(orient=orient) if orient else frame.to_json()
    ds = load_text(text, "p.json")
    assert ds.report.rows == 2 and list(ds.frame["answer"]) == ["x", "y"] and list(ds.frame["reference"]) == ["x", "z"]


def test_missing_values_in_nullable_parquet_columns_are_empty_not_na_text():
    frame = pd.DataFrame({"id": pd.array([1, 2, None], dtype="Int64"), "model": ["a", "b", "c"],
                          "answer": pd.array([1, None, 3], dtype="Int64"), "reference": pd.array([1, 2, 4], dtype="Int64")})
    buffer = io.BytesIO()
    frame.to_parquet(buffer)
    ds = load_bytes(buffer.getvalue(), "n.parquet")
    assert "<NA>" not in set(ds.frame["answer"]) and ds.frame["answer"].iloc[1] == ""


def test_big5_saved_by_windows_is_read_with_cp950():
    data = "編號,模型,模型答案,正確答案\n1,甲,恒星很亮。,恒星很亮。\n".encode("cp950")
    ds = load_bytes(data, "tw.csv")
    assert ds.report.encoding == "big5" and ds.frame["answer"].iloc[0] == "恒星很亮。"


def test_a_trailing_comma_on_data_rows_changes_nothing():
    ds = load_text("id,model,answer,reference\n1,a,x,x,\n", "t.csv")
    assert ds.frame["reference"].iloc[0] == "x" and not ds.report.warnings


def test_text_saved_as_xls_loads_with_a_note_and_a_real_old_xls_is_named():
    ds = load_bytes(b"id\tmodel\tanswer\treference\n1\ta\tx\tx\n", "export.xls")
    assert ds.report.rows == 1 and "named .xls" in ds.report.warnings[0].message
    with pytest.raises(LoadError, match="old Excel 97-2003"):
        load_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "old.xls")


def test_token_count_columns_are_not_the_source():
    ds = load_text("model,input,answer,reference,input_tokens,output_tokens\nm,src,x,x,5,6\n", "t.csv")
    assert ds.report.columns["source"] == "input"
    ds = load_text("model,answer,reference,input_tokens\nm,x,x,5\n", "t.csv")
    assert "source" not in ds.report.columns


def test_cli_error_is_one_line_even_when_the_library_says_more(tmp_path):
    import io

    import pyarrow as pa
    import pyarrow.parquet as pq

    buffer = io.BytesIO()
    pq.write_table(pa.table({"answer": ["a"], "reference": ["b"]}), buffer)
    good = buffer.getvalue()
    path = tmp_path / "bad.parquet"
    path.write_bytes(good[:4] + b"\x00" * (len(good) - 12) + good[-8:])  # pyarrow: "…thrift…\n"
    out = subprocess.run([sys.executable, "-m", "lib", "info", str(path)], capture_output=True, text=True)
    assert out.returncode == 2 and out.stderr.startswith("error: bad.parquet is not a readable Parquet file")
    assert len(out.stderr.strip().splitlines()) == 1


def test_repeated_parquet_column_names_are_numbered_as_in_csv():
    import io

    import pyarrow as pa
    import pyarrow.parquet as pq

    from lib.load import load_bytes

    buffer = io.BytesIO()
    pq.write_table(pa.table([[1], ["a"], ["b"], ["c"]], names=["id", "answer", "answer", "reference"]), buffer)
    ds = load_bytes(buffer.getvalue(), "dup.parquet")
    assert ds.report.headers == ("id", "answer", "answer (2)", "reference")


def test_wide_model_columns_with_an_answer_suffix_are_models_named_without_it():
    ds = load_text("id,question,reference,gpt4_output,claude_output,qwen_output\n1,q,r,a,b,c\n", "w.csv")
    assert ds.report.shape == "wide" and ds.report.models == ("gpt4", "claude", "qwen")
    ds = load_text("id,正确答案,模型A答案,模型B答案\n1,r,a,b\n", "w.csv")
    assert ds.report.models == ("模型A", "模型B")


def test_role_words_with_an_answer_suffix_are_not_models():
    ds = load_text("question,reference_answer,model_answer\nq,r,a\n", "l.csv")
    assert ds.report.shape == "long" and ds.report.columns["reference"] == "reference_answer"


def test_a_repeated_model_header_in_a_wide_table_is_a_second_run():
    ds = load_text("id,reference,gpto1,gpto1,claude\n1,A,A,B,A\n", "w.csv")
    assert set(ds.frame["model"]) == {"gpto1", "gpto1 #2", "claude"} and ds.report.models == ("gpto1", "claude")


@pytest.mark.parametrize("text", [
    ",id,reference,gpt-4o,claude\n0,1,r,a,b\n",                        # pandas to_csv with its index
    "题号,difficulty_level,正确答案,gpt-4o,claude\n1,easy,r,a,b\n",      # a question number and metadata
])
def test_index_and_metadata_columns_of_a_wide_table_are_not_models(text):
    assert load_text(text, "w.csv").report.models == ("gpt-4o", "claude")


def test_excel_sep_line_names_the_delimiter_and_keeps_line_numbers():
    ds = load_text("sep=;\nid;model;answer;reference\n1;a;x,y;x\n", "e.csv")
    assert list(ds.frame["answer"]) == ["x,y"] and list(ds.frame["row"]) == [3]


def test_openai_evals_and_prompt_id_headers():
    assert load_text("input,ideal,completion,model\nq,r,a,m\n", "o.csv").report.columns["reference"] == "ideal"
    cols = load_text("prompt_id,prompt,model,answer,reference\n7,p,m,a,r\n", "p.csv").report.columns
    assert cols["sample_id"] == "prompt_id" and cols["source"] == "prompt"


def test_a_long_multi_line_answer_is_not_taken_for_a_stray_quote():
    table = "\n".join(["| a | b |", "|---|---|"] + [f"| {i} | {i * 2} |" for i in range(60)])
    ds = load_text(HEADER + f'1,m,"{table}",ref\n2,m,x,ref\n', "md_in_csv.csv")
    assert ds.report.rows == 2 and not ds.report.warnings


def test_nested_json_lines_become_dotted_columns_whose_roles_are_found():
    text = ('{"id": 1, "sample": {"question": "q", "gold": "g"}, "output": {"text": "a"}, "model": "m"}\n'
            '{"id": 2, "sample": {"question": "q2", "gold": "g2"}, "output": {"text": "b"}, "model": "m"}\n')
    ds = load_text(text, "nested.jsonl")
    assert ds.report.columns["answer"] == "output.text" and ds.report.columns["reference"] == "sample.gold"
    assert list(ds.frame["reference"]) == ["g", "g2"] and ds.report.columns["source"] == "sample.question"


def test_list_and_bytes_cells_read_as_text():
    frame = pd.DataFrame({"model": ["m", "m"], "answer": [["only"], ["a", "b"]], "reference": [b"only", b"x"]})
    buffer = io.BytesIO()
    frame.to_parquet(buffer)
    ds = load_bytes(buffer.getvalue(), "lists.parquet")
    assert list(ds.frame["answer"]) == ["only", '["a", "b"]'] and list(ds.frame["reference"]) == ["only", "x"]


def test_an_empty_model_cell_in_a_wide_table_is_named_by_line_and_model():
    ds = load_text("id,reference,gpt4_output,claude_output\n1,r,a,b\n2,r,c,\n", "w.csv")
    assert ds.report.rows == 3
    assert [(w.line, w.message) for w in ds.report.warnings] == [(3, "no answer from 'claude' (empty cell); skipped.")]


# ---- second review: today's rules must not break layouts that loaded right before -------------

@pytest.mark.parametrize("header, reference, answer", [
    ("question,reference_answer,answer", "reference_answer", "answer"),
    ("问题,标准参考答案,答案", "标准参考答案", "答案"),
    ("question,ground_truth_answer,answer", "ground_truth_answer", "answer"),
    ("question,answer,answer_explanation,model_answer", "answer", "model_answer"),
    ("question,answer,output_format,model_output", "answer", "model_output"),
])
def test_a_named_reference_wins_over_the_bare_answer_rule_and_describers_are_not_answers(header, reference, answer):
    n = len(header.split(","))
    ds = load_text(f"{header}\n" + ",".join(f"v{i}" for i in range(n)) + "\n", "r.csv")
    assert ds.report.shape == "long"
    assert ds.report.columns["reference"] == reference and ds.report.columns["answer"] == answer


@pytest.mark.parametrize("header", [
    "id,question,gold,output_text,output_tokens",
    "question,reference,cot_answer,direct_answer",
    "question,reference,answer_zh,answer_en",
    "id,agent,question,reference,output_text,output_tokens",
])
def test_answer_fields_are_not_taken_for_model_columns(header):
    n = len(header.split(","))
    ds = load_text(f"{header}\n" + ",".join(f"v{i}" for i in range(n)) + "\n", "l.csv")
    assert ds.report.shape == "long" and ds.report.rows == 1


@pytest.mark.parametrize("header", ["id,title,context,question,answer", "question,answer,explanation"])
def test_gold_data_without_predictions_is_refused_not_read_as_wide(header):
    n = len(header.split(","))
    with pytest.raises(LoadError, match="no reference column"):
        load_text(f"{header}\n" + ",".join(f"v{i}" for i in range(n)) + "\n", "gold.csv")


def test_carriage_returns_inside_headers_and_excel_for_mac_files_load():
    assert load_text('question,"refe\rrence",answer\nq,r,a\n', "cr.csv").report.rows == 1
    ds = load_text('question,reference,answer\r"q\nx",r,a\rq2,r2,a2\r', "mac.csv")
    assert ds.report.rows == 2 and ds.frame["source"].iloc[0] == "q\nx"
    pasted = '{"reference":"r","answer":"a"}\r{"reference":"r2","answer":"a2"}\r'
    assert load_text(pasted).report.rows == 2


def test_odd_json_is_a_clear_error_and_mixed_nesting_loses_nothing():
    with pytest.raises(LoadError, match="^s.json"):
        load_text('{"columns":["reference","answer"],"data":[["r","a","x"]]}', "s.json")
    ds = load_text('{"reference":"r","output":"plain"}\n{"reference":"r","output":{"text":"nested"}}\n', "m.jsonl")
    assert list(ds.frame["answer"]) == ["plain", '{"text": "nested"}']


def test_large_integer_ids_next_to_a_missing_one_keep_every_digit():
    text = ('{"id": 12345678901234567, "model": "m", "answer": "a", "reference": "r"}\n'
            '{"id": 12345678901234568, "model": "m", "answer": "b", "reference": "r2"}\n'
            '{"id": null, "model": "m", "answer": "c", "reference": "r3"}\n')
    assert list(load_text(text, "ids.jsonl").frame["sample_id"])[:2] == ["12345678901234567", "12345678901234568"]


def test_an_excel_title_row_above_the_header_is_skipped_and_said():
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Proofreading results, June"])
    sheet.append([])
    sheet.append(["id", "model", "answer", "reference"])
    sheet.append([1, "m", "the cat", "the cat"])
    sheet.append([2, "m", "a dog", "the dog"])
    buffer = io.BytesIO()
    book.save(buffer)
    ds = load_bytes(buffer.getvalue(), "titled.xlsx")
    assert ds.report.columns["reference"] == "reference" and ds.report.rows == 2
    assert list(ds.frame["row"]) == [4, 5]  # Excel's own row numbers
    assert any("the header is on row 3" in w.message for w in ds.report.warnings)
