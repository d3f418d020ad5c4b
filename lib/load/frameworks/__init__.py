"""Outputs of evaluation frameworks, recognised by content and read the way each framework wrote them.

One module per framework (inspect_ai, lm_eval, promptfoo, lighteval, helm, opencompass, deepeval,
openai_evals), each with its writer's schema in its docstring. The functions here are the
dispatch the generic readers call before treating a file as a plain table: a framework's file
read as a plain table is silently wrong (an Inspect log's `output.model` taken as the answer).
"""
from __future__ import annotations

from typing import Any

import pandas as pd

from lib.load.dataset import LoadError
from lib.load.frameworks import deepeval, helm, inspect_ai, lighteval, lm_eval, openai_evals, opencompass, promptfoo
from lib.load.table import ParsedTable, Source

# What the Load page calls each format.
TITLES = {
    inspect_ai.FORMAT: "Inspect AI eval log", lm_eval.FORMAT: "lm-evaluation-harness samples",
    promptfoo.FORMAT: "promptfoo results", lighteval.FORMAT: "lighteval details", helm.FORMAT: "HELM run",
    opencompass.FORMAT: "OpenCompass output", deepeval.FORMAT: "DeepEval test run",
    openai_evals.FORMAT: "OpenAI evals record log",
}


def from_json(obj: Any, source: Source) -> ParsedTable | None:
    """A whole-file JSON value that is a framework's output, read; None for any other JSON."""
    if inspect_ai.is_log(obj):
        return inspect_ai.read_log(obj, source)
    if deepeval.is_test_run(obj):
        return deepeval.read(obj, source)
    if promptfoo.is_results_file(obj):
        return promptfoo.read_json(obj, source)
    if helm.is_scenario_state(obj):
        return helm.read_scenario_state(obj, source)
    if helm.is_display_predictions(obj):
        return helm.read_display(obj, None, source)
    if helm.is_instances(obj):
        raise LoadError(f"{source.name}: HELM instances hold the references but no answers; load it together "
                        f"with the run folder's {helm.PREDICTIONS} (several files at once, or a .zip of the folder).")
    if opencompass.is_results(obj):
        return opencompass.read_results(obj, source)
    if opencompass.is_predictions(obj):
        return opencompass.read_predictions(obj, source)
    if isinstance(obj, list) and lm_eval.is_samples(obj):
        return lm_eval.read(obj, source, list(range(1, len(obj) + 1)))
    if isinstance(obj, list) and promptfoo.is_results_lines(obj):
        return promptfoo.read_results(obj, source, list(range(1, len(obj) + 1)))
    return None


def from_records(records: list, source: Source, lines: list[int]) -> ParsedTable | None:
    """JSON lines that are a framework's output, read; None for any other JSONL."""
    if openai_evals.is_record_log(records):
        return openai_evals.read(records, source, lines)
    if openai_evals.is_batch_output(records):
        openai_evals.refuse_batch_output(source)
    if promptfoo.is_results_lines(records):
        return promptfoo.read_results(records, source, lines)
    if lm_eval.is_samples(records):
        return lm_eval.read(records, source, lines)
    return None


def from_parquet(frame: pd.DataFrame, source: Source) -> ParsedTable | None:
    if lighteval.is_details([str(c) for c in frame.columns]):
        return lighteval.read(frame, source)
    return None


def from_csv(table: ParsedTable, source: Source) -> ParsedTable | None:
    if promptfoo.is_csv([str(c) for c in table.frame.columns]):
        return promptfoo.read_csv(table, source)
    return None
