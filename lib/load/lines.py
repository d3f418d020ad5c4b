"""Lines of a large text without copying it: readers look at the head, or walk it line by line."""
from __future__ import annotations

import re

_LINE_RE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")

_BREAK_RE = re.compile(r"\r\n|\r|\n")


def split_lines(text: str) -> list[str]:
    """The text's lines, broken only at CR, LF and CRLF. str.splitlines() also breaks at U+2028,
    U+2029, U+0085, form feeds and more, which JSON allows raw inside a string and answers
    contain: a JSONL record would be cut in two and every later line number would be off."""
    lines = _BREAK_RE.split(text)
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def head_lines(text: str, n: int) -> list[str]:
    """The first `n` lines (any line ending), without splitting the whole text (a 400 MB file
    would be copied)."""
    lines: list[str] = []
    for m in _LINE_RE.finditer(text):
        if len(lines) >= n or m.start() >= len(text):
            break
        lines.append(m.group(0).rstrip("\r\n"))
    return lines

def first_line(text: str) -> str:
    """The first line that is not blank."""
    for m in _LINE_RE.finditer(text):
        if m.start() >= len(text):
            break
        if m.group(0).strip():
            return m.group(0).rstrip("\r\n")
    return ""

def iter_lines(text: str):
    """The text's lines with their endings, one at a time: io.StringIO would copy the whole text
    (at 4 bytes a character for Chinese), a 400 MB file's worth of memory for nothing."""
    start, n = 0, len(text)
    while start < n:
        end = text.find("\n", start)
        end = n if end < 0 else end + 1
        yield text[start:end]
        start = end
