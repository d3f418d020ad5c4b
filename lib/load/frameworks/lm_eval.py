"""lm-evaluation-harness `--log_samples` output.

From lm_eval/evaluator.py and lm_eval/loggers/evaluation_tracker.py (v0.4.3 on): the folder
`<output_path>/<model name, "/" → "__">/` holds `samples_<task>_<date>.jsonl` with one line per
document **per filter**: {"doc_id", "doc", "target", "arguments": {"gen_args_0": {"arg_0": prompt,
"arg_1": …}}, "resps": [[full generation]], "filtered_resps": [that filter's answer], "filter",
…metrics}. A filter is another reading of the same generation (gsm8k's "strict-match" takes
"72" out of a worked solution), not another run, so the lines of one document become one answer
with a choice of text. v0.4.0–0.4.2 wrote a JSON array (indented) into
`<model_args>_<task>.jsonl`, arguments as [[prompt, kwargs]] and no "filter" key: there the
filters are the repeated lines of a document, in order.
Multiple-choice tasks log log-likelihoods per choice: the answer is the choice with the highest
one and the reference the choice the target points at.
"""
from __future__ import annotations

import re
import statistics
from pathlib import PurePath
from typing import Any

from lib.load.dataset import LoadWarning
from lib.load.frameworks.common import Answer, first_text, framework_table, model_from_path, text, unnamed_model
from lib.load.table import ParsedTable, Source

FORMAT = "lm-eval-harness"
FULL = "resps (full generation)"
FIELDS = {"sample_id": "doc_id", "reference": "target", "source": "arguments (prompt)"}
_SAMPLES_RE = re.compile(r"^samples_(?P<task>.+?)(?:_(?P<date>\d{4}-\d{2}-\d{2}T[\d\-.]+))?$")


def is_samples(records: list) -> bool:
    head = [r for r in records[:20] if isinstance(r, dict)]
    return bool(head) and all("doc_id" in r and "target" in r and ("filtered_resps" in r or "resps" in r)
                              for r in head)


def read(records: list, source: Source, lines: list[int]) -> ParsedTable:
    warnings = [LoadWarning(ln, f"a JSON {type(r).__name__}, not a sample record; skipped.")
                for r, ln in zip(records, lines) if not isinstance(r, dict)]
    kept = [(r, ln) for r, ln in zip(records, lines) if isinstance(r, dict)]
    model, model_from, task = _model_and_task(source)
    if not model:
        model, note = unnamed_model(FORMAT)
        warnings.append(note)
    docs: dict[str, dict] = {}
    for r, ln in kept:
        doc_id = text(r.get("doc_id"))
        entry = docs.setdefault(doc_id, {"record": r, "row": ln, "filters": {}})
        name = r.get("filter")
        name = f"filter {name}" if name else f"filter {len(entry['filters']) + 1}"
        entry["filters"][name] = _answer(r, r.get("filtered_resps"))
    answers = []
    for doc_id, entry in docs.items():
        r = entry["record"]
        choices = {FULL: _answer(r, r.get("resps")), **entry["filters"]}
        answers.append(Answer(doc_id, model, choices, [_target(r)], _prompt(r.get("arguments")), entry["row"]))
    _drop_copies(answers)
    default = _default_choice(answers)
    return framework_table(answers, source, FORMAT, fields=FIELDS, warnings=warnings, default_answer=default,
                           model_from=model_from, task=task, no_reference="every line's target is empty")


def _model_and_task(source: Source) -> tuple[str, str, str]:
    stem = PurePath(source.name).stem
    m = _SAMPLES_RE.match(stem)
    if m:
        model = model_from_path(source, FORMAT)
        return model, ("folder" if model else "none"), m.group("task")
    # v0.4.0–0.4.2: "<model_args, "/" and "=" written as "__">_<task>"; the model is the pretrained=
    # value and the task follows the first single "_" of the last argument (a guess: both may hold "_").
    head, *rest = stem.split(",")
    last = (rest[-1] if rest else head).replace("__", "\0")
    value, _, task = last.partition("_")
    if not rest:
        head = value.replace("\0", "__")
    model = head.removeprefix("pretrained__").replace("__", "/") or stem
    return model, "file name", task.replace("\0", "__")


def _answer(record: dict, resps: Any) -> str:
    """The text of a response; for log-likelihood responses, the continuation scored highest."""
    options = _continuations(record.get("arguments"))
    if options and isinstance(resps, list) and len(resps) == len(options):
        scores = [_loglikelihood(r) for r in resps]
        if all(s is not None for s in scores):
            return options[max(range(len(scores)), key=scores.__getitem__)]
    return first_text(resps)


def _loglikelihood(resp: Any) -> float | None:
    while isinstance(resp, (list, tuple)) and resp and isinstance(resp[0], (list, tuple)):
        resp = resp[0]
    value = resp[0] if isinstance(resp, (list, tuple)) and resp else resp
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _arguments(arguments: Any) -> list[list]:
    """Each request's arguments as a list, from the sanitized {"gen_args_i": {"arg_j"}} or the old list."""
    if isinstance(arguments, dict):
        return [list(v.values()) if isinstance(v, dict) else [v] for v in arguments.values()]
    if isinstance(arguments, list):
        return [list(a) if isinstance(a, (list, tuple)) else [a] for a in arguments]
    return []


def _continuations(arguments: Any) -> list[str]:
    """Multiple choice: every request is (context, continuation) with the continuation a string."""
    args = _arguments(arguments)
    if len(args) > 1 and all(len(a) == 2 and isinstance(a[1], str) for a in args):
        return [a[1].strip() for a in args]
    return []


def _prompt(arguments: Any) -> str:
    args = _arguments(arguments)
    return text(args[0][0]) if args and args[0] else ""


def _target(record: dict) -> str:
    target = text(record.get("target"))
    options = _continuations(record.get("arguments"))
    if options and target.strip().isdigit() and int(target) < len(options):
        return options[int(target)]
    return target


def _drop_copies(answers: list[Answer]) -> None:
    """A filter whose answer is the full generation for every document is no choice at all."""
    keys = [k for k in answers[0].answers if k != FULL] if answers else []
    for k in keys:
        if all(a.answers.get(k) == a.answers[FULL] for a in answers):
            for a in answers:
                a.answers.pop(k, None)


def _default_choice(answers: list[Answer]) -> str:
    """The first filter, unless it is a short extraction ("72") of answers whose target is long
    (a worked solution): then the extraction would be compared with the whole solution."""
    filters = [k for k in answers[0].answers if k != FULL] if answers else []
    if not filters:
        return FULL
    extracted = statistics.median(len(a.answers.get(filters[0], "")) for a in answers)
    target = statistics.median(len(a.references[0]) if a.references else 0 for a in answers)
    return FULL if extracted * 3 < target else filters[0]
