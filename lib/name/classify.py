"""Name one edit the way grammatical-error-correction research does (ERRANT's codes).

An edit turns the answer into the reference: `M` the answer is missing reference text, `U` the
answer has unnecessary text, `R` the answer replaced reference text. Its type comes from CASCADE,
one ordered table of small named rules (ERRANT's classifier, errant/en/classifier.py, with a
word lexicon standing in for its POS tagger): the first rule that answers names the edit, and the
table's order is the order they run. Which words make one edit is lib.name.merge's job.
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import Callable, NamedTuple

from lib.align.tokens import ZERO_WIDTH, is_cjk, is_punct, tokenize
from lib.name import lexicon as lx
from lib.name.wordlists import PARTICLES, PREPOSITIONS, closed_classes, expand_contractions, is_known_word, is_meaning_swap

class Context(NamedTuple):
    """What the rules read of the reference's words around an edit (a tagger would look at the
    subject or determiner before, the verb after). Kept this coarse so that classify's cache is
    keyed by it rather than by the words: "the" → "" has one entry, not one per neighbour."""
    before: str = ""       # the word before, when it is a subject, an auxiliary or "to"; else ""
    before_pos: str = ""   # lib.name.lexicon.pos of the word before
    after_pos: str = ""    # of the word after ("OF" for "of", which follows nouns, not verbs)
    after_verb: bool = False  # the word after can be a verb's base form (to protect)


_KEPT_BEFORE = frozenset("i you he she it we they who that which there this what here where how let to".split()) \
    | lx.AUXILIARIES


@lru_cache(maxsize=65536)
def context(before: str, after: str) -> Context:
    b, a = lx.normal(before), lx.normal(after)
    return Context(b if b in _KEPT_BEFORE else "", lx.pos(before) if before else "",
                   "OF" if a == "of" else lx.pos(after) if after else "", bool(after) and lx.can_be_base_verb(after))


class Sides(NamedTuple):
    """One edit as the rules see it: both sides stripped, their tokens, and the context."""
    ref: str
    ans: str
    r: tuple[str, ...]   # reference tokens, contractions split (punctuation kept)
    a: tuple[str, ...]
    around: Context


@lru_cache(maxsize=65536)
def _toks(text: str) -> tuple[str, ...]:
    if lx.normal(text) in lx.CONTRACTED:
        return (text,)  # "'s" alone: the tokenizer would cut it into ' and s
    return tuple(p for t in tokenize(text) if not t.isspace() for p in lx.split_contraction(t))


def _words(toks: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(t for t in toks if not is_punct(t))


def _one(s: Sides) -> tuple[str, str] | None:
    """The two words of a one-word-for-one-word edit."""
    return (s.r[0], s.a[0]) if len(s.r) == len(s.a) == 1 else None


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


def _orth_key(text: str, hyphens: bool) -> str:
    key = "".join(unicodedata.normalize("NFKC", text).translate(_INVISIBLE).split()).casefold()
    return key.replace("-", "") if hyphens else key


def case_or_spacing(s: Sides) -> str | None:
    """Same letters, other case, spacing, width or hyphenation ("Pre-training", "can not", "ＡＢＣ")."""
    if not (s.ref and s.ans):
        return None
    if _orth_key(s.ref, False) == _orth_key(s.ans, False):
        return "ORTH"
    r = _orth_key(s.ref, True)
    return "ORTH" if r == _orth_key(s.ans, True) and any(c.isalpha() for c in r) else None


def word_order(s: Sides) -> str | None:
    r, a = [w.casefold() for w in _words(s.r)], [w.casefold() for w in _words(s.a)]
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


_EXPANSIONS = {"n't": {"not"}, "'s": {"is", "has", "us"}, "'re": {"are"}, "'ve": {"have"}, "'ll": {"will"},
               "'d": {"would", "had"}, "'m": {"am"}, "ca": {"can"}, "wo": {"will"}, "sha": {"shall"}}


def contraction(s: Sides) -> str | None:
    """n't ↔ not, 's ↔ is, ca ↔ can; a contraction added or dropped alone ("it's" → "it": U:CONTR)."""
    pair = _one(s)
    if pair:
        r, a = map(lx.normal, pair)
        if a in _EXPANSIONS.get(r, ()) or r in _EXPANSIONS.get(a, ()):
            return "CONTR"
    side = s.r or s.a
    if not (s.r and s.a) and len(side) == 1 and lx.normal(side[0]) in lx.CONTRACTED:
        return "NOUN:POSS" if lx.pos(side[0], s.around.before) == "POS" else "CONTR"
    if s.ref and s.ans and s.ref.casefold() != s.ans.casefold() and expand_contractions(s.ref) == expand_contractions(s.ans):
        return "CONTR"  # whole words compared ("I'm" vs "I am") when the merger kept them together
    return None


def one_sided_verb(s: Sides) -> str | None:
    """A missing or extra infinitive "to" is a verb form; a missing or extra auxiliary is tense."""
    side = _words(s.r or s.a)
    if (s.r and s.a) or not side:
        return None
    if len(side) == 1 and lx.normal(side[0]) == "to" and s.around.after_verb:
        return "VERB:FORM"
    return "VERB:TENSE" if all(lx.normal(w) in lx.MODALS | {"do", "does", "did", "have", "has", "had", "will"}
                               for w in side) else None


def non_word(s: Sides) -> str | None:
    """ERRANT tries spelling first: the answer's word is no English word. Same lemma as the
    reference's word: an inflection slip (childs, getted); similar letters: a misspelling."""
    pair = _one(s)
    if not pair or not (pair[0].isalpha() and pair[1].isalpha()) or is_known_word(pair[1]) or (not pair[1].isascii() and is_cjk(pair[1][0])):
        return None
    r, a = map(lx.normal, pair)
    if lx.lemmas(a) & lx.lemmas(r):
        kinds = [k for k, lemma in lx.guesses(a) if lemma in lx.lemmas(r)] or sorted(lx.upos(r))
        return {"NOUN": "NOUN:INFL", "VERB": "VERB:INFL"}.get(kinds[0], "MORPH") if kinds else "MORPH"
    return "SPELL" if 1 - lx.indel(r, a) > 0.5 else "OTHER"


_SUBJECTS = frozenset("i you he she it we they who that which there this".split())


def _noun_here(around: Context) -> bool:
    """"two cat" → "cats" is number, "he want" → "wants" and "want to" agreement: the neighbours decide,
    as a tagger would; with no clue, a noun (the commoner slip)."""
    if around.before_pos in ("DET", "NUM", "ADJ", "ADP", "POS"):
        return True
    if around.before in _SUBJECTS:
        return False
    return around.after_pos not in ("DET", "PRON", "ADP", "PART")


_VERB_TAGS = frozenset("VB VBD VBG VBN VBP VBZ".split())


def _participle_only(tags: frozenset[str]) -> bool:
    """going, seen, taken: a form that cannot be a finite verb (walked can: it is also past)."""
    verb = tags & _VERB_TAGS
    return bool(verb) and verb <= {"VBG", "VBN"}


def inflection(s: Sides) -> str | None:
    """One word for another form of it (same lemma): agreement, tense, verb form, number, degree."""
    pair = _one(s)
    if not pair or not lx.same_lemma(*pair):
        return None
    r, a = map(lx.normal, pair)
    if {r, a} == {"was", "were"}:
        return "VERB:SVA"
    rt, at = lx.tags(r), lx.tags(a)
    both = rt | at
    verbal = {r, a} <= lx.AUXILIARIES or bool(both & {"VBZ", "VBD", "VBG", "VBN"})
    nominal = lx.number_pair(r, a) or lx.number_pair(a, r)
    if nominal and (not verbal or _noun_here(s.around)):
        return "NOUN:NUM"
    if verbal:
        if s.around.before in lx.AUXILIARIES | {"to"}:
            return "VERB:FORM"  # after an auxiliary or "to" a verb cannot carry tense or agreement
        if _participle_only(rt) or _participle_only(at):
            return "VERB:FORM"
        if both & {"VBD"}:
            return "VERB:TENSE"
        if both & {"VBZ"} or {r, a} <= lx.AUXILIARIES:
            return "VERB:SVA" if both & {"VBZ"} or {r, a} & {"is", "are", "am", "has", "have"} else "VERB:TENSE"
    if both & {"JJR", "JJS", "RBR", "RBS"}:
        return "ADJ:FORM"
    return "MORPH"


def derivation(s: Sides) -> str | None:
    """Same stem, other ending, both real words: success → successful, regard → regarding."""
    pair = _one(s)
    if not pair:
        return None
    r, a = map(lx.normal, pair)
    if r == a or not (r.isalpha() and a.isalpha()):
        return None
    common = next((k for k, (x, y) in enumerate(zip(r, a)) if x != y), min(len(r), len(a)))
    return "MORPH" if common >= 4 and common >= min(len(r), len(a)) - 3 and is_known_word(r) and is_known_word(a) else None


def auxiliary_swap(s: Sides) -> str | None:
    pair = _one(s)
    return "VERB:TENSE" if pair and all(lx.normal(w) in lx.AUXILIARIES for w in pair) else None


def closed_class(s: Sides) -> str | None:
    """A closed class that holds every word of the edit (one word a side at most); "to" before a
    verb for a preposition is PART, a determiner for a pronoun is named by the reference's word."""
    r, a = _words(s.r), _words(s.a)
    if len(r) > 1 or len(a) > 1 or not (r or a) or (s.r and not r) or (s.a and not a):
        return None  # a word for a punctuation mark ("and" → ",") is no closed-class slip
    shared = None
    for w in r + a:
        classes = closed_classes(w)
        shared = [c for c in (shared if shared is not None else classes) if c in classes]
    words = {lx.normal(w) for w in r + a}
    if words <= PARTICLES | PREPOSITIONS and s.around.before_pos == "VERB" and words & _PHRASAL:
        return "PART"  # the particle of a phrasal verb: make (up), find about → find out
    if r and a:
        if "to" in words and s.around.after_verb and words - {"to"} <= PREPOSITIONS:
            return "PART"  # infinitive "to" for a preposition: for protect → to protect
        if words & {"a", "an"} and "one" in words:
            return "DET"
        if not shared and {closed_classes(r[0])[:1], closed_classes(a[0])[:1]} == {("DET",), ("PRON",)}:
            return _determiner_or_pronoun(lx.normal(r[0]))
    return shared[0] if shared else None


_PHRASAL = PARTICLES - {"to", "not"}
_POSSESSIVES = frozenset("my your his her its our their".split())


def _determiner_or_pronoun(reference_word: str) -> str | None:
    """A determiner for a pronoun or back, named as ERRANT's parse would: a possessive is DET
    ("you" → "your"), a demonstrative standing alone PRON ("it" → "this"), an article OTHER."""
    if reference_word in ("a", "an", "the"):
        return None
    return "DET" if reference_word in _POSSESSIVES else "PRON"


def phrase(s: Sides) -> str | None:
    """Multi-word edits ERRANT names by their words: possessives, words of one closed class,
    auxiliaries, "to eat" → "eating", "more big" → "bigger"."""
    r, a = _words(s.r), _words(s.a)
    if len(r) + len(a) < 2 or (len(r) == len(a) == 1):
        return None
    rl, al = [lx.normal(w) for w in r], [lx.normal(w) for w in a]
    if rl and al and "'s" in (rl[-1], al[-1]) and lx.lemmas(rl[0]) & lx.lemmas(al[0]):
        return "NOUN:POSS"  # friends → friend's
    shared = set.intersection(*(set(closed_classes(w)) for w in rl + al))
    if shared:  # "all these" U:DET
        return min(shared, key=("DET", "PREP", "PRON", "CONJ", "PART").index)
    if not (r and a):
        return None
    if all(w in lx.AUXILIARIES for w in rl + al):
        return "VERB:TENSE"
    last_same = bool(lx.lemmas(rl[-1]) & lx.lemmas(al[-1]))
    verbish = all(w in lx.AUXILIARIES or w in ("to", "not") or "VERB" in lx.upos(w) for w in rl + al)
    if verbish and last_same:
        return "VERB:FORM" if "to" in rl + al or lx.tags(rl[-1]) & {"VBG"} or lx.tags(al[-1]) & {"VBG"} else "VERB:TENSE"
    if (rl[0] in ("more", "most") or al[0] in ("more", "most")) and last_same and max(len(rl), len(al)) <= 3:
        return "ADJ:FORM"
    return None


def chinese_character(s: Sides) -> str | None:
    """One Chinese character for another is how Chinese misspellings look (研実 → 研究), unless
    both are function characters (的 → 地: PART) or the swap changes the facts (三 → 两, 不 → 没,
    大 → 小: OTHER)."""
    if len(s.ref) == len(s.ans) == 1 and is_cjk(s.ref) and is_cjk(s.ans):
        return closed_class(s) or ("OTHER" if is_meaning_swap(s.ref, s.ans) else "SPELL")
    return None


def near_identical(s: Sides) -> str | None:
    """Two real words that differ by a letter or two (ERRANT's last resort for SPELL)."""
    pair = _one(s)
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
    the reference's words just before and after it."""
    return _classify(reference, answer, context(before, after))


@lru_cache(maxsize=65536)
def _classify(reference: str, answer: str, around: Context) -> str:
    if not (reference.isascii() and answer.isascii()):
        # "cafe\u0301" and "café" are one word to a reader: judge them composed (NFC).
        reference, answer = unicodedata.normalize("NFC", reference), unicodedata.normalize("NFC", answer)
    short = len(reference) + len(answer) <= 4 * LONG_EDIT_CHARS
    sides = Sides(reference, answer, _toks(reference) if short else (), _toks(answer) if short else (), around)
    for _name, rule in CASCADE:
        found = rule(sides)
        if found:
            return found
    return "OTHER"


def operation(reference: str, answer: str) -> str:
    """M, U or R, read as ERRANT reads it: without a last word that only changes case, so
    "Disadvantage" → "A disadvantage" is M (M:DET), "But you" → "You" is U (U:CONJ)."""
    if len(reference) + len(answer) <= 4 * LONG_EDIT_CHARS and reference and answer:
        r, a = _toks(reference), _toks(answer)
        if (len(r) > 1 or len(a) > 1) and r and a and lx.normal(r[-1]) == lx.normal(a[-1]):
            reference, answer = " ".join(r[:-1]), " ".join(a[:-1])
            if not (reference or answer):
                return "R"
    return "M" if not answer else "U" if not reference else "R"
