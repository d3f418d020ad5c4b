"""Samples with several accepted references (OpenCompass gold lists, HELM's correct references,
Inspect's list targets): each answer is compared with the closest one, and says which.

Closeness here is a cheap character-pair overlap, not the diff: it only
has to pick "Tōkyō" over "Tokyo" for an answer that wrote "Tōkyō"; the diff then runs once, against it.
"""
from __future__ import annotations

import json
import re

import pandas as pd

from lib.load.frameworks.common import REFERENCES

CHOICE = "reference_choice"  # "reference 2 of 3" on the rows whose sample has several references


def _pairs(text: str) -> set[str]:
    t = re.sub(r"\s+", " ", text.casefold()).strip()
    return {t[i:i + 2] for i in range(len(t) - 1)} if len(t) > 1 else {t} if t else set()


def overlap(a: str, b: str) -> float:
    """Dice overlap of character pairs (0 … 1); the first 4,000 characters are enough to choose."""
    x, y = _pairs(a[:4000]), _pairs(b[:4000])
    return 2 * len(x & y) / (len(x) + len(y)) if x and y else 0.0


def references_of(cell: str) -> list[str]:
    try:
        refs = json.loads(cell) if cell else []
    except ValueError:
        return []
    return [r for r in refs if isinstance(r, str)] if isinstance(refs, list) else []


def choose_closest(frame: pd.DataFrame) -> pd.DataFrame:
    """In place: `reference` becomes each answer's closest accepted reference; CHOICE says which."""
    if REFERENCES not in frame:
        return frame
    choices = []
    for i, (answer, cell) in enumerate(zip(frame["answer"], frame[REFERENCES])):
        refs = references_of(cell)
        if len(refs) < 2:
            choices.append("")
            continue
        best = max(range(len(refs)), key=lambda k: (overlap(answer, refs[k]), -k))
        frame.iat[i, frame.columns.get_loc("reference")] = refs[best]
        choices.append(f"reference {best + 1} of {len(refs)}")
    frame[CHOICE] = pd.Series(choices, index=frame.index, dtype=object)
    return frame
