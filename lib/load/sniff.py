"""Which text format a file holds, by content first: pasted text and misnamed files load too."""
from __future__ import annotations

import json

from lib.load.lines import first_line, head_lines
from lib.load.markdown import parse_tables

TEXT_EXTENSIONS = {".md": "markdown", ".markdown": "markdown", ".csv": "csv", ".tsv": "tsv", ".tab": "tsv",
             ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl"}

def text_format(text: str, ext: str) -> str:
    """markdown | json | jsonl | csv | tsv, by content first."""
    stripped = text.lstrip()
    if ext in (".md", ".markdown"):
        return "markdown"
    if stripped[:1] in "[{" and ext not in (".json", ".jsonl", ".ndjson") and parse_tables(text[:200_000]):
        try:
            json.loads(text)
        except (ValueError, RecursionError):
            return "markdown"  # a README opening with a [![badge]] link, a pasted "[note]" line
    if stripped.startswith("[") or (stripped.startswith("{") and ext not in (".jsonl", ".ndjson")):
        first_lines = [ln for ln in head_lines(stripped, 3) if ln.strip()]
        if stripped.startswith("{") and len(first_lines) > 1 and all(ln.strip().startswith("{") and ln.strip().endswith("}") for ln in first_lines):
            return "jsonl"
        return "json"
    if stripped.startswith("{"):
        return "jsonl"
    if ext in (".json", ".jsonl", ".ndjson"):  # a scalar or broken JSON: let the JSON reader say so
        return TEXT_EXTENSIONS[ext]
    if ext in (".csv", ".tsv", ".tab"):
        return TEXT_EXTENSIONS[ext]
    if parse_tables(text[:200_000]):
        return "markdown"
    head = first_line(text)
    return "tsv" if head.count("\t") >= max(1, head.count(",")) else "csv"
