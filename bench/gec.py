"""Edit naming measured against ERRANT on JFLEG: `python -m bench.gec [--show N] [--pairs FILE]`.

Writes the pairs as a Redline results file, runs `python -m lib analyze --json` on it (the same
naming the app shows), turns each edit's `answer_span`/`reference_span` into the predictions file
that `shared/gec/score.py` reads, and runs that scorer on every pair, then on the even- and the
odd-numbered pairs apart (develop on one half, check the other: the rules must not be tuned to
examples). Then times the naming alone (diff + edits, one process) in pairs per second.

The pairs (`jfleg_dev.jsonl`, CC BY-NC-SA 4.0) and the scorer live in the workspace's shared/gec/,
beside the repository; nothing of them is copied into it.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GEC = ROOT.parent / "shared" / "gec"


def _number(pair_id: str) -> int:
    return int(pair_id.rsplit("-", 1)[-1])


def predictions(pairs: list[dict], workdir: Path) -> list[dict]:
    """One predictions record per pair, read from `python -m lib analyze --json`."""
    data = workdir / "pairs.jsonl"
    with data.open("w", encoding="utf-8") as f:
        for p in pairs:
            f.write(json.dumps({"id": p["id"], "model": "jfleg", "prediction": p["answer"],
                                "reference": p["reference"]}, ensure_ascii=False) + "\n")
    out = subprocess.run([sys.executable, "-m", "lib", "analyze", str(data), "--json"], cwd=ROOT,
                         capture_output=True, text=True, env={**os.environ, "REDLINE_CACHE_DIR": "off"})
    if out.returncode:
        raise SystemExit(f"python -m lib analyze failed:\n{out.stderr}")
    records = {r["sample_id"]: r for r in json.loads(out.stdout)}
    preds = []
    for p in pairs:
        edits = records[p["id"]]["edits"] if p["id"] in records else []
        preds.append({"id": p["id"], "edits": [{"code": e["code"], "answer": e["answer_span"],
                                                 "reference": e["reference_span"]} for e in edits]})
    return preds


def score(pred_file: Path, pairs_file: Path, show: int) -> str:
    cmd = [sys.executable, str(GEC / "score.py"), str(pred_file), "--pairs", str(pairs_file), "--show", str(show)]
    return subprocess.run(cmd, capture_output=True, text=True, check=True).stdout


def _clear_caches() -> None:
    """Forget every word and edit seen (lru caches of lib.name), keeping the loaded word tables."""
    from lib.name import alignment, classify, grammar, lexicon, merge, sides, wordlists

    for module in (alignment, classify, grammar, lexicon, merge, sides, wordlists):
        for name, value in vars(module).items():
            if hasattr(value, "cache_clear") and getattr(value, "__module__", "") == module.__name__ \
                    and name not in ("_tables", "_vocabulary"):
                value.cache_clear()


def naming_speed(pairs: list[dict], rounds: int = 5) -> tuple[float, float]:
    """Pairs per CPU second: (diff + edit naming, edit naming alone), best of `rounds`, every
    cache emptied before each round so no pair is named from memory."""
    sys.path.insert(0, str(ROOT))
    from lib.align.diff import diff_texts
    from lib.name.merge import extract_edits

    extract_edits(diff_texts("warm up", "warms up").segments)  # word tables loaded before the clock starts
    segments = [diff_texts(p["reference"], p["answer"]).segments for p in pairs]
    both = alone = float("inf")
    for _ in range(rounds):
        _clear_caches()
        start = time.process_time()
        for p in pairs:
            extract_edits(diff_texts(p["reference"], p["answer"]).segments)
        both = min(both, time.process_time() - start)
        _clear_caches()
        start = time.process_time()
        for s in segments:
            extract_edits(s)
        alone = min(alone, time.process_time() - start)
    return len(pairs) / both, len(pairs) / alone


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pairs", default=str(GEC / "jfleg_dev.jsonl"))
    ap.add_argument("--show", type=int, default=0, help="disagreements to print (full set)")
    ap.add_argument("--half", choices=("all", "even", "odd"), default="all", help="score only this half, show its disagreements")
    ap.add_argument("-o", "--output", help="also keep the predictions file here")
    args = ap.parse_args(argv)
    if not Path(args.pairs).exists() or not (GEC / "score.py").exists():
        print(f"error: {args.pairs} or {GEC / 'score.py'} not found (shared/gec/ sits beside the repository)", file=sys.stderr)
        return 2
    pairs = [json.loads(line) for line in open(args.pairs, encoding="utf-8")]
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        preds = predictions(pairs, work)
        pred_file = work / "predictions.jsonl"
        pred_file.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in preds), encoding="utf-8")
        if args.output:
            Path(args.output).write_text(pred_file.read_text(encoding="utf-8"), encoding="utf-8")
        halves = {"all": pairs, "even": [p for p in pairs if _number(p["id"]) % 2 == 0],
                  "odd": [p for p in pairs if _number(p["id"]) % 2 == 1]}
        names = ["all", "even", "odd"] if args.half == "all" else [args.half]
        for name in names:
            half_file = work / f"{name}.jsonl"
            half_file.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in halves[name]), encoding="utf-8")
            report = score(pred_file, half_file, args.show if name == names[0] else 0)
            if name == names[0]:
                print(f"== {name} pairs ==\n{report}")
            else:
                print(f"== {name} pairs == " + report.strip().splitlines()[-1])
    both, alone = naming_speed(pairs)
    print(f"speed: {both:,.0f} pairs per CPU second for diff + edits ({alone:,.0f} for naming the edits alone), "
          f"one process, caches emptied")
    return 0


if __name__ == "__main__":
    sys.exit(main())
