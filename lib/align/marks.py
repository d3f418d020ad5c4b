"""Inside a replaced word: show only the marks that changed.

Semantic cleanup swallows one-token matches, so `"hello"` → `“hello”` comes out of the token diff
as the whole word struck out and typed again. A replaced word whose letters all survive is split
back into characters here; a real change of letters ("irregardless" → "regardless") stays whole.
"""
from __future__ import annotations

import unicodedata
from difflib import SequenceMatcher

from lib.align.segments import Segment, merge_adjacent
from lib.align.tokens import is_cjk


# Longest replaced word (per side) that is looked at letter by letter for changed marks.
_REFINE_MAX_CHARS = 100


def refine_marks(segments: list[Segment]) -> list[Segment]:
    """Split a replaced word whose letters all survive: `"hello"` → `“hello”` shows two changed
    quotes, not the word struck out and typed again; likewise a zero-width space inside a word,
    and Chinese typos a character apart. Semantic cleanup swallows such one-token matches; only
    these are split back out: "irregardless" → "regardless" stays a whole-word change."""
    out: list[Segment] = []
    k = 0
    while k < len(segments):
        seg = segments[k]
        nxt = segments[k + 1] if k + 1 < len(segments) else None
        if (seg.op == "delete" and nxt is not None and nxt.op == "insert"
                and len(seg.ref) <= _REFINE_MAX_CHARS and len(nxt.ans) <= _REFINE_MAX_CHARS
                and not any(c.isspace() for c in seg.ref + nxt.ans)):
            refined = _mark_only_changes(seg.ref, nxt.ans)
            if refined is not None:
                out.extend(refined)
                k += 2
                continue
        out.append(seg)
        k += 1
    return merge_adjacent(out) if len(out) != len(segments) else out


# Marks that belong to the word they sit in: a hyphen (pre-training) or an apostrophe (it's, its).
_WORD_MARKS = frozenset("-\u2010\u2011\u00ad'\u2019")
_APOSTROPHES = frozenset("'\u2019")


def _letter(c: str) -> bool:
    """A letter or digit, or a combining mark (the accent of e + U+0301 belongs to its letter)."""
    return c.isalnum() or unicodedata.category(c)[0] == "M"


def _joins_word(text: str, i: int, j: int) -> bool:
    """text[i:j] is part of the word around it: a hyphen or apostrophe between two letters, or any
    mark between two digits (1.2 → 12 and 12:30 → 1230 change a number, which is not punctuation)."""
    if j <= i or i == 0 or j >= len(text):
        return False
    before, after = text[i - 1], text[j]
    if before.isdigit() and after.isdigit():
        return True
    return all(c in _WORD_MARKS for c in text[i:j]) and before.isalnum() and after.isalnum()


# In Chinese a change block is split back into characters when each change in it is this small:
# typos one character apart (公圆，天汽 → 公园，天气), not a reworded clause.
_CJK_SPLIT_MAX = 2


def _mark_only_changes(ref: str, ans: str) -> list[Segment] | None:
    """Character segments of ref → ans when every change is a mark (no letter or digit), or, in
    Chinese, a character or two between shared characters; else None (keep the block whole)."""
    chinese = all(is_cjk(c) or not _letter(c) for c in ref + ans)
    if not chinese and [c for c in ref if _letter(c)] != [c for c in ans if _letter(c)]:
        return None  # a letter changed ("teh" → "the"): the common case, decided without aligning
    opcodes = SequenceMatcher(None, ref, ans, autojunk=False).get_opcodes()
    shared = "".join(ref[i1:i2] for tag, i1, i2, _, _ in opcodes if tag == "equal")
    if not any(c.isalnum() for c in shared):
        return None
    out: list[Segment] = []
    for tag, i1, i2, j1, j2 in opcodes:
        if chinese and tag != "equal":
            if max(i2 - i1, j2 - j1) > _CJK_SPLIT_MAX:
                return None
        elif any(_letter(c) for c in ref[i1:i2] + ans[j1:j2]) and tag != "equal":
            return None
        if tag == "replace" and set(ref[i1:i2] + ans[j1:j2]) <= _APOSTROPHES:
            pass  # it's / it’s: a typographic variant of the same mark
        elif tag != "equal" and (_joins_word(ref, i1, i2) or _joins_word(ans, j1, j2)):
            return None  # pre-training / pretraining, its / it's: other words, kept whole
        if tag == "equal":
            out.append(Segment("equal", ref[i1:i2], ans[j1:j2]))
        else:
            if i2 > i1:
                out.append(Segment("delete", ref=ref[i1:i2]))
            if j2 > j1:
                out.append(Segment("insert", ans=ans[j1:j2]))
    return out
