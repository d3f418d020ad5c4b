"""Edits named as ERRANT names them, one learner-style sentence per cause the JFLEG comparison
found (issue 11). The sentences are written for these tests, not taken from JFLEG."""
from __future__ import annotations

import pytest

from lib.align.diff import diff_texts
from lib.name import classify as classify_module
from lib.name.classify import CASCADE, classify
from lib.name.lexicon import indel, lemmas, number_pair, pos, split_contraction, tags
from lib.name.merge import extract_edits


def edits(answer: str, reference: str) -> list[tuple[str, str, str]]:
    out = []
    for e in extract_edits(diff_texts(reference, answer).segments):
        assert reference[e.ref_start:e.ref_start + len(e.reference)] == e.reference
        assert answer[e.ans_start:e.ans_start + len(e.answer)] == e.answer
        out.append((e.code, e.answer, e.reference))
    return out


@pytest.mark.parametrize("answer, reference, expected", [
    # 1. neighbouring edits are split, not merged into one R:OTHER
    ("We ignored fact that it rained.", "We ignored the facts that it rained.",
     [("M:DET", "", "the"), ("R:NOUN:NUM", "fact", "facts")]),
    ("She succeedded in the end.", "She succeeded, in the end.",
     [("R:SPELL", "succeedded", "succeeded"), ("M:PUNCT", "", ",")]),
    ("bring umbrella today.", "Bring an umbrella today.", [("R:ORTH", "bring", "Bring"), ("M:DET", "", "an")]),
    ("I have many informations.", "I have much information.",
     [("R:OTHER", "many", "much"), ("R:NOUN:INFL", "informations", "information")]),
    ("I like all these amazing songs.", "I like amazing songs.", [("U:DET", "all these", "")]),
    # 2. verb morphology: agreement, form, tense, a wrong inflection; adjectives' degree
    ("He want a new car.", "He wants a new car.", [("R:VERB:SVA", "want", "wants")]),
    ("I am go home now.", "I am going home now.", [("R:VERB:FORM", "go", "going")]),
    ("They will finished soon.", "They will finish soon.", [("R:VERB:FORM", "finished", "finish")]),
    ("Yesterday I walk to school.", "Yesterday I walked to school.", [("R:VERB:TENSE", "walk", "walked")]),
    ("He getted a prize.", "He got a prize.", [("R:VERB:INFL", "getted", "got")]),
    ("This is more big than that.", "This is bigger than that.", [("R:ADJ:FORM", "more big", "bigger")]),
    ("It is the better choice of all.", "It is the best choice of all.", [("R:ADJ:FORM", "better", "best")]),
    ("I have two cat.", "I have two cats.", [("R:NOUN:NUM", "cat", "cats")]),
    ("My friends house is big.", "My friend's house is big.", [("R:NOUN:POSS", "friends", "friend's")]),
    # 3. infinitive "to" for a preposition is a particle; a dropped one a verb form
    ("We must act for protect the forest.", "We must act to protect the forest.", [("R:PART", "for", "to")]),
    ("She is good in math.", "She is good at math.", [("R:PREP", "in", "at")]),
    ("We decided leave early.", "We decided to leave early.", [("M:VERB:FORM", "", "to")]),
    # 4. contractions are split as a tokenizer splits them
    ("Then it's became clear.", "Then it became clear.", [("U:CONTR", "'s", "")]),
    ("I do not know.", "I don't know.", [("R:CONTR", "not", "n't")]),
    ("You shouldnt worry.", "You shouldn't worry.", [("R:CONTR", "nt", "n't")]),
    # 5. a real word for another is named by its class, not SPELL
    ("I like you car.", "I like your car.", [("R:DET", "you", "your")]),
    ("Can you lent me a pen?", "Can you lend me a pen?", [("R:VERB:TENSE", "lent", "lend")]),
    # 6. a case change on the first word rides with the edit before it (and its operation)
    ("Disadvantage is the cost.", "A disadvantage is the cost.", [("M:DET", "Disadvantage", "A disadvantage")]),
    ("But you can see it.", "You can see it.", [("U:CONJ", "But you", "You")]),
])
def test_learner_sentences_get_errant_codes(answer, reference, expected):
    assert edits(answer, reference) == expected


def test_a_rewritten_passage_is_one_edit_not_a_run_of_words():
    got = edits("The results were, in the opinion of most reviewers, rather weak overall in every way.",
                "Reviewers found the results unconvincing.")
    assert len(got) <= 4 and all(code != "R:SPELL" for code, _, _ in got)


def test_the_cascade_runs_in_the_order_of_its_table(monkeypatch):
    calls: list[str] = []
    wrapped = tuple((name, (lambda rule, name: lambda s: (calls.append(name), rule(s))[1])(rule, name))
                    for name, rule in CASCADE)
    monkeypatch.setattr(classify_module, "CASCADE", wrapped)
    classify_module._without_context.cache_clear()
    assert classify("anything", "nothing at all here") == "OTHER"
    assert calls == [name for name, _ in CASCADE]  # every rule, top to bottom, and the last one answers
    classify_module._without_context.cache_clear()


def test_the_neighbours_decide_only_where_a_rule_reads_them():
    assert classify("cats", "cat", "two", "") == "NOUN:NUM" and classify("wants", "want", "he", "a") == "VERB:SVA"
    assert classify("to", "for", "act", "protect") == "PART" and classify("to", "for", "went", "the") == "PREP"
    assert classify("the", "", "x", "y") == classify("the", "", "a", "b") == "DET"


def test_cascade_names_are_unique_and_end_with_a_rule_that_always_answers():
    names = [name for name, _ in CASCADE]
    assert len(names) == len(set(names))
    assert CASCADE[-1][1](None) == "OTHER"


def test_lexicon_reads_lemminflect_tables():
    assert "go" in lemmas("went") and "child" in lemmas("children")
    assert {"VBZ", "NNS"} <= tags("studies") and "VBG" in tags("running")
    assert number_pair("cat", "cats") and number_pair("child", "children")
    assert not number_pair("take", "taking") and not number_pair("goes", "go")  # plural before singular: no
    assert pos("to", after="protect") == "PART" and pos("to", after="the") == "ADP"
    assert pos("'s", before="it") == "AUX" and pos("'s", before="John") == "POS"
    assert split_contraction("don't") == ("do", "n't") and split_contraction("it’s") == ("it", "’s")
    assert split_contraction("cannot") == ("can", "not") and split_contraction("cat") == ("cat",)


@pytest.mark.parametrize("a, b, lcs", [("kitten", "sitting", 4), ("abc", "abc", 3), ("abc", "xyz", 0),
                                       ("succeedded", "succeeded", 9)])
def test_indel_distance_counts_the_longest_common_subsequence(a, b, lcs):
    assert indel(a, b) == pytest.approx(1 - 2 * lcs / (len(a) + len(b)))
