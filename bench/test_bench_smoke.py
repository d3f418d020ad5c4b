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
