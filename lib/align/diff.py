"""Align an answer with its reference: the ordered equal/insert/delete segments a reader sees.

Direction: `insert` is text only the answer has, `delete` is reference text the answer lacks.
The diff runs on tokens (lib.align.tokens), not characters: each distinct token is mapped to one
private character (diff-match-patch's own lines-to-chars trick), so the C++ port aligns words
as fast as it aligns letters and semantic cleanup groups a reworded phrase into one change.
"""
from __future__ import annotations

import time
import unicodedata
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Literal

from lib.align.tokens import Unit, is_cjk, is_punct, is_space, tokenize

try:  # The C++ port: same algorithm, ~50x faster. Pure Python diff-match-patch is the fallback.
    import fast_diff_match_patch as _fast
except ImportError:  # pragma: no cover - exercised only where the wheel is missing
    _fast = None
import diff_match_patch as _dmp_module

Op = Literal["equal", "insert", "delete"]

# Punctuation that readers treat as the same mark when "ignore punctuation" is on.
_DASHES = {"—", "–", "--", "―", "－", "-"}


@dataclass(frozen=True)
class DiffOptions:
    """How strictly to compare. `timeout` bounds each alignment in seconds."""

    unit: Unit = "word"
    ignore_case: bool = False
    ignore_whitespace: bool = False
    ignore_punctuation: bool = False
    timeout: float = 1.0


@dataclass(frozen=True)
class Segment:
    """One run of the alignment. `ref` is the reference's text, `ans` the answer's.

    equal: both set (they differ only in what the options ignore); delete: ref only; insert: ans only.
    """

    op: Op
    ref: str = ""
    ans: str = ""

    @property
    def text(self) -> str:
        return self.ref if self.op == "delete" else self.ans


@dataclass(frozen=True)
class DiffResult:
    segments: tuple[Segment, ...]
    # True when the time limit ran out (or the texts have more distinct tokens than can be
    # aligned): segments are then one delete + one insert, and the UI
    # says "too different to align" and shows both texts side by side instead.
    timed_out: bool = False

    @property
    def changed(self) -> bool:
        return any(s.op != "equal" for s in self.segments)


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
    if not (loose or options.ignore_case):
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


# One character per distinct token: Unicode has 0x110000 code points less the 0x800 surrogates.
MAX_DISTINCT_TOKENS = 0x110000 - 0x800 - 1


class TooManyTokens(ValueError):
    """More distinct tokens than characters to stand for them: the texts cannot be aligned."""


class _Codes(dict):
    """Token → one private character, assigned on first sight (skipping the surrogate block)."""

    def __missing__(self, key: str) -> str:
        n = len(self) + 1
        if n > MAX_DISTINCT_TOKENS:
            raise TooManyTokens(f"more than {MAX_DISTINCT_TOKENS:,} distinct tokens")
        code = self[key] = chr(n if n < 0xD800 else n + 0x800)
        return code


def encode_keys(keys_a: list[str], keys_b: list[str]) -> tuple[str, str]:
    """Map each distinct key to one character so the character diff aligns whole tokens."""
    codes = _Codes()
    lookup = codes.__getitem__
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


def _raw_diff(a: str, b: str, timeout: float) -> list[tuple[int, int]]:
    """(op, length) runs: op -1 only in a, 0 both, 1 only in b. Semantic cleanup applied."""
    if _fast is not None:
        runs = _fast.diff(a, b, timelimit=timeout, checklines=False, cleanup="Semantic")
        return [({"-": -1, "=": 0, "+": 1}[op], n) for op, n in runs]
    dmp = _dmp_module.diff_match_patch()
    dmp.Diff_Timeout = timeout
    diffs = dmp.diff_main(a, b, False)
    dmp.diff_cleanupSemantic(diffs)
    return [(op, len(text)) for op, text in diffs]


def levenshtein(a: str, b: str, timeout: float = 1.0) -> int:
    """dmp's Levenshtein: per change block max(deleted, inserted), over an uncleaned alignment."""
    if _fast is not None:
        runs = _fast.diff(a, b, timelimit=timeout, checklines=False, cleanup="No")
    else:
        dmp = _dmp_module.diff_match_patch()
        dmp.Diff_Timeout = timeout
        runs = [({-1: "-", 0: "=", 1: "+"}[op], len(t)) for op, t in dmp.diff_main(a, b, False)]
    distance = deleted = inserted = 0
    for op, n in runs:
        if op == "-":
            deleted += n
        elif op == "+":
            inserted += n
        else:
            distance += max(deleted, inserted)
            deleted = inserted = 0
    return distance + max(deleted, inserted)


def _shared_ends(a: str, b: str) -> tuple[int, int]:
    """Lengths of a shared head and tail that end/start at token boundaries (before/after spaces).

    Most answers copy most of the reference: cutting the identical ends off before tokenizing
    makes a 1,000-character answer with two changed words cost what two words cost.
    """
    n = min(len(a), len(b))
    p = common_prefix_length(a, b)
    head = 0
    for i in range(min(p, n) - 1, 0, -1):  # a cut just before a whitespace run never splits a token
        if a[i].isspace() and not a[i - 1].isspace():
            head = i
            break
    s = min(common_suffix_length(a, b), n - head)
    tail = 0
    for j in range(len(a) - s + 1, len(a)):  # a cut just after a whitespace run
        if a[j - 1].isspace() and not a[j].isspace():
            tail = len(a) - j
            break
    return head, tail


def diff_texts(reference: str, answer: str, options: DiffOptions = DiffOptions()) -> DiffResult:
    """Segments that turn the reference into the answer, token by token."""
    head = tail = 0
    if not (options.ignore_whitespace or options.ignore_punctuation or options.ignore_case):
        head, tail = _shared_ends(reference, answer)
    if head or tail:
        middle = diff_texts(reference[head:len(reference) - tail], answer[head:len(answer) - tail],
                            DiffOptions(options.unit, timeout=options.timeout))
        if middle.timed_out:
            return DiffResult(_fallback(reference, answer), timed_out=True)
        ends = [Segment("equal", reference[:head], answer[:head]), *middle.segments,
                Segment("equal", reference[len(reference) - tail:], answer[len(answer) - tail:])]
        return DiffResult(tuple(_merge_adjacent(ends)))
    ref_keys, ref_texts = _items(reference, options)
    ans_keys, ans_texts = _items(answer, options)
    if len(ref_keys) + len(ans_keys) > MAX_DISTINCT_TOKENS and len({*ref_keys, *ans_keys}) > MAX_DISTINCT_TOKENS:
        # ~1.1 million distinct words: as "too different to align" as a timeout (and said so)
        return DiffResult(_fallback(reference, answer), timed_out=True)
    enc_ref, enc_ans = encode_keys(ref_keys, ans_keys)
    started = time.perf_counter()
    runs = _raw_diff(enc_ref, enc_ans, options.timeout)
    if options.timeout > 0 and time.perf_counter() - started >= options.timeout and enc_ref != enc_ans:
        return DiffResult(_fallback(reference, answer), timed_out=True)

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
    merged = _merge_adjacent(segments)
    # With punctuation ignored, marks are not what a reader wants pointed out.
    return DiffResult(tuple(merged if options.ignore_punctuation else _refine_marks(merged)))


# Longest replaced word (per side) that is looked at letter by letter for changed marks.
_REFINE_MAX_CHARS = 100


def _refine_marks(segments: list[Segment]) -> list[Segment]:
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
    return _merge_adjacent(out) if len(out) != len(segments) else out


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


def _fallback(reference: str, answer: str) -> tuple[Segment, ...]:
    out = []
    if reference:
        out.append(Segment("delete", ref=reference))
    if answer:
        out.append(Segment("insert", ans=answer))
    return tuple(out)


def _merge_adjacent(segments: list[Segment]) -> list[Segment]:
    """Join neighbouring runs of the same op; put a delete before its insert for stable reading."""
    merged: list[Segment] = []
    for seg in segments:
        if not seg.ref and not seg.ans:
            continue
        if merged and merged[-1].op == seg.op:
            last = merged.pop()
            seg = Segment(seg.op, last.ref + seg.ref, last.ans + seg.ans)
        merged.append(seg)
    # dmp may emit insert-then-delete; order each change block delete-first.
    out: list[Segment] = []
    for seg in merged:
        if seg.op == "delete" and out and out[-1].op == "insert":
            out.insert(len(out) - 1, seg)
        else:
            out.append(seg)
    return out
