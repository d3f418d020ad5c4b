"""The character diff underneath every alignment: diff-match-patch's C++ port, with the pure-Python
package as the fallback where the wheel is missing, and the helpers that feed it tokens.

Tokens become characters (diff-match-patch's own lines-to-chars trick): each distinct token is
mapped to one private character, so the C++ diff aligns words as fast as it aligns letters and its
semantic cleanup groups a reworded phrase into one change.
"""
from __future__ import annotations

try:  # The C++ port: same algorithm, ~50x faster. Pure Python diff-match-patch is the fallback.
    import fast_diff_match_patch as _fast
except ImportError:  # pragma: no cover - exercised only where the wheel is missing
    _fast = None
import diff_match_patch as _dmp_module

_OPS = {"-": -1, "=": 0, "+": 1}


# Private-use characters are neither letters, digits nor spaces, so the semantic cleanup, which
# prefers to put a change next to a space or a line break, scores every token boundary alike: the
# alignment then depends on the tokens, not on which code each happened to get (a first-seen
# token coded chr(32) would have passed for a space). The BMP block first (2 bytes a character),
# then the two private planes; past those (a pair with 137,000 distinct tokens), planes 1–14.
_PRIVATE = ((0xE000, 0xF8FF), (0xF0000, 0xFFFFD), (0x100000, 0x10FFFD), (0x10000, 0xEFFFF))
_PRIVATE_SIZES = tuple(hi - lo + 1 for lo, hi in _PRIVATE)
# Distinct tokens one alignment can code: beyond, the texts are "too different to align".
CODE_CAPACITY = sum(_PRIVATE_SIZES)


class TooManyTokens(ValueError):
    """More distinct tokens than characters to stand for them: the texts cannot be aligned."""


def _codes(count: int) -> str:
    """The first `count` codes, in order."""
    out, need = [], count
    for lo, hi in _PRIVATE:
        take = min(need, hi - lo + 1)
        out.append("".join(map(chr, range(lo, lo + take))))
        need -= take
        if not need:
            return "".join(out)
    raise TooManyTokens(f"more than {CODE_CAPACITY:,} distinct tokens")


_FIRST_CODES = _codes(_PRIVATE_SIZES[0])


def encode_keys(keys_a: list[str], keys_b: list[str]) -> tuple[str, str]:
    """Map each distinct key to one character so the character diff aligns whole tokens.
    Codes go to keys in first-seen order; every step runs in C (dict.fromkeys, zip, map)."""
    distinct = dict.fromkeys(keys_a)
    distinct.update(dict.fromkeys(keys_b))
    codes = _FIRST_CODES if len(distinct) <= len(_FIRST_CODES) else _codes(len(distinct))
    lookup = dict(zip(distinct, codes)).__getitem__
    return "".join(map(lookup, keys_a)), "".join(map(lookup, keys_b))


def common_prefix_length(a: str, b: str) -> int:
    """Length of the shared start, by halving slice comparisons (C speed, as dmp does)."""
    if not a or not b or a[0] != b[0]:
        return 0
    lo, hi, mid, start = 0, min(len(a), len(b)), min(len(a), len(b)), 0
    while lo < mid:
        if a[start:mid] == b[start:mid]:
            lo = mid
            start = lo
        else:
            hi = mid
        mid = (hi - lo) // 2 + lo
    return mid


def common_suffix_length(a: str, b: str) -> int:
    if not a or not b or a[-1] != b[-1]:
        return 0
    lo, hi, mid, end = 0, min(len(a), len(b)), min(len(a), len(b)), 0
    while lo < mid:
        if a[len(a) - mid:len(a) - end] == b[len(b) - mid:len(b) - end]:
            lo = mid
            end = lo
        else:
            hi = mid
        mid = (hi - lo) // 2 + lo
    return mid


def semantic_diff(a: str, b: str, timeout: float) -> list[tuple[int, int]]:
    """(op, length) runs: op -1 only in a, 0 both, 1 only in b. Semantic cleanup applied."""
    if _fast is not None:
        return [(_OPS[op], n) for op, n in _fast.diff(a, b, timelimit=timeout, checklines=False, cleanup="Semantic")]
    dmp = _dmp_module.diff_match_patch()
    dmp.Diff_Timeout = timeout
    diffs = dmp.diff_main(a, b, False)
    dmp.diff_cleanupSemantic(diffs)
    return [(op, len(text)) for op, text in diffs]


def raw_char_diff(a: str, b: str, timeout: float) -> list[tuple[str, int]]:
    """("-"|"="|"+", length) runs of a minimal character alignment, without cleanup: where the
    texts differ, found in C before any Python looks at a token."""
    if _fast is not None:
        return _fast.diff(a, b, timelimit=timeout, checklines=False, cleanup="No")
    dmp = _dmp_module.diff_match_patch()
    dmp.Diff_Timeout = timeout
    return [({-1: "-", 0: "=", 1: "+"}[op], len(t)) for op, t in dmp.diff_main(a, b, False)]


def levenshtein(a: str, b: str, timeout: float = 1.0) -> int:
    """dmp's Levenshtein: per change block max(deleted, inserted), over an uncleaned alignment."""
    distance = deleted = inserted = 0
    for op, n in raw_char_diff(a, b, timeout):
        if op == "-":
            deleted += n
        elif op == "+":
            inserted += n
        else:
            distance += max(deleted, inserted)
            deleted = inserted = 0
    return distance + max(deleted, inserted)
