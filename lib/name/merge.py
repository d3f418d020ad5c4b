"""From an alignment to edits, the way ERRANT's merger makes them (errant/en/merger.py).

The diff (lib.align.diff) gives change blocks; semantic cleanup makes them generous ("can live if
old people" → "would be alive if our ancestors"). Inside each block the words are aligned again
with ERRANT's linguistic costs (lib.name.alignment), then ERRANT's rules decide what one edit is: a case change on the first word rides
with the edit before it ("Disadvantage" → "A disadvantage"), words that only differ by spacing or
hyphens are one edit, adjacent substitutions and near-identical words at the ends are split off,
a final determiner is its own edit, and what is left is one edit if it holds a content word.
Contractions are split as ERRANT's tokenizer splits them ("it's" → "it" + "'s"), so a dropped
"'s" is U:CONTR rather than a replaced word.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from difflib import SequenceMatcher
from itertools import accumulate, combinations, groupby
from typing import NamedTuple, Sequence

from lib.align.diff import Segment
from lib.align.tokens import is_cjk, tokenize
from lib.name.classify import classify, operation
from lib.name.alignment import align
from lib.name.lexicon import OPEN, indel, normal, pos, split_contraction


@dataclass(frozen=True)
class Edit:
    op: str          # "M" | "U" | "R"
    type: str        # a key of lib.name.classify.EDIT_TYPES
    reference: str   # reference-side text, stripped ("" for U)
    answer: str      # answer-side text, stripped ("" for M)
    ref_start: int   # offset of `reference` in the reference text
    ans_start: int   # offset of `answer` in the answer text

    @property
    def code(self) -> str:
        return f"{self.op}:{self.type}"


class Tok(NamedTuple):
    text: str
    start: int  # offset in the whole answer or reference

    @property
    def end(self) -> int:
        return self.start + len(self.text)


def _op(reference: str, answer: str) -> str:
    return "M" if not answer else "U" if not reference else "R"


# ---- tokens ----------------------------------------------------------------------------------

def _tokens(text: str, base: int) -> list[Tok]:
    """Non-space tokens with absolute offsets; contractions split as spaCy does: do|n't, it|'s."""
    out, p = [], base
    for t in tokenize(text):
        if not t.isspace():
            q = p
            for part in split_contraction(t):
                out.append(Tok(part, q))
                q += len(part)
        p += len(t)
    return out


_WORD_AFTER = re.compile(r"[\s\"'“”‘’(]*([^\W_]+(?:['’][^\W_]+)*)")
_QUOTES = " \t\n\"'“”‘’)"


def _word_after(text: str, p: int) -> str:
    m = _WORD_AFTER.match(text, p)
    return m.group(1) if m else ""


def _word_before(text: str, p: int) -> str:
    """The word that ends before offset p (skipping spaces and quotes), "" at a mark or the start."""
    while p > 0 and text[p - 1] in _QUOTES:
        p -= 1
    end = p
    while p > 0 and (text[p - 1].isalnum() or (text[p - 1] in "'’" and p > 1 and text[p - 2].isalnum())):
        p -= 1
    return text[p:end]


# ---- ERRANT's merge rules --------------------------------------------------------------------

# ERRANT's rules try every sub-span of a run of changes (cubic in its length); a run longer than
# this is a rewritten passage, shown as one edit, as a reader would describe it.
MAX_RULE_OPS = 12


def _merged(seq: list) -> list:
    return [("X", seq[0][1], seq[-1][2], seq[0][3], seq[-1][4])] if seq else seq


def _process(seq: list, o: list[str], c: list[str], op_: list[str], cp: list[str]) -> list:
    if len(seq) <= 1:
        return seq
    ops = [s[0] for s in seq]
    if set(ops) in ({"D"}, {"I"}) or len(seq) > MAX_RULE_OPS:
        return _merged(seq)
    go = lambda part: _process(part, o, c, op_, cp)  # noqa: E731
    # Redline's own rule before ERRANT's: a mark replaced by a mark at either end is its own
    # R:PUNCT (" -- it happens" → "—" is R:PUNCT + U:OTHER, not one R:OTHER).
    for k in (0, len(seq) - 1):
        if ops[k] == "S" and op_[seq[k][1]] == cp[seq[k][3]] == "PUNCT":
            return [seq[0]] + go(seq[1:]) if k == 0 else go(seq[:-1]) + [seq[-1]]
    content = False
    for start, end in sorted(combinations(range(len(seq)), 2), key=lambda x: x[1] - x[0], reverse=True):
        if "S" not in ops[start:end + 1]:
            continue
        o1, o2, c1, c2 = seq[start][1], seq[end][2], seq[start][3], seq[end][4]
        ot, ct, opos, cpos = o[o1:o2], c[c1:c2], op_[o1:o2], cp[c1:c2]
        if start == 0 and ((opos and opos[0] == "POS") or (cpos and cpos[0] == "POS")):
            return [seq[0]] + go(seq[1:])
        if (opos and opos[-1] == "POS") or (cpos and cpos[-1] == "POS"):
            return go(seq[:end - 1]) + _merged(seq[end - 1:end + 1]) + go(seq[end + 1:])
        if ot and ct and normal(ot[-1]) == normal(ct[-1]):
            # A case change on the first word rides with what was added before it ("Cat" → "The cat").
            if start == 0 and ((len(ot) == 1 and ct[0][:1].isupper()) or (len(ct) == 1 and ot[0][:1].isupper())):
                return _merged(seq[start:end + 1]) + go(seq[end + 1:])
            if (len(ot) > 1 and opos[-2] == "PUNCT") or (len(ct) > 1 and cpos[-2] == "PUNCT"):
                return go(seq[:end - 1]) + _merged(seq[end - 1:end + 1]) + go(seq[end + 1:])
        if re.sub("['-]", "", "".join(ot).casefold()) == re.sub("['-]", "", "".join(ct).casefold()):
            return go(seq[:start]) + _merged(seq[start:end + 1]) + go(seq[end + 1:])  # "a cat" → "acat"
        kinds = set(opos + cpos)
        if len(ot) != len(ct) and (len(kinds) == 1 or kinds <= {"AUX", "PART", "VERB"}):
            return go(seq[:start]) + _merged(seq[start:end + 1]) + go(seq[end + 1:])  # "to eat" → "eating"
        if end - start < 2:
            if len(ot) == len(ct) == 2:
                return go(seq[:start + 1]) + go(seq[start + 1:])
            if (ops[start] == "S" and 1 - indel(ot[0], ct[0]) > 0.75) or \
                    (ops[end] == "S" and 1 - indel(ot[-1], ct[-1]) > 0.75):
                return go(seq[:start + 1]) + go(seq[start + 1:])
            if end == len(seq) - 1 and ((ops[-1] in "DS" and opos and opos[-1] == "DET")
                                        or (ops[-1] in "IS" and cpos and cpos[-1] == "DET")):
                return go(seq[:-1]) + [seq[-1]]
        content = content or not kinds.isdisjoint(OPEN)
    return _merged(seq) if content else seq


# ---- blocks to edits -------------------------------------------------------------------------

# Above this many word pairs a block is first cut at the words it shares (difflib), so a rewritten
# page costs what its changed passages cost, not the square of its length.
ALIGN_CELLS = 2500


def _kinds(toks: list[Tok], text: str) -> list[str]:
    words = [t.text for t in toks]
    first = _word_before(text, toks[0].start) if toks else ""
    last = _word_after(text, toks[-1].end) if toks else ""
    return [pos(w, words[k - 1] if k else first, words[k + 1] if k + 1 < len(words) else last)
            for k, w in enumerate(words)]


def _rule_spans(o: list[Tok], c: list[Tok], answer: str, reference: str) -> list[tuple[int, int, int, int]]:
    if len(o) <= 1 and len(c) <= 1 or not (o and c):
        return [(0, len(o), 0, len(c))]  # a word for a word, or words only on one side: one edit (ERRANT merges all-D, all-I)
    ow, cw = [t.text for t in o], [t.text for t in c]
    op_, cp = _kinds(o, answer), _kinds(c, reference)
    if len(o) * len(c) > ALIGN_CELLS:
        out = []
        matcher = SequenceMatcher(None, [normal(w) for w in ow], [normal(w) for w in cw], autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                continue
            if (i2 - i1) * (j2 - j1) > ALIGN_CELLS:
                out.append((i1, i2, j1, j2))
                continue
            sub = _rule_spans(o[i1:i2], c[j1:j2], answer, reference)
            out += [(i1 + a, i1 + b, j1 + x, j1 + y) for a, b, x, y in sub]
        return out
    spans = []
    for kind, group in groupby(align(ow, cw, op_, cp), lambda s: s[0] if s[0] in "MT" else "edit"):
        if kind == "M":
            continue
        group = list(group)
        spans += [s[1:] for s in (group if kind == "T" else _process(group, ow, cw, op_, cp))]
    return spans


def _written_differently(o: list[Tok], c: list[Tok]) -> bool:
    """One side is Chinese (or Japanese…) and the other has no such character but Latin words."""
    o_cjk, c_cjk = any(is_cjk(t.text) for t in o), any(is_cjk(t.text) for t in c)
    return o_cjk != c_cjk and any(t.text.isascii() and t.text.isalpha() for t in (c if o_cjk else o))


def _side(toks: list[Tok], lo: int, hi: int, text: str, base: int) -> tuple[str, int]:
    """Text of tokens lo..hi and its offset; an empty side sits right after the token before it."""
    if hi > lo:
        return text[toks[lo].start:toks[hi - 1].end], toks[lo].start
    return "", toks[lo - 1].end if lo > 0 else base


def _block_edits(reference: str, answer: str, r0: int, r1: int, a0: int, a1: int) -> list[Edit]:
    ref_text, ans_text = reference[r0:r1], answer[a0:a1]
    r, a = ref_text.strip(), ans_text.strip()
    o, c = _tokens(ans_text, a0), _tokens(ref_text, r0)
    if (r and r == a) or ((o or c) and [t.text for t in o] == [t.text for t in c]):
        return _space_edits(ref_text, ans_text, r0, a0)  # "我用Python写" vs "我用 Python 写"
    if not o and not c:
        return [Edit(_op(ref_text, ans_text), "ORTH", ref_text, ans_text, r0, a0)] if (ref_text or ans_text) else []
    if o and c and not (ref_text.isascii() and ans_text.isascii()) and _written_differently(o, c):
        # Chinese for English (or back): no word can be paired with a word, so it is one edit.
        return [Edit("R", classify(r, a), r, a, c[0].start, o[0].start)]
    edits = []
    for i1, i2, j1, j2 in _rule_spans(o, c, answer, reference):
        a_s, a_off = _side(o, i1, i2, answer, a0)
        r_s, r_off = _side(c, j1, j2, reference, r0)
        before = _word_before(reference, r_off)
        after = _word_after(reference, r_off + len(r_s))
        edits.append(Edit(operation(r_s, a_s), classify(r_s, a_s, before, after), r_s, a_s, r_off, a_off))
    return edits


def _space_edits(ref_text: str, ans_text: str, ref_base: int, ans_base: int) -> list[Edit]:
    """The same tokens, other spacing: one ORTH edit per changed gap, not the words around it."""
    r_all, a_all = tokenize(ref_text), tokenize(ans_text)
    r_pos = list(accumulate(map(len, r_all), initial=0))
    a_pos = list(accumulate(map(len, a_all), initial=0))
    out = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, r_all, a_all, autojunk=False).get_opcodes():
        if tag != "equal":
            r_s, a_s = "".join(r_all[i1:i2]), "".join(a_all[j1:j2])
            out.append(Edit(_op(r_s, a_s), "ORTH", r_s, a_s, ref_base + r_pos[i1], ans_base + a_pos[j1]))
    return out


# ---- the same change block, named once ------------------------------------------------------
# Naming reads the word before and after a block (_word_before, _WORD_AFTER); what those scans can
# step over, from above, is quotes, spaces, brackets, then word characters: past them they stop.
_CONTEXT = 64
_OVER = re.compile(r"[\s\"'“”‘’()]*[\w'’]*")  # left of a block, matched on the reversed text


def _left_context(text: str, p: int) -> str | None:
    """The text before p naming can read, through the character its scans stop at (None: too far)."""
    lo = max(0, p - _CONTEXT)
    window = text[lo:p]
    over = len(window) - _OVER.match(window[::-1]).end()
    return window[over - 1:] if over > 0 else window if lo == 0 else None


def _right_context(text: str, p: int) -> str | None:
    window = text[p:p + _CONTEXT]
    over = _OVER.match(window).end()
    return window[:over + 1] if over < len(window) else window if p + _CONTEXT >= len(text) else None


@lru_cache(maxsize=16384)
def _named_block(ref_left: str, ref_text: str, ref_right: str, ans_left: str, ans_text: str, ans_right: str) -> tuple[Edit, ...]:
    """A block's edits, offsets from its start: models repeat edits, and naming reads only these."""
    r0, a0 = len(ref_left), len(ans_left)
    edits = _block_edits(ref_left + ref_text + ref_right, ans_left + ans_text + ans_right,
                         r0, r0 + len(ref_text), a0, a0 + len(ans_text))
    return tuple(replace(e, ref_start=e.ref_start - r0, ans_start=e.ans_start - a0) for e in edits)


def _edits_of_block(reference: str, answer: str, r0: int, r1: int, a0: int, a1: int) -> list[Edit]:
    """_block_edits, from memory when the same block with the same context was named before."""
    contexts = (_left_context(reference, r0), _right_context(reference, r1),
                _left_context(answer, a0), _right_context(answer, a1))
    if None in contexts or r1 - r0 + a1 - a0 > 400:
        return _block_edits(reference, answer, r0, r1, a0, a1)
    named = _named_block(contexts[0], reference[r0:r1], contexts[1], contexts[2], answer[a0:a1], contexts[3])
    return [replace(e, ref_start=e.ref_start + r0, ans_start=e.ans_start + a0) for e in named]


def extract_edits(segments: Sequence[Segment]) -> list[Edit]:
    """Edits of one alignment (lib.align.diff segments), in reading order."""
    reference = "".join(s.ref for s in segments if s.op != "insert")
    answer = "".join(s.ans for s in segments if s.op != "delete")
    edits: list[Edit] = []
    r = a = 0
    block: list[int] | None = None  # [ref start, ref end, answer start, answer end]
    for seg in segments:
        if seg.op == "equal":
            if block:
                edits += _edits_of_block(reference, answer, *block)
                block = None
            r, a = r + len(seg.ref), a + len(seg.ans)
            continue
        if block is None:
            block = [r, r, a, a]
        if seg.op == "delete":
            r += len(seg.ref)
        else:
            a += len(seg.ans)
        block[1], block[3] = r, a
    if block:
        edits += _edits_of_block(reference, answer, *block)
    return _merge_word_order(edits, reference, answer)


def _merge_word_order(edits: list[Edit], reference: str, answer: str) -> list[Edit]:
    """A word dropped here and added a few words on ("big red" → "red big") is one R:WO edit."""
    out: list[Edit] = []
    i = 0
    while i < len(edits):
        a = edits[i]
        b = edits[i + 1] if i + 1 < len(edits) else None
        if b is not None and {a.op, b.op} == {"M", "U"} and (a.reference or a.answer).casefold() == (b.reference or b.answer).casefold():
            r0, a0 = min(a.ref_start, b.ref_start), min(a.ans_start, b.ans_start)
            r1 = max(a.ref_start + len(a.reference), b.ref_start + len(b.reference))
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
