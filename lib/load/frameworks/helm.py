"""HELM run folders: `scenario_state.json`, or `display_predictions.json` with `instances.json`.

From src/helm/benchmark/runner.py and presentation/run_display.py: a run folder
`benchmark_output/runs/<suite>/<run spec name>/` (the name holds ":" "," "=", e.g.
"mmlu:subject=anatomy,model=openai_gpt2") has scenario_state.json = {"adapter_spec": {"model", …},
"request_states": [{"instance": {"id", "input": {"text"}, "references": [{"output": {"text"},
"tags": ["correct"]}]}, "train_trial_index", "output_mapping", "request": {"model", "prompt"},
"result": {"completions": [{"text"}]}}]}; the display files say the same per instance:
display_predictions.json [{"instance_id", "train_trial_index", "predicted_text", "mapped_output"}]
and instances.json [{"id", "input", "references"}]. One run folder is one set of answers.
"""
from __future__ import annotations

import re
from pathlib import PurePath
from typing import Any

from lib.load.dataset import LoadError
from lib.load.frameworks.common import Answer, framework_table, text
from lib.load.table import ParsedTable, Source

FORMAT = "helm"
FIELDS = {"sample_id": "instance.id", "model": "request.model", "answer": "result.completions[0].text", "reference": "references (correct)", "source": "instance.input.text"}
DISPLAY_FIELDS = {"sample_id": "instance_id", "answer": "predicted_text", "reference": "references (correct)", "source": "input.text"}
SCENARIO_STATE, PREDICTIONS, INSTANCES = "scenario_state.json", "display_predictions.json", "instances.json"


def is_scenario_state(obj: Any) -> bool:
    return isinstance(obj, dict) and isinstance(obj.get("request_states"), list) and "adapter_spec" in obj


def is_display_predictions(obj: Any) -> bool:
    return isinstance(obj, list) and bool(obj) and all(
        isinstance(r, dict) and "instance_id" in r and "predicted_text" in r for r in obj[:20])


def is_instances(obj: Any) -> bool:
    return isinstance(obj, list) and bool(obj) and all(
        isinstance(r, dict) and "input" in r and "references" in r and "id" in r for r in obj[:20])


def _correct(instance: dict) -> list[str]:
    refs = instance.get("references") if isinstance(instance.get("references"), list) else []
    return [text((r.get("output") or {}).get("text")) for r in refs
            if isinstance(r, dict) and "correct" in (r.get("tags") or [])]


def _sample_id(instance: dict, index: int) -> str:
    sid = text(instance.get("id")) or str(index)
    perturbation = instance.get("perturbation")
    if isinstance(perturbation, dict) and perturbation.get("name"):
        sid += f" ({perturbation['name']})"
    return sid


def model_from_run_folder(source: Source) -> str:
    """"mmlu:subject=anatomy,model=openai_gpt2" → "openai_gpt2" (HELM writes "/" as "_" there)."""
    folder = PurePath(source.path or source.name).parent.name
    m = re.search(r"(?:^|[:,])model=([^,]+)", folder)
    return m.group(1) if m else ""


def read_scenario_state(obj: dict, source: Source) -> ParsedTable:
    adapter = obj.get("adapter_spec") if isinstance(obj.get("adapter_spec"), dict) else {}
    default_model = text(adapter.get("model")) or model_from_run_folder(source) or "helm model"
    answers = []
    for i, state in enumerate(obj["request_states"], start=1):
        if not isinstance(state, dict):
            continue
        instance = state.get("instance") if isinstance(state.get("instance"), dict) else {}
        request = state.get("request") if isinstance(state.get("request"), dict) else {}
        result = state.get("result") if isinstance(state.get("result"), dict) else {}
        completions = result.get("completions") or []
        answer = text((completions[0] or {}).get("text")) if completions else ""
        mapping = state.get("output_mapping") if isinstance(state.get("output_mapping"), dict) else {}
        answer = mapping.get(answer.strip(), answer)  # multiple choice: the letter → the choice's text
        model = source.options.model_name or text(request.get("model")) or default_model
        answers.append(Answer(_sample_id(instance, i), model, {"answer": answer}, _correct(instance),
                              text((instance.get("input") or {}).get("text")), i,
                              extra={"train_trial": state.get("train_trial_index", 0),
                                     "split": text(instance.get("split"))}))
    return framework_table(answers, source, FORMAT, fields=FIELDS, model_from="log",
                           task=PurePath(source.path or source.name).parent.name,
                           no_reference="no reference is tagged correct (a scenario without gold answers)")


def read_display(predictions: list, instances: list | None, source: Source) -> ParsedTable:
    if instances is None:
        raise LoadError(f"{source.name}: HELM display predictions hold no references; load the run folder's "
                        f"{INSTANCES} with it (several files at once, or a .zip of the run folder), "
                        f"or its {SCENARIO_STATE}.")
    by_id = {text(i.get("id")): i for i in instances if isinstance(i, dict)}
    model = source.options.model_name or model_from_run_folder(source)
    if not model:
        raise LoadError(f"{source.name}: HELM display predictions do not name the model and the run folder "
                        "name (…,model=…) is not known; load the run folder as a .zip, or its scenario_state.json.")
    answers = []
    for i, p in enumerate(predictions, start=1):
        instance = by_id.get(text(p.get("instance_id")), {})
        answer = text(p.get("mapped_output")) or text(p.get("predicted_text"))
        answers.append(Answer(_sample_id({**instance, "id": p.get("instance_id"),
                                          "perturbation": p.get("perturbation")}, i),
                              model, {"answer": answer}, _correct(instance),
                              text((instance.get("input") or {}).get("text")), i,
                              extra={"train_trial": p.get("train_trial_index", 0)}))
    return framework_table(answers, source, FORMAT, fields=DISPLAY_FIELDS, model_from="folder",
                           task=PurePath(source.path or source.name).parent.name,
                           no_reference="no instance has a reference tagged correct")
