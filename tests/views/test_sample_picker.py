import pandas as pd

from lib.views.sample_picker import neighbour, sample_index, search_samples


def _frame() -> pd.DataFrame:
    return pd.DataFrame({
        "sample_id": ["a", "a", "b", "c"],
        "model": ["m1", "m2", "m1", "m1"],
        "answer": ["The cat sat.", "A cat sat.", "你好，世界", "x"],
        "reference": ["The cat sat.", "The cat sat.", "你好,世界", "Ünïcode $5 and $10"],
        "source": ["", "", "", ""],
    })


def test_index_has_one_row_per_sample_in_file_order():
    index = sample_index(_frame())
    assert index["sample_id"].tolist() == ["a", "b", "c"]
    assert index["answers"].tolist() == [2, 1, 1]


def test_label_starts_with_id_and_shortens_long_references():
    frame = _frame()
    frame.loc[3, "reference"] = "word " * 100
    index = sample_index(frame)
    assert index.loc[0, "label"] == "a · The cat sat."
    assert index.loc[2, "label"].endswith("…") and len(index.loc[2, "label"]) < 90


def test_search_finds_by_id_reference_and_answer_text_case_insensitively():
    index = sample_index(_frame())
    assert search_samples(index, "B") == ["b"]
    assert search_samples(index, "the CAT") == ["a"]
    assert search_samples(index, "A cat") == ["a"]      # only in an answer
    assert search_samples(index, "世界") == ["b"]
    assert search_samples(index, "$5") == ["c"]         # no regex surprises
    assert search_samples(index, "  ") == ["a", "b", "c"]


def test_neighbour_wraps_and_starts_at_first_when_unknown():
    ids = ["a", "b", "c"]
    assert neighbour(ids, "a", 1) == "b"
    assert neighbour(ids, "c", 1) == "a"
    assert neighbour(ids, "a", -1) == "c"
    assert neighbour(ids, "zzz", 1) == "a"
    assert neighbour([], "a", 1) is None


def test_samples_can_be_ordered_by_disagreement_or_by_their_worst_answer():
    from lib.analysis.dataset import analyze
    from lib.views.sample_picker import order_samples
    from tests.conftest import build_dataset

    rows = []
    for sample, answers in {"calm": ["a b c", "a b c", "a b c"], "split": ["a b c", "a b x", "y b c"],
                            "one bad": ["a b c", "a b c", "zzz"]}.items():
        rows += [{"sample_id": sample, "model": f"m{i}", "answer": a, "reference": "a b c"} for i, a in enumerate(answers)]
    ds = build_dataset(rows)
    analysis = analyze(ds.frame)
    assert order_samples(ds.frame, analysis, None, "file") == ["calm", "split", "one bad"]
    assert order_samples(ds.frame, analysis, None, "disagreement") == ["split", "one bad", "calm"]
    assert order_samples(ds.frame, analysis, None, "worst") == ["one bad", "split", "calm"]
    # over the chosen models only: without m2, "one bad" agrees completely
    assert order_samples(ds.frame, analysis, ["m0", "m1"], "disagreement")[-1] in ("calm", "one bad")
    assert order_samples(ds.frame, analysis, ["m0", "m1"], "worst")[0] == "split"
