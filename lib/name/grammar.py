"""Rules that name an edit by the grammar of its words: contractions, verb and noun forms,
closed classes, multi-word phrases (ERRANT's classifier, errant/en/classifier.py, with
lib.name.lexicon in place of spaCy's tagger). Each takes a Sides and returns a type or None;
lib.name.classify.CASCADE says in which order they run.
"""
from __future__ import annotations

from lib.align.tokens import is_cjk
from lib.name import lexicon as lx
from lib.name.sides import Context, Sides, one, words
from lib.name.wordlists import (PARTICLES, PREPOSITIONS, closed_classes, expand_contractions, is_known_word,
                                is_meaning_swap)


_EXPANSIONS = {"n't": {"not", "nt"}, "nt": {"not", "n't"}, "'s": {"is", "has", "us"}, "'re": {"are"}, "'ve": {"have"}, "'ll": {"will"},
               "'d": {"would", "had"}, "'m": {"am"}, "ca": {"can"}, "wo": {"will"}, "sha": {"shall"}}


def contraction(s: Sides) -> str | None:
    """n't ↔ not, 's ↔ is, ca ↔ can; a contraction added or dropped alone ("it's" → "it": U:CONTR)."""
    pair = one(s)
    if pair:
        r, a = map(lx.normal, pair)
        if a in _EXPANSIONS.get(r, ()) or r in _EXPANSIONS.get(a, ()):
            return "CONTR"
    side = s.r or s.a
    if not (s.r and s.a) and len(side) == 1 and lx.normal(side[0]) in lx.CONTRACTED:
        return "NOUN:POSS" if lx.pos(side[0], s.around.before) == "POS" else "CONTR"
    if s.ref and s.ans and _may_contract(s.ref + s.ans) and s.ref.casefold() != s.ans.casefold() \
            and expand_contractions(s.ref) == expand_contractions(s.ans):
        return "CONTR"  # whole words compared ("I'm" vs "I am") when the merger kept them together
    return None


def _may_contract(text: str) -> bool:
    """In ASCII without an apostrophe or "cannot", expand_contractions only folds case and
    spacing, which case_or_spacing (earlier in the cascade) has already named ORTH: no need to
    expand. Other text is always expanded (Unicode case folding is not worth second-guessing)."""
    return not text.isascii() or "'" in text or "cannot" in text.casefold()


def one_sided_verb(s: Sides) -> str | None:
    """A missing or extra infinitive "to" is a verb form; a missing or extra auxiliary is tense."""
    side = words(s.r or s.a)
    if (s.r and s.a) or not side:
        return None
    if len(side) == 1 and lx.normal(side[0]) == "to" and s.around.after_verb:
        return "VERB:FORM"
    return "VERB:TENSE" if all(lx.normal(w) in lx.MODALS | {"do", "does", "did", "have", "has", "had", "will"}
                               for w in side) else None


def non_word(s: Sides) -> str | None:
    """ERRANT tries spelling first: the answer's word is no English word. Same lemma as the
    reference's word: an inflection slip (childs, getted); similar letters: a misspelling."""
    pair = one(s)
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
    pair = one(s)
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
    pair = one(s)
    if not pair:
        return None
    r, a = map(lx.normal, pair)
    if r == a or not (r.isalpha() and a.isalpha()):
        return None
    common = next((k for k, (x, y) in enumerate(zip(r, a)) if x != y), min(len(r), len(a)))
    return "MORPH" if common >= 4 and common >= min(len(r), len(a)) - 3 and is_known_word(r) and is_known_word(a) else None


def auxiliary_swap(s: Sides) -> str | None:
    pair = one(s)
    return "VERB:TENSE" if pair and all(lx.normal(w) in lx.AUXILIARIES for w in pair) else None


def closed_class(s: Sides) -> str | None:
    """A closed class that holds every word of the edit (one word a side at most); "to" before a
    verb for a preposition is PART, a determiner for a pronoun is named by the reference's word."""
    r, a = words(s.r), words(s.a)
    if len(r) > 1 or len(a) > 1 or not (r or a) or (s.r and not r) or (s.a and not a):
        return None  # a word for a punctuation mark ("and" → ",") is no closed-class slip
    shared = None
    for w in r + a:
        classes = closed_classes(w)
        shared = [c for c in (shared if shared is not None else classes) if c in classes]
    vocab = {lx.normal(w) for w in r + a}
    if vocab <= PARTICLES | PREPOSITIONS and s.around.before_pos == "VERB" and vocab & _PHRASAL:
        return "PART"  # the particle of a phrasal verb: make (up), find about → find out
    if r and a:
        if "to" in vocab and s.around.after_verb and vocab - {"to"} <= PREPOSITIONS:
            return "PART"  # infinitive "to" for a preposition: for protect → to protect
        if vocab & {"a", "an"} and "one" in vocab:
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
    r, a = words(s.r), words(s.a)
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
