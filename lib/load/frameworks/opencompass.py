"""OpenCompass predictions and results files.

From opencompass/openicl/icl_inferencer/icl_base_inferencer.py: `predictions/<model>/<dataset>.json`
is {"0": {"origin_prompt": text or a chat list of {"role", "prompt"}, "prediction": text, "gold":
text or a list (absent when the dataset has none)}, …}. From opencompass/tasks/openicl_eval.py:
`results/<model>/<dataset>.json` holds the scores and, with `dump_details`, "details": either
what the evaluator returned (a list of {"pred", "answer"|"answers", "correct"}) or
{"type": "GEN", "0": {"prompt", "origin_prediction", "predictions", "references", "correct"}, …}.
Neither file names the model inside: the folder does.
"""
from __future__ import annotations

from typing import Any

from lib.load.frameworks.common import (
    Answer, chat_text, framework_table, model_from_path, reference_list, text, unnamed_model,
)
from lib.load.table import ParsedTable, Source

FORMAT = "opencompass"
PREDICTION_FIELDS = {"sample_id": "key", "answer": "prediction", "reference": "gold", "source": "origin_prompt"}
RESULT_FIELDS = {"sample_id": "details key", "reference": "references", "source": "prompt"}
EXTRACTED, FULL = "predictions (extracted)", "origin_prediction"


def is_predictions(obj: Any) -> bool:
    if not isinstance(obj, dict) or not obj:
        return False
    values = list(obj.values())[:20]
    return all(isinstance(v, dict) and "prediction" in v for v in values)


def is_results(obj: Any) -> bool:
    details = obj.get("details") if isinstance(obj, dict) else None
    if isinstance(details, dict):
        details = [v for k, v in details.items() if k != "type"]
    return isinstance(details, list) and bool(details) and all(
        isinstance(d, dict) and ("pred" in d or "predictions" in d) for d in details[:20])


def _prompt(value: Any) -> str:
    return chat_text(value, roles=("human", "user", "system")) if isinstance(value, list) else text(value)


def _model(source: Source) -> tuple[str, list]:
    model = source.options.model_name or model_from_path(source, FORMAT)
    if model:
        return model, []
    model, note = unnamed_model(FORMAT)
    return model, [note]


def read_predictions(obj: dict, source: Source) -> ParsedTable:
    model, warnings = _model(source)
    answers = [Answer(str(k), model, {"answer": text(v.get("prediction"))},
                      reference_list(v.get("gold", v.get("reference"))), _prompt(v.get("origin_prompt")), i)
               for i, (k, v) in enumerate(obj.items(), start=1)]
    return framework_table(answers, source, FORMAT, fields=PREDICTION_FIELDS, model_from=_from(source, warnings),
                           warnings=warnings,
                           no_reference=("the dataset has no gold answers (no \"gold\" key); its results/ file "
                                         "written with dump_details holds the references"))


def read_results(obj: dict, source: Source) -> ParsedTable:
    model, warnings = _model(source)
    details = obj["details"]
    items = [(k, v) for k, v in details.items() if k != "type"] if isinstance(details, dict) \
        else list(enumerate(details))
    answers = []
    for i, (k, d) in enumerate(items, start=1):
        if "predictions" in d:  # formatted by openicl_eval.format_details
            choices = {EXTRACTED: text(d.get("predictions"))}
            if "origin_prediction" in d:
                choices[FULL] = text(d.get("origin_prediction"))
            refs, prompt = reference_list(d.get("references")), _prompt(d.get("prompt"))
        else:  # as the evaluator returned it
            choices = {EXTRACTED: text(d.get("pred"))}
            refs, prompt = reference_list(d.get("answers", d.get("answer"))), ""
        answers.append(Answer(str(k), model, choices, refs, prompt, i, extra={"correct": d.get("correct")}))
    return framework_table(answers, source, FORMAT, fields=RESULT_FIELDS, default_answer=EXTRACTED,
                           model_from=_from(source, warnings), warnings=warnings, no_reference="its details hold no references")


def _from(source: Source, warnings: list) -> str:
    return "folder" if model_from_path(source, FORMAT) else "none"
