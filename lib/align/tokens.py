"""Split text into the units a diff aligns: words, whitespace runs, punctuation, CJK characters.

Word diffs read best for prose, but Chinese has no spaces, so each CJK character is its own token;
that makes Chinese diff at character level and mixed Chinese/English text work in one pass.
Combining accents, variation selectors and emoji ZWJ sequences stay attached to their base
character so a diff never splits what a reader sees as one letter.
"""
from __future__ import annotations

import re
import unicodedata
from typing import Literal

Unit = Literal["word", "char"]

# Scripts written without spaces: one token per character.
_CJK = (
    "\u2e80-\u2fdf\u3040-\u30ff\u3100-\u312f\u3190-\u31ff\u3400-\u4dbf\u4e00-\u9fff"
    "\uac00-\ud7af\uf900-\ufaff\U00020000-\U0003134f"
)
# Marks that belong to the character before them (accents, emoji modifiers, ZWJ + next emoji).
_ATTACHED = (
    r"(?:[\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed"
    r"\u0900-\u0903\u093a-\u094f\u0e31\u0e34-\u0e3a\u0e47-\u0e4e\u1ab0-\u1aff\u1dc0-\u1dff"
    r"\u20d0-\u20ff\ufe00-\ufe0f\U0001f3fb-\U0001f3ff\U000e0020-\U000e007f]"
    r"|\u200d[^\s\u200b-\u200d\u2060\ufeff])*"
)
# Zero-width characters: invisible, yet they make two texts differ (shared with lib.name.classify).
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
# A word: letters and digits, each possibly followed by attached marks. Written as "a run of
# letters, then (marks, more letters)*" rather than "(letter marks*)+": the same tokens, twice
# as fast, since most letters carry no mark.
_LETTER = rf"[^\W_{_CJK}]"
_MARK = (r"(?:[\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed"
         r"\u0900-\u0903\u093a-\u094f\u0e31\u0e34-\u0e3a\u0e47-\u0e4e\u1ab0-\u1aff\u1dc0-\u1dff"
         r"\u20d0-\u20ff\ufe00-\ufe0f\U0001f3fb-\U0001f3ff\U000e0020-\U000e007f]"
         r"|\u200d[^\s\u200b-\u200d\u2060\ufeff])")
_WORD_PART = rf"{_LETTER}+(?:{_MARK}+{_LETTER}*)*"

_WORD_RE = re.compile(
    rf"[{_CJK}]{_ATTACHED}"                                  # one CJK character
    rf"|{_WORD_PART}(?:['’]{_WORD_PART})*"                   # a word, with inner apostrophes
    rf"|[{ZERO_WIDTH}]"                                     # zero-width characters stand alone: visible diffs
    r"|\r\n|\n|\r"                                           # each line break is its own token
    r"|[^\S\r\n]+"                                           # a run of other whitespace
    r"|-{2,}|\.{2,}"                                         # ASCII dashes and ellipses as one mark
    rf"|.{_ATTACHED}",                                       # any other single character
    re.DOTALL,
)
_CHAR_RE = re.compile(rf"\r\n|.{_ATTACHED}", re.DOTALL)
# The same tokens for pure-ASCII text (no CJK, no combining marks, no zero-width characters),
# about three times faster: most answers of an English benchmark are ASCII.
_ASCII_WORD_RE = re.compile(r"[A-Za-z0-9]+(?:'[A-Za-z0-9]+)*|\r\n|\n|\r|[^\S\r\n]+|-{2,}|\.{2,}|.", re.DOTALL)


def tokenize(text: str, unit: Unit = "word") -> list[str]:
    """Tokens whose concatenation is exactly `text` (nothing is dropped or normalised)."""
    if unit == "word":
        return (_ASCII_WORD_RE if text.isascii() else _WORD_RE).findall(text)
    return _CHAR_RE.findall(text)


def is_cjk(token: str) -> bool:
    return bool(token) and bool(re.match(rf"[{_CJK}]", token))


def is_space(token: str) -> bool:
    return token.isspace()


def is_punct(token: str) -> bool:
    """Punctuation or symbol (full-width forms included), never letters, digits or spaces."""
    return bool(token) and all(unicodedata.category(c)[0] in "PS" for c in token)
