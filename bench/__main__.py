"""The benchmark: `python -m bench [--quick] [--large] [--json OUT]` (or `make bench`).

Generates seeded tables (bench/generate.py) in two workloads, "near" (answers within a few edits
of the reference, what users load) and "mixed" (translations, rewrites, truncations), and
measures in one run, so that every figure has its yardsticks beside it:
- load, the whole analysis, and `python -m lib analyze FILE --json` end to end (its own process,
  disk cache off), as ratios to a pure-Python diff-match-patch pass (diff_main + cleanupSemantic)
  over the same pairs;
- one core, pair by pair: our analysis, pure-Python diff-match-patch and the bare C++ semantic
  diff on the same pairs, as totals and percentiles (an outlier-heavy yardstick cannot flatter a
  ratio that the medians contradict);
- a 50,000-character answer with three edits against a 500-character one with three edits;
- in the app (AppTest): time to the first diff, cold and once the file is read, the server time
  of a Diffs and a Categories interaction, reopening from the disk cache; peak memory.
Absolute seconds depend on the machine and its load (printed with the results); ratios do not.
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

from bench.app import first_diff, measure_pages  # noqa: E402
from bench.pairs import long_vs_short, per_pair, percentiles  # noqa: E402

# Issue 10's goals. "≥" ratios are ours / yardstick in speed (higher is better).
TARGETS = {
    "cli_vs_pure_dmp": (">=", 4.0),
    "per_core_vs_cpp_cost": ("<=", 3.0),
    "first_diff_after_read_s": ("<=", 1.0),
    "long_vs_short_cost": ("<=", 2.0),
    "diffs_page_ms": ("<=", 150.0),
    "categories_page_ms": ("<=", 150.0),
    "peak_rss_mb": ("<=", 1536.0),
}
# Which targets a table is judged by: the page targets at 32,000 answers, memory at 200,000.
APPLIES = {
    "near-32k": {"cli_vs_pure_dmp", "per_core_vs_cpp_cost", "first_diff_after_read_s", "long_vs_short_cost",
                 "diffs_page_ms", "categories_page_ms"},
    "mixed-32k": set(),
    "near-200k": {"first_diff_after_read_s", "peak_rss_mb"},
    "quick": set(),
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


def load_average() -> str:
    """The machine's load while measuring: on a shared machine it explains the seconds."""
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "unknown"


def timed(fn, runs: int):
    """(median seconds, result of the last run); the previous result is let go before each run."""
    times, result = [], None
    for _ in range(runs):
        result = None
        started = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times), result


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def data_file(workload: str, samples: int, models: int, workdir: Path) -> Path:
    from bench.generate import write_csv

    path = workdir / f"bench-{workload}-{samples}x{models}.csv"
    if not path.exists():
        write_csv(path, samples, models, workload=workload)
    return path


def run_cli(path: Path, cache: str) -> float:
    """Wall time of `python -m lib analyze FILE --json` in its own process (import, load, output)."""
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "lib", "analyze", str(path), "--json"], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL, env={**os.environ, "REDLINE_CACHE_DIR": cache})
    return time.perf_counter() - started


def run(workload: str, samples: int, models: int, runs: int, subset: int | None, app: bool, workdir: Path) -> dict:
    from lib.analysis import disk_cache
    from lib.analysis.dataset import analyze
    from lib.load import load_path

    os.environ["REDLINE_CACHE_DIR"] = str(workdir / f"cache-{time.time_ns()}")
    path = data_file(workload, samples, models, workdir)
    load_s, dataset = timed(lambda: load_path(path), runs)
    frame = dataset.frame
    analysis_s, analysis = timed(lambda: analyze(frame), runs)
    n = len(frame)
    pairs = list(zip(frame["reference"], frame["answer"]))
    if subset is not None and subset < n:
        pairs = random.Random(1).sample(pairs, subset)
    costs = per_pair(pairs)
    total = {k: sum(v) for k, v in costs.items()}
    pure_pass_s = total["pure_dmp"] * n / len(pairs)  # over every answer (extrapolated from a subset)
    cli_s = statistics.median(run_cli(path, "off") for _ in range(max(1, min(runs, 2))))
    result = {
        "workload": workload, "answers": n, "file_mb": round(path.stat().st_size / 1e6, 1),
        "exact_share": round(float((frame["answer"].str.strip() == frame["reference"].str.strip()).mean()), 3),
        "load_s": round(load_s, 3), "analysis_s": round(analysis_s, 3),
        "analysis_answers_per_s": round(n / analysis_s),
        "cli_analyze_json_s": round(cli_s, 3),
        "pure_dmp_pass_s": round(pure_pass_s, 3),
        "pure_dmp_answers_per_s": round(len(pairs) / total["pure_dmp"]),
        "fast_dmp_answers_per_s": round(len(pairs) / total["cpp"]),
        "cli_vs_pure_dmp": round(pure_pass_s / cli_s, 2),
        "analysis_vs_pure_dmp": round(pure_pass_s / analysis_s, 2),
        "per_core_answers_per_s": round(len(pairs) / total["ours"]),
        "per_core_vs_pure_dmp": round(total["pure_dmp"] / total["ours"], 2),
        "per_core_vs_cpp_cost": round(total["ours"] / total["cpp"], 2),
        "pairs_timed_one_by_one": len(pairs),
        "ours_per_pair": percentiles(costs["ours"]),
        "pure_dmp_per_pair": percentiles(costs["pure_dmp"]),
        "cpp_per_pair": percentiles(costs["cpp"]),
    }
    key = f"bench-reopen-{workload}"
    disk_cache.store(key, analysis)
    del analysis
    result["reopen_from_disk_cache_s"] = round(timed(lambda: disk_cache.load(key), runs)[0], 3)
    cache = workdir / f"cache-cli-{time.time_ns()}"
    run_cli(path, str(cache))
    result["cli_reopen_s"] = round(run_cli(path, str(cache)), 3)
    if app:
        result.update(first_diff(path))
        result["diffs_page_ms"], result["categories_page_ms"] = (round(v, 1) for v in measure_pages(max(runs, 5)))
    result["load_average"] = load_average()
    result["peak_rss_mb"] = round(peak_rss_mb())
    return result


def run_large(workdir: Path) -> dict:
    """200,000 answers in this (child) process: load, analysis, first diff, peak memory."""
    from lib.analysis.dataset import analyze
    from lib.load import load_path

    os.environ["REDLINE_CACHE_DIR"] = str(workdir / f"cache-{time.time_ns()}")
    path = data_file("near", 12_500, 16, workdir)
    load_s, dataset = timed(lambda: load_path(path), 1)
    n = len(dataset.frame)
    analysis_s, analysis = timed(lambda: analyze(dataset.frame), 1)
    del analysis, dataset
    result = {"workload": "near", "answers": n, "file_mb": round(path.stat().st_size / 1e6, 1),
              "load_s": round(load_s, 3), "analysis_s": round(analysis_s, 3),
              "analysis_answers_per_s": round(n / analysis_s)}
    result.update(first_diff(path))
    result["load_average"] = load_average()
    result["peak_rss_mb"] = round(peak_rss_mb())
    return result


def verdict(name: str, value: float, applies: set[str]) -> str:
    if name not in TARGETS or name not in applies:
        return ""
    op, target = TARGETS[name]
    ok = value >= target if op == ">=" else value <= target
    return f"{op} {target:g}: {'PASS' if ok else 'MISS'}"


def print_table(title: str, result: dict, applies: set[str], save=None) -> None:
    """Print one table; `save` writes the report so far (a long run stopped midway keeps its tables)."""
    if save is not None:
        save()
    print(f"\n{title}", flush=True)
    flat = {}
    for key, value in result.items():
        if isinstance(value, dict):
            flat[key] = "  ".join(f"{k[:-3]} {v:g}" for k, v in value.items()) + "  (µs)"
        else:
            flat[key] = value
    width = max(len(k) for k in flat)
    for key, value in flat.items():
        mark = verdict(key, value, applies) if isinstance(value, (int, float)) else ""
        print(f"  {key:<{width}}  {value!s:>12}  {mark}".rstrip())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a tiny run (smoke test): 200 answers, 1 run")
    parser.add_argument("--large", action="store_true", help="also 200,000 answers (own process)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", default=str(ROOT / "bench" / "results.json"))
    parser.add_argument("--workdir", default=str(Path(tempfile.gettempdir()) / "redline-bench"))
    parser.add_argument("--only-large", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--long-only", action="store_true",
                        help="only the long-against-short answer, updated in the existing JSON (seconds, not minutes)")
    args = parser.parse_args(argv)
    workdir = Path(args.workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    if args.long_only:
        path = Path(args.json)
        report = json.loads(path.read_text()) if path.exists() else {"machine": machine()}
        report["long_answer"] = {**long_vs_short(), "load_average": load_average()}
        print_table("one answer with three edits", report["long_answer"], APPLIES["near-32k"])
        path.write_text(json.dumps(report, indent=2, ensure_ascii=False))
        print(f"updated {path}")
        return 0
    if args.only_large:  # child process of --large: its peak memory is its own
        print(json.dumps(run_large(workdir)))
        return 0
    report = {"machine": machine(), "load_average_at_start": load_average(),
              "targets": {k: f"{op} {v:g}" for k, (op, v) in TARGETS.items()}}

    def save() -> None:
        Path(args.json).parent.mkdir(parents=True, exist_ok=True)
        Path(args.json).write_text(json.dumps(report, indent=2, ensure_ascii=False))
    if args.quick:
        report["quick"] = run("near", 25, 8, 1, None, True, workdir)
        print_table("quick (200 answers, near)", report["quick"], APPLIES["quick"], save)
    else:
        report["near-32k"] = run("near", 2000, 16, args.runs, None, True, workdir)
        print_table("near-reference, 32,000 answers (2,000 samples × 16 models)", report["near-32k"], APPLIES["near-32k"], save)
        report["mixed-32k"] = run("mixed", 2000, 16, 1, 2000, False, workdir)
        print_table("mixed, 32,000 answers (pairs one by one: a random 2,000)", report["mixed-32k"], APPLIES["mixed-32k"], save)
        report["long_answer"] = {**long_vs_short(), "load_average": load_average()}
        print_table("one answer with three edits", report["long_answer"], APPLIES["near-32k"])
    if args.large:
        done = subprocess.run([sys.executable, "-m", "bench", "--only-large", "--workdir", str(workdir)],
                              cwd=ROOT, capture_output=True, text=True, check=True)
        report["near-200k"] = json.loads(done.stdout.strip().splitlines()[-1])
        print_table("near-reference, 200,000 answers (12,500 samples × 16 models, own process)", report["near-200k"],
                    APPLIES["near-200k"], save)
    print("\ncli_vs_pure_dmp: a pure-Python diff-match-patch pass over every pair, divided by `python -m lib analyze"
          " FILE --json` end to end (own process, 2 workers, disk cache off). per_core_vs_cpp_cost: our one-core"
          " cost of the same pairs over the bare C++ semantic diff's. Mixed: pure-Python figures extrapolated"
          " from the 2,000 pairs timed one by one.")
    print(f"machine: {report['machine']}; load average at start {report['load_average_at_start']}")
    save()
    print(f"wrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
