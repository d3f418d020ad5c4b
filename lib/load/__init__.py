"""Load: file bytes (upload, path, pasted text) → the canonical Dataset, with a report of how it was read.

Knows nothing of diffs. Entry points: load_path, load_bytes, load_text.
"""
from lib.load.loader import load_bytes, load_path, load_text

__all__ = ["load_bytes", "load_path", "load_text"]
