"""What the answers of a sample are compared against: the reference, the source, or one model's answer.

A baseline is named in links and on the command line as `reference`, `source` or `model:<run label>`
(the prefix keeps a model called "source" from being taken for the source).
"""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

MODEL_PREFIX = "model:"


@dataclass(frozen=True)
class Baseline:
    kind: str            # "reference" | "source" | "model"
    text: str
    name: str            # in a sentence: "the reference", "the answer of gpto1"
    short: str           # on a badge: "reference", "gpto1"
    column: str          # a column head: "Reference", "gpto1"
    model: str | None = None  # the baseline's own model (its card is not repeated)
    note: str = ""       # said above every card when the choice could not be honoured


def model_base(model: str) -> str:
    return MODEL_PREFIX + model


def base_label(base: str) -> str:
    """Picker text for a baseline value."""
    if base == "reference":
        return "the reference"
    if base == "source":
        return "the source"
    return f"the answer of {base[len(MODEL_PREFIX):]}" if base.startswith(MODEL_PREFIX) else base


def resolve_baseline(rows: pd.DataFrame, base: str = "reference") -> Baseline:
    """The baseline of one sample (`rows`: all of its answers, whatever models are chosen)."""
    reference = rows["reference"].iloc[0] if len(rows) else ""
    plain = Baseline("reference", reference, "the reference", "reference", "Reference")
    if base == "source":
        source = rows["source"].iloc[0] if "source" in rows and len(rows) else ""
        if source:
            return Baseline("source", source, "the source", "source", "Source")
        return Baseline(**{**plain.__dict__, "note": "This sample has no source text; the diff is against the reference."})
    if base.startswith(MODEL_PREFIX):
        model = base[len(MODEL_PREFIX):]
        own = rows[rows["model"] == model]
        if len(own):
            return Baseline("model", own["answer"].iloc[0], f"the answer of {model}", model, model, model)
        return Baseline(**{**plain.__dict__,
                           "note": f"{model} has no answer to this sample; the diff is against the reference."})
    return plain
