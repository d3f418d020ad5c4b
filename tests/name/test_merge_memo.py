"""A change block named from memory gets the same edits, at its own offsets, as one named fresh."""
from lib.align.diff import diff_texts
from lib.name import merge


def _fresh(reference: str, answer: str) -> list:
    merge._named_block.cache_clear()
    return merge.extract_edits(diff_texts(reference, answer).segments)


def test_repeated_block_named_from_memory_at_its_own_offsets():
    reference = "He go to school. " * 3 + "She like the cats."
    answer = "He goes to school. " * 3 + "She like the cats."
    fresh = _fresh(reference, answer)
    again = merge.extract_edits(diff_texts(reference, answer).segments)
    assert merge._named_block.cache_info().hits >= 2
    assert again == fresh
    assert [e.ans_start for e in fresh] == [3, 22, 41]


def test_long_answer_with_few_edits_matches_fresh_naming():
    body = "The quick brown fox jumps over the lazy dog near the river bank. " * 300
    reference = body + "It's raining in a city."
    answer = body.replace("lazy dog near", "lazy dogs near", 1) + "Its raining in the city."
    fresh = merge._block_edits  # the unmemoized naming, block by block
    memo = _fresh(reference, answer)
    assert memo and all(answer[e.ans_start:e.ans_start + len(e.answer)] == e.answer for e in memo)
    assert all(reference[e.ref_start:e.ref_start + len(e.reference)] == e.reference for e in memo)
    merge._edits_of_block, saved = fresh, merge._edits_of_block
    try:
        assert merge.extract_edits(diff_texts(reference, answer).segments) == memo
    finally:
        merge._edits_of_block = saved


def test_context_beyond_reach_is_not_memoized():
    assert merge._left_context("x" * 100 + " ab", 103) == " ab"
    assert merge._left_context("y" * 100, 100) is None
    assert merge._right_context("ab.", 0) == "ab."
