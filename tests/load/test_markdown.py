"""Markdown pipe tables as real exports write them: the bundled sample, breakage, several tables."""
from __future__ import annotations


from lib.load.dataset import CANONICAL_COLUMNS, LoadOptions
from lib.load import load_path, load_text
from lib.load.markdown import parse_tables

from tests.conftest import ROOT
from tests.conftest import FIXTURES as FIX
SAMPLE = ROOT / "data" / "sample.md"
BROKEN_ROWS = ("deepseek-r1", "Meta-Llama-3.1-405B-Instruct-Turbo", "Meta-Llama-3.1-70B-Instruct-Turbo")


# ---- the bundled sample ---------------------------------------------------------------------

def test_sample_is_one_sample_of_16_answers_by_15_models_in_first_seen_order():
    ds = load_path(SAMPLE)
    r = ds.report
    assert (r.format, r.encoding, r.shape, r.rows, r.samples) == ("markdown", "utf-8", "long", 16, 1)
    assert r.models == (
        "金声玉亮2.0", "deepseek-r1", "gpto1", "gpt-4o-2024-08-06", "DeepSeek-Coder-V2-Lite-Instruct",
        "Meta-Llama-3.1-405B-Instruct-Turbo", "Meta-Llama-3.1-70B-Instruct-Turbo", "Qwen2-72B-Instruct",
        "baichuan4", "doubao", "kimi", "minimax", "wenxinyiyan", "zhipu", "deepseek-v3")
    assert r.columns == {"model": "模型", "answer": "模型答案", "reference": "正确答案"}
    assert r.headers == ("模型", "模型答案", "正确答案")
    assert list(ds.frame.columns) == list(CANONICAL_COLUMNS) and ds.metadata_columns == ()
    assert not ds.has_source


def test_sample_rows_remember_their_physical_start_lines():
    frame = load_path(SAMPLE).frame
    assert list(frame["row"]) == [3, 4, 6, 7, 8, 9, 11, 13, 14, 15, 16, 17, 18, 19, 20, 21]


def test_row_continued_on_next_line_is_joined():
    frame = load_path(SAMPLE).frame
    reference = frame["reference"].iloc[0]
    assert reference.startswith("Recent studies") and reference.endswith("higher pre-training losses.")
    assert (frame["reference"] == reference).all()
    for model in BROKEN_ROWS:
        row = frame.loc[frame["model"] == model].iloc[0]
        assert row["reference"] == reference
        assert row["answer"].startswith("Here is the text") or row["answer"].startswith("Recent studies")
        assert row["answer"].endswith("pre-training losses.") and "|" not in row["answer"]


def test_rows_continued_on_the_next_line_are_reported_with_their_lines():
    warnings = load_path(SAMPLE).report.warnings
    joined = [(w.line, w.message) for w in warnings if "continued" in w.message]
    assert joined == [(4, "row continued on line 5; joined."), (9, "row continued on line 10; joined."),
                      (11, "row continued on line 12; joined.")]


def test_repeated_model_is_kept_as_a_second_run_with_one_warning():
    ds = load_path(SAMPLE)
    runs = ds.frame[ds.frame["model_name"] == "gpto1"]
    assert list(runs["model"]) == ["gpto1", "gpto1 #2"] and list(runs["run"]) == [1, 2]
    assert list(runs["row"]) == [6, 16]
    repeated = [w for w in ds.report.warnings if "gpto1" in w.message]
    assert [str(w) for w in repeated] == [
        'Line 16: model "gpto1" answers sample 1 again (first at line 6); kept as run "gpto1 #2".']


def test_chinese_answer_of_deepseek_coder_is_read_whole():
    frame = load_path(SAMPLE).frame
    answer = frame.loc[frame["model"] == "DeepSeek-Coder-V2-Lite-Instruct", "answer"].item()
    assert answer.startswith("最近的研実表明") and "|" not in answer


# ---- the parser -------------------------------------------------------------------------------

def test_escaped_pipes_alignment_rows_and_missing_outer_pipes():
    table = parse_tables((FIX / "ragged.md").read_text(encoding="utf-8"))[0]
    assert table.header == ["model", "answer", "reference"]
    assert table.rows[0] == ["a", "uses a | pipe", "uses a | pipe"]
    assert table.rows[1] == ["b", "no outer pipes", "no outer pipes"]
    assert table.row_lines == [5, 6, 7, 8]


def test_short_row_is_padded_and_long_row_keeps_extras_in_the_last_cell_both_with_their_line():
    table = parse_tables((FIX / "ragged.md").read_text(encoding="utf-8"))[0]
    assert table.rows[2] == ["c", "too few", ""] and table.rows[3] == ["d", "x", "y | extra"]
    assert [(w.line, w.message.split(";")[0]) for w in table.warnings] == [
        (7, "expected 3 cells, found 2"), (8, "expected 3 cells, found 4")]


def test_text_around_tables_is_ignored_and_every_table_is_found_with_its_line():
    tables = parse_tables((FIX / "ragged.md").read_text(encoding="utf-8"))
    assert [t.start_line for t in tables] == [3, 12]
    assert [t.label for t in tables] == ["Table 1 (line 3): model, answer, reference",
                                         "Table 2 (line 12): 模型, 模型答案, 正确答案"]


def test_br_tags_become_newlines_and_cells_are_stripped():
    table = parse_tables("| a | b |\n|---|---|\n|  one<br>two  | x<BR/>y |\n")[0]
    assert table.rows == [["one\ntwo", "x\ny"]]


def test_break_inside_a_cell_continues_that_cell():
    text = "| model | answer | reference |\n|---|---|---|\n| m | first half\nsecond half | ref |\n"
    table = parse_tables(text)[0]
    assert table.rows == [["m", "first half\nsecond half", "ref"]] and table.row_lines == [3]


def test_a_pipe_line_without_alignment_row_is_not_a_table():
    assert parse_tables("a | b\nc | d\n") == []


# ---- through the loader -----------------------------------------------------------------------

def test_several_tables_are_listed_and_the_user_picks_one():
    first = load_path(FIX / "ragged.md")
    assert first.report.tables == ("Table 1 (line 3): model, answer, reference",
                                   "Table 2 (line 12): 模型, 模型答案, 正确答案")
    assert first.report.table == 0 and any("2 tables" in w.message for w in first.report.warnings)
    second = load_path(FIX / "ragged.md", LoadOptions(table=1))
    assert second.report.table == 1 and list(second.frame["model"]) == ["e"]
    assert second.frame["answer"].item() == "你好" and second.frame["row"].item() == 14


def test_pasted_markdown_without_extension_is_recognised():
    ds = load_text("Results:\n\n| model | answer | reference |\n|---|---|---|\n| m | a | b |\n")
    assert ds.report.format == "markdown" and ds.report.name == "pasted text"
    assert ds.frame["row"].item() == 5
