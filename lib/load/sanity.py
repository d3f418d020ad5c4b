"""Checks after a load that catch a file read with the wrong roles — the silently wrong case.

A reader can pick a column that parses fine and still means nothing: every "answer" the model's
name, or every row its own sample because the id was a per-result UUID. Each check here looks
at the canonical frame only and returns warnings in words a user can act on; none refuses data.
"""
from __future__ import annotations

import re

import pandas as pd

from lib.load.dataset import LoadWarning
from lib.load.roles import is_metadata, looks_like_model

# A per-result identifier rather than a sample id: UUIDs and long hex digests.
_UUID = re.compile(r"^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$|^[0-9a-f]{24,}$", re.I)
# Below this many rows a repeated value is ordinary (two models giving the same short answer).
MIN_ROWS = 4


def sanity_warnings(frame: pd.DataFrame, columns: dict[str, str]) -> list[LoadWarning]:
    """Every check's warning, in the order a user would fix them."""
    return [w for check in (_one_answer_everywhere, _uuid_samples)
            if (w := check(frame, columns)) is not None]


def _column(columns: dict[str, str], role: str) -> str:
    name = columns.get(role)
    return f' "{name}"' if name and not name.startswith("(") else ""


def _one_answer_everywhere(frame: pd.DataFrame, columns: dict[str, str]) -> LoadWarning | None:
    answers = frame["answer"]
    if len(answers) < MIN_ROWS or answers.nunique() != 1:
        return None
    value = str(answers.iloc[0])
    shown = value if len(value) <= 40 else value[:40] + "…"
    return LoadWarning(None, f"the answer column{_column(columns, 'answer')} holds the same value in every row "
                             f"({shown!r}): it is probably not the models' answers; choose the answer column below.")


def _uuid_samples(frame: pd.DataFrame, columns: dict[str, str]) -> LoadWarning | None:
    ids = frame["sample_id"].astype(str)
    if len(ids) < MIN_ROWS or ids.nunique() != len(ids):
        return None
    if ids.str.fullmatch(_UUID).mean() < 0.9:
        return None
    return LoadWarning(None, f"every sample has exactly one answer and the ids{_column(columns, 'sample_id')} look "
                             "like per-answer identifiers (UUIDs), so no two models are compared on a sample; "
                             "choose another sample id (or none: rows sharing a reference are then one sample).")


def unread_model_columns(table: pd.DataFrame, shape: str, columns: dict) -> list[LoadWarning]:
    """A long table whose other columns look like more models' answers (a wide table read as long)."""
    if shape != "long" or "answer" not in columns or str(columns.get("answer", "")).startswith("("):
        return []
    taken = set(columns.values())
    unread = []
    for col in table.columns:
        name = str(col)
        if name in taken or is_metadata(name) or not looks_like_model(name):
            continue
        cells = table[col].dropna().astype(str)
        if len(cells) and (cells.str.strip() != "").mean() > 0.5 and pd.to_numeric(cells, errors="coerce").isna().mean() > 0.9:
            unread.append(name)
    if not unread:
        return []
    return [LoadWarning(None, f"column{'s' if len(unread) > 1 else ''} {', '.join(repr(c) for c in unread[:6])} look like more models' "
            f"answers but {'were' if len(unread) > 1 else 'was'} not read (only answer → \"{columns['answer']}\"); "
            "to compare them, set Answer to \"(not used)\" on the Load page so the table is read as wide.")]
