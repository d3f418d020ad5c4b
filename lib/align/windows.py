"""Where two long texts differ, found in C: the windows the token diff then aligns one by one.

An answer that copies its reference but for four words is aligned by tokenizing just those four
places (and a little text around each), not the whole text: one character diff in C finds the
changed ranges, each is widened to token boundaries with some shared context, and ranges close
enough for the semantic cleanup to join them are aligned together. The cost then follows the size
of the changes, not the length of the text. The result is the same as aligning the whole texts
token by token (tests/align/test_windows.py checks it on realistic pairs); lib.align.diff falls
back to the whole texts whenever a window's change reaches its edge.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from lib.align.engine import raw_char_diff
from lib.align.tokens import Unit, tokenize

# When everything between the first and the last change is at most this long, it is one window.
SMALL_MIDDLE = 400
# Shared text kept on each side of a change, in characters, before the cut is moved out to the
# next token boundary: room for the semantic cleanup to shift a change as it would in the whole.
CONTEXT_CHARS = 24
# Shared tokens two changes must be apart to be aligned separately, on top of their own size:
# the semantic cleanup joins two changes when the text between them is no longer than they are.
GAP_TOKENS = 4
# A plan is worth it only when the texts mostly agree; a rewrite goes the whole way, where the
# token diff (far fewer items than characters) is the cheaper one.
MAX_CHANGED_SHARE = 0.3
# Time for the character diff: near-copies take microseconds; one that takes longer is a rewrite.
PLAN_TIMEOUT = 0.05
# Texts shorter than this together (a sentence pair) are aligned whole: tokenizing them costs less
# than the character diff a plan starts with, which for a sentence with many edits (JFLEG) costs
# about 45 µs, twice the whole alignment. Near-copies break even around 800 characters.
WHOLE_BELOW = 600

# What counts a token of shared text from below: each whitespace run and each CJK character.
_GAP_TOKENS_RE = re.compile(r"\s+|[\u2e80-\u2fdf\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_CJK_RE = re.compile(r"[\u2e80-\u2fdf\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")


@dataclass(frozen=True)
class Window:
    """reference[ref_start:ref_end] is aligned with answer[ans_start:ans_end]; the text between
    two windows is the same in both."""

    ref_start: int
    ref_end: int
    ans_start: int
    ans_end: int


def _is_cut(text: str, i: int) -> bool:
    """A position where every tokenizer splits: where a whitespace run starts, where one ends
    before a letter or digit (never before an accent, which the char unit attaches to the space),
    or between two CJK characters (each is its own token)."""
    if i <= 0 or i >= len(text):
        return True
    before, after = text[i - 1], text[i]
    if after.isspace():
        return not before.isspace()
    if before.isspace():
        return after.isalnum()
    return bool(_CJK_RE.match(before)) and bool(_CJK_RE.match(after))


# How far the cut search walks character by character (text without spaces, such as Chinese);
# past it, the window simply grows to its floor or ceiling.
_CUT_STEPS = 64


def _space(text: str, lo: int, hi: int, last: bool) -> int:
    """The last (or first) space or line break in text[lo:hi], or -1."""
    found = (text.rfind(" ", lo, hi), text.rfind("\n", lo, hi)) if last else (text.find(" ", lo, hi), text.find("\n", lo, hi))
    hits = [k for k in found if k >= 0]
    return (max(hits) if last else min(hits)) if hits else -1


def _cut_left(text: str, i: int, floor: int) -> int:
    """A cut at or before i, not before floor (floor itself when there is none near): the start
    of the nearest whitespace run, else (text without spaces) a CJK boundary a few steps away."""
    i = max(i, floor)
    k = _space(text, floor, i + 1, last=True)
    if k > floor:
        while k > floor and text[k - 1].isspace():
            k -= 1
        return k
    for j in range(i, max(i - _CUT_STEPS, floor), -1):
        if _is_cut(text, j):
            return j
    return floor


def _cut_right(text: str, i: int, ceiling: int) -> int:
    """A cut at or after i, not after ceiling."""
    i = min(i, ceiling)
    k = _space(text, i, ceiling, last=False)
    while k >= 0:
        if k == 0 or not text[k - 1].isspace():
            return k
        while k < ceiling and text[k].isspace():
            k += 1  # inside a whitespace run: the next run's start
        k = _space(text, k, ceiling, last=False)
    for j in range(i, min(i + _CUT_STEPS, ceiling)):
        if _is_cut(text, j):
            return j
    return ceiling


def _changes(reference: str, answer: str, timeout: float) -> list[list[int]] | None:
    """[ref_start, ref_end, ans_start, ans_end, size] of each change block, or None when the texts
    differ too much for windows to pay. `size` (see _size) bounds from above the tokens the block
    adds or removes; negative while it is only the cheap bound."""
    blocks: list[list[int]] = []
    r = a = changed = 0
    for op, n in raw_char_diff(reference, answer, timeout):
        if op == "=":
            r += n
            a += n
            continue
        changed += n
        if blocks and blocks[-1][1] == r and blocks[-1][3] == a:
            block = blocks[-1]
        else:
            block = [r, r, a, a, 0]
            blocks.append(block)
        if op == "-":
            r += n
            block[1] = r
        else:
            a += n
            block[3] = a
    if changed > MAX_CHANGED_SHARE * (len(reference) + len(answer)):
        return None
    for block in blocks:  # a cheap bound first; the exact one only where it decides (_close)
        block[4] = -(3 * max(block[1] - block[0], block[3] - block[2]) + 2)
    return blocks


def plan(reference: str, answer: str, unit: Unit = "word", timeout: float = 1.0) -> list[Window] | None:
    """The windows to align, in order; None when the whole texts should be aligned instead
    (identical, short, mostly different, or one window would cover them anyway)."""
    if reference == answer or len(reference) + len(answer) < WHOLE_BELOW:
        return None
    blocks = _changes(reference, answer, min(timeout, PLAN_TIMEOUT) if timeout > 0 else PLAN_TIMEOUT)
    if not blocks:
        return None
    if max(blocks[-1][1] - blocks[0][0], blocks[-1][3] - blocks[0][2]) <= SMALL_MIDDLE:
        # Everything between the first and the last change is short: one window, no joining to do.
        blocks = [[blocks[0][0], blocks[-1][1], blocks[0][2], blocks[-1][3], 0]]
    # Join blocks the semantic cleanup could join (it joins two changes when the shared text
    # between them is no longer, in tokens, than they are), again after each join.
    joined: list[list[int]] = [blocks[0]]
    for block in blocks[1:]:
        joined.append(block)
        while len(joined) > 1 and _close(reference, answer, unit, joined[-2], joined[-1]):
            right = joined.pop()
            left = joined[-1]
            left[1], left[3] = right[1], right[3]
            # The joined size: the sum of both, kept as a cheap bound (negative) if either is one.
            total = abs(left[4]) + abs(right[4])
            left[4] = total if left[4] >= 0 and right[4] >= 0 else -total
    out: list[Window] = []
    ref_floor = 0
    for k, (r0, r1, a0, a1, _) in enumerate(joined):
        ref_ceiling = joined[k + 1][0] if k + 1 < len(joined) else len(reference)
        start = _cut_left(reference, r0 - CONTEXT_CHARS, ref_floor)
        end = _cut_right(reference, r1 + CONTEXT_CHARS, ref_ceiling)
        # The shared text around a block is the same in both texts: the cuts carry over by offset.
        ans_start, ans_end = a0 - (r0 - start), a1 + (end - r1)
        if out and start <= out[-1].ref_end:
            prev = out.pop()
            start, ans_start = prev.ref_start, prev.ans_start
        out.append(Window(start, end, ans_start, ans_end))
        ref_floor = end
    if len(out) == 1 and out[0].ref_start == 0 and out[0].ref_end == len(reference):
        return None  # one window over everything: nothing saved
    return out


def _size(reference: str, answer: str, unit: Unit, block: list[int]) -> int:
    """Tokens the block adds or removes, from above: those of its longer side, widened to whole
    tokens, plus two (computed once, when the cheap bound was not enough)."""
    if block[4] >= 0:
        return block[4]
    r0, r1, a0, a1, _ = block
    ref_side = reference[_cut_left(reference, r0, 0):_cut_right(reference, r1, len(reference))]
    ans_side = answer[_cut_left(answer, a0, 0):_cut_right(answer, a1, len(answer))]
    block[4] = max(len(tokenize(ref_side, unit)), len(tokenize(ans_side, unit))) + 2
    return block[4]


def _close(reference: str, answer: str, unit: Unit, left: list[int], right: list[int]) -> bool:
    """The two change blocks may be joined by the semantic cleanup, or their windows would touch.
    The shared text between them is counted in tokens from below (whitespace runs and CJK
    characters), and only as far as the comparison needs; the blocks' sizes from above."""
    gap_start, gap_end = left[1], right[0]
    if gap_end - gap_start <= 2 * CONTEXT_CHARS:
        return True

    def gap_at_most(bound: int) -> bool:
        counted = _GAP_TOKENS_RE.findall(reference, gap_start, min(gap_end, gap_start + 8 * bound + 64))
        return len(counted) <= bound

    cheap = max(abs(left[4]), abs(right[4])) + GAP_TOKENS
    if not gap_at_most(cheap):
        return False
    return gap_at_most(max(_size(reference, answer, unit, left), _size(reference, answer, unit, right)) + GAP_TOKENS)


def closed_by_equal_text(segments: list, window: Window, reference: str) -> bool:
    """A window's alignment starts and ends with shared text, except where the window starts or
    ends with the texts themselves: its changes stayed inside it."""
    if not segments:
        return False
    return (window.ref_start == 0 and window.ans_start == 0 or segments[0].op == "equal") and \
        (window.ref_end == len(reference) or segments[-1].op == "equal")
