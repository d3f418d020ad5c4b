"""The benchmark: `python -m bench [--quick] [--large] [--answers N] [--runs K] [--json OUT]`.

Generates the synthetic table (bench/generate.py; cached in the work directory by its parameters),
then measures, each the median of K runs:
  1. load + parse of the CSV (lib.loaders.load_path) and
  2. the full analysis (lib.analysis.analyze), both in a fresh process per run, so no cache and no
     warm state carries over from one run to the next (the app's disk cache is not involved);
  3. reference A: pure-Python diff-match-patch (diff_main + diff_cleanupSemantic) on the same
     (reference, answer) character pairs, on a fixed random subset, rate extrapolated;
  4. reference B: fast_diff_match_patch.diff(a, b, cleanup="Semantic") alone, on every pair;
  5. the Diffs and Categories pages' server time with a warm cache (streamlit AppTest);
  6. peak memory: ru_maxrss of the load+analyse process, and the peak summed PSS of that process
     and its analysis workers (sampled every 100 ms).
--large adds the 200,000-answer variant (12,500 samples × 16 models) in its own process.
Prints a table and writes everything to JSON (default bench/results.json).
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
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

SEED = 7
MODELS = 16
LARGE_ANSWERS = 200_000
# Targets per section: (metric, op, value). The load+analyse and RSS targets are stated for 32,000
# and 200,000 answers respectively, so they are judged only there.
TARGETS = {
    "main": [("analysis_vs_pure_dmp", ">=", 2.0), ("load_and_analyse_s", "<=", 5.0),
             ("diffs_page_ms", "<=", 150.0), ("categories_page_ms", "<=", 300.0)],
    "large": [("peak_rss_mb", "<=", 2048.0), ("peak_tree_pss_mb", "<=", 2048.0)],
}
NOTES = {
    "answers": "rows in the long table",
    "file_mb": "CSV size",
    "load_s": "load_path, fresh process, median",
    "analysis_s": "analyze(), fresh process, median",
    "analysis_answers_per_s": "ours: full analysis",
    "pure_dmp_answers_per_s": "ref A: pure-Python dmp + cleanupSemantic",
    "fast_dmp_answers_per_s": "ref B: fast_diff_match_patch, Semantic",
    "analysis_vs_pure_dmp": "ours / ref A",
    "analysis_vs_fast_dmp": "ours / ref B",
    "load_and_analyse_s": "load_s + analysis_s",
    "reopen_from_disk_cache_s": "reading a stored analysis back",
    "diffs_page_ms": "AppTest rerun, next sample, warm",
    "categories_page_ms": "AppTest rerun, toggle measure, warm",
    "categories_first_ms": "first Categories run after switch",
    "peak_rss_mb": "ru_maxrss of the load+analyse process",
    "peak_tree_pss_mb": "same + analysis workers (sum of PSS)",
    "app_process_peak_rss_mb": "ru_maxrss of the AppTest/reference process",
    "analysis_processes": "most processes seen in the load+analyse tree",
}


# --------------------------------------------------------------------------------------------
# Machine, timing, memory

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
    return {"cpu": cpu, "cores": os.cpu_count(), "ram_gb": round(mem, 1), "python": platform.python_version(),
            "platform": platform.platform()}


def timed(fn, runs: int):
    """(median seconds, result of the last run)."""
    times, result = [], None
    for _ in range(max(1, runs)):
        result = None  # let the previous run's result go before the next one is built
        started = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times), result


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: kB


def _tree_pss_kb(root: int) -> tuple[int, int]:
    """(summed PSS, or RSS where smaps_rollup is unreadable, of `root` and all its descendants; how many)."""
    parents: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        parents.setdefault(ppid, []).append(int(entry))
    total, todo, count = 0, [root], 0
    while todo:
        pid = todo.pop()
        count += 1
        todo += parents.get(pid, [])
        for name, field in (("smaps_rollup", "Pss:"), ("status", "VmRSS:")):
            try:
                for line in Path(f"/proc/{pid}/{name}").read_text().splitlines():
                    if line.startswith(field):
                        total += int(line.split()[1])
                        break
                else:
                    continue
                break
            except OSError:
                continue
    return total, count


class TreeMemory:
    """Samples the summed memory of this process and its children (analysis workers) in a thread."""

    def __init__(self, interval: float = 0.1) -> None:
        self.peak_kb = 0
        self.max_processes = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, args=(interval,), daemon=True)

    def _loop(self, interval: float) -> None:
        while not self._stop.is_set():
            try:
                kb, count = _tree_pss_kb(os.getpid())
                self.peak_kb = max(self.peak_kb, kb)
                self.max_processes = max(self.max_processes, count)
            except Exception:  # /proc unavailable: leave the peak at what we have
                return
            self._stop.wait(interval)

    def __enter__(self) -> "TreeMemory":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()

    @property
    def peak_mb(self) -> float:
        return self.peak_kb / 1024


# --------------------------------------------------------------------------------------------
# Data

def data_file(samples: int, models: int, workdir: Path, seed: int = SEED) -> Path:
    """The generated CSV, written once per (samples, models, seed, generator version)."""
    from bench.generate import VERSION, write_csv

    path = workdir / f"bench-v{VERSION}-{samples}x{models}-seed{seed}.csv"
    if not path.exists():
        started = time.perf_counter()
        print(f"generating {samples:,} samples × {models} models → {path} …", flush=True)
        write_csv(path, samples, models, seed)
        print(f"  done in {time.perf_counter() - started:.1f} s", flush=True)
    return path


# --------------------------------------------------------------------------------------------
# 1+2. Load and analysis, one fresh process per run

def child_load_and_analyse(path: Path, reopen: bool) -> dict:
    """Runs inside a fresh process: time load_path and analyze once; report memory."""
    from lib.analysis import analyze
    from lib.loaders import load_path

    with TreeMemory() as tree:
        started = time.perf_counter()
        dataset = load_path(path)
        load_s = time.perf_counter() - started
        frame = dataset.frame
        started = time.perf_counter()
        analysis = analyze(frame)
        analysis_s = time.perf_counter() - started
    out = {"answers": len(frame), "load_s": load_s, "analysis_s": analysis_s,
           "peak_rss_mb": peak_rss_mb(), "peak_tree_pss_mb": max(tree.peak_mb, peak_rss_mb()),
           "processes": tree.max_processes}
    assert len(analysis) == len(frame), (len(analysis), len(frame))
    if reopen:
        from lib import disk_cache

        key = f"bench-reopen-{path.stem}"
        disk_cache.store(key, analysis)
        del analysis
        out["reopen_from_disk_cache_s"], back = timed(lambda: disk_cache.load(key), 3)
        assert back is not None, "disk cache did not return the stored analysis"
    return out


def load_and_analyse(path: Path, runs: int, workdir: Path) -> dict:
    """Median over `runs` fresh processes of load_s and analysis_s; the largest memory peaks."""
    results = []
    for i in range(max(1, runs)):
        cmd = [sys.executable, "-m", "bench", "--child", str(path), "--workdir", str(workdir)]
        if i == 0:
            cmd.append("--reopen")
        env = {**os.environ, "REDLINE_CACHE_DIR": str(workdir / "cache")}
        done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, env=env)
        if done.returncode != 0:
            raise RuntimeError(f"load+analyse child failed:\n{done.stderr[-3000:]}")
        results.append(json.loads(done.stdout.strip().splitlines()[-1]))
    out = {
        "answers": results[0]["answers"],
        "load_s": statistics.median(r["load_s"] for r in results),
        "analysis_s": statistics.median(r["analysis_s"] for r in results),
        "peak_rss_mb": max(r["peak_rss_mb"] for r in results),
        "peak_tree_pss_mb": max(r["peak_tree_pss_mb"] for r in results),
        "processes": max(r["processes"] for r in results),
    }
    if "reopen_from_disk_cache_s" in results[0]:
        out["reopen_from_disk_cache_s"] = results[0]["reopen_from_disk_cache_s"]
    return out


# --------------------------------------------------------------------------------------------
# 3+4. Reference diff throughput

def measure_references(frame, subset: int, runs: int) -> dict:
    """answers/s of pure-Python dmp (on a fixed random subset) and of the C++ port (every pair)."""
    import diff_match_patch
    import fast_diff_match_patch

    all_pairs = list(zip(frame["reference"].tolist(), frame["answer"].tolist()))
    rng = random.Random(1)
    pairs = [all_pairs[i] for i in sorted(rng.sample(range(len(all_pairs)), min(subset, len(all_pairs))))]
    dmp = diff_match_patch.diff_match_patch()  # default Diff_Timeout = 1 s, as a naive user would run it

    def pure():
        for a, b in pairs:
            d = dmp.diff_main(a, b)
            dmp.diff_cleanupSemantic(d)

    def fast():
        for a, b in all_pairs:
            fast_diff_match_patch.diff(a, b, cleanup="Semantic")

    pure_s, _ = timed(pure, runs)
    fast_s, _ = timed(fast, runs)
    return {"pure_dmp_answers_per_s": len(pairs) / pure_s, "pure_dmp_pairs_measured": len(pairs),
            "fast_dmp_answers_per_s": len(all_pairs) / fast_s, "fast_dmp_pairs_measured": len(all_pairs)}


# --------------------------------------------------------------------------------------------
# 5. Page server time

def measure_pages(path: Path, runs: int) -> dict:
    """Median server time (ms) of a Diffs interaction (another sample) and a Categories one, warm."""
    os.environ["REDLINE_DATA"] = str(path)
    from streamlit import logger as st_logger
    from streamlit.testing.v1 import AppTest

    st_logger.set_log_level("error")  # AppTest's "missing ScriptRunContext" warnings: noise in the table

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=900)
    at.run()  # loads and analyses the dataset: the cold part, not timed here
    assert not at.exception, [e.value for e in at.exception]
    ids = [str(o).split(" · ")[0] for o in at.selectbox(key="sample").options]
    if len(ids) < 2:
        raise RuntimeError(f"the app did not open {path} (sample ids: {ids[:5]})")
    at.session_state["sample"] = ids[1]
    at.run()  # one untimed rerun: anything built lazily on the first interaction
    times = []
    for i in range(runs):
        at.session_state["sample"] = ids[(i + 2) % len(ids)]  # a sample not shown before
        started = time.perf_counter()
        at.run()
        times.append(time.perf_counter() - started)
        assert not at.exception, [e.value for e in at.exception]
    out = {"diffs_page_ms": statistics.median(times) * 1000}
    at.switch_page("pages/categories.py")
    started = time.perf_counter()
    at.run()
    out["categories_first_ms"] = (time.perf_counter() - started) * 1000
    assert not at.exception, [e.value for e in at.exception]
    times = []
    for i in range(runs):
        at.segmented_control(key="cat_measure").set_value("rate" if i % 2 == 0 else "count")
        started = time.perf_counter()
        at.run()
        times.append(time.perf_counter() - started)
        assert not at.exception, [e.value for e in at.exception]
    out["categories_page_ms"] = statistics.median(times) * 1000
    return out


# --------------------------------------------------------------------------------------------
# One section of the report

def run_section(samples: int, models: int, runs: int, subset: int, workdir: Path, full: bool) -> dict:
    """full: every measurement; otherwise (the 200k variant) only load, analysis and memory."""
    path = data_file(samples, models, workdir)
    result: dict = {"answers": samples * models, "samples": samples, "models": models,
                    "file_mb": round(path.stat().st_size / 1e6, 1)}
    print(f"load + analysis: {runs} fresh process(es) …", flush=True)
    la = load_and_analyse(path, runs, workdir)
    result["answers"] = la["answers"]
    ours = la["answers"] / la["analysis_s"]
    result.update(load_s=la["load_s"], analysis_s=la["analysis_s"], analysis_answers_per_s=ours,
                  load_and_analyse_s=la["load_s"] + la["analysis_s"])
    if "reopen_from_disk_cache_s" in la:
        result["reopen_from_disk_cache_s"] = la["reopen_from_disk_cache_s"]
    if full:
        from lib.loaders import load_path

        frame = load_path(path).frame
        print(f"reference diffs: pure dmp on {min(subset, len(frame)):,} pairs, fast dmp on {len(frame):,} …",
              flush=True)
        refs = measure_references(frame, subset, runs)
        del frame
        result.update(refs)
        result["analysis_vs_pure_dmp"] = ours / refs["pure_dmp_answers_per_s"]
        result["analysis_vs_fast_dmp"] = ours / refs["fast_dmp_answers_per_s"]
        print("pages (AppTest) …", flush=True)
        os.environ["REDLINE_CACHE_DIR"] = str(workdir / "app-cache")
        result.update(measure_pages(path, max(runs, 5)))
    result["peak_rss_mb"] = la["peak_rss_mb"]
    result["peak_tree_pss_mb"] = la["peak_tree_pss_mb"]
    result["analysis_processes"] = la["processes"]
    if full:
        result["app_process_peak_rss_mb"] = peak_rss_mb()
    return {k: (round(v, 3) if isinstance(v, float) else v) for k, v in result.items()}


def checks(section: str, result: dict) -> dict:
    out = {}
    for metric, op, target in TARGETS[section]:
        if metric in result:
            value = result[metric]
            out[metric] = {"value": value, "target": f"{op} {target:g}",
                           "pass": bool(value >= target if op == ">=" else value <= target)}
    return out


def print_table(title: str, result: dict, verdicts: dict) -> None:
    print(f"\n{title}")
    rows = [("metric", "value", "target", "result", "note")]
    for key, value in result.items():
        if key in ("samples", "models") or key.endswith("_pairs_measured"):
            continue
        shown = f"{value:,.0f}" if isinstance(value, (int, float)) and abs(value) >= 100 else f"{value:g}"
        v = verdicts.get(key)
        note = NOTES.get(key, "")
        if key == "pure_dmp_answers_per_s":
            note += f" (measured on {result['pure_dmp_pairs_measured']:,} pairs, extrapolated)"
        rows.append((key, shown, v["target"] if v else "", ("PASS" if v["pass"] else "FAIL") if v else "", note))
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    for i, r in enumerate(rows):
        print("  " + "  ".join([r[0].ljust(widths[0]), r[1].rjust(widths[1]), r[2].ljust(widths[2]),
                                r[3].ljust(widths[3]), r[4]]))
        if i == 0:
            print("  " + "  ".join("-" * w for w in widths) + "  " + "-" * 4)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a tiny run (smoke test): 200 answers, 1 run")
    parser.add_argument("--answers", type=int, default=32_000, help="answers in the main run (default 32,000)")
    parser.add_argument("--models", type=int, default=MODELS, help="models per sample (default 16)")
    parser.add_argument("--runs", type=int, default=3, help="runs per measurement; the median is reported")
    parser.add_argument("--subset", type=int, default=2_000, help="pairs for the pure-Python dmp reference")
    parser.add_argument("--large", action="store_true", help="also the 200,000-answer variant (own process)")
    parser.add_argument("--json", default=str(ROOT / "bench" / "results.json"), help="where to write results")
    parser.add_argument("--workdir", default=str(Path(tempfile.gettempdir()) / "redline-bench"),
                        help="generated CSVs (cached by parameters) and caches")
    parser.add_argument("--child", help=argparse.SUPPRESS)  # internal: one load+analyse run
    parser.add_argument("--reopen", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--only-large", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    workdir = Path(args.workdir)
    workdir.mkdir(parents=True, exist_ok=True)

    if args.child:  # a fresh process for one load+analyse measurement
        print(json.dumps(child_load_and_analyse(Path(args.child), args.reopen)))
        return 0
    if args.only_large:  # the 200k variant, in its own process tree
        samples = LARGE_ANSWERS // args.models
        print(json.dumps(run_section(samples, args.models, 1, args.subset, workdir, full=False)))
        return 0

    if args.quick:
        answers, runs, subset = 200, 1, 100
        args.models = min(args.models, 8)
    else:
        answers, runs, subset = args.answers, args.runs, args.subset
    samples = max(1, answers // args.models)
    report: dict = {"machine": machine(), "runs": runs,
                    "targets": {s: {m: f"{op} {v:g}" for m, op, v in t} for s, t in TARGETS.items()}}
    print(f"machine: {report['machine']['cpu']}, {report['machine']['cores']} cores, "
          f"{report['machine']['ram_gb']} GB RAM, Python {report['machine']['python']}", flush=True)
    main_key = "quick" if args.quick else f"{samples * args.models // 1000}k"
    report["main"] = main_key
    report[main_key] = run_section(samples, args.models, runs, subset, workdir, full=True)
    # The 5 s load+analyse target is stated for 32,000 answers: judge it only at that size.
    verdicts = checks("main", report[main_key])
    if report[main_key]["answers"] != 32_000:
        verdicts.pop("load_and_analyse_s", None)
    report["checks"] = {main_key: verdicts}
    title = f"{report[main_key]['answers']:,} answers ({samples:,} samples × {args.models} models), median of {runs}"
    print_table(title, report[main_key], verdicts)
    if args.large:
        print(f"\n200k variant in its own process …", flush=True)
        done = subprocess.run([sys.executable, "-m", "bench", "--only-large", "--workdir", str(workdir),
                               "--models", str(MODELS)], cwd=ROOT, capture_output=True, text=True)
        if done.returncode != 0:
            print(done.stderr[-3000:], file=sys.stderr)
            raise SystemExit("the 200k variant failed")
        report["200k"] = json.loads(done.stdout.strip().splitlines()[-1])
        report["checks"]["200k"] = checks("large", report["200k"])
        print_table(f"{report['200k']['answers']:,} answers (12,500 samples × 16 models), 1 run",
                    report["200k"], report["checks"]["200k"])
    m = report["machine"]
    print(f"\nmachine: {m['cpu']}, {m['cores']} cores, {m['ram_gb']} GB RAM, Python {m['python']} ({m['platform']})")
    failed = [f"{s}:{k}" for s, c in report["checks"].items() for k, v in c.items() if not v["pass"]]
    print("all targets met" if not failed else f"targets missed: {', '.join(failed)}")
    Path(args.json).parent.mkdir(parents=True, exist_ok=True)
    Path(args.json).write_text(json.dumps(report, indent=2, ensure_ascii=False))
    print(f"wrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
