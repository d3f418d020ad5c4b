"""Doubts only the analysis can raise: a file whose answers share almost nothing with their
references was most likely read with the wrong columns (an id or a model name as the answer,
an extracted "72" against a worked solution), and its charts would be confidently wrong."""
from __future__ import annotations

import pandas as pd

# Median similarity below which the roles are doubted, and the rows needed for a median to mean it.
LOW_SIMILARITY = 0.05
MIN_ANSWERS = 4


def role_doubts(analysis: pd.DataFrame) -> list[str]:
    """Sentences for the pages and the CLI; [] when nothing looks wrong."""
    if len(analysis) < MIN_ANSWERS or "similarity" not in analysis:
        return []
    median = float(analysis["similarity"].median())
    if median >= LOW_SIMILARITY:
        return []
    return [f"the median similarity of answer and reference is {median:.2f}: they share almost nothing, so the "
            "answer or reference column is probably the wrong one (check the roles on the Load page) — or the "
            "answers are in another language or another form than the references."]
