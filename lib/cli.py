"""`python -m lib …`: the same loading, diffing and categorising the app does, from a shell.

Exit codes: 0 success, 2 bad input (one clear line on stderr, never a traceback).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from lib.load.dataset import Dataset, LoadError


def _load(paths: list[str], answer: str | None = None) -> Dataset:
    """One file as it is; several files, or folders, as one dataset (each file's model its own).
    `answer` picks the answer column where a file offers several (lm-eval's filters)."""
    from lib.load import load_path
    from lib.load.dataset import LoadOptions
    from lib.load.many import files_in, load_many

    options = LoadOptions(roles=(("answer", answer),)) if answer else LoadOptions()
    for path in paths:
        if not Path(path).exists():
            raise LoadError(f"{path}: no such file.")
    if len(paths) == 1 and Path(paths[0]).is_file():
        return load_path(paths[0], options)
    files = files_in(paths)
    if not files:
        raise LoadError(f"{', '.join(paths)}: no results files (.json, .jsonl, .csv, .eval, .parquet, …) found.")
    return load_many(files, name=None, several=len(paths) > 1 or len(files) > 1, options=options)


def _print(text: str, file=None, json_text: bool = False) -> None:
    """Every line the CLI prints goes through here: file text (names, ids) made terminal-safe."""
    from lib.views.text import terminal_safe

    print(terminal_safe(text, json_text), file=file or sys.stdout)


def _print_json(value: object) -> None:
    # JSON escapes C0 controls itself, not the C1 and bidi controls: those are escaped here.
    _print(json.dumps(value, ensure_ascii=False, indent=2), json_text=True)


def cmd_info(args: argparse.Namespace) -> int:
    from lib.views.text import format_report

    dataset = _load(args.files, args.answer)
    if args.json:
        _print_json(dataset.report.to_json())
    else:
        _print(format_report(dataset.report))
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from lib.analysis.dataset import analyze
    from lib.align.diff import DiffOptions
    from lib.views.report import render_report

    dataset = _load(args.files, args.answer)
    options = DiffOptions(unit=args.unit)
    models = [m.strip() for m in args.models.split(",") if m.strip()] if args.models else None
    samples = [args.sample] if args.sample is not None else None
    base = args.base
    if base not in ("reference", "source"):
        known = set(dataset.frame["model"])
        name = base[len("model:"):] if base.startswith("model:") else base
        if name not in known:
            raise ValueError(f"--base {base!r}: not the reference, the source or a model of {dataset.report.name}")
        base = "model:" + name
    analysis = analyze(dataset.frame)  # edits and flags are always named on the strict word diff
    scores = None
    if dataset.has_source:  # proofreading scores on every card, marks in the view against the source
        from lib.score.dataset import score_dataset

        scores = score_dataset(dataset)
    html = render_report(dataset, analysis, sample_ids=samples, models=models, options=options, view=args.view,
                         base=base, scores=scores)
    Path(args.output).write_text(html, encoding="utf-8")
    _print(f"Wrote {args.output}")
    return 0


def cmd_analyze(args: argparse.Namespace) -> int:
    from lib.analysis.dataset import analyze, answer_records

    dataset = _load(args.files, args.answer)
    records = answer_records(analyze(dataset.frame))
    if args.json:
        _print_json(records)
    else:
        for r in records:
            edits = ", ".join(e["code"] for e in r["edits"]) or "-"
            flags = ", ".join(r["flags"]) or "-"
            _print(f"{r['sample_id']}\t{r['model']}\tsim={r['similarity']:.3f}\tflags={flags}\tedits={edits}")
    return 0


def cmd_summary(args: argparse.Namespace) -> int:
    from lib.analysis.dataset import analyze
    from lib.views.tallies import summarize
    from lib.views.text import format_summary

    from lib.analysis.checks import role_doubts

    dataset = _load(args.files, args.answer)
    analysis = analyze(dataset.frame)
    for doubt in role_doubts(analysis):
        _print(f"note: {dataset.report.name}: {doubt}", file=sys.stderr)
    summary = summarize(analysis)
    if args.json:
        _print_json(summary)
    else:
        _print(format_summary(summary))
    return 0


def cmd_score(args: argparse.Namespace) -> int:
    from lib.score.dataset import model_records, score_dataset, type_records
    from lib.views.text import format_scores

    dataset = _load(args.files)  # several files (or folders) are one dataset, as for the other commands
    scores = score_dataset(dataset)  # ScoreUnavailable (a ValueError) says why: exit 2
    if args.json:
        _print_json(type_records(scores) if args.by_type else model_records(scores))
    else:
        print(format_scores(dataset.report.name, scores, args.by_type))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m lib", description="Redline: see how LLM answers differ from the reference.")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("info", help="print the load report of a results file")
    p.add_argument("files", nargs="+", metavar="PATH", help="results files or folders (several load as one dataset)")
    p.add_argument("--answer", metavar="COLUMN", help="the answer to compare where a file offers several "
                                                      "(e.g. \"filter strict-match\" of lm-eval; see info)")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=cmd_info)

    p = sub.add_parser("report", help="write a self-contained HTML diff report")
    p.add_argument("files", nargs="+", metavar="PATH", help="results files or folders (several load as one dataset)")
    p.add_argument("--answer", metavar="COLUMN", help="the answer to compare where a file offers several "
                                                      "(e.g. \"filter strict-match\" of lm-eval; see info)")
    p.add_argument("-o", "--output", required=True, help="where to write the .html")
    p.add_argument("--sample", help="one sample id (default: all samples)")
    p.add_argument("--models", help="comma-separated run labels (default: all)")
    p.add_argument("--unit", choices=("word", "char"), default="word")
    p.add_argument("--view", choices=("inline", "side", "variants"), default="inline",
                   help="variants: each sample's places where the answers differ, identical answers as one card")
    p.add_argument("--base", default="reference",
                   help="what the answers are diffed against: reference, source, or a model's run label")
    p.set_defaults(func=cmd_report)

    p = sub.add_parser("analyze", help="flags and edits of every answer")
    p.add_argument("files", nargs="+", metavar="PATH", help="results files or folders (several load as one dataset)")
    p.add_argument("--answer", metavar="COLUMN", help="the answer to compare where a file offers several "
                                                      "(e.g. \"filter strict-match\" of lm-eval; see info)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_analyze)

    p = sub.add_parser("summary", help="per-model totals of flags and edit types")
    p.add_argument("files", nargs="+", metavar="PATH", help="results files or folders (several load as one dataset)")
    p.add_argument("--answer", metavar="COLUMN", help="the answer to compare where a file offers several "
                                                      "(e.g. \"filter strict-match\" of lm-eval; see info)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_summary)

    p = sub.add_parser("score", help="proofreading scores per model: TP, FP, FN, P, R, F0.5 (needs a source column)")
    p.add_argument("files", nargs="+", metavar="PATH")
    p.add_argument("--json", action="store_true", help='a list of {"model", "tp", "fp", "fn", "precision", "recall", "f05"}')
    p.add_argument("--by-type", action="store_true", help="one row per model and edit type")
    p.set_defaults(func=cmd_score)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except (LoadError, ValueError, OSError) as exc:
        lines = str(exc).strip().splitlines() or [type(exc).__name__]
        _print(f"error: {lines[0]}" + (" …" if len(lines) > 1 else ""), file=sys.stderr)
        return 2
    except MemoryError:
        _print("error: out of memory reading or analysing this file; see the Limits in README.md "
               "(REDLINE_MAX_ROWS, REDLINE_MAX_FILE_MB) or use a machine with more memory.", file=sys.stderr)
        return 2
