"""The proofreading example in a real browser: the source view shows the four kinds of marks."""
from __future__ import annotations

import os

from tests.e2e.helpers import cards as diff_cards, go, wait_for_app

VERDICTS = {"fixed": "✓ fixed", "wrong_fix": "≠ wrong fix", "over_correction": "✗ over-correction",
            "missed": "○ missed"}


def test_source_view_marks_fixed_wrong_fix_over_correction_and_missed(server, page, tmp_path):
    page.goto(f"{server}/")
    wait_for_app(page)
    go(page, "Load data")
    page.get_by_role("button", name="Load the proofreading example").click()
    page.wait_for_function(
        "() => document.querySelector('[data-testid=\"stSidebar\"]')?.innerText.includes('proofreading.csv')",
        timeout=60_000)
    wait_for_app(page)
    go(page, "Diffs")
    page.get_by_role("radio", name="Inline").click()
    wait_for_app(page)
    picker = page.locator('[data-testid="stSelectbox"]').filter(has_text="Compare against")
    picker.locator("input").click()
    page.keyboard.type("the source")
    page.keyboard.press("Enter")
    wait_for_app(page)
    cards = diff_cards(page)
    assert cards.count() == 3
    for verdict, words in VERDICTS.items():
        mark = page.locator(f'article.rl-card [data-verdict="{verdict}"]').first
        assert mark.is_visible(), verdict
        assert words in mark.inner_text(), verdict  # in words, not colour alone
    legend = page.locator(".rl-legend").filter(has_text="the reference keeps this text")
    assert legend.count() == 1 and legend.is_visible()
    assert "F0.5 0.333 (TP 1, FP 2, FN 2)" in cards.filter(has_text="modelB").inner_text()
    # wrong fix and over-correction look different without colour: a dashed box vs a wavy underline
    style = lambda v: page.locator(f'article.rl-card [data-verdict="{v}"]').first.evaluate(  # noqa: E731
        "e => [getComputedStyle(e).outlineStyle, getComputedStyle(e).textDecorationStyle]")
    assert style("wrong_fix")[0] == "dashed" and style("over_correction")[1] == "wavy" and style("missed")[0] == "dotted"
    shots = os.environ.get("REDLINE_SHOTS")
    page.screenshot(path=str((tmp_path if not shots else __import__("pathlib").Path(shots)) / "scores-source-view.png"),
                    full_page=True)
