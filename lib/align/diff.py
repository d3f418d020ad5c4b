"""Align an answer with its reference: the ordered equal/insert/delete segments a reader sees.

The diff runs on tokens (lib.align.tokens), not characters, through the C++ character diff
(lib.align.engine). Cheapest path first:
- strict comparison of long texts that mostly agree: lib.align.windows finds where they differ
  with one character diff in C, and only the words around each change are tokenized and aligned;
- otherwise (short texts, rewrites, ignore options) the whole texts are aligned token by token.
Either way lib.align.marks splits replaced words whose letters all survive, and an alignment
that runs out of time becomes "too different to align": both texts whole.
"""
from __future__ import annotations

import time
import unicodedata

from lib.align import windows
from lib.align import engine
from lib.align.engine import CODE_CAPACITY, TooManyTokens, levenshtein, semantic_diff as _raw_diff
from lib.align.marks import refine_marks
from lib.align.segments import DiffOptions, DiffResult, Op, Segment, merge_adjacent, whole_texts
from lib.align.tokens import is_punct, is_space, tokenize

__all__ = ["DiffOptions", "DiffResult", "MAX_DISTINCT_TOKENS", "Op", "Segment", "TooManyTokens", "diff_texts",
           "encode_keys", "levenshtein"]

# One private character per distinct token (lib.align.engine); more, and the pair is shown as
# "too different to align", as a timeout is.
MAX_DISTINCT_TOKENS = CODE_CAPACITY


def encode_keys(keys_a: list[str], keys_b: list[str]) -> tuple[str, str]:
    """lib.align.engine.encode_keys, with TooManyTokens past MAX_DISTINCT_TOKENS."""
    if len(keys_a) + len(keys_b) > MAX_DISTINCT_TOKENS and len({*keys_a, *keys_b}) > MAX_DISTINCT_TOKENS:
        raise TooManyTokens(f"more than {MAX_DISTINCT_TOKENS:,} distinct tokens")
    return engine.encode_keys(keys_a, keys_b)


def _key(token: str, options: DiffOptions) -> str:
    """What a token is compared as, under the user's ignore options."""
    if options.ignore_whitespace and is_space(token):
        return " "
    if options.ignore_punctuation and is_punct(token):
        return " "  # punctuation acts as a separator; adjacent separators merge below
    key = token
    if options.ignore_case:
        key = key.casefold()
    if options.ignore_punctuation:
        key = unicodedata.normalize("NFKC", key)
    return key


def _items(text: str, options: DiffOptions) -> tuple[list[str], list[str]]:
    """Parallel lists (keys, display texts). Ignored differences collapse into one key."""
    keys: list[str] = []
    texts: list[str] = []
    loose = options.ignore_whitespace or options.ignore_punctuation
    if options.strict:
        tokens = tokenize(text, options.unit)
        return tokens, tokens
    for token in tokenize(text, options.unit):
        key = _key(token, options)
        if loose and key == " " and keys and keys[-1] == " ":
            texts[-1] += token  # "a -- b" and "a—b" both become a, " ", b
            continue
        keys.append(key)
        texts.append(token)
    if loose and len(keys) > 1:
        # Leading/trailing separators never count as a difference when loose: they join the token
        # next to them ("world." and "world" are then the same item, not "world" plus an extra "").
        if keys[0] == " ":
            keys.pop(0)
            first = texts.pop(0)
            texts[0] = first + texts[0]
        if len(keys) > 1 and keys[-1] == " ":
            keys.pop()
            last = texts.pop()
            texts[-1] += last
    elif loose and keys == [" "]:
        keys[0] = ""
    return keys, texts


def diff_texts(reference: str, answer: str, options: DiffOptions = DiffOptions()) -> DiffResult:
    """Segments that turn the reference into the answer, token by token."""
    if options.strict:
        plan = windows.plan(reference, answer, options.unit, options.timeout)
        if plan is not None:
            return _diff_windows(reference, answer, plan, options)
    return _diff_whole(reference, answer, options)


def _diff_windows(reference: str, answer: str, plan: list[windows.Window], options: DiffOptions) -> DiffResult:
    """The shared text between windows as it is; each window aligned on its own. Segments are
    kept as [op, ref_start, ref_end, ans_start, ans_end] until the end, so a shared run that spans
    a window's edge is one slice of the texts, never a concatenation of long pieces."""
    spans: list[list] = []

    def shared(r0: int, r1: int, a0: int, a1: int) -> None:
        if r1 == r0:
            return
        if spans and spans[-1][0] == "equal":
            spans[-1][2], spans[-1][4] = r1, a1
        else:
            spans.append(["equal", r0, r1, a0, a1])

    r_at = a_at = 0
    for w in plan:
        shared(r_at, w.ref_start, a_at, w.ans_start)
        middle = _token_diff(reference[w.ref_start:w.ref_end], answer[w.ans_start:w.ans_end], options)
        if middle is None:
            return DiffResult(whole_texts(reference, answer), timed_out=True)
        if not windows.closed_by_equal_text(middle, w, reference):
            return _diff_whole(reference, answer, options)  # a change reached its window's edge
        r, a = w.ref_start, w.ans_start
        for seg in middle:
            r_end, a_end = r + len(seg.ref), a + len(seg.ans)
            if seg.op == "equal":
                shared(r, r_end, a, a_end)
            else:
                spans.append([seg.op, r, r_end, a, a_end])
            r, a = r_end, a_end
        r_at, a_at = w.ref_end, w.ans_end
    shared(r_at, len(reference), a_at, len(answer))
    return DiffResult(tuple(Segment(op, reference[r0:r1], answer[a0:a1]) for op, r0, r1, a0, a1 in spans))


def _diff_whole(reference: str, answer: str, options: DiffOptions) -> DiffResult:
    """The whole texts aligned token by token: the reference result the windows reproduce."""
    segments = _token_diff(reference, answer, options)
    if segments is None:
        return DiffResult(whole_texts(reference, answer), timed_out=True)
    return DiffResult(tuple(segments))


def _token_diff(reference: str, answer: str, options: DiffOptions) -> list[Segment] | None:
    """The token alignment of two texts, marks refined; None when it ran out of time."""
    ref_keys, ref_texts = _items(reference, options)
    ans_keys, ans_texts = _items(answer, options)
    try:
        enc_ref, enc_ans = encode_keys(ref_keys, ans_keys)
    except TooManyTokens:
        return None  # ~a million distinct words: as "too different to align" as a timeout (and said so)
    started = time.perf_counter()
    runs = _raw_diff(enc_ref, enc_ans, options.timeout)
    if options.timeout > 0 and time.perf_counter() - started >= options.timeout and enc_ref != enc_ans:
        return None

    segments: list[Segment] = []
    i = j = 0
    for op, n in runs:
        if op == 0:
            segments.append(Segment("equal", "".join(ref_texts[i:i + n]), "".join(ans_texts[j:j + n])))
            i += n
            j += n
        elif op == -1:
            segments.append(Segment("delete", ref="".join(ref_texts[i:i + n])))
            i += n
        else:
            segments.append(Segment("insert", ans="".join(ans_texts[j:j + n])))
            j += n
    merged = merge_adjacent(segments)
    # With punctuation ignored, marks are not what a reader wants pointed out.
    return merged if options.ignore_punctuation else refine_marks(merged)
