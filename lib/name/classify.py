"""Name one edit the way grammatical-error-correction research does (ERRANT's codes).

An edit turns the answer into the reference: `M` the answer is missing reference text, `U` the
answer has unnecessary text, `R` the answer replaced reference text. Its type comes from CASCADE,
one ordered table of small named rules (ERRANT's classifier, errant/en/classifier.py, with a
word lexicon standing in for its POS tagger): the first rule that answers names the edit, and the
table's order is the order they run. The surface rules (punctuation, case, order, length) are
here; the rules about words' grammar are in lib.name.grammar. Which words make one edit is
lib.name.merge's job.
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import Callable

from lib.align.tokens import ZERO_WIDTH
from lib.name import lexicon as lx
from lib.name.grammar import (auxiliary_swap, chinese_character, closed_class, contraction, derivation, inflection,
                              non_word, one_sided_verb, phrase)
from lib.name.sides import Context, Sides, context, one, toks, words

# ---- rules: each takes Sides and returns a type, or None to pass ---------------------------

_BLANKS = " \t\n\r\f\v\u00a0\u3000" + ZERO_WIDTH
# Edits longer than this (a preamble, a dropped paragraph, another language) are never one
# closed-class word, a misspelling or an inflection: only the cheap rules look at them.
LONG_EDIT_CHARS = 120
_MARK_SYMBOLS = frozenset("`^¨¯´~～|")  # act as punctuation; currency, maths and emoji are content


def _is_mark(c: str) -> bool:
    return unicodedata.category(c)[0] == "P" or c in _MARK_SYMBOLS


def whitespace_only(s: Sides) -> str | None:
    """A doubled space, NBSP, a line break, a zero-width space; or the same text encoded otherwise."""
    if not s.ref.strip(_BLANKS) and not s.ans.strip(_BLANKS):
        return "ORTH"
    return "ORTH" if s.ref == s.ans else None


def punctuation_only(s: Sides) -> str | None:
    r, a = "".join(s.ref.split()), "".join(s.ans.split())
    return "PUNCT" if (r or a) and all(_is_mark(c) for c in (r + a)[:400]) and all(_is_mark(c) for c in r + a) else None


_INVISIBLE = dict.fromkeys(map(ord, ZERO_WIDTH))


def _orth_key(text: str) -> str:
    """The text without case, spacing, width or invisible characters (ASCII is already NFKC and
    has no zero-width characters: only spacing and case to drop)."""
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text).translate(_INVISIBLE)
    return "".join(text.split()).casefold()


def case_or_spacing(s: Sides) -> str | None:
    """Same letters, other case, spacing, width or hyphenation ("Pre-training", "can not", "ＡＢＣ")."""
    if not (s.ref and s.ans):
        return None
    r, a = _orth_key(s.ref), _orth_key(s.ans)
    if r == a:
        return "ORTH"
    r = r.replace("-", "")
    return "ORTH" if r == a.replace("-", "") and any(c.isalpha() for c in r) else None


def word_order(s: Sides) -> str | None:
    r, a = [w.casefold() for w in words(s.r)], [w.casefold() for w in words(s.a)]
    return "WO" if len(r) > 1 and r != a and sorted(r) == sorted(a) else None


def long_edit(s: Sides) -> str | None:
    """Past LONG_EDIT_CHARS only the cheap rules above have looked: what they did not name is OTHER."""
    return "OTHER" if len(s.ref) + len(s.ans) > LONG_EDIT_CHARS else None


def case_change_at_the_end(s: Sides) -> str | None:
    """ERRANT: a multi-word edit whose last word only changes case is named without that word
    ("Disadvantage" → "A disadvantage" is M:DET; ", since" → ". Since" is R:PUNCT)."""
    if s.r and s.a and (len(s.r) > 1 or len(s.a) > 1) and lx.normal(s.r[-1]) == lx.normal(s.a[-1]):
        ref, ans = " ".join(s.r[:-1]), " ".join(s.a[:-1])
        around = Context(s.around.before, s.around.before_pos, *context("", s.r[-1])[2:])  # now followed by that word
        return _classify(ref, ans, around) if (ref or ans) else "ORTH"
    return None


def near_identical(s: Sides) -> str | None:
    """Two real words that differ by a letter or two (ERRANT's last resort for SPELL)."""
    pair = one(s)
    if not pair or not all(w.isalpha() for w in pair):
        return None
    r, a = map(lx.normal, pair)
    if _unaccented(r) == _unaccented(a):
        return "SPELL"  # café / cafe
    return "SPELL" if 1 - lx.indel(r, a) >= 0.8 and min(len(r), len(a)) >= 3 else None


def _unaccented(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


def anything_else(s: Sides) -> str:
    return "OTHER"


# The order is the order they run; the first that returns a type names the edit.
CASCADE: tuple[tuple[str, Callable[[Sides], str | None]], ...] = (
    ("whitespace or encoding only", whitespace_only),
    ("punctuation only", punctuation_only),
    ("case, spacing, width", case_or_spacing),
    ("word order", word_order),
    ("too long for word rules", long_edit),
    ("case change at the end", case_change_at_the_end),
    ("contraction", contraction),
    ("one-sided verb", one_sided_verb),
    ("Chinese character", chinese_character),
    ("not a word", non_word),
    ("inflection of one lemma", inflection),
    ("derivation", derivation),
    ("auxiliary for auxiliary", auxiliary_swap),
    ("closed class", closed_class),
    ("verb phrase", phrase),
    ("near-identical words", near_identical),
    ("anything else", anything_else),
)


def classify(reference: str, answer: str, before: str = "", after: str = "") -> str:
    """The type (a key of lib.name.codes.EDIT_TYPES) of one edit: its two sides (stripped) and
    the reference's words just before and after it. Most edits are named without their context
    (punctuation, a misspelling, an article): those are cached by their two sides alone, and the
    neighbours are looked up only for the edits whose rules ask (number or agreement, "to")."""
    found = _without_context(reference, answer)
    return found if found is not None else _classify(reference, answer, context(before, after))


class _ContextNeeded(AttributeError):
    pass


class _Unknown:
    """Stands in for the Context until a rule reads one of its fields."""

    def __getattr__(self, name: str):
        raise _ContextNeeded(name) if name in Context._fields else AttributeError(name)


_UNKNOWN = _Unknown()


@lru_cache(maxsize=65536)
def _without_context(reference: str, answer: str) -> str | None:
    try:
        return _run(reference, answer, _UNKNOWN)
    except _ContextNeeded:
        return None


@lru_cache(maxsize=65536)
def _classify(reference: str, answer: str, around: Context) -> str:
    return _run(reference, answer, around)


def _run(reference: str, answer: str, around: Context) -> str:
    if not (reference.isascii() and answer.isascii()):
        # "cafe\u0301" and "café" are one word to a reader: judge them composed (NFC).
        reference, answer = unicodedata.normalize("NFC", reference), unicodedata.normalize("NFC", answer)
    short = len(reference) + len(answer) <= 4 * LONG_EDIT_CHARS
    sides = Sides(reference, answer, toks(reference) if short else (), toks(answer) if short else (), around)
    for _name, rule in CASCADE:
        found = rule(sides)
        if found:
            return found
    return "OTHER"


def operation(reference: str, answer: str) -> str:
    """M, U or R, read as ERRANT reads it: without a last word that only changes case, so
    "Disadvantage" → "A disadvantage" is M (M:DET), "But you" → "You" is U (U:CONJ)."""
    if len(reference) + len(answer) <= 4 * LONG_EDIT_CHARS and reference and answer:
        r, a = toks(reference), toks(answer)
        if (len(r) > 1 or len(a) > 1) and r and a and lx.normal(r[-1]) == lx.normal(a[-1]):
            reference, answer = " ".join(r[:-1]), " ".join(a[:-1])
            if not (reference or answer):
                return "R"
    return "M" if not answer else "U" if not reference else "R"
