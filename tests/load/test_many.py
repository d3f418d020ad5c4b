"""Several files, a zip of a results folder, folders: one dataset, each file's model its own."""
from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile

import pytest

from lib.load import load_bytes
from lib.load.dataset import LoadError
from lib.load.many import InputFile, files_in, load_many
from tests.conftest import FIXTURES, ROOT

FW = FIXTURES / "frameworks"
INSPECT = [FW / "inspect" / "capitals_model-a.eval", FW / "inspect" / "capitals_model-b.eval"]


def zipped(paths, root=FW) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        for p in paths:
            z.write(p, p.relative_to(root).as_posix())
    return buffer.getvalue()


def test_two_inspect_logs_are_one_dataset_with_both_models_on_the_same_samples():
    ds = load_many(files_in(INSPECT))
    assert ds.report.models == ("mockllm/model-a", "mockllm/model-b")
    assert ds.report.samples == 3 and ds.report.rows == 6 and set(ds.frame["run"]) == {1}
    assert [f.format for f in ds.report.files] == ["Inspect AI eval log"] * 2


def test_a_zip_of_a_results_folder_loads_as_one_dataset_with_models_from_its_folders():
    paths = sorted((FW / "lm-eval" / "new").rglob("*.jsonl"))
    ds = load_bytes(zipped(paths), "lm-eval-results.zip")
    assert ds.report.format == "several" and ds.report.models == ("model-x", "model-y")
    assert ds.report.samples == 3 and len(ds.report.files) == 2


def test_a_bad_file_is_named_and_skipped_and_the_others_load():
    files = files_in(INSPECT) + [InputFile("broken.json", b"{not json", None)]
    ds = load_many(files)
    assert ds.report.rows == 6
    bad = next(f for f in ds.report.files if f.name == "broken.json")
    assert bad.error.startswith("broken.json") and any("broken.json" in w.message for w in ds.report.warnings)


def test_no_file_loading_is_one_error_naming_each_file():
    with pytest.raises(LoadError) as err:
        load_many([InputFile("a.json", b"{x", None), InputFile("b.csv", b"", None)])
    assert "a.json" in str(err.value) and "b.csv" in str(err.value)


def test_the_same_model_name_in_two_files_on_the_same_samples_gets_each_files_label():
    a = INSPECT[0].read_bytes()
    ds = load_many([InputFile("run1/capitals.eval", a, None), InputFile("run2/capitals_again.eval", a, None)])
    assert set(ds.report.models) == {"mockllm/model-a (capitals)", "mockllm/model-a (capitals_again)"}


def test_one_model_over_two_tasks_keeps_one_label_and_task_qualified_sample_ids():
    gsm = next((FW / "lm-eval" / "new" / "model-x").glob("*.jsonl"))
    other = gsm.read_text(encoding="utf-8").replace('"doc_id": 2', '"doc_id": 9')
    files = [InputFile("model-x/" + gsm.name, gsm.read_bytes(), None),
             InputFile("model-x/samples_arith_2024-11-05T10-11-12.jsonl", other.encode(), None)]
    ds = load_many(files)
    assert ds.report.models == ("model-x",)
    assert {"gsm8k/0", "arith/0", "arith/9"} <= set(ds.frame["sample_id"]) and set(ds.frame["run"]) == {1}


def test_an_opencompass_work_dir_reads_each_models_answers_once():
    ds = load_many(files_in([FW / "opencompass"]))
    assert ds.report.models == ("internlm2-7b", "qwen2-7b") and ds.report.rows == 4


def test_mixed_frameworks_load_side_by_side():
    ds = load_many(files_in([FW / "deepeval" / "test_run_20261202_141710.json", FW / "promptfoo" / "results.json"]))
    assert set(ds.report.models) == {"gpt-4o-mini", "alpha-model", "beta-model"}


def test_cli_info_takes_several_files_and_folders():
    out = subprocess.run([sys.executable, "-m", "lib", "info", str(INSPECT[0]), str(FW / "lm-eval" / "new"), "--json"],
                         cwd=ROOT, capture_output=True, text=True, check=True)
    info = json.loads(out.stdout)
    assert info["format"] == "several" and info["models"] == ["mockllm/model-a", "model-x", "model-y"]
    assert [f["name"] for f in info["files"]][0].endswith("capitals_model-a.eval")


def test_cli_analyze_of_two_framework_files_gives_both_models_answers():
    out = subprocess.run([sys.executable, "-m", "lib", "analyze", *map(str, INSPECT), "--json"],
                         cwd=ROOT, capture_output=True, text=True, check=True)
    records = json.loads(out.stdout)
    answers = {(r["model"], r["sample_id"]): r for r in records}
    assert len(records) == 6 and answers[("mockllm/model-b", "q2")]["similarity"] < 0.5
