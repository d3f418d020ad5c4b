"""Files a loading reviewer built from real exports; each was garbled, refused or crashed before."""
from __future__ import annotations

import io
import subprocess
import sys

import pandas as pd
import pytest

from lib.load.dataset import LoadError
from lib.load import load_bytes, load_text

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
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = tmp_path / "dup.parquet"
    pq.write_table(pa.table([[1], ["a"], ["b"], ["c"]], names=["id", "answer", "answer", "reference"]), path)
    out = subprocess.run([sys.executable, "-m", "lib", "info", str(path)], capture_output=True, text=True)
    assert out.returncode == 2 and out.stderr.startswith("error: dup.parquet is not a readable Parquet file")
    assert len(out.stderr.strip().splitlines()) == 1


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
