"""A tiny run of the benchmark end to end (the real one is `make bench`), and the generator."""
import json
import subprocess
import sys
from pathlib import Path

from bench.generate import generate

ROOT = Path(__file__).resolve().parent.parent


def test_quick_benchmark_writes_every_metric(tmp_path):
    out = tmp_path / "bench.json"
    done = subprocess.run([sys.executable, "-m", "bench", "--quick", "--json", str(out), "--workdir", str(tmp_path)],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads(out.read_text())["quick"]
    for key in ("load_s", "analysis_answers_per_s", "pure_dmp_answers_per_s", "fast_dmp_answers_per_s",
                "analysis_vs_pure_dmp", "cli_analyze_json_s", "cli_vs_pure_dmp", "per_core_vs_cpp_cost",
                "first_diff_cold_s", "first_diff_after_read_s", "diffs_page_ms", "categories_page_ms",
                "peak_rss_mb", "reopen_from_disk_cache_s", "cli_reopen_s"):
        assert result[key] > 0, key
    assert result["answers"] == 200 and result["pairs_timed_one_by_one"] == 200
    for costs in ("ours_per_pair", "pure_dmp_per_pair", "cpp_per_pair"):
        p = result[costs]
        assert 0 < p["p50_us"] <= p["p90_us"] <= p["p99_us"] <= p["max_us"], costs
    assert result["load_average"]


def test_near_workload_is_the_reference_with_a_few_edits():
    frame = generate(60, 16, seed=3, workload="near")
    exact = (frame["answer"] == frame["reference"]).mean()
    assert 0.16 <= exact <= 0.25
    lengths = frame.drop_duplicates("sample_id")["reference"].str.len()
    assert lengths.max() <= 3_100 and lengths.quantile(0.1) >= 60
    from difflib import SequenceMatcher
    changed = [1 - SequenceMatcher(None, r, a, autojunk=False).ratio()
               for r, a in zip(frame["reference"][:300], frame["answer"][:300])]
    assert sorted(changed)[len(changed) // 2] < 0.02  # the median answer differs in a few characters


def test_generator_is_reproducible_and_realistic():
    a, b = generate(30, 8, seed=3), generate(30, 8, seed=3)
    assert a.equals(b) and not a.equals(generate(30, 8, seed=4))
    exact = (a["answer"] == a["reference"]).mean()
    assert 0.1 <= exact <= 0.35
    lengths = a.drop_duplicates("sample_id")["reference"].str.len()
    assert lengths.median() > 400


def test_gec_scoring_writes_predictions_from_the_cli_and_scores_them(tmp_path):
    """bench/gec.py end to end on three pairs written here, in the JFLEG file's shape."""
    import pytest

    from bench.gec import GEC

    if not (GEC / "score.py").exists():
        pytest.skip(f"{GEC / 'score.py'} (shared/gec beside the repository) is not on this machine")
    rows = [("He want a car.", "He wants a car.", "R:VERB:SVA", (3, 7), (3, 8)),
            ("We study the models.", "We study models.", "U:DET", (9, 12), (9, 9)),
            ("It rains today", "It rains today.", "M:PUNCT", (14, 14), (14, 15))]
    pairs = tmp_path / "pairs.jsonl"
    with pairs.open("w", encoding="utf-8") as f:
        for n, (answer, reference, code, a, r) in enumerate(rows, 1):
            edit = {"code": code, "answer": list(a), "reference": list(r),
                    "answer_text": answer[slice(*a)], "reference_text": reference[slice(*r)]}
            f.write(json.dumps({"id": f"test-{n:03d}", "answer": answer, "reference": reference, "errant": [edit]}) + "\n")
    predictions = tmp_path / "pred.jsonl"
    done = subprocess.run([sys.executable, "-m", "bench.gec", "--pairs", str(pairs), "-o", str(predictions)],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    every_pair = done.stdout.split("== even pairs ==")[0]
    assert "span F1 100.0%, type agreement 100.0%" in every_pair and "pairs per CPU second" in done.stdout
    first = json.loads(predictions.read_text(encoding="utf-8").splitlines()[0])
    assert first == {"id": "test-001", "edits": [{"code": "R:VERB:SVA", "answer": [3, 7], "reference": [3, 8]}]}
