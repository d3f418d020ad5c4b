"""Terminal text: the load report (`python -m lib info`) and per-model totals (`python -m lib summary`)."""
from __future__ import annotations

import re
import unicodedata

from lib.load.dataset import LoadReport

# What a terminal would act on instead of showing: C0 controls but tab and line feed (ESC starts
# colour, title-setting OSC and cursor sequences; BEL rings), DEL, C1 controls (U+009B is CSI on
# some terminals) and the bidi controls that reorder the rest of the line.
_TERMINAL_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def terminal_safe(text: str, json_text: bool = False) -> str:
    """`text` with every control character shown as its escape (`\\x1b`, `\\u202e`; in JSON
    text `\\u001b`, which parses back to the same string), so a model name from a file cannot
    colour, retitle or rewrite the user's terminal."""
    if json_text:
        return _TERMINAL_CONTROLS.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)
    return _TERMINAL_CONTROLS.sub(lambda m: m.group(0).encode("unicode_escape").decode("ascii"), text)


def format_report(report: LoadReport) -> str:
    """Aligned `label: value` lines, then every warning with its line (row, record) number."""
    roles = ", ".join(f"{role} = {col}" for role, col in report.columns.items()) or "none"
    lines = [
        f"File:      {report.name}",
        f"Format:    {report.format}",
        f"Encoding:  {report.encoding}",
        f"Shape:     {report.shape}",
        f"Columns:   {roles}",
        f"Answers:   {report.rows:,}",
        f"Samples:   {report.samples:,}",
        f"Models:    {len(report.models):,}: {', '.join(report.models)}",
    ]
    if len(report.tables) > 1:
        lines.append(f"Tables:    {len(report.tables)}; loaded {report.tables[report.table]}")
    if report.framework:
        task = f", task {report.task}" if report.task else ""
        lines.append(f"Read as:   {report.framework}{task}; roles fixed by the format, model from the {report.model_from}")
    if len(report.answer_choices) > 1:
        lines.append(f"Answers:   {report.columns.get('answer')} (also offered: "
                     f"{', '.join(c for c in report.answer_choices if c != report.columns.get('answer'))})")
    for f in report.files:
        status = f"skipped: {f.error}" if f.error else f"{f.format}, {f.rows:,} answers, {', '.join(f.models)}"
        lines.append(f"  file {f.name}: {status}")
    if report.warnings:
        lines.append(f"Warnings ({len(report.warnings):,}):")
        lines += [f"  {report.warning_text(w)}" for w in report.warnings]
    else:
        lines.append("Warnings:  none")
    return "\n".join(lines)


def _char_width(c: str) -> int:
    return 0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1


def display_width(text: str) -> int:
    """Terminal columns `text` takes: Chinese and other wide characters take two, marks none."""
    return sum(map(_char_width, text))


def _fit(text: str, width: int) -> str:
    """`text` cut to `width` terminal columns (with "…") and padded to exactly that many."""
    used = display_width(text)
    if used > width:
        kept, used = [], 1  # room for the "…"
        for c in text:
            if used + _char_width(c) > width:
                break
            kept.append(c)
            used += _char_width(c)
        text = "".join(kept) + "…"
    return text + " " * (width - used)


def format_summary(summary: dict[str, dict], top: int = 6) -> str:
    """A fixed-width table a terminal reader can scan: one line per model (columns stay aligned
    with Chinese model names, which take two columns per character)."""
    if not summary:
        return "No answers."
    width = min(max(display_width(m) for m in summary), 40)
    lines = [f"{_fit('model', width)}  answers  exact  similarity  flags / edit types (most frequent first)"]
    for model, s in summary.items():
        flags = ", ".join(f"{k} {v}" for k, v in s["flags"].items() if k != "exact")
        edits = ", ".join(f"{k} {v}" for k, v in list(s["edits"].items())[:top])
        rest = len(s["edits"]) - top
        detail = "; ".join(p for p in (flags, edits + (f", +{rest} more" if rest > 0 else "")) if p) or "-"
        lines.append(f"{_fit(model, width)}  {s['answers']:>7}  {s['exact']:>5}  {s['mean_similarity']:>10.3f}  {detail}")
    return "\n".join(lines)


def format_scores(path: str, scores, by_type: bool = False) -> str:
    """`python -m lib score`: per model (or per model and edit type) TP, FP, FN, P, R, F0.5;
    "—" where a ratio is undefined (nothing proposed, or nothing to fix)."""
    from lib.score.counts import Counts, ratio_text

    table = scores.by_type if by_type else scores.models
    lines = [f"{path}: proofreading scores (edits against the source; F0.5 weighs precision twice as much as recall)"]
    if table.empty:
        return lines[0] + "\nNo answers could be scored."
    width = max(min(max(display_width(str(m)) for m in table["model"]), 40), 5)
    head = f"{_fit('model', width)}  " + ("type      " if by_type else "") + "   TP    FP    FN  precision  recall   F0.5"
    lines.append(head)
    for row in table.itertuples(index=False):
        c = Counts(int(row.tp), int(row.fp), int(row.fn))
        kind = f"{row.type:<10}" if by_type else ""
        lines.append(f"{_fit(str(row.model), width)}  {kind}{c.tp:>5} {c.fp:>5} {c.fn:>5}  {ratio_text(c.precision):>9}"
                     f"  {ratio_text(c.recall):>6}  {ratio_text(c.f05):>5}")
    if not by_type:
        unscored = int(scores.models["unscored"].sum())
        if unscored:
            lines.append(f"{unscored:,} answers not scored (no source or no reference for their sample).")
    multi = sum(1 for s in scores.answers.values() if len(s.references) > 1)
    if multi:
        lines.append(f"{multi:,} answers have several references; each is scored against the one that gives "
                     "its model the best F0.5 (as compare_m2).")
    return "\n".join(lines)
