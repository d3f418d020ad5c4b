from lib.align.diff import diff_texts, encode_keys, levenshtein
from lib.align.metrics import changed_spans, similarity, words


# Reference implementations: CER/WER as plain edit distances over the whole texts. The app reads
# both off the alignment it draws (char_errors / word_errors); these say what they must equal.
def char_error_rate(reference: str, answer: str, timeout: float = 1.0) -> float:
    """Character edits needed to turn the answer into the reference, per reference character."""
    if reference == answer:
        return 0.0
    distance = levenshtein(reference, answer, timeout)
    return distance / max(len(reference), 1)


def word_error_rate(reference: str, answer: str, timeout: float = 1.0,
                    reference_words: list[str] | None = None) -> float:
    """Word edits needed to turn the answer into the reference, per reference word."""
    if reference == answer:
        return 0.0
    ref_words = reference_words if reference_words is not None else words(reference)
    ans_words = words(answer)
    enc_ref, enc_ans = encode_keys(ref_words, ans_words)
    return levenshtein(enc_ref, enc_ans, timeout) / max(len(ref_words), 1)


def test_identical_texts_score_one_and_zero_error():
    segs = diff_texts("a cat", "a cat").segments
    assert similarity(segs) == 1.0
    assert char_error_rate("a cat", "a cat") == 0.0
    assert word_error_rate("a cat", "a cat") == 0.0


def test_similarity_counts_shared_characters():
    segs = diff_texts("the models", "models").segments
    assert similarity(segs) == 2 * 6 / (10 + 6)


def test_error_rates_are_per_reference_unit():
    assert char_error_rate("abcd", "abxd") == 0.25
    assert word_error_rate("we study the models", "we study models") == 0.25
    assert word_error_rate("我们研究", "我们研実") == 0.25  # each CJK character is a word


def test_empty_texts():
    assert similarity(diff_texts("", "").segments) == 1.0
    assert similarity(diff_texts("abc", "").segments) == 0.0
    assert char_error_rate("", "x") == 1.0


def test_changed_spans_counts_blocks_not_segments():
    segs = diff_texts("in the lens of the models", "through the lens of models").segments
    assert changed_spans(segs) == 2


def test_word_errors_from_the_alignment_match_wer_on_simple_cases():
    from lib.align.metrics import word_errors

    for ref, ans in [("we study the models", "we study models"), ("in the lens", "through the lens"),
                     ("a b c", "a b c d e"), ("我们研究", "我们研実")]:
        n = len(ref.split()) if " " in ref else len(ref)
        assert word_errors(diff_texts(ref, ans).segments) / n == word_error_rate(ref, ans)


def test_char_errors_from_the_alignment_match_cer():
    from lib.align.metrics import char_errors

    for ref, ans in [("abcd efg", "abxd efg"), ("we study the models", "we study models"),
                     ("in the lens", "through the lens"), ("我们研究", "我们研実"), ("same", "same")]:
        assert char_errors(diff_texts(ref, ans).segments) / len(ref) == char_error_rate(ref, ans)
