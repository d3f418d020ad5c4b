"""The vocabulary of edits: ERRANT's operations and types, as users read them, and how charts group them.

ERRANT (Bryant et al. 2017) is what grammatical-error-correction papers report with; Redline uses
its codes where it can tell them apart without a tagger, so a reader who knows ERRANT reads
familiar codes. lib.name.classify picks one of EDIT_TYPES for each edit.
"""
from __future__ import annotations

OPERATIONS: dict[str, str] = {
    "M": "Missing: the answer lacks reference text",
    "U": "Unnecessary: the answer adds text the reference does not have",
    "R": "Replaced: the answer has other text where the reference has this",
}
EDIT_TYPES: dict[str, str] = {
    "PUNCT": "punctuation (incl. full-width vs half-width, -- vs —)",
    "ORTH": "case or whitespace only",
    "SPELL": "misspelling (the answer's word is no word, or nearly the reference's)",
    "DET": "determiner / article (the, a, their…)",
    "PREP": "preposition (in, on, through…); because, if, while too, as ERRANT files them",
    "PRON": "pronoun",
    "CONJ": "coordinating conjunction (and, or, but)",
    "PART": "particle, incl. infinitive “to” for a preposition (for protect → to protect)",
    "CONTR": "contraction (n't vs not, a dropped 's)",
    "VERB:SVA": "subject–verb agreement (go → goes, was → were)",
    "VERB:FORM": "verb form: infinitive, gerund, participle (go → going, to eat → eating)",
    "VERB:TENSE": "tense or auxiliary (walk → walked, can → would, a missing will)",
    "VERB:INFL": "a verb inflected wrongly (getted → got)",
    "ADJ:FORM": "comparative or superlative (big → bigger, more big → bigger)",
    "NOUN:NUM": "singular vs plural (cat → cats)",
    "NOUN:INFL": "a noun inflected wrongly (childs → children, informations → information)",
    "NOUN:POSS": "possessive (friends → friend's)",
    "MORPH": "same stem, other form (quick → quickly, success → successful)",
    "WO": "word order",
    "OTHER": "anything else: rewording, added or dropped phrases",
}
# What the charts stack together: a reader first wants "grammar of verbs", then the fine code.
TYPE_GROUPS: dict[str, str] = {
    "PUNCT": "punctuation", "ORTH": "spelling & case", "SPELL": "spelling & case",
    "DET": "function words", "PREP": "function words", "PRON": "function words", "CONJ": "function words",
    "PART": "function words", "CONTR": "function words",
    "VERB:SVA": "verb forms", "VERB:FORM": "verb forms", "VERB:TENSE": "verb forms", "VERB:INFL": "verb forms",
    "ADJ:FORM": "word forms", "NOUN:NUM": "word forms", "NOUN:INFL": "word forms", "NOUN:POSS": "word forms",
    "MORPH": "word forms", "WO": "word order", "OTHER": "rewording, other",
}
# A few words each, for chart legends: "VERB:SVA agreement".
TYPE_LABELS: dict[str, str] = {
    "PUNCT": "punctuation", "ORTH": "case, spacing", "SPELL": "misspelling", "DET": "determiner",
    "PREP": "preposition", "PRON": "pronoun", "CONJ": "coordinating conjunction (and, or, but)", "PART": "particle", "CONTR": "contraction",
    "VERB:SVA": "agreement", "VERB:FORM": "verb form", "VERB:TENSE": "tense, auxiliary", "VERB:INFL": "verb inflection",
    "ADJ:FORM": "comparative", "NOUN:NUM": "singular/plural", "NOUN:INFL": "noun inflection",
    "NOUN:POSS": "possessive", "MORPH": "other word form", "WO": "word order", "OTHER": "rewording, other",
}
