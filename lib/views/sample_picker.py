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
