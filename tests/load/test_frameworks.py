"""Exports of lm-evaluation-harness and OpenCompass, recognised by content; the model from the folder."""
from __future__ import annotations

import json

from lib.load.dataset import LoadOptions
from lib.load import load_bytes, load_path

from tests.conftest import FIXTURES as FIX
LM_EVAL = FIX / "lm-eval" / "Qwen2-7B" / "samples_gec_2024-06-01T10-00-00.jsonl"
OPENCOMPASS = FIX / "opencompass" / "predictions" / "internlm2-7b" / "gec.json"


def _lm_eval_record(doc_id: int, answer, target: str, arguments) -> dict:
    return {"doc_id": doc_id, "doc": {}, "target": target, "arguments": arguments,
            "resps": [[answer]], "filtered_resps": [answer]}


# ---- lm-evaluation-harness ---------------------------------------------------------------------

def test_lm_eval_samples_map_to_id_prompt_answer_and_target():
    ds = load_path(LM_EVAL)
    assert ds.report.format == "lm-eval-harness" and ds.report.shape == "long"
    assert ds.report.columns == {"sample_id": "doc_id", "model": "(folder)", "answer": "resps (full generation)",
                                 "reference": "target", "source": "arguments (prompt)"}
    row = ds.frame.iloc[1]
    assert (row["sample_id"], row["answer"], row["reference"], row["source"], row["row"]) == (
        "1", "Here is it: Their cat.", "Their cat.", "Correct: Thier cat.", 2)
    assert ds.has_source


def test_lm_eval_model_is_the_folder_name_unless_the_user_names_it():
    assert load_path(LM_EVAL).report.models == ("Qwen2-7B",)
    assert load_path(LM_EVAL, LoadOptions(model_name="qwen")).report.models == ("qwen",)


def test_lm_eval_upload_without_a_folder_says_the_model_is_unknown_instead_of_using_the_task_file_name():
    ds = load_bytes(LM_EVAL.read_bytes(), LM_EVAL.name)
    assert ds.report.models == ("lm-eval-harness model",) and ds.report.model_from == "none"
    assert any("does not name its model" in w.message for w in ds.report.warnings)


def test_lm_eval_nested_responses_and_list_arguments_are_flattened(tmp_path):
    records = [_lm_eval_record(0, ["We study models."], "We study models.", [["Fix: We studdy models.", {}]]),
               _lm_eval_record(1, "Their cat.", "Their cat.", [["Fix: Thier cat.", {}]])]
    folder = tmp_path / "llama-3-8b"
    folder.mkdir()
    path = folder / "samples_gec.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    ds = load_path(path)
    assert ds.report.models == ("llama-3-8b",)
    assert list(ds.frame["answer"]) == ["We study models.", "Their cat."]
    assert list(ds.frame["source"]) == ["Fix: We studdy models.", "Fix: Thier cat."]


def test_lm_eval_bad_line_is_skipped_and_rows_stay_on_their_lines():
    lines = LM_EVAL.read_text(encoding="utf-8").splitlines()
    data = "\n".join([lines[0], "{broken", lines[1]]).encode()
    ds = load_bytes(data, "samples_gec.jsonl")
    assert ds.report.format == "lm-eval-harness"
    assert list(ds.frame["row"]) == [1, 3] and [w.line for w in ds.report.warnings if w.line is not None] == [2]


# ---- OpenCompass -------------------------------------------------------------------------------

def test_opencompass_predictions_map_to_id_prompt_prediction_and_gold():
    ds = load_path(OPENCOMPASS)
    assert ds.report.format == "opencompass"
    assert list(ds.frame["sample_id"]) == ["0", "1"]
    assert list(ds.frame["answer"]) == ["We study models.", "Their cats."]
    assert list(ds.frame["reference"]) == ["We study models.", "Their cat."]


def test_opencompass_chat_prompt_list_is_joined_into_the_source():
    ds = load_path(OPENCOMPASS)
    assert list(ds.frame["source"]) == ["Correct: We studdy models.", "Correct: Thier cat."]


def test_opencompass_model_is_the_folder_under_predictions_unless_the_user_names_it():
    assert load_path(OPENCOMPASS).report.models == ("internlm2-7b",)
    assert load_path(OPENCOMPASS, LoadOptions(model_name="internlm")).report.models == ("internlm",)


def test_plain_json_records_are_not_mistaken_for_a_framework_export():
    ds = load_bytes(b'[{"doc_id": 1, "model": "m", "answer": "a", "reference": "b"}]', "plain.json")
    assert ds.report.format == "json" and ds.report.models == ("m",)
