"""DeepEval test runs: `test_run_<date>.json` (DEEPEVAL_RESULTS_FOLDER) and `.deepeval/.latest_test_run.json`.

From deepeval/test_run/test_run.py and test_run/api.py: the TestRun model dumped by alias,
{"testFile", "testCases": [{"name", "input", "actualOutput", "expectedOutput", "context",
"retrievalContext", "success", "metricsData", "order", …}], "hyperparameters": {…}, …}; the
`.latest_test_run.json` file wraps it as {"testRunData": {…}}. The model is whatever the user passed
in hyperparameters ("model" by convention); without it, the file name.
"""
from __future__ import annotations

from pathlib import PurePath
from typing import Any

from lib.load.dataset import LoadWarning
from lib.load.frameworks.common import Answer, framework_table, reference_list, text
from lib.load.table import ParsedTable, Source

FORMAT = "deepeval"
FIELDS = {"sample_id": "name", "model": "hyperparameters.model", "answer": "actualOutput", "reference": "expectedOutput", "source": "input"}


def unwrap(obj: Any) -> Any:
    return obj.get("testRunData") if isinstance(obj, dict) and isinstance(obj.get("testRunData"), dict) else obj


def is_test_run(obj: Any) -> bool:
    obj = unwrap(obj)
    return isinstance(obj, dict) and isinstance(obj.get("testCases"), list) and (
        "testPassed" in obj or "metricsScores" in obj or "conversationalTestCases" in obj or "testFile" in obj)


def read(obj: dict, source: Source) -> ParsedTable:
    run = unwrap(obj)
    params = run.get("hyperparameters") if isinstance(run.get("hyperparameters"), dict) else {}
    model_key = next((k for k in params if k.lower() in ("model", "model_name", "llm")), None)
    model = source.options.model_name or (text(params[model_key]) if model_key else PurePath(source.name).stem)
    warnings = [] if model_key else [LoadWarning(None, "the test run names no model in its hyperparameters; "
                                                       "the file name is used (edit it on the Load page).")]
    answers = []
    for i, case in enumerate(run["testCases"], start=1):
        if not isinstance(case, dict):
            continue
        metrics = case.get("metricsData") if isinstance(case.get("metricsData"), list) else []
        answers.append(Answer(
            text(case.get("name")) or str(case.get("order", i)), model, {"answer": text(case.get("actualOutput"))},
            reference_list(case.get("expectedOutput")), text(case.get("input")), i,
            extra={"success": case.get("success"),
                   "metrics": ", ".join(f"{m.get('name')}={m.get('score')}" for m in metrics if isinstance(m, dict))},
        ))
    return framework_table(answers, source, FORMAT, fields=FIELDS, warnings=warnings,
                           model_from="log" if model_key else "file name",
                           no_reference="its test cases have no expected_output; set expected_output on each LLMTestCase")
