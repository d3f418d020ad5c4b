"""Per-model totals of flags and edit types: `python -m lib summary` and the Categories page CSV."""
from __future__ import annotations

import unicodedata
from collections import Counter

import pandas as pd


def summarize(analysis: pd.DataFrame) -> dict[str, dict]:
    """{model: {answers, exact, mean_similarity, flags: {flag: n}, edits: {code: n}}}, file order.

    Counts, not rates: a reader checks "4 of 16 exact" against the diffs; rates are one division away.
    """
    out: dict[str, dict] = {}
    for model, group in analysis.groupby("model", sort=False):
        flags = Counter(f for fs in group["flags"] for f in fs)
        edits = Counter(e.code for es in group["edit_list"] for e in es)
        out[str(model)] = {
            "answers": int(len(group)),
            "exact": int(group["exact"].sum()),
            "mean_similarity": round(float(group["similarity"].mean()), 4),
            "flags": dict(sorted(flags.items(), key=lambda kv: (-kv[1], kv[0]))),
            "edits": dict(sorted(edits.items(), key=lambda kv: (-kv[1], kv[0]))),
        }
    return out


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


def spreadsheet_safe(value: str) -> str:
    """A cell a spreadsheet will show, not run: text starting with = + - @ gets a leading '
    (OWASP's advice against CSV formula injection; ids and model names come from strangers)."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def category_table(analysis: pd.DataFrame) -> pd.DataFrame:
    """One row per answer with its flags and edit codes as text: the Categories page download."""
    return pd.DataFrame({
        "sample_id": [spreadsheet_safe(str(v)) for v in analysis["sample_id"]],
        "model": [spreadsheet_safe(str(v)) for v in analysis["model"]],
        "similarity": analysis["similarity"].round(4),
        "cer": analysis["cer"].round(4),
        "wer": analysis["wer"].round(4),
        "exact": analysis["exact"],
        "flags": [" ".join(f) for f in analysis["flags"]],
        "edits": analysis["edits"],
        "edit_codes": [" ".join(e.code for e in es) for es in analysis["edit_list"]],
        "edit_details": [" | ".join(f"{e.code}: {e.answer!r} -> {e.reference!r}" for e in es) for es in analysis["edit_list"]],
    })
