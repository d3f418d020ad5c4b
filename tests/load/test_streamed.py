"""A large clean-UTF-8 CSV is read line by line from its bytes: the same dataset as from its text."""
from __future__ import annotations

import dataclasses

import pytest

from lib.load import lines, load_bytes


def _both(monkeypatch, data: bytes, name: str = "results.csv"):
    """(streamed, whole-text) loads of the same bytes."""
    monkeypatch.setattr(lines, "STREAM_BYTES", 1)
    monkeypatch.setattr(lines, "_CHUNK", 7)  # chunk edges fall inside characters, lines and quoted cells
    streams = []
    real = lines.utf8_lines
    monkeypatch.setattr(lines, "utf8_lines", lambda data: streams.append(name) or real(data))
    streamed = load_bytes(data, name)
    assert streams == [name]  # read from its bytes, line by line
    monkeypatch.setattr(lines, "STREAM_BYTES", 1 << 60)
    whole = load_bytes(data, name)
    assert streams == [name]  # read from its text
    return streamed, whole


def _same(a, b) -> None:
    assert a.frame.equals(b.frame)
    assert list(a.frame.columns) == list(b.frame.columns)
    assert [dataclasses.astuple(w) for w in a.report.warnings] == [dataclasses.astuple(w) for w in b.report.warnings]
    assert a.report.encoding == b.report.encoding == "utf-8"


@pytest.mark.parametrize("text", [
    # Chinese and an em dash across chunk edges, a quoted cell over three lines, a lone CR in a cell
    'model,answer,reference\ngpt4,"第一行\n第二行 — 第三行","第一行\n第二行 -- 第三行"\nqwen,"a\rb","a b"\n',
    # Excel's sep= line, CRLF rows, a short row (a warning with its line)
    "sep=;\r\nmodel;answer;reference\r\nm1;Here is the text;the text\r\nm2;only two\r\n",
    # a stray quote that swallows rows, and a trailing delimiter
    'model,answer,reference\nm1,"unclosed,ref one\nm2,fine,ref two\nm3,ok,ref three,\n',
])
def test_streamed_csv_loads_as_the_whole_text_does(monkeypatch, text):
    streamed, whole = _both(monkeypatch, text.encode("utf-8"))
    _same(streamed, whole)


def test_mac_line_endings_stream_too(monkeypatch):
    monkeypatch.setattr(lines, "STREAM_BYTES", 1)
    data = "model,answer,reference\rm1,\"two\nlines\",ref\rm2,b,ref\r".encode("utf-8")
    assert load_bytes(data, "mac.csv").frame["answer"].tolist() == ["two\nlines", "b"]


def test_a_file_that_is_not_clean_utf8_is_read_from_its_text(monkeypatch):
    monkeypatch.setattr(lines, "STREAM_BYTES", 1)
    gbk = "模型,模型答案,正确答案\nA,你好,您好\n".encode("gbk")
    assert load_bytes(gbk, "zh.csv").report.encoding == "gb18030"
    # UTF-8 but for one line pasted from a GBK file, far into the file: named as before
    mixed = ("model,answer,reference\n" + "m,答案,参考\n" * 50).encode("utf-8") + "m,你好,您好\n".encode("gbk")
    dataset = load_bytes(mixed, "mixed.csv")
    assert dataset.report.encoding == "utf-8" and len(dataset.frame) == 51
    assert any(w.line == 52 and "GB18030" in w.message for w in dataset.report.warnings)
    bom = load_bytes(b"\xef\xbb\xbfmodel,answer,reference\nm,a,b\n", "bom.csv")  # the text path strips the BOM
    assert list(bom.frame["answer"]) == ["a"]


def test_utf8_lines_are_iter_lines_of_the_text(monkeypatch):
    monkeypatch.setattr(lines, "_CHUNK", 5)
    text = "α\nβγ\r\nno end — 末"
    assert list(lines.utf8_lines(text.encode("utf-8"))) == list(lines.iter_lines(text)) == ["α\n", "βγ\r\n", "no end — 末"]
