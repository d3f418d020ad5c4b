"""Hand-checked (source, reference, answer) triples: which answer edit fixed what."""
from __future__ import annotations

from lib.score.counts import Counts
from lib.score.match import match, scored_edits


def score(source: str, reference: str, answer: str):
    return match(scored_edits(source, reference), scored_edits(source, answer))


def verdicts(m) -> list[tuple[str, str, str]]:
    return [(s.verdict, s.edit.original, s.edit.correction) for s in m.edits]


SOURCE = "He go to school yesterday and buyed a apple."
REFERENCE = "He went to school yesterday and bought an apple."


def test_reference_edits_are_the_changes_from_source_to_reference():
    edits = scored_edits(SOURCE, REFERENCE)
    assert [(e.original, e.correction, e.code) for e in edits] == [
        ("go", "went", "R:VERB:TENSE"), ("buyed", "bought", "R:VERB:INFL"), ("a", "an", "R:DET")]
    assert SOURCE[edits[1].start:edits[1].end] == "buyed"


def test_answer_equal_to_reference_fixes_everything():
    m = score(SOURCE, REFERENCE, REFERENCE)
    assert m.counts == Counts(3, 0, 0)
    assert {v for v, *_ in verdicts(m)} == {"fixed"}


def test_fixed_wrong_fix_over_correction_and_missed():
    # go→goes: the reference changes "go" too, to "went" (wrong fix, and "went" is missed);
    # buyed→bought: fixed; "red" added where the reference keeps the text: over-correction;
    # a→an: missed.  TP 1, FP 2, FN 2.
    m = score(SOURCE, REFERENCE, "He goes to school yesterday and bought a red apple.")
    assert verdicts(m) == [
        ("wrong_fix", "go", "goes"), ("missed", "go", "went"), ("fixed", "buyed", "bought"),
        ("missed", "a", "an"), ("over_correction", "", "red")]
    assert m.counts == Counts(tp=1, fp=2, fn=2)
    wrong = m.edits[0]
    assert wrong.expected == "went"


def test_unchanged_answer_misses_every_error_and_proposes_nothing():
    m = score(SOURCE, REFERENCE, SOURCE)
    assert m.counts == Counts(0, 0, 3)
    assert m.counts.precision is None


def test_empty_answer_deletes_the_whole_source_once():
    # One deletion of everything (as ERRANT aligns text with nothing): it touches the reference's
    # edits, so it is a wrong fix, and all three errors are missed.
    m = score(SOURCE, REFERENCE, "")
    assert m.counts == Counts(tp=0, fp=1, fn=3)
    assert (m.edits[0].verdict, m.edits[0].edit.original, m.edits[0].edit.correction) == ("wrong_fix", SOURCE, "")


def test_answer_that_rewrites_everything_fixes_nothing():
    m = score(SOURCE, REFERENCE, "The child attended class and ate fruit.")
    assert m.counts.tp == 0 and m.counts.fn == 3 and m.counts.fp >= 1
    assert m.counts.f05 == 0.0


def test_chinese_is_matched_character_by_character():
    # 侧→测 fixed; 的 deleted although the reference keeps it: over-correction. TP 1, FP 1, FN 0.
    source, reference = "这个侧试的结果很好。", "这个测试的结果很好。"
    m = score(source, reference, "这个测试结果很好。")
    assert verdicts(m) == [("fixed", "侧", "测"), ("over_correction", "的", "")]
    assert m.counts == Counts(1, 1, 0)
    assert m.counts.f05 == 0.5 * 1.25 / (0.25 * 0.5 + 1)  # P 1/2, R 1


def test_chinese_typos_a_character_apart_are_separate_errors():
    source, reference = "我今天去公圆玩，天汽很好。", "我今天去公园玩，天气很好。"
    m = score(source, reference, "我今天去公园玩，天汽很好。")
    assert verdicts(m) == [("fixed", "圆", "园"), ("missed", "汽", "气")]
    assert m.counts == Counts(1, 0, 1)


def test_insertion_point_is_the_same_whichever_side_the_space_is_on():
    m = score("I saw cat in the park.", "I saw a cat in the park.", "I saw a cat in the park.")
    assert m.counts == Counts(1, 0, 0)
    assert m.edits[0].edit.start == m.edits[0].edit.end == 6


def test_spacing_only_changes_are_not_scored():
    # ERRANT compares tokens: "can not" → "cannot" and a space before a comma do not exist there.
    m = score("They can not come , sadly.", "They can not come, sadly.", "They cannot come , sadly.")
    assert m.counts == Counts(0, 0, 0)


def test_mixed_chinese_and_english():
    source, reference = "我用Pyton写了一个程序。", "我用Python写了一个程序。"
    m = score(source, reference, "我用Python写了一个程序。")
    assert m.counts == Counts(1, 0, 0)
    assert m.edits[0].edit.code == "R:SPELL"


def test_per_type_counts_tp_and_fn_by_reference_type_fp_by_answer_type():
    m = score(SOURCE, REFERENCE, "He goes to school yesterday and bought a red apple.")
    by_type = dict(m.by_type)
    assert by_type["VERB:INFL"] == Counts(1, 0, 0)   # buyed → bought
    assert by_type["VERB:SVA"] == Counts(0, 1, 0)    # the answer's goes (FP, its own type)
    assert by_type["VERB:TENSE"] == Counts(0, 0, 1)  # the reference's went (FN)
    assert by_type["DET"] == Counts(0, 0, 1)
    assert sum((c for c in by_type.values()), Counts()) == m.counts


def test_chinese_rewording_that_takes_in_a_typo_is_a_wrong_fix_and_the_typo_missed():
    # 天汽很好 → 天气非常好 is one edit, as ERRANT's merger makes it (a run that holds a content
    # word is one edit): it touches the reference's 汽 → 气, so it is a wrong fix that says what
    # the reference has, and 汽 → 气 counts as missed. 了 added: an over-correction.
    m = score("我今天去公圆玩，天汽很好。", "我今天去公园玩，天气很好。", "我今天去公园玩了，天气非常好。")
    assert verdicts(m) == [("fixed", "圆", "园"), ("over_correction", "", "了"), ("missed", "汽", "气"),
                           ("wrong_fix", "汽很", "气非常")]
    assert m.edits[-1].expected == "气"
    assert m.counts == Counts(1, 2, 1)


def test_words_split_by_a_space_and_a_dropped_word_are_two_edits():
    # "every one to" → "everyone": a spacing change (not scored) and "to" deleted.
    m = score("make every one to understand", "make everyone understand", "make every one understand")
    assert m.counts == Counts(1, 0, 0)


def test_answer_that_makes_some_of_a_stretchs_fixes_gets_them_credited():
    # The reference moves a comma and adds words between; the answer only moves the comma. On its
    # own the answer aligns as one edit ", and saw the paintings" → "and saw the paintings,"
    # (FP 1, TP 0), but its text is exactly the source with the reference's two comma edits made:
    # those are its edits, TP 2, FP 0 (the M2 scorer's idea).
    from lib.score.realign import realign

    source = "She visited the museum, and saw the paintings and sculptures."
    reference = "She visited the famous museum and saw many paintings, and sculptures."
    answer = "She visited the museum and saw the paintings, and sculptures."
    gold, alone = scored_edits(source, reference), scored_edits(source, answer)
    assert match(gold, alone).counts == Counts(0, 1, 4)
    m = match(gold, realign(gold, alone, source, answer))
    assert m.counts == Counts(2, 0, 2)
    for s in m.edits:
        if s.verdict == "fixed":  # drawn where the answer has the correction
            assert answer[s.edit.at:s.edit.at + len(s.edit.correction)] == s.edit.correction
