"""The benchmark: `python -m bench [--quick] [--large] [--json OUT]` (or `make bench`).

Generates the synthetic table (bench/generate.py), then measures, each the median of several
runs: load+parse of the CSV; full analysis (diff, metrics, categories) in answers/s; the same
pairs through plain diff-match-patch in pure Python and through the C++ port alone; the Diffs and
Categories pages' server time (AppTest, warm cache); peak memory. Prints a table, writes JSON.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TARGETS = {
    "analysis_vs_pure_dmp": (">=", 2.0),
    "load_and_analyse_s": ("<=", 5.0),
    "diffs_page_ms": ("<=", 150.0),
    "categories_page_ms": ("<=", 300.0),
    "peak_rss_mb": ("<=", 2048.0),
}


def machine() -> dict:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return {"cpu": cpu, "cores": os.cpu_count(), "ram_gb": round(mem, 1), "python": platform.python_version()}


def median_time(fn, runs: int) -> float:
    return timed(fn, runs)[0]


def timed(fn, runs: int):
    """(median seconds, result of the last run): the result is kept so that nothing is computed
    twice just to be used (which would also inflate the peak memory we report)."""
    times, result = [], None
    for _ in range(runs):
        result = None  # let the previous run's result go before the next one is built
        started = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times), result


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def data_file(samples: int, models: int, workdir: Path) -> Path:
    from bench.generate import write_csv

    path = workdir / f"bench-{samples}x{models}.csv"
    if not path.exists():
        write_csv(path, samples, models)
    return path


def measure_references(frame, subset: int) -> tuple[float, float]:
    """answers/s of pure-Python dmp (diff_main + cleanupSemantic) and of the C++ diff alone."""
    import diff_match_patch
    import fast_diff_match_patch

    rng = random.Random(1)
    idx = rng.sample(range(len(frame)), min(subset, len(frame)))
    pairs = [(frame["reference"].iat[i], frame["answer"].iat[i]) for i in idx]
    dmp = diff_match_patch.diff_match_patch()

    def pure():
        for a, b in pairs:
            d = dmp.diff_main(a, b)
            dmp.diff_cleanupSemantic(d)

    def fast():
        for a, b in pairs:
            fast_diff_match_patch.diff(a, b, cleanup="Semantic")

    return len(pairs) / median_time(pure, 1), len(pairs) / median_time(fast, 3)


def measure_pages(path: Path, runs: int) -> tuple[float, float]:
    """Median server time (ms) of a Diffs interaction (next sample) and a Categories one, warm."""
    os.environ["REDLINE_DATA"] = str(path)
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=600)
    at.run()  # loads and analyses (or reads the disk cache): the cold part, not timed here
    ids = list(at.selectbox(key="sample").options)[:runs + 1]
    times = []
    for i in range(runs):
        at.session_state["sample"] = ids[(i + 1) % len(ids)].split(" · ")[0]
        started = time.perf_counter()
        at.run()
        times.append(time.perf_counter() - started)
    diffs_ms = statistics.median(times) * 1000
    at.switch_page("pages/categories.py")
    at.run()
    times = []
    for i in range(runs):
        at.segmented_control(key="cat_measure").set_value("rate" if i % 2 == 0 else "count")
        started = time.perf_counter()
        at.run()
        times.append(time.perf_counter() - started)
    assert not at.exception, [e.value for e in at.exception]
    return diffs_ms, statistics.median(times) * 1000


def run(samples: int, models: int, runs: int, subset: int, pages: bool, workdir: Path) -> dict:
    from lib.analysis import disk_cache
    from lib.analysis.dataset import analyze
    from lib.load import load_path

    os.environ["REDLINE_CACHE_DIR"] = str(workdir / "cache")
    path = data_file(samples, models, workdir)
    load_s, dataset = timed(lambda: load_path(path), runs)
    frame = dataset.frame
    analyse_s, analysis = timed(lambda: analyze(frame), runs)
    pure, fast = measure_references(frame, subset)
    ours = len(frame) / analyse_s
    result = {
        "answers": len(frame), "file_mb": round(path.stat().st_size / 1e6, 1),
        "load_s": round(load_s, 3), "analysis_s": round(analyse_s, 3),
        "analysis_answers_per_s": round(ours), "pure_dmp_answers_per_s": round(pure),
        "fast_dmp_answers_per_s": round(fast),
        "analysis_vs_pure_dmp": round(ours / pure, 2), "analysis_vs_fast_dmp": round(ours / fast, 3),
        "load_and_analyse_s": round(load_s + analyse_s, 3),
    }
    key = "bench-reopen"
    disk_cache.store(key, analysis)
    del analysis
    result["reopen_from_disk_cache_s"] = round(median_time(lambda: disk_cache.load(key), runs), 3)
    if pages:
        result["diffs_page_ms"], result["categories_page_ms"] = (round(v, 1) for v in measure_pages(path, max(runs, 5)))
    result["peak_rss_mb"] = round(peak_rss_mb())
    return result


# Which targets apply to which table: the 5 s and page targets are for 32k answers, the memory
# target for 200k; a quick smoke run is judged against none of them.
APPLIES = {
    "32k": {"analysis_vs_pure_dmp", "load_and_analyse_s", "diffs_page_ms", "categories_page_ms"},
    "200k": {"analysis_vs_pure_dmp", "peak_rss_mb"},
    "quick": set(),
}


def verdict(name: str, value: float, applies: set[str]) -> str:
    if name not in TARGETS or name not in applies:
        return ""
    op, target = TARGETS[name]
    ok = value >= target if op == ">=" else value <= target
    return f"{op} {target:g}: {'PASS' if ok else 'MISS'}"


def print_table(title: str, result: dict, applies: set[str]) -> None:
    print(f"\n{title}")
    width = max(len(k) for k in result)
    for key, value in result.items():
        print(f"  {key:<{width}}  {value!s:>12}  {verdict(key, value, applies) if isinstance(value, (int, float)) else ''}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a tiny run (smoke test): 200 answers, 1 run")
    parser.add_argument("--large", action="store_true", help="also the 200,000-answer variant (own process)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", default=str(ROOT / "bench" / "results.json"))
    parser.add_argument("--workdir", default=str(Path(tempfile.gettempdir()) / "redline-bench"))
    parser.add_argument("--only-large", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    workdir = Path(args.workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    if args.only_large:  # child process of --large: its RSS is its own
        print(json.dumps(run(12_500, 16, 1, 500, False, workdir)))
        return 0
    report = {"machine": machine(), "targets": {k: f"{op} {v:g}" for k, (op, v) in TARGETS.items()}}
    if args.quick:
        report["quick"] = run(25, 8, 1, 100, True, workdir)
        print_table("quick (200 answers)", report["quick"], APPLIES["quick"])
    else:
        report["32k"] = run(2000, 16, args.runs, 2000, True, workdir)
        print_table("32,000 answers (2,000 samples × 16 models)", report["32k"], APPLIES["32k"])
    if args.large:
        done = subprocess.run([sys.executable, "-m", "bench", "--only-large", "--workdir", str(workdir)],
                              cwd=ROOT, capture_output=True, text=True, check=True)
        report["200k"] = json.loads(done.stdout.strip().splitlines()[-1])
        print_table("200,000 answers (12,500 samples × 16 models)", report["200k"], APPLIES["200k"])
    print("\npure_dmp_answers_per_s is measured on a fixed random subset of pairs (2,000; 500 at 200k) and"
          " extrapolated as a rate; everything else runs on all answers.")
    print(f"machine: {report['machine']}")
    Path(args.json).parent.mkdir(parents=True, exist_ok=True)
    Path(args.json).write_text(json.dumps(report, indent=2))
    print(f"wrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
