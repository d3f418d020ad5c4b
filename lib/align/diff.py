"""Align an answer with its reference: the ordered equal/insert/delete segments a reader sees.

The diff runs on tokens (lib.align.tokens), not characters, through the C++ character diff
(lib.align.engine): the identical head and tail are cut off, the middle is aligned token by
token (lib.align.marks then splits replaced words whose letters all survive), and an alignment
that runs out of time becomes "too different to align": both texts whole.
"""
from __future__ import annotations

import time
import unicodedata

from lib.align.engine import CODE_CAPACITY, TooManyTokens, encode_keys, levenshtein, semantic_diff as _raw_diff, shared_ends
from lib.align.marks import refine_marks
from lib.align.segments import DiffOptions, DiffResult, Op, Segment, merge_adjacent, whole_texts
from lib.align.tokens import is_punct, is_space, tokenize

__all__ = ["DiffOptions", "DiffResult", "MAX_DISTINCT_TOKENS", "Op", "Segment", "TooManyTokens", "diff_texts",
           "encode_keys", "levenshtein"]

# One private character per distinct token (lib.align.engine); more, and the pair is shown as
# "too different to align", as a timeout is.
MAX_DISTINCT_TOKENS = CODE_CAPACITY


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
    return _diff_whole(reference, answer, options)


def _diff_whole(reference: str, answer: str, options: DiffOptions) -> DiffResult:
    """Shared head and tail cut off at token boundaries, then the middle aligned token by token."""
    head = tail = 0
    if options.strict:
        head, tail = shared_ends(reference, answer)
    middle = _token_diff(reference[head:len(reference) - tail], answer[head:len(answer) - tail], options)
    if middle is None:
        return DiffResult(whole_texts(reference, answer), timed_out=True)
    if not (head or tail):
        return DiffResult(tuple(middle))
    ends = [Segment("equal", reference[:head], answer[:head]), *middle,
            Segment("equal", reference[len(reference) - tail:], answer[len(answer) - tail:])]
    return DiffResult(tuple(merge_adjacent(ends)))


def _token_diff(reference: str, answer: str, options: DiffOptions) -> list[Segment] | None:
    """The token alignment of two texts, marks refined; None when it ran out of time."""
    ref_keys, ref_texts = _items(reference, options)
    ans_keys, ans_texts = _items(answer, options)
    if len(ref_keys) + len(ans_keys) > MAX_DISTINCT_TOKENS and len({*ref_keys, *ans_keys}) > MAX_DISTINCT_TOKENS:
        return None  # ~a million distinct words: as "too different to align" as a timeout (and said so)
    enc_ref, enc_ans = encode_keys(ref_keys, ans_keys)
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
