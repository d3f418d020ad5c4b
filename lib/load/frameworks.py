"""Exports of evaluation frameworks, recognised by content rather than by file name.

lm-evaluation-harness writes `samples_<task>_<date>.jsonl` into a folder named after the model;
OpenCompass writes `predictions/<model>/<dataset>.json` as {"0": {"origin_prompt", "prediction",
"gold"}, …}. Neither file names the model inside, so the folder name is used (editable in the UI).
"""
from __future__ import annotations

import json
from pathlib import PurePath
from typing import Any

import pandas as pd


def _first_text(value: Any) -> str:
    """filtered_resps is ["text"] or [["text"]] depending on the task type: take the first string."""
    while isinstance(value, (list, tuple)) and value:
        value = value[0]
    if value is None or isinstance(value, (list, tuple)):
        return ""
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def _prompt(arguments: Any) -> str:
    if isinstance(arguments, dict):
        gen = arguments.get("gen_args_0") or next(iter(arguments.values()), {})
        if isinstance(gen, dict):
            return _first_text(gen.get("arg_0", ""))
    return _first_text(arguments)


def is_lm_eval(records: list[dict]) -> bool:
    head = [r for r in records[:20] if isinstance(r, dict)]
    return bool(head) and all("doc_id" in r and "target" in r and ("filtered_resps" in r or "resps" in r) for r in head)


def lm_eval_table(records: list[dict]) -> pd.DataFrame:
    return pd.DataFrame({
        "doc_id": [str(r.get("doc_id", "")) for r in records],
        "prompt": [_prompt(r.get("arguments")) for r in records],
        "response": [_first_text(r.get("filtered_resps", r.get("resps"))) for r in records],
        "target": [_first_text(r.get("target")) for r in records],
    })


LM_EVAL_ROLES = {"sample_id": "doc_id", "source": "prompt", "answer": "response", "reference": "target"}


def is_opencompass(obj: Any) -> bool:
    if not isinstance(obj, dict) or not obj:
        return False
    values = list(obj.values())[:20]
    return all(isinstance(v, dict) and "prediction" in v for v in values)


def _origin_prompt(value: Any) -> str:
    if isinstance(value, list):  # chat format: [{"role": "HUMAN", "prompt": "…"}, …]
        parts = [v.get("prompt", "") if isinstance(v, dict) else str(v) for v in value]
        return "\n".join(p for p in parts if p)
    return _first_text(value)


def opencompass_table(obj: dict) -> pd.DataFrame:
    keys = list(obj)
    return pd.DataFrame({
        "id": [str(k) for k in keys],
        "origin_prompt": [_origin_prompt(obj[k].get("origin_prompt", "")) for k in keys],
        "prediction": [_first_text(obj[k].get("prediction", "")) for k in keys],
        "gold": [_first_text(obj[k].get("gold", obj[k].get("reference", ""))) for k in keys],
    })


OPENCOMPASS_ROLES = {"sample_id": "id", "source": "origin_prompt", "answer": "prediction", "reference": "gold"}


def model_from_path(name: str, path: str | None, framework: str) -> str:
    """The folder that names the model; the file's stem when there is no folder (an upload)."""
    where = PurePath(path) if path else PurePath(name)
    parent = where.parent.name
    if parent and parent not in (".", "", "predictions", "results"):
        return parent
    return where.stem or framework
