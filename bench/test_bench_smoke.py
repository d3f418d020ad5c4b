"""A tiny run of the benchmark end to end (the real one is `make bench`), and the generator."""
import json
import subprocess
import sys
from pathlib import Path

from bench.generate import generate

ROOT = Path(__file__).resolve().parent.parent

METRICS = ("answers", "load_s", "analysis_s", "analysis_answers_per_s", "pure_dmp_answers_per_s",
           "fast_dmp_answers_per_s", "analysis_vs_pure_dmp", "analysis_vs_fast_dmp", "load_and_analyse_s",
           "reopen_from_disk_cache_s", "diffs_page_ms", "categories_page_ms", "peak_rss_mb", "peak_tree_pss_mb",
           "app_process_peak_rss_mb")


def test_quick_benchmark_writes_every_metric(tmp_path):
    out = tmp_path / "bench.json"
    done = subprocess.run([sys.executable, "-m", "bench", "--quick", "--json", str(out), "--workdir", str(tmp_path)],
                          cwd=ROOT, capture_output=True, text=True, timeout=55)
    assert done.returncode == 0, done.stderr[-2000:]
    report = json.loads(out.read_text())
    result = report[report["main"]]
    for key in METRICS:
        value = result[key]
        assert isinstance(value, (int, float)) and value > 0, (key, value)
    assert result["answers"] == 200
    assert report["machine"]["cores"] >= 1 and report["machine"]["python"]
    for check in report["checks"][report["main"]].values():
        assert set(check) == {"value", "target", "pass"}
    assert "PASS" in done.stdout or "FAIL" in done.stdout  # the table was printed


def test_generator_is_reproducible_and_realistic():
    a, b = generate(60, 8, seed=3), generate(60, 8, seed=3)
    assert list(a.columns) == ["sample_id", "model", "answer", "reference"]
    assert len(a) == 60 * 8 and a["model"].nunique() == 8
    assert a.equals(b) and not a.equals(generate(60, 8, seed=4))
    exact = (a["answer"] == a["reference"]).mean()
    assert 0.12 <= exact <= 0.30, exact
    references = a.drop_duplicates("sample_id")["reference"]
    assert 500 <= references.str.len().median() <= 1500


def test_generator_mix_of_languages_and_edits():
    frame = generate(400, 4, seed=7)
    references = frame.drop_duplicates("sample_id")["reference"]
    chinese = references.str.contains("[\u4e00-\u9fff]").mean()
    assert 0.04 <= chinese <= 0.18, chinese  # ~10% Chinese or mixed
    answers = frame["answer"]
    assert answers.str.startswith(("Here is", "Sure!", "Corrected", "Certainly", "以下")).any()  # preambles
    assert answers.str.contains("—").any() and references.str.contains(" -- ").any()  # dash swaps
    assert references.str.contains('"').any() and references.str.contains(r"\d").any()  # quotes, numbers
    assert (answers.str.len() < frame["reference"].str.len() * 0.9).any()  # truncation / other language
