"""Finding a sample: the list the Diffs page picks from, and search over ids and texts."""
from __future__ import annotations

import pandas as pd

LABEL_CHARS = 70


def sample_index(frame: pd.DataFrame) -> pd.DataFrame:
    """One row per sample in file order: id, reference, source, answer count, a short label.

    Built once per dataset; search then runs over this small table instead of every answer.
    """
    grouped = frame.groupby("sample_id", sort=False)
    index = pd.DataFrame({
        "reference": grouped["reference"].first(),
        "source": grouped["source"].first(),
        "answers": grouped.size(),
        # All answers of a sample in one string so search finds a sample by what a model wrote.
        "answer_text": grouped["answer"].agg("\n".join),
    }).reset_index()
    preview = index["reference"].str.replace(r"\s+", " ", regex=True).str.strip()
    short = preview.str.slice(0, LABEL_CHARS) + preview.str.len().gt(LABEL_CHARS).map({True: "…", False: ""})
    index["label"] = index["sample_id"].astype(str) + " · " + short
    return index


def search_samples(index: pd.DataFrame, query: str) -> list[str]:
    """Sample ids whose id, reference, source or any answer contains `query` (case-insensitive)."""
    query = query.strip()
    if not query:
        return index["sample_id"].tolist()
    hit = index["sample_id"].astype(str).str.casefold() == query.casefold()
    for column in ("reference", "source", "answer_text"):
        hit |= index[column].str.contains(query, case=False, regex=False)
    return index.loc[hit, "sample_id"].tolist()


def neighbour(ids: list[str], current: str | None, step: int) -> str | None:
    """The id `step` places from `current`, wrapping around; the first id when current is unknown."""
    if not ids:
        return None
    if current not in ids:
        return ids[0]
    return ids[(ids.index(current) + step) % len(ids)]


SAMPLE_ORDERS: dict[str, str] = {
    "file": "File order",
    "disagreement": "Most disagreement first",
    "worst": "Worst answer first",
}


def order_samples(frame: pd.DataFrame, analysis: pd.DataFrame, models: list[str] | None, order: str) -> list[str]:
    """Sample ids in the chosen order, over the chosen models' answers, so the interesting samples
    of a large file come first.

    Disagreement: the share of distinct answers among a sample's answers (16 answers in 11
    versions: 0.67), ties broken by the lower mean similarity to the reference. Worst answer: the
    lowest similarity any chosen answer has. Samples without chosen answers go last, in file order.
    """
    ids = list(dict.fromkeys(frame["sample_id"]))
    if order not in ("disagreement", "worst"):
        return ids
    rows = frame if models is None else frame[frame["model"].isin(models)]
    table = pd.DataFrame({"sample_id": rows["sample_id"].to_numpy(), "answer": rows["answer"].str.strip().to_numpy(),
                          "similarity": analysis["similarity"].reindex(rows.index).fillna(0.0).to_numpy()})
    grouped = table.groupby("sample_id", sort=False)
    stats = pd.DataFrame({"n": grouped.size(), "distinct": grouped["answer"].nunique(),
                          "mean": grouped["similarity"].mean(), "worst": grouped["similarity"].min()})
    stats["position"] = pd.Series(range(len(ids)), index=ids).reindex(stats.index).to_numpy()
    if order == "disagreement":
        stats["share"] = (stats["distinct"] - 1) / (stats["n"] - 1).clip(lower=1)
        ranked = stats.sort_values(["share", "mean", "position"], ascending=[False, True, True])
    else:
        ranked = stats.sort_values(["worst", "position"], ascending=[True, True])
    first = list(ranked.index)
    seen = set(first)
    return first + [s for s in ids if s not in seen]
