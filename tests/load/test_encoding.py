"""Bytes → text with the encoding named: BOMs, UTF-16 without BOM, UTF-8, GBK vs Big5, Latin-1, junk."""
from __future__ import annotations

import codecs

import pytest

from lib.load.dataset import LoadError
from lib.load.encoding import decode
from lib.load import load_bytes, load_path

from tests.conftest import FIXTURES as FIX

SIMPLIFIED = ["我们研究了语言模型的涌现能力。", "最近的研究表明，小模型也可以表现出涌现能力。",
              "请把下面的句子改正。", "今天天气很好，我们去公园散步吧。", "答案", "模型"]
TRADITIONAL = ["這個問題很重要，我們需要更多的資料。", "請問你們的產品價格是多少？", "繁體中文的測試句子",
               "錯誤", "模型"]


@pytest.mark.parametrize("text", SIMPLIFIED + TRADITIONAL)
def test_chinese_saved_as_gbk_is_read_as_gb18030(text):
    assert decode(text.encode("gbk")) == (text, "gb18030")


@pytest.mark.parametrize("text", TRADITIONAL)
def test_chinese_saved_as_big5_is_read_as_big5(text):
    assert decode(text.encode("big5")) == (text, "big5")


@pytest.mark.parametrize("bom,encoding,name", [
    (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"),
])
def test_byte_order_marks_decide_the_encoding_and_are_dropped(bom, encoding, name):
    text, found = decode(bom + "model,答案\n".encode(encoding))
    assert found == name and text.lstrip("\ufeff") == "model,答案\n"


def test_utf16_without_bom_is_recognised_by_its_nul_bytes():
    assert decode("model,answer\nabc,def\n".encode("utf-16-le")) == ("model,answer\nabc,def\n", "utf-16")
    assert decode("model,answer\nabc,def\n".encode("utf-16-be")) == ("model,answer\nabc,def\n", "utf-16")


def test_valid_utf8_is_utf8():
    assert decode("模型,answer\ncafé,x\n".encode("utf-8")) == ("模型,answer\ncafé,x\n", "utf-8")


def test_latin1_text_falls_back_to_cp1252():
    assert decode("naïve café, Müller straße".encode("latin-1")) == ("naïve café, Müller straße", "cp1252")


def test_binary_junk_is_refused_as_not_a_text_table():
    with pytest.raises(LoadError, match=r"^junk\.bin does not look like a text table \(binary data\)"):
        decode(bytes(range(256)) * 4, "junk.bin")


# ---- through the loader: the report names the encoding, and the text is right ------------------

@pytest.mark.parametrize("name,encoding", [("gbk.csv", "gb18030"), ("big5.csv", "big5"), ("utf16.csv", "utf-16"),
                                           ("utf8_bom.csv", "utf-8-sig")])
def test_encoded_csv_files_are_detected_and_reported(name, encoding):
    ds = load_path(FIX / name)
    assert ds.report.encoding == encoding
    assert ds.frame["reference"].iloc[0].startswith(("我们研究了", "我們研究了"))
    assert ds.report.columns["model"] == "model"  # a BOM never sticks to the first header
    assert list(ds.frame["model"]) == ["甲", "乙"]


@pytest.mark.parametrize("name,encoding,reference", [
    ("gbk_headers.csv", "gb18030", "正确答案"), ("big5_headers.csv", "big5", "正確答案")])
def test_chinese_headers_in_gbk_and_big5_get_their_roles(name, encoding, reference):
    ds = load_path(FIX / name)
    assert ds.report.encoding == encoding and ds.report.columns["reference"] == reference
    assert ds.report.columns["answer"] == "模型答案" and ds.frame["reference"].iloc[0].startswith("最近的研究表明")


def test_utf16_tsv_without_bom_loads():
    ds = load_path(FIX / "utf16_be_no_bom.tsv")
    assert (ds.report.encoding, ds.report.format, ds.frame["answer"].item()) == ("utf-16", "tsv", "The cat")


def test_unknown_single_byte_encoding_loads_with_a_warning():
    ds = load_path(FIX / "latin1.csv")
    assert ds.frame["answer"].item() == "naïve café" and ds.report.encoding == "cp1252"
    assert any("Windows-1252" in w.message and w.line is None for w in ds.report.warnings)


def test_short_gbk_text_of_rare_characters_is_still_gb18030_not_latin1():
    # Too few characters for the frequency score; the GB2312 byte layout decides.
    assert decode("鹦鹉,螃蟹".encode("gbk")) == ("鹦鹉,螃蟹", "gb18030")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_mostly_chinese_utf16_without_bom_is_read_not_called_binary(codec):
    text = ("编号,模型,模型答案,正确答案\n1,甲,我们研究了语言模型的涌现能力。,我们研究了语言模型的涌现能力。\n"
            "2,乙,这是一个测试。,这是一个测试。\n")
    ds = load_bytes(text.encode(codec), "u.csv")
    assert ds.report.encoding == "utf-16" and list(ds.frame["model"]) == ["甲", "乙"]
