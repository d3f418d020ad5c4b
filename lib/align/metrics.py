"""Per-answer numbers: similarity, character and word error rates, number of changed spans.

Error rates use diff-match-patch's Levenshtein (per change block, max(inserted, deleted)) over a
Myers alignment: the same figure dmp reports, computed by the C++ port so that 32,000 answers of
1,000 characters cost milliseconds each, not seconds.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Sequence

from lib.align.diff import Segment, levenshtein
from lib.align.tokens import tokenize


def similarity(segments: Sequence[Segment]) -> float:
    """Share of characters the two texts have in common, 0–1 (2·common / (len(ref)+len(ans))).

    Computed from the aligned segments the reader sees, so "0.98" matches the colored diff.
    """
    common = ref_len = ans_len = 0
    for seg in segments:
        if seg.op == "equal":
            # Both sides of an equal run are shared, even when they differ in what the options
            # (or the exact-match fast path) ignore: counting one side twice gave values above 1.
            common += len(seg.ans) + len(seg.ref)
            ref_len += len(seg.ref)
            ans_len += len(seg.ans)
        elif seg.op == "delete":
            ref_len += len(seg.ref)
        else:
            ans_len += len(seg.ans)
    total = ref_len + ans_len
    return 1.0 if total == 0 else common / total


def changed_spans(segments: Sequence[Segment]) -> int:
    """Change blocks (a delete and/or insert between two equal runs): what a reader counts as edits."""
    count, in_change = 0, False
    for seg in segments:
        if seg.op == "equal":
            in_change = False
        elif not in_change:
            count += 1
            in_change = True
    return count


def words(text: str) -> list[str]:
    """Words for WER: non-space tokens, so each CJK character and each mark counts as one word."""
    return [t for t in tokenize(text) if not t.isspace()]


@lru_cache(maxsize=65536)
def _word_count(text: str) -> int:
    return len(words(text))


@lru_cache(maxsize=4096)
def reference_word_count(reference: str) -> int:
    """WER's denominator. Cached: every answer to a sample shares its reference, and counting the
    words of a 50,000-character reference costs more than aligning an answer with three edits."""
    return len(words(reference))


def word_errors(segments: Sequence[Segment]) -> int:
    """Word edits read off the word alignment: per change block, max(words deleted, words inserted).

    Only changed text is re-split, so WER costs nearly nothing on top of the diff the reader sees
    (on a semantically cleaned alignment it can exceed the minimal edit count by a little).
    """
    errors = deleted = inserted = 0
    for seg in segments:
        if seg.op == "equal":
            errors += max(deleted, inserted)
            deleted = inserted = 0
        elif seg.op == "delete":
            deleted += _word_count(seg.ref) if len(seg.ref) < 200 else len(words(seg.ref))
        else:
            inserted += _word_count(seg.ans) if len(seg.ans) < 200 else len(words(seg.ans))
    return errors + max(deleted, inserted)


def _disjoint(a: str, b: str) -> bool:
    """Long texts with (almost) no letters in common, e.g. a Chinese answer to an English reference:
    their Levenshtein distance is the longer length to within a few characters, and computing
    it exactly costs milliseconds each."""
    if len(a) + len(b) < 400:
        return False
    shared = set(a) & set(b)
    return sum(a.count(c) for c in shared if not c.isspace()) < 0.02 * len(a)


@lru_cache(maxsize=65536)
def _short_distance(a: str, b: str, timeout: float) -> int:
    return levenshtein(a, b, timeout)


def _block_distance(a: str, b: str, timeout: float) -> int:
    """Levenshtein of one change block; short blocks are cached, since the same edit recurs across
    answers (" -- " → "—", a dropped "the") and even a two-word change costs the C++ diff ~50 µs."""
    return _short_distance(a, b, timeout) if len(a) + len(b) <= 200 else levenshtein(a, b, timeout)


def char_errors(segments: Sequence[Segment], timeout: float = 1.0) -> int:
    """Character edits read off the word alignment: Levenshtein inside each change block.

    Same figure as a character diff of the whole texts when the blocks are where the texts
    differ (they are), at the cost of diffing only the changed words.
    """
    errors = 0
    deleted: list[str] = []
    inserted: list[str] = []
    for seg in (*segments, Segment("equal")):
        if seg.op == "equal":
            if deleted or inserted:
                a, b = "".join(deleted), "".join(inserted)
                errors += max(len(a), len(b)) if not (a and b) or _disjoint(a, b) else _block_distance(a, b, timeout)
                deleted, inserted = [], []
        elif seg.op == "delete":
            deleted.append(seg.ref)
        else:
            inserted.append(seg.ans)
    return errors
