"""What every framework reader shares: one row per answer built from the framework's own fields.

A reader turns the framework's records into `Answer`s and `framework_table` makes them the
ParsedTable every other reader returns, with fixed roles (no guessing from headers) and the
answer choices the framework offers (lm-eval's full generation or one filter's extraction).
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

import pandas as pd

from lib.load.dataset import LoadError, LoadWarning
from lib.load.table import ParsedTable, Source

# The frame's columns: the names say which framework field each came from (shown on the Load page).
ID, MODEL, REFERENCE, SOURCE = "id", "model", "reference", "source"
REFERENCES = "all_references"  # every correct reference, as a JSON list, when a sample has several


@dataclass
class Answer:
    """One answer as a framework wrote it. `answers` maps a choice ("completion", "filter
    strict-match") to the text; the first choice is the default unless the reader says otherwise."""

    sample_id: str
    model: str
    answers: dict[str, str]
    references: list[str]
    source: str = ""
    row: int = 0
    extra: dict[str, Any] = field(default_factory=dict)


def text(value: Any) -> str:
    """A field as text: None → "", strings as they are, anything else as JSON."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, default=str)


def first_text(value: Any) -> str:
    """The first string inside nested lists (["a"], [["a"]]), for fields that wrap one answer."""
    while isinstance(value, (list, tuple)) and value:
        value = value[0]
    if isinstance(value, (list, tuple)):
        return ""
    return text(value)


def reference_list(value: Any) -> list[str]:
    """A reference that may be one string or a list of acceptable ones; empty ones dropped."""
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return [r for r in (text(v) for v in value) if r.strip()]
    value = text(value)
    return [value] if value.strip() else []


def chat_text(messages: Any, roles: tuple[str, ...] = ("user", "human", "system")) -> str:
    """A prompt that is a chat (a list of {"role", "content"|"prompt"}) as the text of its turns."""
    if not isinstance(messages, list):
        return text(messages)
    parts = []
    for m in messages:
        if not isinstance(m, dict):
            parts.append(text(m))
            continue
        role = str(m.get("role", "user")).lower()
        if role not in roles:
            continue
        content = m.get("content", m.get("prompt", ""))
        parts.append(content_text(content))
    return "\n".join(p for p in parts if p)


def content_text(content: Any) -> str:
    """Message content that is a string or a list of parts ({"type": "text", "text": …})."""
    if isinstance(content, list):
        return "\n".join(c.get("text", "") if isinstance(c, dict) else text(c) for c in content
                         if not isinstance(c, dict) or c.get("type", "text") == "text")
    return text(content)


def model_from_path(source: Source, framework: str, skip: tuple[str, ...] = ()) -> str:
    """The folder that names the model (lm-eval, OpenCompass, lighteval write one per model);
    "" when there is none (an upload of the file alone: its name is the task's, not the model's)."""
    where = PurePath(source.path) if source.path else PurePath(source.name)
    for parent in where.parents:
        name = parent.name
        if name and name not in (".", "predictions", "results", "details") + skip:
            return name
        if not name:
            break
    return ""


def unnamed_model(framework: str) -> tuple[str, LoadWarning]:
    """The stand-in name when neither the file nor a folder names the model, and the warning saying so."""
    return (f"{framework} model", LoadWarning(None, f"the file does not name its model and no folder above it does "
                                                    f"(an upload of the file alone); shown as \"{framework} model\": "
                                                    "name it on the Load page, or load the results folder as a .zip."))


def framework_table(answers: list[Answer], source: Source, fmt: str, *, fields: dict[str, str],
                    warnings: list[LoadWarning] | None = None, default_answer: str | None = None,
                    model_from: str = "log", task: str = "", no_reference: str = "") -> ParsedTable:
    """The answers as a ParsedTable with fixed roles.

    `fields` says which framework field each role came from ({"answer": "output.completion", …}):
    the frame's columns are named after them, so the Load page shows the real field names."""
    if not answers:
        raise LoadError(f"{source.name}: a {fmt} file with no answers in it.")
    if not any(a.references for a in answers):
        raise LoadError(f"{source.name}: a {fmt} file, but it holds no reference (correct) answers"
                        + (f"; {no_reference}" if no_reference else "") + ".")
    choices = list(dict.fromkeys(k for a in answers for k in a.answers))
    chosen = default_answer if default_answer in choices else choices[0]
    answer_cols = {c: _answer_column(c, fields) for c in choices}
    extra_keys = list(dict.fromkeys(k for a in answers for k in a.extra))
    several = any(len(a.references) > 1 for a in answers)
    if source.options.model_name and len({a.model for a in answers}) == 1:
        for a in answers:  # the user named the one model of the file (the Load page's model name box)
            a.model = source.options.model_name
    id_col, model_col = fields.get("sample_id", ID), fields.get("model", f"({model_from})" if model_from != "log" else MODEL)
    columns: dict[str, list] = {
        id_col: [a.sample_id for a in answers],
        model_col: [a.model for a in answers],
        **{answer_cols[c]: [a.answers.get(c, "") for a in answers] for c in choices},
        fields.get("reference", REFERENCE): [a.references[0] if a.references else "" for a in answers],
        fields.get("source", SOURCE): [a.source for a in answers],
    }
    if several:
        columns[REFERENCES] = [json.dumps(a.references, ensure_ascii=False) if len(a.references) > 1 else ""
                               for a in answers]
    for k in extra_keys:
        columns.setdefault(k, [text(a.extra.get(k)) for a in answers])
    frame = pd.DataFrame({k: pd.Series(v, dtype=object) for k, v in columns.items()})
    roles = {"sample_id": id_col, "model": model_col, "answer": answer_cols[chosen],
             "reference": fields.get("reference", REFERENCE), "source": fields.get("source", SOURCE)}
    if not any(a.source for a in answers):
        roles.pop("source")
    return ParsedTable(frame, [a.row for a in answers], fmt, "", list(warnings or []), roles=roles,
                       answer_choices=tuple(answer_cols[c] for c in choices), model_from=model_from, task=task)


def _answer_column(choice: str, fields: dict[str, str]) -> str:
    return fields.get("answer", "answer") if choice == "answer" else choice


_UUID_RE = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", re.IGNORECASE)


def looks_like_uuid(value: str) -> bool:
    return bool(_UUID_RE.match(value.strip()))
