"""Lines of a large text without copying it: readers look at the head, or walk it line by line."""
from __future__ import annotations

import codecs
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


# Files at least this large are read line by line from their bytes when they are clean UTF-8 CSV:
# the whole text as one str (2 bytes a character once any line has an em dash or a Chinese
# character) next to the bytes and the cells was most of the peak memory of a 400 MB table.
STREAM_BYTES = 32 << 20
_CHUNK = 4 << 20


def utf8_lines(data: bytes):
    """The lines of UTF-8 `data` with their endings, decoded a chunk at a time and broken only at
    LF, as iter_lines breaks a text: the same lines, without the text. Raises UnicodeDecodeError
    where the bytes are not UTF-8 (the caller then reads the file as a whole text instead)."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    view = memoryview(data)
    rest = ""
    for start in range(0, len(data), _CHUNK):
        chunk = rest + decoder.decode(view[start:start + _CHUNK])
        cut = chunk.rfind("\n") + 1
        yield from iter_lines(chunk[:cut])
        rest = chunk[cut:]
    rest += decoder.decode(b"", final=True)
    if rest:
        yield rest
