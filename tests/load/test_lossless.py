"""Nothing is lost or merged without a word: what a file holds is what Redline shows."""
from __future__ import annotations

import io
import json

from lib.load import load_bytes, load_text


def _messages(ds) -> str:
    return "\n".join(str(w) for w in ds.report.warnings)


def test_xlsx_cells_holding_nan_null_or_na_keep_their_text_as_in_csv():
    import openpyxl

    book = openpyxl.Workbook()
    for row in [["model", "answer", "reference"], ["m", "NaN", "None"], ["m", "NULL", "N/A"],
                ["m", "NA", "#N/A"], ["m", "nan", "-"], ["m", None, "x"]]:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    ds = load_bytes(buffer.getvalue(), "n.xlsx")
    assert ds.frame[["answer", "reference"]].values.tolist() == [
        ["NaN", "None"], ["NULL", "N/A"], ["NA", "#N/A"], ["nan", "-"], ["", "x"]]


def test_jsonl_line_separators_inside_a_string_do_not_split_the_record():
    records = [{"model": "m", "answer": f"one\u2028two{sep}three", "reference": "r"} for sep in ("\u2029", "\x85", "\x0c")]
    text = "\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n" + \
        json.dumps({"model": "m", "answer": "last", "reference": "r"}) + "\n{broken\n"
    ds = load_text(text, "sep.jsonl")
    assert ds.frame["answer"].tolist() == [r["answer"] for r in records] + ["last"]
    assert ds.frame["row"].tolist() == [1, 2, 3, 4]
    # the one broken line, by its real number
    assert [w.line for w in ds.report.warnings if "JSON" in w.message] == [5]


def test_markdown_keeps_a_line_separator_inside_a_cell():
    ds = load_text("| model | answer | reference |\n|---|---|---|\n| m | a\u2028b | r |\n| n | c | r |\n", "t.md")
    assert ds.frame["answer"].tolist() == ["a\u2028b", "c"] and ds.frame["row"].tolist() == [3, 4]
    assert not ds.report.warnings


def test_model_names_that_differ_only_in_spaces_are_merged_and_it_is_said():
    ds = load_text('model,answer,reference\n" gpt4",a,r\ngpt4,b,r\n"gpt4 ",c,r\nclaude,d,r\n', "s.csv")
    assert set(ds.frame["model_name"]) == {"gpt4", "claude"}
    text = _messages(ds)
    assert "Line 2: the model names ' gpt4' (first at line 2), 'gpt4' (first at line 3), 'gpt4 ' (first at line 4) " \
           "differ only in spaces around them; read as one model, 'gpt4'." in text


def test_sample_ids_that_differ_only_in_spaces_are_said_too():
    ds = load_text('id,model,answer,reference\n1,a,x,r\n" 1",b,y,r\n', "i.csv")
    assert ds.report.samples == 1 and "sample ids '1' (first at line 2), ' 1' (first at line 3)" in _messages(ds)


def test_a_name_with_a_stray_space_alone_is_trimmed_silently():
    ds = load_text('model,answer,reference\n"gpt4 ",a,r\nclaude,b,r\n', "t.csv")
    assert list(ds.frame["model_name"]) == ["gpt4", "claude"] and not ds.report.warnings


def test_one_gbk_line_in_a_utf8_file_is_read_as_gbk_and_named():
    body = "".join(f"m{i},这是第{i}个答案,这是正确答案\n" for i in range(50)).encode()
    data = "model,answer,reference\n".encode() + body + "gbk,我们的模型回答,这是正确答案\n".encode("gbk")
    ds = load_bytes(data, "mixed.csv")
    assert ds.report.encoding == "utf-8"
    assert ds.frame["answer"].iloc[0] == "这是第0个答案" and ds.frame["answer"].iloc[-1] == "我们的模型回答"
    assert _messages(ds) == "Line 52: this line is not UTF-8; read as GB18030 (the rest of the file is UTF-8)."


def test_a_gbk_file_with_a_few_bad_bytes_stays_gbk_and_names_the_line():
    body = "".join(f"m{i},这是第{i}个答案,这是正确答案\n" for i in range(50)).encode("gbk")
    data = "model,answer,reference\n".encode() + body + b"bad,\x80\xff x,ok\n"
    ds = load_bytes(data, "g.csv")
    assert ds.report.encoding == "gb18030" and ds.frame["answer"].iloc[0] == "这是第0个答案"
    assert "Line 52: this line is not valid GB18030 (nor UTF-8 or Big5)" in _messages(ds)
