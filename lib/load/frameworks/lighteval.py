"""lighteval details Parquet: `details/<model>/<date>/details_<task>_<date>.parquet`.

From src/lighteval/logging/evaluation_tracker.py (save_details) and info_loggers.py (Detail):
each row is asdict(Detail) → struct columns "doc" (Doc: query, choices, gold_index, id, …),
"model_response" (ModelResponse: text, text_post_processed, logprobs, …) and "metric". Up to
0.10 a Detail was flat: "example", "full_prompt", "predictions", "gold", "choices", "metrics", ….
The model is the folder (or folders, "org/name") between details/ and the date.
"""
from __future__ import annotations

import re
from pathlib import PurePath
from typing import Any

import numpy as np
import pandas as pd

from lib.load.dataset import LoadWarning
from lib.load.frameworks.common import Answer, first_text, framework_table, reference_list, text
from lib.load.table import ParsedTable, Source

FORMAT = "lighteval"
FIELDS = {"sample_id": "doc.id", "reference": "doc.choices[gold_index]", "source": "doc.query"}
OLD_FIELDS = {"answer": "predictions", "reference": "gold", "source": "full_prompt"}
TEXT, POST = "model_response.text", "model_response.text_post_processed"
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}T")


def is_details(columns: list[str]) -> bool:
    return {"doc", "model_response"} <= set(columns) or {"predictions", "gold"} <= set(columns) and (
        "full_prompt" in columns or "example" in columns)


def _plain(value: Any) -> Any:
    """Parquet values as Python: arrays → lists, inside structs too."""
    if isinstance(value, np.ndarray):
        return [_plain(v) for v in value.tolist()]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def model_from_folders(source: Source) -> str:
    parts = PurePath(source.path).parts[:-1] if source.path else ()
    if "details" in parts:
        inner = list(parts[len(parts) - 1 - parts[::-1].index("details") + 1:])
        if inner and _DATE.match(inner[-1]):
            inner = inner[:-1]
        if inner:
            return "/".join(inner)
    if len(parts) >= 2 and _DATE.match(parts[-1]):
        return parts[-2]
    return ""


def read(frame: pd.DataFrame, source: Source) -> ParsedTable:
    model = source.options.model_name or model_from_folders(source)
    warnings = [] if model else [LoadWarning(None, "lighteval details do not name the model and the folders "
                                                   "above the file are not known; named \"lighteval model\" "
                                                   "(edit it on the Load page).")]
    model = model or "lighteval model"
    task = re.sub(r"^details_|_\d{4}-\d{2}-\d{2}T.*$", "", PurePath(source.name).stem)
    records = [{k: _plain(v) for k, v in r.items()} for r in frame.to_dict("records")]
    if "doc" in frame.columns:
        answers = [_new(r, i, model) for i, r in enumerate(records, start=1)]
        fields = {**FIELDS, "answer": TEXT}
    else:
        answers = [Answer(str(i - 1), model, {"answer": first_text(r.get("predictions"))},
                          reference_list(r.get("gold")), text(r.get("full_prompt") or r.get("example")), i)
                   for i, r in enumerate(records, start=1)]
        fields = OLD_FIELDS
    return framework_table(answers, source, FORMAT, fields=fields, warnings=warnings,
                           model_from="folder" if model != "lighteval model" else "none", task=task,
                           no_reference="its docs have no gold choices")


def _new(r: dict, i: int, model: str) -> Answer:
    doc = r.get("doc") if isinstance(r.get("doc"), dict) else {}
    response = r.get("model_response") if isinstance(r.get("model_response"), dict) else {}
    choices = [text(c) for c in doc.get("choices") or []]
    gold = doc.get("gold_index")
    gold = gold if isinstance(gold, list) else [gold] if gold is not None else []
    refs = [choices[g] for g in gold if isinstance(g, int) and 0 <= g < len(choices)]
    answer = first_text(response.get("text"))
    logprobs = response.get("logprobs") or []
    if not answer and choices and len(logprobs) == len(choices):  # multiple choice: the likeliest choice
        answer = choices[int(np.argmax(logprobs))]
    variants = {TEXT: answer}
    post = first_text(response.get("text_post_processed"))
    if post and post != answer:
        variants[POST] = post
    return Answer(text(doc.get("id")) or str(i - 1), model, variants, refs, text(doc.get("query")), i)
