"""Extreme content: huge answers, many rows and models, odd characters. Nothing hangs or breaks."""
from __future__ import annotations

import pytest

import pandas as pd

from lib.analysis.dataset import analyze
from lib.align.diff import DiffOptions, diff_texts
from lib.name.flags import answer_flags
from lib.load import load_bytes, load_text
from lib.views.html import MAX_RENDER_CHARS, inline_html
from lib.views.cards import render_sample
from lib.align.tokens import tokenize


def rebuilt(reference: str, answer: str, **options) -> None:
    segs = diff_texts(reference, answer, DiffOptions(**options)).segments
    assert "".join(s.ref for s in segs if s.op != "insert") == reference
    assert "".join(s.ans for s in segs if s.op != "delete") == answer


@pytest.mark.timeout(60)  # a hang guard, not a speed target (those live in bench/)
def test_one_megabyte_answer_is_diffed_within_the_time_limit_and_drawn_truncated():
    words = [f"w{i % 997}" for i in range(200_000)]
    answer = " ".join(words)[:1_000_000]
    reference = " ".join(reversed(words))[:5_000]
    result = diff_texts(reference, answer, DiffOptions(timeout=0.5))
    assert "".join(s.ans for s in result.segments if s.op != "delete") == answer
    html = inline_html(result.segments)
    assert "more characters not shown" in html and len(html) < 10 * MAX_RENDER_CHARS


@pytest.mark.timeout(60)
def test_analysis_of_a_huge_answer_finishes(make_dataset):
    ds = make_dataset([{"model": "m", "answer": "x " * 300_000, "reference": "a short reference"}])
    out = analyze(ds.frame, DiffOptions(timeout=0.5))
    assert out["similarity"].iloc[0] < 0.1


def test_hundred_thousand_rows_load(tmp_path):
    frame = pd.DataFrame({"id": [str(i // 4) for i in range(100_000)], "model": [f"m{i % 4}" for i in range(100_000)],
                          "answer": ["the cat sat"] * 100_000, "reference": ["the cat sat."] * 100_000})
    ds = load_bytes(frame.to_csv(index=False).encode(), "big.csv")
    assert ds.report.rows == 100_000 and ds.report.samples == 25_000 and len(ds.report.models) == 4


def test_two_hundred_models_wide_table():
    header = "id,reference," + ",".join(f"model-{i}" for i in range(200))
    row = "1,The cat sat.," + ",".join("The cat sat." if i % 2 else "A cat sat." for i in range(200))
    ds = load_text(header + "\n" + row + "\n", "wide.csv")
    assert ds.report.shape == "wide" and len(ds.report.models) == 200
    html = render_sample(ds, None, "1", None, start=24, limit=24)
    assert html.count('class="rl-card"') == 24 and "model-24" in html and "model-23<" not in html


def test_a_sample_without_answers_from_the_chosen_models_says_so(make_dataset):
    ds = make_dataset([{"sample_id": "1", "model": "a", "answer": "x", "reference": "y"}])
    assert "No answers from the chosen models" in render_sample(ds, None, "1", ["b"])


def test_whitespace_only_answers_are_empty_not_crashes(make_dataset):
    ds = make_dataset([{"model": "a", "answer": " \n\t ", "reference": "The cat."}])
    out = analyze(ds.frame)
    assert out["flags"].iloc[0] == ("empty",)
    assert "The answer is empty (whitespace only)" in render_sample(ds, out, "1", None)


def test_emoji_combining_accents_rtl_zero_width_nbsp_and_crlf_survive_the_diff():
    cases = [
        ("I ❤️ 👩‍💻 code 🎉", "I ❤️ 👩‍💻 coding 🎉🎉"),
        ("café naïve", "cafe\u0301 naive"),          # combining accent vs precomposed
        ("שלום עולם", "שלום עולמות"),                 # right-to-left
        ("مرحبا بالعالم", "مرحبا العالم"),
        ("zero\u200bwidth and\u00a0nbsp", "zerowidth and nbsp"),
        ("line one\r\nline two\r\n", "line one\nline two\n"),
        ("𠀀𠀁 non-BMP 𝒜", "𠀀𠀂 non-BMP 𝒜"),
    ]
    for reference, answer in cases:
        for unit in ("word", "char"):
            rebuilt(reference, answer, unit=unit)
    assert "👩‍💻" in tokenize("a 👩‍💻 b")  # a ZWJ sequence is one token
    assert "e\u0301" in tokenize("cafe\u0301", "char")


def test_invisible_differences_are_visible_in_the_rendered_diff():
    html = inline_html(diff_texts("zero width and nbsp", "zero\u200b width and\u00a0nbsp").segments)
    assert "ZWSP" in html and "NBSP" in html
    html = inline_html(diff_texts("line one\nline two", "line one\r\nline two").segments)
    assert "↵" in html


def test_flags_on_odd_text():
    assert answer_flags("👍", "The cat sat on the mat today.") == ()
    assert "wrong_language" in answer_flags("مرحبا بالعالم، هذا نص عربي طويل", "Hello world, this is a long English text")


def test_analysis_falls_back_to_one_core_and_says_so(make_dataset, monkeypatch):
    import warnings
    from concurrent.futures.process import BrokenProcessPool

    import lib.analysis.dataset as analysis

    def broken(*args, **kwargs):
        raise BrokenProcessPool("no workers here")

    monkeypatch.setattr(analysis, "PARALLEL_MIN_ROWS", 1)
    monkeypatch.setattr(analysis, "_analyze_parallel", broken)
    ds = make_dataset([{"model": "a", "answer": "the cat", "reference": "a cat"}])
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        out = analysis.analyze(ds.frame, workers=2)
    assert len(out) == 1 and any("one core" in str(w.message) for w in caught)


def test_tokenizer_fast_paths_cut_text_exactly_as_the_general_pattern_does():
    """The ASCII pattern and the letter-run word pattern are speed-ups: on any text they must give
    the tokens of the plain "(letter marks*)+" pattern they replace."""
    import random
    import re

    import lib.align.tokens as t

    reference = re.compile(
        rf"[{t._CJK}]{t._ATTACHED}|(?:[^\W_{t._CJK}]{t._ATTACHED})+(?:['’](?:[^\W_{t._CJK}]{t._ATTACHED})+)*"
        rf"|[{t.ZERO_WIDTH}]|\r\n|\n|\r|[^\S\r\n]+|-{{2,}}|\.{{2,}}|.{t._ATTACHED}", re.DOTALL)
    rng = random.Random(5)
    alphabet = list("ab1 'é’-.\n\r\t_,\"") + ["\u0301", "\u200d", "\u200b", "\ufe0f", "中", "😀", "👩", "💻",
                                               "\U0001f3fb", "\u0e31", "ก", "\u064b", "\u3000", "\u00a0", "—"]
    for _ in range(20_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14)))
        assert tokenize(text) == reference.findall(text), repr(text)
