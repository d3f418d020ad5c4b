"""Shared fixtures: the repository root, the bundled sample, and small fixture files."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SAMPLE = ROOT / "data" / "sample.md"


@pytest.fixture
def sample_path() -> Path:
    return SAMPLE


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


def build_dataset(rows: list[dict], name: str = "test.csv"):
    """A canonical Dataset from dicts with sample_id/model/answer/reference[/source], no loader involved."""
    import pandas as pd

    from lib.load.dataset import CANONICAL_COLUMNS, Dataset, LoadReport

    frame = pd.DataFrame([{
        "sample_id": str(r.get("sample_id", "1")), "model": r["model"], "model_name": r.get("model_name", r["model"]),
        "run": r.get("run", 1), "answer": r["answer"], "reference": r["reference"], "source": r.get("source", ""),
        "row": i + 2,
    } for i, r in enumerate(rows)], columns=list(CANONICAL_COLUMNS))
    report = LoadReport(name=name, format="csv", encoding="utf-8", shape="long",
                        columns={"model": "model", "answer": "answer", "reference": "reference"},
                        rows=len(frame), samples=frame["sample_id"].nunique(),
                        models=tuple(dict.fromkeys(frame["model_name"])))
    return Dataset(frame=frame, report=report, has_source=bool((frame["source"] != "").any()))


@pytest.fixture
def make_dataset():
    return build_dataset
