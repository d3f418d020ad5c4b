"""OpenAI evals record logs (`oaieval … --record_path`, default /tmp/evallogs/<run_id>_<model>_<eval>.jsonl).

From evals/record.py (LocalRecorder) and evals/api.py: the first line is {"spec": {"completion_fns",
"eval_name", "split", "run_id", …}}, then one event per line {"run_id", "event_id", "sample_id",
"type", "data", "created_by", "created_at"}, and a {"final_report": {…}} line at the end. A
`sampling` event holds {"prompt", "sampled"}; a `match` event {"correct", "expected", "picked",
"sampled", "options"} — its `sampled` is the model's answer and `expected` the reference (a list
when several are accepted). The spec and report lines are not samples.
"""
from __future__ import annotations

from typing import Any

from lib.load.dataset import LoadError
from lib.load.frameworks.common import Answer, chat_text, first_text, framework_table, reference_list, text
from lib.load.table import ParsedTable, Source

FORMAT = "openai-evals"
FIELDS = {"sample_id": "sample_id", "model": "spec.completion_fns", "answer": "sampled", "reference": "expected", "source": "prompt"}


def is_record_log(records: list) -> bool:
    head = [r for r in records[:5] if isinstance(r, dict)]
    return bool(head) and (isinstance(head[0].get("spec"), dict) and "eval_name" in head[0]["spec"]
                           or all({"run_id", "event_id", "type", "data"} <= set(r) for r in head))


def read(records: list, source: Source, lines: list[int]) -> ParsedTable:
    spec = next((r["spec"] for r in records if isinstance(r, dict) and isinstance(r.get("spec"), dict)), {})
    fns = spec.get("completion_fns") or []
    model = source.options.model_name or (text(fns[0]) if fns else "") or "model"
    by_sample: dict[str, dict] = {}
    for r, ln in zip(records, lines):
        if not isinstance(r, dict) or "type" not in r or not r.get("sample_id"):
            continue
        data = r.get("data") if isinstance(r.get("data"), dict) else {}
        entry = by_sample.setdefault(text(r["sample_id"]), {"row": ln})
        if r["type"] == "sampling":
            entry.setdefault("prompt", data.get("prompt"))
            entry.setdefault("sampled", data.get("sampled"))
        elif r["type"] == "match":
            entry["match"] = data
    answers = []
    for sid, e in by_sample.items():
        match = e.get("match")
        if match is None:
            continue  # a sampling without a verdict (model-graded evals log more than one per sample)
        sampled = match.get("sampled", e.get("sampled"))
        answers.append(Answer(sid, model, {"answer": first_text(sampled)}, reference_list(match.get("expected")),
                              _prompt(e.get("prompt")), e["row"], extra={"correct": match.get("correct"),
                                                                         "picked": text(match.get("picked"))}))
    if not answers:
        raise LoadError(f"{source.name}: an OpenAI evals record log with no match events, so no answer has a "
                        "reference (a model-graded eval records its verdicts as other events; its samples "
                        "have no expected answer to compare with).")
    task = text(spec.get("eval_name"))
    return framework_table(answers, source, FORMAT, fields=FIELDS, model_from="log", task=task,
                           no_reference="its match events record no expected answer")


def _prompt(prompt: Any) -> str:
    return chat_text(prompt) if isinstance(prompt, list) else text(prompt)


def is_batch_output(records: list) -> bool:
    """An OpenAI Batch API output file: {"id", "custom_id", "response": {"status_code", "body"}, "error"}."""
    head = [r for r in records[:20] if isinstance(r, dict)]
    return bool(head) and all("custom_id" in r and isinstance(r.get("response"), dict) and "body" in r["response"]
                              for r in head)


def refuse_batch_output(source: Source) -> None:
    raise LoadError(f"{source.name}: an OpenAI Batch output file: it holds the model's answers "
                    "(response.body.choices[0].message.content, by custom_id) but no references. Put the answers in a "
                    "table with a reference column (custom_id, answer, reference), or use an eval framework's log.")
