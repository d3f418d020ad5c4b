"""The word lexicon (lib.name.lexicon) and the helpers the naming rules share: what each word
lookup answers, and that the shortcuts taken for speed answer what the long way does."""
from __future__ import annotations

from lib.name import lexicon as lx
from lib.name.classify import _orth_key
from lib.name.grammar import _may_contract
from lib.name.sides import words
from lib.name.wordlists import expand_contractions


def test_pos_reads_the_neighbours_only_for_s_and_to():
    assert lx.pos("'s", "it") == "AUX" and lx.pos("'s", "John") == "POS" and lx.pos("’S", "IT") == "AUX"
    assert lx.pos("to", "", "protect") == "PART" and lx.pos("to", "", "school") == "ADP"
    assert lx.pos("To", "went", "Protect") == "PART"
    # any other word is the same word whatever stands around it
    for word, kind in (("the", "DET"), ("is", "AUX"), ("in", "ADP"), (",", "PUNCT"), ("cats", "NOUN"),
                       ("not", "PART"), ("2024", "NUM"), ("", "X")):
        assert {lx.pos(word), lx.pos(word, "he", "to"), lx.pos(word, "to", "protect")} == {kind}


def test_normal_folds_case_and_curly_apostrophes():
    assert lx.normal("Don’T") == "don't" and lx.normal("STRASSE") == lx.normal("straße") == "strasse"


def test_split_contraction_cuts_as_spacy_does_and_answers_the_same_twice():
    assert lx.split_contraction("don't") == ("do", "n't") == lx.split_contraction("don't")
    assert lx.split_contraction("It’s") == ("It", "’s") and lx.split_contraction("Cannot") == ("Can", "not")
    assert lx.split_contraction("shouldnt") == ("should", "nt") and lx.split_contraction("cat") == ("cat",)


def test_analyses_merges_the_tables_and_their_overrides():
    assert ("NOUN", "study", "NNS") in lx.analyses("studies") and ("VERB", "study", "VBZ") in lx.analyses("studies")
    assert ("VERB", "go", "VBD") in lx.analyses("went") and lx.analyses("xqzt") == () and lx.analyses("it's") == ()


def test_words_drops_punctuation_tokens_only():
    assert words(("Hello", ",", "world", "!", "'s", "—")) == ("Hello", "world", "'s") and words(()) == ()


def test_orth_key_drops_case_spacing_width_and_invisible_characters():
    assert _orth_key("Pre- Training") == "pre-training" and _orth_key("ＡＢＣ\u200b d") == "abcd"
    assert _orth_key("A\tB\nc") == "abc"


def test_expanding_contractions_is_skipped_only_where_it_would_fold_case_and_spacing():
    for text in ("the  Cat sat", "A big dog", "well-known"):
        assert not _may_contract(text)
        assert expand_contractions(text) == " ".join(text.casefold().split())  # nothing but case and spacing
    assert all(_may_contract(t) for t in ("it's", "it’s", "I CANNOT", "naïve"))
