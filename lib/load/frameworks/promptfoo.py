"""promptfoo eval outputs: `-o results.json`, `results.jsonl`, `results.csv`.

From src/util/output.ts and src/util/exportToFile / evalTableUtils (promptfoo 0.123): results.json is
{"evalId", "results": {"version", "prompts", "results": [EvalResult…], "stats"}, "config", …};
results.jsonl writes one EvalResult per line; an EvalResult is {"testIdx", "promptIdx",
"provider": {"id", "label"}, "prompt": {"raw", "label"}, "response": {"output", "error"}, "vars",
"testCase": {"vars", "assert": [{"type", "value"}]}, "success", "score", "id" (a UUID per result)}.
A test is a sample (its index, not the per-result UUID); each provider is a model (its label, else
its id). The reference is the test's `expected` var, else the value of its equality or similarity
assertion. results.csv is the results table: the vars, then per prompt × provider a
"[provider] prompt" column followed by Status, Score, Named Scores, Metric: …, Grader Reason, Comment.
"""
from __future__ import annotations

import re
from typing import Any

import pandas as pd

from lib.load.dataset import LoadError, LoadWarning
from lib.load.frameworks.common import Answer, framework_table, text
from lib.load.table import ParsedTable, Source

FORMAT = "promptfoo"
FIELDS = {"sample_id": "testIdx", "model": "provider.label", "answer": "response.output", "reference": "expected", "source": "prompt.raw"}
# Assertions whose value is the answer the output should be (or be close to).
REFERENCE_ASSERTIONS = ("equals", "similar", "levenshtein", "rouge-n", "bleu", "gleu", "meteor", "factuality")
_PROVIDER_COLUMN = re.compile(r"^\[(?P<provider>.+?)\] (?P<prompt>.*)$", re.DOTALL)
_CSV_FOLLOWERS = {"Status", "Score", "Named Scores", "Grader Reason", "Comment"}
_OLD_PREFIX = re.compile(r"^\[(?:PASS|FAIL|ERROR)\] ?")


def is_result(r: Any) -> bool:
    return isinstance(r, dict) and "testIdx" in r and "provider" in r and ("response" in r or "error" in r)


def is_results_file(obj: Any) -> bool:
    inner = obj.get("results") if isinstance(obj, dict) else None
    return isinstance(inner, dict) and isinstance(inner.get("results"), list) and bool(inner["results"]) \
        and all(is_result(r) for r in inner["results"][:20])


def is_results_lines(records: list) -> bool:
    head = [r for r in records[:20] if isinstance(r, dict)]
    return bool(head) and all(is_result(r) for r in head)


def read_json(obj: dict, source: Source) -> ParsedTable:
    return read_results(obj["results"]["results"], source, list(range(1, len(obj["results"]["results"]) + 1)))


def read_results(results: list, source: Source, lines: list[int]) -> ParsedTable:
    # promptIdx numbers prompt × provider pairs; the prompt itself is its label (the template).
    prompts = {text((r.get("prompt") or {}).get("label")) for r in results if isinstance(r, dict)}
    answers, warnings = [], []
    for r, ln in zip(results, lines):
        if not is_result(r):
            warnings.append(LoadWarning(ln, "not a promptfoo result (no testIdx/provider); skipped."))
            continue
        provider = r["provider"] if isinstance(r["provider"], dict) else {"id": r["provider"]}
        response = r.get("response") if isinstance(r.get("response"), dict) else {}
        output = response.get("output")
        if output is None and (response.get("error") or r.get("error")):
            warnings.append(LoadWarning(ln, f"the provider returned an error ({text(response.get('error') or r.get('error'))[:120]}); "
                                            "its answer is empty."))
        test = r.get("testCase") if isinstance(r.get("testCase"), dict) else {}
        variables = {**(test.get("vars") or {}), **(r.get("vars") or {})}
        prompt = r.get("prompt") if isinstance(r.get("prompt"), dict) else {}
        sample = str(r["testIdx"]) if len(prompts) <= 1 else f"{r['testIdx']} · {text(prompt.get('label'))}"
        answers.append(Answer(sample, text(provider.get("label") or provider.get("id")), {"answer": text(output)},
                              _reference(variables, test.get("assert")), text(prompt.get("raw")), ln,
                              extra={"success": r.get("success"), "score": r.get("score")}))
    return framework_table(answers, source, FORMAT, fields=FIELDS, warnings=warnings, model_from="log",
                           no_reference="no test has an `expected` var or an equals/similar assertion")


def _reference(variables: dict, asserts: Any) -> list[str]:
    if text(variables.get("expected")).strip():
        return [text(variables["expected"])]
    for a in asserts if isinstance(asserts, list) else []:
        if isinstance(a, dict) and a.get("type") in REFERENCE_ASSERTIONS and isinstance(a.get("value"), str):
            return [a["value"]]
    return []


def is_csv(headers: list[str]) -> bool:
    """A "[provider] prompt" column followed by its Status column."""
    return bool(_output_columns(headers))


def _output_columns(headers: list[str]) -> list[int]:
    # Every provider's block repeats "Status", made unique by the CSV reader as "Status (2)", ….
    return [i for i, h in enumerate(headers) if _PROVIDER_COLUMN.match(h)
            and i + 1 < len(headers) and re.match(r"^Status(?: \(\d+\))?$", headers[i + 1])]


def read_csv(table: ParsedTable, source: Source) -> ParsedTable:
    """The results table → one answer per test and provider (every provider column, not the first)."""
    frame = table.frame
    headers = [str(c) for c in frame.columns]
    outputs = _output_columns(headers)
    first = outputs[0]
    variables = [h for h in headers[:first] if h != "Description"]
    expected = next((h for h in variables if h.strip().lower() == "expected"), None)
    if expected is None:
        raise LoadError(f"{source.name}: a promptfoo results CSV with no `expected` column, so it holds no "
                        "reference answers; add an `expected` var to the tests, or export results.json "
                        "(promptfoo eval -o results.json), which keeps each test's assertions.")
    several_prompts = len({_PROVIDER_COLUMN.match(headers[i]).group("prompt") for i in outputs}) > 1
    answers = []
    for n, (row_no, row) in enumerate(zip(table.rows, frame.itertuples(index=False))):
        cells = [text(v) if not (isinstance(v, float) and pd.isna(v)) else "" for v in row]
        prompt_vars = " · ".join(f"{v}={cells[headers.index(v)]}" for v in variables if v != expected)
        for i in outputs:
            m = _PROVIDER_COLUMN.match(headers[i])
            sample = str(n) if not several_prompts else f"{n} · {m.group('prompt')}"
            answers.append(Answer(sample, m.group("provider"), {"answer": _OLD_PREFIX.sub("", cells[i])},
                                  [cells[headers.index(expected)]] if cells[headers.index(expected)].strip() else [],
                                  prompt_vars, row_no,
                                  extra={"status": cells[i + 1] if i + 1 < len(cells) else ""}))
    warnings = list(table.warnings)
    if any(not a.references for a in answers):
        warnings.append(LoadWarning(None, "tests without an `expected` var have no reference in the CSV; results.json "
                                          "(promptfoo eval -o results.json) also takes it from equals/similar assertions."))
    fields = {"sample_id": "(test row)", "model": "[provider] columns", "answer": "[provider] prompt", "reference": expected, "source": "vars"}
    return framework_table(answers, source, FORMAT, fields=fields, warnings=warnings, model_from="log",
                           no_reference="its `expected` column is empty in every row")
