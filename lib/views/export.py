"""The per-answer categories table users download as CSV (Categories page), safe to open in a spreadsheet."""
from __future__ import annotations

import pandas as pd


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
