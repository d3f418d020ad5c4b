"""What a word is, without a tagger: its lemmas, its possible inflection tags, a guessed part of speech.

ERRANT reads these off spaCy's parse of the sentence; Redline guesses them from the word alone
(plus its neighbour where that decides it), using lemminflect's English lemma and inflection
tables, which ship inside its wheel (nothing is downloaded). The closed classes come first: they
are small, stable and known exactly (lib.name.wordlists).
"""
from __future__ import annotations

import re
from functools import lru_cache

from lib.align.tokens import is_cjk, is_punct
from lib.name.wordlists import closed_classes, lemma_of

# Auxiliaries and modals: spaCy's AUX. "'s" and "'d" are ambiguous (is/has, would/had) but an
# auxiliary either way; "ca"/"wo"/"sha" are spaCy's halves of can't/won't/shan't.
AUXILIARIES = frozenset(
    "be am is are was were been being 'm 're have has had having 've do does did done doing will would shall "
    "should can could may might must 'll 'd ca wo sha ought".split()
)
MODALS = frozenset("will would shall should can could may might must 'll 'd ca wo sha ought".split())
# The halves a contraction leaves once split the way spaCy splits it: "it's" → "it" + "'s".
CONTRACTION_SUFFIXES = ("n't", "'s", "'re", "'ve", "'ll", "'d", "'m")
CONTRACTED = frozenset(CONTRACTION_SUFFIXES) | {"nt"}
CONTRACTION_HOSTS = {"ca": "can", "wo": "will", "sha": "shall"}
# Words after which "'s" is "is"/"has", not a possessive.
_S_IS_AFTER = frozenset("it he she that there what who here where how let this".split())
NUMBER_WORDS = frozenset(
    "two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty hundred thousand "
    "million billion dozens hundreds thousands millions".split()
)
OPEN = frozenset("NOUN VERB ADJ ADV AUX X".split())


@lru_cache(maxsize=65536)
def normal(word: str) -> str:
    """Case-folded, curly apostrophe made straight: the key every word table is read with."""
    return word.casefold().replace("’", "'")


def _lemminflect():
    import lemminflect  # ~0.4 s to read its tables: only when a word needs them

    return lemminflect


@lru_cache(maxsize=1)
def _tables():
    """lemminflect's lookup tables, read directly: its public getAll* functions deep-copy an entry
    on every call, which cost 10× the lookup (pinned 0.2.3; tests pin the answers it gives)."""
    from lemminflect.core.Inflections import Inflections
    from lemminflect.core.Lemmatizer import Lemmatizer
    from lemminflect.core.LexicalUtils import uposToTags

    lem, infl = Lemmatizer(), Inflections()
    return (lem._getLemmaDict(), lem._getOverridesDict(), infl._getInflDict(), infl._getOverridesDict(),
            {u: frozenset(uposToTags(u)) for u in Inflections.DICT_UPOS_TYPES})


@lru_cache(maxsize=65536)
def analyses(word: str) -> tuple[tuple[str, str, str], ...]:
    """Every (UPOS, lemma, Penn tag) the word can be: "studies" → NOUN study NNS, VERB study VBZ."""
    w = normal(word)
    if not w.isalpha():
        return ()
    lemma_lu, lemma_over, infl_lu, infl_over, upos_tags = _tables()
    found = lemma_lu.get(w)
    over = lemma_over.get(w)
    if over:
        found = {**(found or {}), **over}
    if not found:
        return ()
    out = []
    for upos, lemmas_ in found.items():
        kept = upos_tags.get(upos, ())
        for lemma in lemmas_:
            forms, over = infl_lu.get(lemma, _EMPTY), infl_over.get(lemma)
            if over:
                forms = {**forms, **over}
            out += [(upos, lemma, tag) for tag, spellings in forms.items() if tag in kept and w in spellings]
    return tuple(dict.fromkeys(out))


_EMPTY: dict = {}


@lru_cache(maxsize=65536)
def lemmas(word: str) -> frozenset[str]:
    """Lemmas a word can have, itself included; irregular forms from the word list too; for a word
    lemminflect does not know, the lemmas its rules guess ("childs" → child, "healths" → health)."""
    w = normal(word)
    found = {w} | {lemma for _, lemma, _ in analyses(w)}
    irregular = lemma_of(w)
    if irregular:
        found.add(irregular)
    if len(found) == 1 and w.isalpha() and len(w) > 3:
        found.update(lemma for _, lemma in guesses(w))
    return frozenset(found)


@lru_cache(maxsize=65536)
def guesses(word: str) -> tuple[tuple[str, str], ...]:
    """(UPOS, lemma) that lemminflect's rules guess for a word it does not know, when the guess
    differs from the word and its ending says which: -ing/-ed verbs, -s nouns or verbs."""
    w = normal(word)
    lm = _lemminflect()
    kinds = ("VERB",) if w.endswith(("ing", "ed")) else ("NOUN", "VERB") if w.endswith("s") else ("ADJ",) \
        if w.endswith(("er", "est")) else ()
    return tuple((k, lemma) for k in kinds for lemma in lm.getAllLemmasOOV(w, k).get(k, ()) if lemma != w)


def same_lemma(a: str, b: str) -> bool:
    return normal(a) != normal(b) and bool(lemmas(a) & lemmas(b))


_GUESSED_TAGS = {"ing": {"VBG"}, "ed": {"VBD", "VBN"}, "s": {"NNS", "VBZ"}, "er": {"JJR"}, "est": {"JJS"}}


@lru_cache(maxsize=65536)
def tags(word: str) -> frozenset[str]:
    """Penn tags the word can carry; for an unknown inflected word, the ones its ending implies."""
    found = frozenset(tag for _, _, tag in analyses(word))
    if found or not guesses(word):
        return found
    w = normal(word)
    return frozenset(next(t for end, t in _GUESSED_TAGS.items() if w.endswith(end)))


def upos(word: str) -> frozenset[str]:
    return frozenset(u for u, _, _ in analyses(word)) or frozenset(u for u, _ in guesses(word))


def number_pair(a: str, b: str) -> bool:
    """Singular and plural of one noun (cat/cats, child/children); "go" listed as its own plural
    (lemminflect does so for mass nouns) does not count."""
    a, b = normal(a), normal(b)
    sing = {lemma for u, lemma, t in analyses(a) if u == "NOUN" and t == "NN"}
    plur = {lemma for u, lemma, t in analyses(b) if u == "NOUN" and t == "NNS"} - \
        {lemma for u, lemma, t in analyses(b) if u == "NOUN" and t == "NN"}
    if not plur and not analyses(b):
        plur = {lemma for u, lemma in guesses(b) if u == "NOUN"}
    return a != b and bool(sing & plur)


def can_be_base_verb(word: str) -> bool:
    """"protect", "work", "study": a word that can be a verb's base form, as after infinitive "to"."""
    w = normal(word)
    return w in ("be", "have", "do") or any(t == "VB" for _, _, t in analyses(w))


def pos(word: str, before: str = "", after: str = "") -> str:
    """One guessed part of speech, ERRANT's names: PUNCT, AUX, PART, POS (possessive 's), DET, ADP,
    PRON, CONJ, NUM, NOUN, VERB, ADJ, ADV, or X (unknown: a misspelling, a name, a Chinese content
    character). The neighbours decide the two ambiguous ones: "'s" (is or possessive) and "to";
    every other word is looked up once, whatever its neighbours (they would not change it)."""
    found = _pos_alone(word)
    if found:
        return found
    if normal(word) == "'s":
        return "AUX" if normal(before) in _S_IS_AFTER else "POS"
    return "PART" if is_base_verb(after) else "ADP"  # "to"


@lru_cache(maxsize=65536)
def _pos_alone(word: str) -> str:
    """pos() of a word its neighbours do not decide; "" for the two they do ("'s", "to")."""
    w = normal(word)
    if not w:
        return "X"
    if is_punct(w):
        return "PUNCT"
    if w == "'s" or w == "to":
        return ""
    if w in AUXILIARIES:
        return "AUX"
    if w in ("not", "n't", "nt"):
        return "PART"
    if w.isdigit() or w in NUMBER_WORDS:
        return "NUM"
    classes = closed_classes(w)
    if classes:
        return {"PREP": "ADP", "CONJ": "CONJ"}.get(classes[0], classes[0])
    if not w.isascii() and is_cjk(w):
        return "X"
    kinds = upos(w)
    for kind in ("NOUN", "VERB", "ADJ", "ADV"):
        if kind in kinds:
            return kind
    return "X"


@lru_cache(maxsize=65536)
def is_base_verb(word: str) -> bool:
    """A verb's base form that is not also a common noun or adjective: "protect", "be", "go"."""
    w = normal(word)
    if w in AUXILIARIES:
        return w in ("be", "have", "do")
    found = analyses(w)
    return any(t == "VB" for _, _, t in found) and not any(u in ("NOUN", "ADJ") for u, _, _ in found)


_CONTRACTION = re.compile(r"^(.+?)(n['’]t|['’](?:s|re|ve|ll|d|m))$", re.IGNORECASE)


# Negations written without the apostrophe, which spaCy splits all the same: "cant" → ca + nt.
_BARE_NT = frozenset("dont cant wont isnt arent wasnt werent doesnt didnt hasnt havent hadnt shouldnt couldnt "
                     "wouldnt mustnt neednt".split())


@lru_cache(maxsize=65536)
def split_contraction(token: str) -> tuple[str, ...]:
    """A token as spaCy splits it: "don't" → do + n't, "it's" → it + 's, "cannot" → can + not,
    "shouldnt" → should + nt."""
    if "'" in token or "’" in token:
        m = _CONTRACTION.match(token)
        if m:
            return m.group(1), m.group(2)
    elif len(token) == 6 and token.casefold() == "cannot":
        return token[:3], token[3:]
    elif token.casefold() in _BARE_NT:
        return token[:-2], token[-2:]
    return (token,)


@lru_cache(maxsize=65536)
def _masks(a: str) -> dict[str, int]:
    masks: dict[str, int] = {}
    for i, ch in enumerate(a):
        masks[ch] = masks.get(ch, 0) | (1 << i)
    return masks


@lru_cache(maxsize=65536)
def indel(a: str, b: str) -> float:
    """Normalised insert/delete distance of two words, 1 - 2·LCS / (|a| + |b|) (ERRANT's char cost).
    The LCS is counted bit-parallel (Hyyrö 2004): one pass over `b`, all of `a` at once."""
    if not a or not b:
        return 0.0 if a == b else 1.0
    masks, full = _masks(a), (1 << len(a)) - 1
    v = full
    for ch in b:
        u = v & masks.get(ch, 0)
        v = ((v + u) | (v - u)) & full
    return 1 - 2 * (len(a) - v.bit_count()) / (len(a) + len(b))
