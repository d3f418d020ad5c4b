import pandas as pd

from lib.views.leaderboard import leaderboard


def test_leaderboard_ranks_by_mean_similarity_and_counts_exact():
    analysis = pd.DataFrame({
        "model": ["a", "a", "b", "b", "b"],
        "exact": [True, False, True, True, True],
        "similarity": [1.0, 0.5, 1.0, 1.0, 1.0],
        "cer": [0.0, 0.5, 0.0, 0.0, 0.0],
        "wer": [0.0, 0.4, 0.0, 0.0, 0.0],
        "edits": [0, 3, 0, 0, 0],
    })
    table = leaderboard(analysis)
    assert table["model"].tolist() == ["b", "a"]
    a = table.set_index("model").loc["a"]
    assert a["answers"] == 2 and a["exact"] == 1 and a["exact_rate"] == 0.5
    assert abs(a["similarity"] - 0.75) < 1e-9 and a["edits"] == 1.5


def test_empty_analysis_gives_empty_leaderboard_with_columns():
    table = leaderboard(pd.DataFrame(columns=["model", "exact", "similarity", "cer", "wer", "edits"]))
    assert table.empty and "exact_rate" in table.columns


def test_leaderboard_names_flags_and_most_frequent_edits_per_model():
    from lib.analysis.dataset import analyze
    from lib.load import load_path

    data = load_path("data/sample.md")
    table = leaderboard(analyze(data.frame)).set_index("model")
    assert "preamble" in table.loc["Meta-Llama-3.1-405B-Instruct-Turbo", "flags"]
    assert table.loc["DeepSeek-Coder-V2-Lite-Instruct", "flags"] == "wrong language"
    assert table.loc["minimax", "top_edits"] == "M:DET"
    assert table.loc["gpt-4o-2024-08-06", "flags"] == "" and table.loc["gpt-4o-2024-08-06", "top_edits"] == ""
    assert table.loc["deepseek-r1", "top_edits"].startswith("R:PREP ×2, R:PUNCT ×2")


def test_the_model_column_fits_the_longest_name_so_similar_names_can_be_told_apart():
    from lib.views.leaderboard import NAME_PX_LEAST, NAME_PX_MOST, name_column_width

    long = "Meta-Llama-3.1-405B-Instruct-Turbo"
    assert name_column_width(["gpto1", long]) >= 7 * len(long)  # a 14 px font: ≥ 7 px a character
    assert name_column_width(["金声玉亮2.0" * 3]) > name_column_width(["abcdefg2.0" * 3])  # wide characters count double
    assert name_column_width(["a"]) == NAME_PX_LEAST and name_column_width([]) == NAME_PX_LEAST
    assert name_column_width(["x" * 5_000]) == NAME_PX_MOST
