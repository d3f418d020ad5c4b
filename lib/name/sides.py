"""What a naming rule sees of one edit: its two sides, their tokens, and a coarse context.

lib.name.classify's rules (and lib.name.grammar's) all take a Sides; the context is kept coarse so
that the classifier's cache is keyed by it, not by the neighbouring words themselves.
"""
from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from lib.align.tokens import is_punct, tokenize
from lib.name import lexicon as lx


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
def toks(text: str) -> tuple[str, ...]:
    if lx.normal(text) in lx.CONTRACTED:
        return (text,)  # "'s" alone: the tokenizer would cut it into ' and s
    return tuple(p for t in tokenize(text) if not t.isspace() for p in lx.split_contraction(t))


@lru_cache(maxsize=65536)
def words(toks: tuple[str, ...]) -> tuple[str, ...]:
    """The tokens that are not punctuation (asked by several rules of each edit: looked up once)."""
    return tuple(t for t in toks if not is_punct(t))


def one(s: Sides) -> tuple[str, str] | None:
    """The two words of a one-word-for-one-word edit."""
    return (s.r[0], s.a[0]) if len(s.r) == len(s.a) == 1 else None
