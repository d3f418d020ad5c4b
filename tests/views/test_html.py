"""Rendering: user text is escaped before our tags; invisible characters get markers."""
from lib.align.diff import DiffOptions, diff_texts
from lib.views.html import MAX_RENDER_CHARS, inline_html, plain_html, show_invisible, snippet_html
from lib.views.side_by_side import side_by_side_html

HOSTILE = '<script>alert(1)</script> <img src=x onerror=alert(2)> [x](javascript:alert(3)) $5 and $10 &amp;lt;'


def test_inline_diff_uses_ins_and_del():
    html = inline_html(diff_texts("in the lens", "through the lens").segments)
    assert "<del>in</del>" in html and "<ins>through</ins>" in html


def test_hostile_text_is_escaped_in_every_view():
    segs = diff_texts("plain reference", HOSTILE).segments
    for html in (inline_html(segs), side_by_side_html(segs), plain_html(HOSTILE), snippet_html(HOSTILE, "<b>", "<i>", "")):
        assert "<script" not in html and "<img" not in html and "<b>" not in html
        assert "&lt;script&gt;" in html
    assert "&amp;amp;lt;" in inline_html(segs)  # entities are shown as typed, not decoded


def test_invisible_characters_get_markers():
    out = show_invisible("a\u00a0b\u200bc\td\n")
    assert "NBSP" in out and "ZWSP" in out and "→" in out and "↵" in out


def test_whitespace_only_changes_mark_their_spaces_but_word_changes_do_not():
    assert "␣␣" in show_invisible("  ")
    assert "␣" not in show_invisible("in ")


def test_punctuation_swap_shows_the_spaces_it_drops():
    # deepseek-r1 in sample.md: " -- " → "—"; the struck-through blanks must be visible.
    out = show_invisible(" -- ")
    assert out.count("␣") == 2 and "--" in out
    assert "␣" not in show_invisible("—")


def test_emoji_zwj_sequence_is_not_broken_up():
    assert "ZWJ" not in show_invisible("👩\u200d💻")
    assert "ZWJ" in show_invisible("a\u200db")


def test_nbsp_difference_is_visible_in_the_inline_diff():
    html = inline_html(diff_texts("a b", "a\u00a0b").segments)
    assert "NBSP" in html and "␣" in html


def test_long_text_is_cut_and_the_cut_is_said():
    text = "x" * (MAX_RENDER_CHARS + 500)
    html = plain_html(text)
    assert "500 more characters not shown" in html


def test_side_by_side_rows_follow_shared_paragraphs():
    segs = diff_texts("one\ntwo three", "one\ntwo four", DiffOptions()).segments
    html = side_by_side_html(segs)
    assert html.count("rl-diff") == 4  # two rows × two columns


def test_table_cells_are_escaped_and_not_markdown():
    from lib.views.html import table_html

    out = table_html(["type", "meaning"], [("PUNCT", "-- vs — <b>"), ("X", "$5 and $10")])
    assert "-- vs — &lt;b&gt;" in out and "<b>" not in out and "$5 and $10" in out
    assert out.count("<tr>") == 3


def test_a_label_shows_markdown_and_math_literally():
    from lib.views.html import label_text

    assert label_text("$x^2$ [a](javascript:x) *b*.csv") == r"\$x^2\$ \[a\]\(javascript\:x\) \*b\*\.csv"
    assert label_text("two\nlines") == "two lines"


def test_a_name_with_a_bidi_override_is_isolated_and_its_control_shown():
    from lib.views.html import isolate

    assert isolate("evil\u202eabc") == "\u2068evil<U+202E>abc\u2069"
    assert isolate("gpt4") == "\u2068gpt4\u2069"


def test_side_by_side_in_cards_shows_the_changes_not_the_whole_reference_again():
    from lib.align.diff import diff_texts

    intro = "Recent studies have put into question the belief that emergent abilities exist. " * 6
    reference = intro + "We study the models in the lens of loss. " + intro + "\n\nAn unchanged paragraph.\n\nAnother one."
    answer = reference.replace("study the models", "study models")
    segments = diff_texts(reference, answer).segments
    full = side_by_side_html(segments)
    short = side_by_side_html(segments, context=80)
    assert full.count("Recent studies") == 2 * 12  # every sentence in both columns
    assert "<del>the " in short and "lens of loss" in short and "⋯" in short
    assert len(short) < len(full) / 3
    assert "2 unchanged paragraphs (the same in both)" in short
    # nothing to cut: a short text is drawn whole
    small = diff_texts("the cat sat", "a cat sat").segments
    assert side_by_side_html(small, context=80) == side_by_side_html(small)
