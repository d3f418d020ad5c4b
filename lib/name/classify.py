"""Name every difference the way grammatical-error-correction research does (ERRANT's codes).

An edit turns the answer into the reference: `M` the answer is missing reference text, `U` the
answer has unnecessary text, `R` the answer replaced reference text. Its type comes from an
ordered cascade of small named rules (ERRANT's classifier, without a POS tagger): the first rule
that holds names the edit.

Edits come from the diff's change blocks. A block is split into several edits only where the
words in between are really shared and every part gets a precise type ("in the" → "through a"
is R:PREP + R:DET); otherwise a reworded clause stays one R:OTHER. Punctuation at either end of a
block is peeled off into its own edit, with its spaces (" -- regardless" → "—irrespective" is
R:PUNCT + R:OTHER), as ERRANT merges punctuation with surrounding whitespace.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from itertools import accumulate
from typing import Callable, Sequence

from lib.align.diff import Segment
from lib.align.tokens import ZERO_WIDTH, is_cjk, is_punct, tokenize
from lib.name.wordlists import (IRREGULAR_NOUNS, IRREGULAR_VERBS, closed_classes, expand_contractions, is_known_word,
                           is_meaning_swap, lemma_of, same_lemma)

OPERATIONS: dict[str, str] = {
    "M": "Missing: the answer lacks reference text",
    "U": "Unnecessary: the answer adds text the reference does not have",
    "R": "Replaced: the answer has other text where the reference has this",
}
EDIT_TYPES: dict[str, str] = {
    "PUNCT": "punctuation (incl. full-width vs half-width, -- vs —)",
    "ORTH": "case or whitespace only",
    "SPELL": "misspelling or near-identical word",
    "DET": "determiner / article (the, a, their…)",
    "PREP": "preposition (in, on, through…)",
    "PRON": "pronoun",
    "CONJ": "conjunction",
    "PART": "particle",
    "CONTR": "contraction (don't vs do not)",
    "MORPH": "same stem, other form",
    "NOUN:NUM": "singular vs plural",
    "WO": "word order",
    "OTHER": "anything else: rewording, added or dropped phrases",
}


@dataclass(frozen=True)
class Edit:
    op: str          # "M" | "U" | "R"
    type: str        # a key of EDIT_TYPES
    reference: str   # reference-side text, stripped ("" for U)
    answer: str      # answer-side text, stripped ("" for M)
    ref_start: int   # offset of `reference` in the reference text
    ans_start: int   # offset of `answer` in the answer text

    @property
    def code(self) -> str:
        return f"{self.op}:{self.type}"


# ---- the cascade: each rule looks at the two sides of one edit ---------------------------------

_WORD_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


@lru_cache(maxsize=65536)
def _words(text: str) -> tuple[str, ...]:
    """Word tokens of one side of an edit (cached: "the", "in", "," recur thousands of times)."""
    return tuple(t for t in tokenize(text) if not t.isspace() and not is_punct(t))


# Symbols that act as punctuation in prose or Markdown; other symbols (currency, maths, emoji)
# are content: "$" → "€" or an added "😊" is not a punctuation error.
_MARK_SYMBOLS = frozenset("`^¨¯´~～|")


def _is_mark(c: str) -> bool:
    return unicodedata.category(c)[0] == "P" or c in _MARK_SYMBOLS


def _is_punct_only(ref: str, ans: str) -> bool:
    """Only punctuation (and spacing) differs: "--" vs "—", "，" vs ",", a dropped comma."""
    squeeze = lambda s: "".join(c for c in s if not c.isspace())  # noqa: E731
    r, a = squeeze(ref), squeeze(ans)
    if not (r or a):
        return False
    return all(_is_mark(c) for c in r + a)


_INVISIBLE = dict.fromkeys(map(ord, ZERO_WIDTH))


def _orth_key(text: str, hyphens: bool) -> str:
    key = "".join(unicodedata.normalize("NFKC", text).translate(_INVISIBLE).split()).casefold()
    return key.replace("-", "") if hyphens else key


def _is_orth(ref: str, ans: str) -> bool:
    """Same letters, other case, spacing, width or hyphenation ("Pre-training" vs "pre-training",
    "can not" vs "cannot", "ＡＢＣ" vs "ABC", "e-mail" vs "email", a zero-width space)."""
    if not (ref and ans):
        return False
    if _orth_key(ref, False) == _orth_key(ans, False):
        return True
    r, a = _orth_key(ref, True), _orth_key(ans, True)
    return r == a and any(c.isalpha() for c in r)


def _is_contraction(ref: str, ans: str) -> bool:
    return bool(ref and ans) and ref.casefold() != ans.casefold() and expand_contractions(ref) == expand_contractions(ans)


def _is_word_order(ref: str, ans: str) -> bool:
    r, a = [w.casefold() for w in _words(ref)], [w.casefold() for w in _words(ans)]
    return len(r) > 1 and r != a and sorted(r) == sorted(a)


def _closed(ref: str, ans: str) -> str | None:
    """A closed class that holds every word of the edit (both sides, one word each at most)."""
    r, a = _words(ref), _words(ans)
    if len(r) > 1 or len(a) > 1 or not (r or a):
        return None
    # A word may sit in several classes ("but" PREP/CONJ, "to" PREP/PART): the first class both
    # sides share names the edit, so "and" → "but" is CONJ.
    shared = None
    for w in r + a:
        classes = closed_classes(w)
        shared = [c for c in (shared if shared is not None else classes) if c in classes]
    return shared[0] if shared else None


def _noun_number(ref: str, ans: str) -> bool:
    r, a = ref.casefold(), ans.casefold()
    if not (_WORD_RE.fullmatch(r) and _WORD_RE.fullmatch(a)):
        return False
    if same_lemma(r, a):
        return lemma_of(r) in IRREGULAR_NOUNS  # child/children/childs
    short, long_ = sorted((r, a), key=len)
    if short in IRREGULAR_VERBS:
        return False  # go/goes, do/does, say/says: agreement, not number (MORPH)
    return long_ in (short + "s", short + "es") or (short.endswith("y") and long_ == short[:-1] + "ies")


def _morph(ref: str, ans: str) -> bool:
    """Same stem, other ending: studies / studied / study, regard / regarding."""
    r, a = ref.casefold(), ans.casefold()
    if same_lemma(r, a):
        return True  # was/were, has/have, saw/seen, went/go
    if r != a and " " not in r.strip() and " " not in a.strip():
        er, ea = expand_contractions(r).split(), expand_contractions(a).split()
        diff = [(x, y) for x, y in zip(er, ea) if x != y]
        if len(er) == len(ea) > 1 and len(diff) == 1 and same_lemma(*diff[0]):
            return True  # don't/doesn't, isn't/aren't
    if not (_WORD_RE.fullmatch(r) and _WORD_RE.fullmatch(a)) or r == a:
        return False
    common = 0
    for x, y in zip(r, a):
        if x != y:
            break
        common += 1
    return common >= 4 and common >= min(len(r), len(a)) - 3 and is_known_word(r) and is_known_word(a)


def _levenshtein(a: str, b: str) -> int:
    if len(a) < len(b):
        a, b = b, a
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def _spell(ref: str, ans: str) -> bool:
    """A misspelling: one word for one word, and the answer's is no word or is nearly the reference's.
    A single Chinese character for another is how Chinese misspellings look (研実 → 研究), unless
    the swap changes the facts (三 → 两, 不 → 没, 大 → 小: OTHER). Function characters (的/地/得,
    和/与) never get here: the closed classes name them first."""
    if not ref or not ans:
        return False
    if is_cjk(ref) and is_cjk(ans) and len(ref) == 1 and len(ans) == 1:
        return not is_meaning_swap(ref, ans)
    if not (_WORD_RE.fullmatch(ref) and _WORD_RE.fullmatch(ans)):
        return False
    if any(c.isdigit() for c in ref + ans):
        return False  # 2023 → 2024 is a changed fact, not a misspelling
    if not is_known_word(ans) and is_known_word(ref):
        return True
    distance = _levenshtein(ref.casefold(), ans.casefold())
    return distance <= 2 and distance / max(len(ref), len(ans)) <= 0.34


# Whitespace plus the zero-width characters that act as (invisible) spacing.
_BLANKS = " \t\n\r\f\v\u00a0\u3000" + ZERO_WIDTH


# (type, rule) in order; the rule gets (reference side, answer side) stripped.
CASCADE: tuple[tuple[str, Callable[[str, str], bool]], ...] = (
    ("PUNCT", _is_punct_only),
    ("ORTH", _is_orth),
    ("CONTR", _is_contraction),
    ("WO", _is_word_order),
    ("NOUN:NUM", _noun_number),
    ("MORPH", _morph),
    ("SPELL", _spell),
)


# Edits longer than this (a preamble, a dropped paragraph, an answer in another language) are
# never a single closed-class word, a misspelling or a reordering: only the cheap rules run.
LONG_EDIT_CHARS = 120


@lru_cache(maxsize=65536)
def classify(reference: str, answer: str) -> str:
    """The type of one edit (its two sides, stripped)."""
    if not (reference.isascii() and answer.isascii()):
        # "cafe\u0301" and "café" are one word to a reader: judge them composed (NFC).
        reference, answer = unicodedata.normalize("NFC", reference), unicodedata.normalize("NFC", answer)
        if reference == answer:
            return "ORTH"  # the same text, encoded differently
    if not reference.strip(_BLANKS) and not answer.strip(_BLANKS):
        return "ORTH"  # whitespace only: a doubled space, NBSP, a line break, a zero-width space
    if len(reference) + len(answer) > LONG_EDIT_CHARS:
        if _is_orth(reference, answer):
            return "ORTH"
        if max(len(reference), len(answer)) < 4 * LONG_EDIT_CHARS and _is_word_order(reference, answer):
            return "WO"
        return "PUNCT" if _is_punct_only(reference[:200], answer[:200]) and _is_punct_only(reference, answer) else "OTHER"
    for name, rule in CASCADE[:4]:
        if rule(reference, answer):
            return name
    closed = _closed(reference, answer)
    if closed:
        return closed
    for name, rule in CASCADE[4:]:
        if rule(reference, answer):
            return name
    return "OTHER"


def _op(reference: str, answer: str) -> str:
    return "M" if not answer else "U" if not reference else "R"


# ---- from diff segments to edits -------------------------------------------------------------

def _spans(text: str) -> list[tuple[str, int]]:
    """Non-space tokens with their offsets."""
    out, pos = [], 0
    for tok in tokenize(text):
        if not tok.isspace():
            out.append((tok, pos))
        pos += len(tok)
    return out


def _make(ref_text: str, ans_text: str, ref_base: int, ans_base: int) -> Edit:
    """An edit from raw block texts at the given offsets, stripped (whitespace-only kept raw)."""
    r, a = ref_text.strip(), ans_text.strip()
    if not r and not a:
        return Edit(_op(ref_text, ans_text), "ORTH", ref_text, ans_text, ref_base, ans_base)
    r_off = ref_base + (len(ref_text) - len(ref_text.lstrip())) if r else ref_base
    a_off = ans_base + (len(ans_text) - len(ans_text.lstrip())) if a else ans_base
    return Edit(_op(r, a), classify(r, a), r, a, r_off, a_off)


def _peel_punct(i1: int, i2: int, j1: int, j2: int, r_toks: list, a_toks: list) -> list[tuple[int, int, int, int]]:
    """Split leading/trailing punctuation tokens off a replacement, as token index ranges."""
    def lead(toks, lo, hi):
        n = lo
        while n < hi and is_punct(toks[n][0]):
            n += 1
        return n

    def trail(toks, lo, hi):
        n = hi
        while n > lo and is_punct(toks[n - 1][0]):
            n -= 1
        return n

    parts = []
    li, lj = lead(r_toks, i1, i2), lead(a_toks, j1, j2)
    # Peel only punctuation that faces punctuation ("--" vs "—"), and only when words remain.
    if li > i1 and lj > j1 and (li < i2 or lj < j2):
        parts.append((i1, li, j1, lj))
        i1, j1 = li, lj
    ti, tj = trail(r_toks, i1, i2), trail(a_toks, j1, j2)
    tail = None
    if ti < i2 and tj < j2 and (ti > i1 or tj > j1):
        tail = (ti, i2, tj, j2)
        i2, j2 = ti, tj
    parts.append((i1, i2, j1, j2))
    if tail:
        parts.append(tail)
    return parts


def _pairwise_precise(r_toks: list, a_toks: list) -> bool:
    """Word-for-word replacements that each get a precise type ("in the" → "through a")."""
    return all(r != a and classify(r, a) != "OTHER" for (r, _), (a, _) in zip(r_toks, a_toks))


def _piece(text: str, base: int, toks: list[tuple[str, int]], lo: int, hi: int) -> tuple[str, int]:
    """Text of tokens lo..hi (with their inner spacing) and its absolute offset; an empty piece
    sits right after the token before it."""
    if hi > lo:
        start, end = toks[lo][1], toks[hi - 1][1] + len(toks[hi - 1][0])
        return text[start:end], base + start
    if lo > 0:
        return "", base + toks[lo - 1][1] + len(toks[lo - 1][0])
    return "", base


def _split_block(ref_text: str, ans_text: str, ref_base: int, ans_base: int) -> list[Edit]:
    r, a = ref_text.strip(), ans_text.strip()
    if r and r == a:
        return _space_edits(ref_text, ans_text, ref_base, ans_base)  # "我用Python写" vs "我用 Python 写"
    if not (" " in r or " " in a or "\n" in r or "\n" in a) and len(r) + len(a) < 60 \
            and len(tokenize(r)) <= 1 and len(tokenize(a)) <= 1:
        return [_make(ref_text, ans_text, ref_base, ans_base)]  # one word (or mark) each: the common case
    r_toks, a_toks = _spans(ref_text), _spans(ans_text)
    if not r_toks and not a_toks:
        return [_make(ref_text, ans_text, ref_base, ans_base)] if (ref_text or ans_text) else []
    if [t for t, _ in r_toks] == [t for t, _ in a_toks]:
        return _space_edits(ref_text, ans_text, ref_base, ans_base)  # "我用Python写" vs "我用 Python 写"
    whole = _make(ref_text, ans_text, ref_base, ans_base)
    if (len(r_toks) + len(a_toks) <= 2 and whole.type != "OTHER") or not r_toks or not a_toks:
        return [whole]  # one word each, or one side empty: nothing to split
    # Finer alignment inside the block, without the semantic cleanup that merged it.
    matcher = SequenceMatcher(None, [t for t, _ in r_toks], [t for t, _ in a_toks], autojunk=False)
    ranges: list[tuple[int, int, int, int]] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "replace" and i2 - i1 == j2 - j1 <= 3 and _pairwise_precise(r_toks[i1:i2], a_toks[j1:j2]):
            ranges.extend((i1 + k, i1 + k + 1, j1 + k, j1 + k + 1) for k in range(i2 - i1))
        elif tag == "replace":
            ranges.extend(_peel_punct(i1, i2, j1, j2, r_toks, a_toks))
        elif tag != "equal":
            ranges.append((i1, i2, j1, j2))
    edits = []
    for i1, i2, j1, j2 in ranges:
        r_s, r_off = _piece(ref_text, ref_base, r_toks, i1, i2)
        a_s, a_off = _piece(ans_text, ans_base, a_toks, j1, j2)
        if r_s or a_s:
            edits.append(Edit(_op(r_s, a_s), classify(r_s, a_s), r_s, a_s, r_off, a_off))
    if len(edits) <= 1:
        return edits or [whole]
    shared = any(tag == "equal" for tag, *_ in matcher.get_opcodes())
    if not shared:
        return edits  # nothing shared: only punctuation was peeled off the ends
    if all(e.type != "OTHER" for e in edits):
        return edits  # "in the" → "through a": R:PREP + R:DET
    return [whole]  # a reworded clause: one edit, not a run of one-word edits


def _space_edits(ref_text: str, ans_text: str, ref_base: int, ans_base: int) -> list[Edit]:
    """The same tokens, other spacing: one ORTH edit per changed gap, not the words around it."""
    r_all, a_all = tokenize(ref_text), tokenize(ans_text)
    r_pos = list(accumulate(map(len, r_all), initial=0))  # offset of each token
    a_pos = list(accumulate(map(len, a_all), initial=0))
    out = []
    matcher = SequenceMatcher(None, r_all, a_all, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            r_s, a_s = "".join(r_all[i1:i2]), "".join(a_all[j1:j2])
            out.append(Edit(_op(r_s, a_s), "ORTH", r_s, a_s, ref_base + r_pos[i1], ans_base + a_pos[j1]))
    return out or [_make(ref_text, ans_text, ref_base, ans_base)]


def extract_edits(segments: Sequence[Segment]) -> list[Edit]:
    """Edits of one alignment (lib.align.diff segments), in reading order."""
    edits: list[Edit] = []
    ref_pos = ans_pos = 0
    block_ref: list[str] = []
    block_ans: list[str] = []
    block_start = (0, 0)

    def flush() -> None:
        if block_ref or block_ans:
            edits.extend(_split_block("".join(block_ref), "".join(block_ans), *block_start))
            block_ref.clear()
            block_ans.clear()

    for seg in segments:
        if seg.op == "equal":
            flush()
            ref_pos += len(seg.ref)
            ans_pos += len(seg.ans)
            continue
        if not block_ref and not block_ans:
            block_start = (ref_pos, ans_pos)
        if seg.op == "delete":
            block_ref.append(seg.ref)
            ref_pos += len(seg.ref)
        else:
            block_ans.append(seg.ans)
            ans_pos += len(seg.ans)
    flush()
    return _merge_word_order(edits, segments)


def _merge_word_order(edits: list[Edit], segments: Sequence[Segment]) -> list[Edit]:
    """A word dropped here and added a few words on ("big red" → "red big") is one R:WO edit."""
    if len(edits) < 2:
        return edits
    reference = "".join(s.ref for s in segments if s.op != "insert")
    answer = "".join(s.ans for s in segments if s.op != "delete")
    out: list[Edit] = []
    i = 0
    while i < len(edits):
        a = edits[i]
        b = edits[i + 1] if i + 1 < len(edits) else None
        if b is not None and {a.op, b.op} == {"M", "U"} and (a.reference or a.answer).casefold() == (b.reference or b.answer).casefold():
            r0 = min(a.ref_start, b.ref_start)
            r1 = max(a.ref_start + len(a.reference), b.ref_start + len(b.reference))
            a0 = min(a.ans_start, b.ans_start)
            a1 = max(a.ans_start + len(a.answer), b.ans_start + len(b.answer))
            if r1 - r0 <= 80 and a1 - a0 <= 80:
                r_text, a_text = reference[r0:r1], answer[a0:a1]
                r0 += len(r_text) - len(r_text.lstrip())
                a0 += len(a_text) - len(a_text.lstrip())
                out.append(Edit("R", "WO", r_text.strip(), a_text.strip(), r0, a0))
                i += 2
                continue
        out.append(a)
        i += 1
    return out
