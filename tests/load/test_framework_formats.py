"""Each framework's output, as the framework writes it (tests/fixtures/README.md says how each was made)."""
from __future__ import annotations

import io
import json
import zipfile

import pytest

from lib.load import load_bytes, load_path
from lib.load.dataset import LoadError, LoadOptions
from tests.conftest import FIXTURES

FW = FIXTURES / "frameworks"
INSPECT_A, INSPECT_B = FW / "inspect" / "capitals_model-a.eval", FW / "inspect" / "capitals_model-b.eval"
INSPECT_JSON = FW / "inspect" / "capitals_model-a.json"
LM_EVAL_X = next((FW / "lm-eval" / "new" / "model-x").glob("samples_gsm8k_*.jsonl"))
LM_EVAL_OLD = next((FW / "lm-eval" / "old").glob("*.jsonl"))
HELM_RUN = FW / "helm" / "simple1:model=simple_model1"
OPENCOMPASS = FW / "opencompass" / "20241105_101112"


def by_id(ds) -> dict:
    return {r.sample_id: r for r in ds.frame.itertuples()}


# ---- Inspect AI ---------------------------------------------------------------------------------

def test_inspect_eval_log_answer_is_the_completion_not_the_model_name():
    ds = load_path(INSPECT_A)
    assert ds.report.format == "inspect-ai" and ds.report.framework == "Inspect AI eval log"
    assert ds.report.columns["answer"] == "output.completion"
    rows = by_id(ds)
    assert rows["q1"].answer == "The capital of France is Paris." and rows["q1"].reference == "Paris"
    assert rows["3"].source == "把“你好”翻译成英文。" and rows["3"].answer == "Hello"
    assert ds.report.models == ("mockllm/model-a",) and ds.report.task == "capitals"
    assert not any("same value" in w.message for w in ds.report.warnings)


def test_inspect_json_log_reads_the_same_samples_as_the_eval_log():
    a, b = load_path(INSPECT_A), load_path(INSPECT_JSON)
    assert b.report.format == "inspect-ai"
    assert sorted(zip(a.frame["sample_id"], a.frame["answer"])) == sorted(zip(b.frame["sample_id"], b.frame["answer"]))


def test_inspect_list_target_keeps_every_reference():
    row = by_id(load_path(INSPECT_A))["q2"]
    assert json.loads(row.all_references) == ["Jupiter", "the planet Jupiter"]


def test_inspect_eval_entries_are_zstd_and_the_older_deflate_logs_read_too(tmp_path):
    import zstandard

    source = zipfile.ZipFile(INSPECT_A)
    assert {i.compress_type for i in source.infolist()} == {93}  # as inspect-ai 0.3.285 writes them
    old = tmp_path / "old.eval"
    with zipfile.ZipFile(old, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            source.fp.seek(info.header_offset)
            local = source.fp.read(30)
            start = info.header_offset + 30 + int.from_bytes(local[26:28], "little") + int.from_bytes(local[28:30], "little")
            source.fp.seek(start)
            raw = zstandard.ZstdDecompressor().stream_reader(io.BytesIO(source.fp.read(info.compress_size)),
                                                              read_across_frames=True).read()
            out.writestr(info.filename, raw)
    assert sorted(load_path(old).frame["answer"]) == sorted(load_path(INSPECT_A).frame["answer"])


def test_a_damaged_eval_file_is_a_clear_error_not_an_xlsx_error():
    data = INSPECT_A.read_bytes()[:2000]
    with pytest.raises(LoadError) as err:
        load_bytes(data, "cut.eval")
    assert "cut.eval" in str(err.value) and "XLSX" not in str(err.value)


def test_inspect_log_without_samples_says_so():
    log = json.loads(INSPECT_JSON.read_text(encoding="utf-8"))
    log["samples"] = []
    with pytest.raises(LoadError, match="no samples"):
        load_bytes(json.dumps(log).encode(), "header_only.json")


# ---- lm-evaluation-harness ----------------------------------------------------------------------

def test_lm_eval_filters_are_answer_choices_of_one_document_not_runs():
    ds = load_path(LM_EVAL_X)
    assert ds.report.rows == 3 and ds.report.samples == 3 and set(ds.frame["run"]) == {1}
    assert ds.report.answer_choices == ("resps (full generation)", "filter strict-match", "filter flexible-extract")


def test_lm_eval_defaults_to_the_full_generation_when_the_filter_extracts_a_number_from_a_long_target():
    ds = load_path(LM_EVAL_X)
    assert ds.report.columns["answer"] == "resps (full generation)"
    assert by_id(ds)["1"].answer.startswith("6 boxes times 12 eggs")


def test_lm_eval_the_user_can_compare_one_filters_answer():
    ds = load_path(LM_EVAL_X, LoadOptions(roles=(("answer", "filter strict-match"),)))
    assert by_id(ds)["1"].answer == "72"


def test_lm_eval_model_is_the_folder_the_harness_named_after_it():
    assert load_path(LM_EVAL_X).report.models == ("model-x",)
    assert load_path(LM_EVAL_X).report.task == "gsm8k"


def test_lm_eval_0_4_0_json_array_layout_takes_the_model_from_the_file_name():
    ds = load_path(LM_EVAL_OLD)
    assert ds.report.format == "lm-eval-harness" and ds.report.models == ("EleutherAI/pythia-160m",)
    assert ds.report.rows == 3 and ds.report.answer_choices[1:] == ("filter 1", "filter 2")
    assert ds.report.model_from == "file name"


# ---- promptfoo ----------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["results.json", "results.jsonl", "results.csv"])
def test_promptfoo_every_provider_is_a_model_and_every_test_a_sample(name):
    ds = load_path(FW / "promptfoo" / name)
    assert ds.report.format == "promptfoo"
    assert ds.report.models == ("alpha-model", "beta-model") and ds.report.samples == 3 and ds.report.rows == 6
    france = ds.frame[ds.frame["sample_id"] == "0"].set_index("model_name")
    assert france.loc["beta-model", "answer"] == "Paris" and france.loc["beta-model", "reference"] == "Paris"


def test_promptfoo_reference_comes_from_an_equals_assertion_when_there_is_no_expected_var():
    ds = load_path(FW / "promptfoo" / "results.json")
    japan = ds.frame[ds.frame["sample_id"] == "1"]
    assert set(japan["reference"]) == {"Tokyo"}


def test_promptfoo_csv_without_expected_column_says_what_would_supply_a_reference():
    with pytest.raises(LoadError) as err:
        load_path(FW / "promptfoo" / "results_no_expected.csv")
    assert "no `expected` column" in str(err.value) and "results.json" in str(err.value)


# ---- lighteval ----------------------------------------------------------------------------------

def test_lighteval_nested_details_parquet_with_the_model_from_the_folders():
    path = next((FW / "lighteval" / "details" / "HuggingFaceTB").rglob("*.parquet"))
    ds = load_path(path)
    assert ds.report.format == "lighteval" and ds.report.models == ("HuggingFaceTB/SmolLM2-135M",)
    row = by_id(ds)["1"]
    assert (row.answer, row.reference, row.source) == ("北京", "北京", "Q: 中国的首都是哪里？\nA:")
    assert json.loads(row.all_references) == ["北京", "北京市"]


def test_lighteval_flat_details_of_0_10_and_before():
    path = next((FW / "lighteval" / "details" / "old-model").rglob("*.parquet"))
    ds = load_path(path)
    assert ds.report.models == ("old-model",) and list(ds.frame["answer"]) == ["Paris is the capital.", "北京"]


def test_lighteval_upload_without_folders_asks_for_the_model_name():
    path = next((FW / "lighteval" / "details" / "old-model").rglob("*.parquet"))
    ds = load_bytes(path.read_bytes(), path.name)
    assert ds.report.model_from == "none" and any("do not name the model" in w.message for w in ds.report.warnings)


# ---- HELM ---------------------------------------------------------------------------------------

def test_helm_scenario_state_answers_references_tagged_correct_and_sources():
    ds = load_path(HELM_RUN / "scenario_state.json")
    assert ds.report.format == "helm" and ds.report.models == ("simple/model1",)
    state = json.loads((HELM_RUN / "scenario_state.json").read_text(encoding="utf-8"))["request_states"][0]
    row = ds.frame.iloc[0]
    assert row["answer"] == state["result"]["completions"][0]["text"]
    assert row["reference"] == next(r["output"]["text"] for r in state["instance"]["references"] if "correct" in r["tags"])
    assert row["source"] == state["instance"]["input"]["text"] and row["sample_id"] == state["instance"]["id"]


def test_helm_run_folder_is_read_once_whichever_files_it_holds():
    from lib.load.many import files_in, load_many

    ds = load_many(files_in([HELM_RUN]))
    assert ds.report.rows == load_path(HELM_RUN / "scenario_state.json").report.rows
    assert any("read once" in w.message for w in ds.report.warnings)


def test_helm_display_files_join_predictions_with_instances_and_name_the_model_from_the_run_folder():
    from lib.load.many import InputFile, load_many

    files = [InputFile(f"run/simple1:model=simple_model1/{n}", (HELM_RUN / n).read_bytes(), None)
             for n in ("display_predictions.json", "instances.json")]
    ds = load_many(files)
    assert ds.report.models == ("simple_model1",) and ds.report.rows == 30
    assert (ds.frame["reference"] != "").all()


def test_helm_display_predictions_alone_say_what_is_missing():
    with pytest.raises(LoadError, match="instances.json"):
        load_bytes((HELM_RUN / "display_predictions.json").read_bytes(), "display_predictions.json")


# ---- OpenCompass --------------------------------------------------------------------------------

def test_opencompass_results_details_keep_the_gold_list_and_the_extracted_prediction():
    ds = load_path(OPENCOMPASS / "results" / "qwen2-7b" / "capitals.json")
    assert ds.report.format == "opencompass" and ds.report.models == ("qwen2-7b",)
    row = by_id(ds)["0"]
    assert row.answer == "Paris" and json.loads(row.all_references) == ["Paris", "Paris, France"]
    assert ds.report.answer_choices == ("predictions (extracted)", "origin_prediction")


def test_opencompass_predictions_with_a_gold_list_keep_every_reference():
    ds = load_path(OPENCOMPASS / "predictions" / "internlm2-7b" / "capitals.json")
    assert json.loads(by_id(ds)["1"].all_references) == ["北京", "北京市"] and by_id(ds)["1"].source == "Q: 中国的首都是哪里？\nA:"


def test_opencompass_predictions_without_gold_say_where_the_references_are():
    data = json.dumps({"0": {"origin_prompt": "Q", "prediction": "A"}}).encode()
    with pytest.raises(LoadError, match="dump_details"):
        load_bytes(data, "capitals.json")


# ---- DeepEval -----------------------------------------------------------------------------------

def test_deepeval_test_run_maps_actual_expected_and_input_with_the_model_from_hyperparameters():
    ds = load_path(next((FW / "deepeval").glob("test_run_*.json")))
    assert ds.report.format == "deepeval" and ds.report.models == ("gpt-4o-mini",)
    row = by_id(ds)["capital_fr"]
    assert (row.answer, row.reference, row.source) == ("Paris is the capital.", "Paris", "What is the capital of France?")


def test_deepeval_latest_test_run_wrapper_reads_the_same():
    ds = load_path(FW / "deepeval" / ".deepeval" / ".latest_test_run.json")
    assert ds.report.rows == 3 and ds.report.models == ("gpt-4o-mini",)


# ---- OpenAI evals -------------------------------------------------------------------------------

def test_openai_evals_spec_line_is_not_an_answer_and_match_events_are():
    ds = load_path(next((FW / "openai-evals").glob("*.jsonl")))
    assert ds.report.format == "openai-evals" and ds.report.models == ("gpt-3.5-turbo",)
    assert ds.report.rows == 3 and "capitals.dev.v0" not in set(ds.frame["answer"])
    row = by_id(ds)["capitals.dev.1"]
    assert row.answer == "Kyoto" and json.loads(row.all_references) == ["Tokyo", "Tōkyō"]
    assert row.source.endswith("What is the capital of Japan?")


# ---- several references -------------------------------------------------------------------------

def test_an_answer_is_compared_with_its_closest_reference_and_says_which():
    data = json.dumps({"0": {"origin_prompt": "Capital of France?", "prediction": "Paris, France.",
                             "gold": ["Paris", "Paris, France"]},
                       "1": {"origin_prompt": "Capital of Japan?", "prediction": "Tokyo", "gold": ["Tokyo", "Edo"]}})
    ds = load_bytes(data.encode(), "capitals.json")
    rows = by_id(ds)
    assert (rows["0"].reference, rows["0"].reference_choice) == ("Paris, France", "reference 2 of 2")
    assert (rows["1"].reference, rows["1"].reference_choice) == ("Tokyo", "reference 1 of 2")


def test_the_card_names_the_reference_it_was_compared_with_and_the_sample_lists_all():
    from lib.views.cards import render_sample

    data = json.dumps({"0": {"origin_prompt": "Q", "prediction": "Paris, France.", "gold": ["Paris", "Paris, France"]}})
    ds = load_bytes(data.encode(), "capitals.json")
    html = render_sample(ds, None, "0", None)
    assert "reference 2 of 2" in html and "2 accepted" in html and html.count("<li>") == 2


def test_inspect_epochs_of_a_sample_are_runs_of_the_model():
    log = json.loads(INSPECT_JSON.read_text(encoding="utf-8"))
    again = [dict(s, epoch=2, output={**s["output"], "completion": s["output"]["completion"] + "!"}) for s in log["samples"]]
    log["samples"] += again
    ds = load_bytes(json.dumps(log).encode(), "two_epochs.json")
    assert ds.report.samples == 3 and sorted(set(ds.frame["model"])) == ["mockllm/model-a", "mockllm/model-a #2"]


def test_openai_evals_log_without_match_events_says_it_has_no_references():
    lines = [json.loads(x) for x in next((FW / "openai-evals").glob("*.jsonl")).read_text(encoding="utf-8").splitlines()]
    kept = [x for x in lines if x.get("type") != "match"]
    with pytest.raises(LoadError, match="no match events"):
        load_bytes("\n".join(json.dumps(x) for x in kept).encode(), "model_graded.jsonl")


def test_a_long_table_with_unread_model_columns_says_so():
    csv = ("id,reference,answer,gpt-4o,claude-3\n" + "".join(
        f"{i},The cat sat {i}.,The cat sat {i}.,A cat sat {i}.,The cat sits {i}.\n" for i in range(5))).encode()
    ds = load_bytes(csv, "wide_read_long.csv")
    assert any("'gpt-4o', 'claude-3' look like more models' answers" in w.message for w in ds.report.warnings)


def test_cli_answer_picks_one_filter_of_lm_eval():
    import subprocess
    import sys

    from tests.conftest import ROOT

    out = subprocess.run([sys.executable, "-m", "lib", "info", str(LM_EVAL_X), "--answer", "filter strict-match", "--json"],
                         cwd=ROOT, capture_output=True, text=True, check=True)
    assert json.loads(out.stdout)["columns"]["answer"] == "filter strict-match"


def test_each_card_is_diffed_against_its_own_closest_reference():
    from lib.views.cards import render_sample

    data = json.dumps({"0": {"origin_prompt": "Q", "prediction": "Tokyo", "gold": ["Tokyo", "Tōkyō"]}}).encode()
    other = json.dumps({"0": {"origin_prompt": "Q", "prediction": "Tōkyō", "gold": ["Tokyo", "Tōkyō"]}}).encode()
    from lib.load.many import InputFile, load_many

    ds = load_many([InputFile("a/capitals.json", data, None), InputFile("b/capitals.json", other, None)])
    html = render_sample(ds, None, "0", None, view="inline")
    assert html.count("similarity 1.000") == 2 and "reference 2 of 2" in html and "reference 1 of 2" in html


def test_an_openai_batch_output_says_it_holds_no_references_and_what_would_supply_one():
    line = {"id": "batch_req_1", "custom_id": "q1", "error": None,
            "response": {"status_code": 200, "request_id": "r1",
                         "body": {"model": "gpt-4o-mini", "choices": [{"message": {"role": "assistant", "content": "Paris"}}]}}}
    with pytest.raises(LoadError) as err:
        load_bytes((json.dumps(line) + "\n" + json.dumps({**line, "custom_id": "q2"}) + "\n").encode(), "batch_output.jsonl")
    assert "Batch output" in str(err.value) and "no references" in str(err.value) and "reference column" in str(err.value)


def test_the_variants_view_says_when_answers_are_closest_to_different_references():
    from lib.load.many import InputFile, load_many
    from lib.views.cards import render_sample

    files = [InputFile(f"{m}/capitals.json", json.dumps({"0": {"origin_prompt": "Q", "prediction": p,
                                                                "gold": ["Tokyo", "Tōkyō"]}}).encode(), None)
             for m, p in (("a", "Tokyo"), ("b", "Tōkyō"))]
    html = render_sample(load_many(files), None, "0", None, view="variants")
    assert "closest to different ones" in html
