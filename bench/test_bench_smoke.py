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
                "analysis_vs_pure_dmp", "diffs_page_ms", "categories_page_ms", "peak_rss_mb",
                "reopen_from_disk_cache_s"):
        assert result[key] > 0, key
    assert result["answers"] == 200


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
