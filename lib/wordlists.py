"""Closed-class English words and a real-word check, for naming edits without a POS tagger.

The closed classes are small and stable, so they are data here; the open vocabulary comes from
pyspellchecker's English frequency list, which ships inside the wheel (nothing downloaded).
Possessive determiners (my, their, …) are listed as determiners, not pronouns: an edit
"their → the" is then R:DET, the reading ERRANT's UD-based tags give for it most often.
"""
from __future__ import annotations

from functools import lru_cache

DETERMINERS = frozenset(
    "a an the this that these those my your his her its our their some any no every each either neither "
    "all both half several many much few little more most less least such what whatever which whichever "
    "another other enough".split()
)
PREPOSITIONS = frozenset(
    "about above across after against along amid among amongst around as at before behind below beneath beside "
    "besides between beyond but by concerning despite down during except for from in inside into like near of off "
    "on onto opposite out outside over past per regarding round since than through throughout till to toward "
    "towards under underneath unlike until up upon via with within without".split()
)
PRONOUNS = frozenset(
    "i me mine myself you yours yourself yourselves he him himself she hers herself it itself we us ours ourselves "
    "they them theirs themselves one oneself someone somebody something anyone anybody anything everyone everybody "
    "everything nobody nothing who whom whose whoever".split()
)
CONJUNCTIONS = frozenset(
    "and or nor but yet so for because although though while whereas if unless since whether once whenever "
    "wherever lest and/or".split()
)
PARTICLES = frozenset("to not up off out down over away back".split())
CONTRACTIONS: dict[str, str] = {
    "n't": "not", "'s": "is", "'re": "are", "'ve": "have", "'ll": "will", "'d": "would", "'m": "am",
    "can't": "can not", "cannot": "can not", "won't": "will not", "shan't": "shall not", "ain't": "am not",
    "let's": "let us",
}
# Checked in this order: the first class that holds both sides names the edit.
CLOSED_CLASSES: tuple[tuple[str, frozenset[str]], ...] = (
    ("DET", DETERMINERS), ("PREP", PREPOSITIONS), ("PRON", PRONOUNS), ("CONJ", CONJUNCTIONS), ("PART", PARTICLES),
)


@lru_cache(maxsize=1)
def _vocabulary():
    from spellchecker import SpellChecker  # loads its bundled list once (~0.3 s)

    return SpellChecker(language="en", distance=1).word_frequency


@lru_cache(maxsize=65536)
def is_known_word(word: str) -> bool:
    """True for a real English word (any case); hyphenated words count when every part is known."""
    w = word.casefold().strip("'’")
    if not w:
        return False
    vocabulary = _vocabulary()
    if w in vocabulary:
        return True
    parts = [p for p in w.replace("’", "'").split("-") if p]
    return len(parts) > 1 and all(p in vocabulary for p in parts)


def closed_class(word: str) -> str | None:
    w = word.casefold()
    for name, words in CLOSED_CLASSES:
        if w in words:
            return name
    return None


def expand_contractions(text: str) -> str:
    """'don't' → 'do not', "it's" → 'it is': two texts equal after this differ by contraction only."""
    out = []
    for word in text.casefold().replace("’", "'").split():
        if word in CONTRACTIONS:
            out.append(CONTRACTIONS[word])
            continue
        for suffix in ("n't", "'s", "'re", "'ve", "'ll", "'d", "'m"):
            if word.endswith(suffix) and len(word) > len(suffix):
                out.append(word[: -len(suffix)] + " " + CONTRACTIONS[suffix])
                break
        else:
            out.append(word)
    return " ".join(out)
