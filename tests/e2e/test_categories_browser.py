"""Clicking a bar in the Categories charts filters the examples below it."""
from lib.views.charts import PALETTE
from tests.e2e.helpers import click_first_of_colour, go, main_text, wait_for_app


def _examples_count(text: str) -> tuple[int, int]:
    """(shown, total) from the "Examples (…)" heading."""
    inside = text.split("Examples (", 1)[1].split(")", 1)[0].replace(",", "")
    parts = inside.split(" of ")
    return int(parts[0]), int(parts[-1])


def test_clicking_a_bar_filters_the_examples(server, page):
    page.goto(server)
    wait_for_app(page)
    go(page, "Categories")
    page.wait_for_selector('[data-testid="stVegaLiteChart"] canvas, [data-testid="stVegaLiteChart"] svg')
    page.wait_for_timeout(800)  # Vega draws after the element mounts
    _, total_before = _examples_count(main_text(page))
    # The flags chart lists models in file order; the first "exact" bar (the first flag's colour)
    # is gpt-4o's.
    exact = tuple(int(PALETTE[0][i:i + 2], 16) for i in (1, 3, 5))
    click_first_of_colour(page, page.locator('[data-testid="stVegaLiteChart"]').first, exact)
    page.wait_for_selector("text=Chart selection:", timeout=20_000)
    wait_for_app(page)
    text = main_text(page)
    assert "Chart selection: gpt-4o-2024-08-06 · exact" in text
    shown, total = _examples_count(text)
    assert shown == total == 1 < total_before
