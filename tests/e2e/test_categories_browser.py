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


# A phone browser, as Playwright describes a Pixel 5, at the 390×844 of the issue.
PHONE_UA = ("Mozilla/5.0 (Linux; Android 11; Pixel 5) AppleWebKit/537.36 (KHTML, like Gecko) "
            "Chrome/120.0.0.0 Mobile Safari/537.36")


def test_on_a_phone_the_sidebar_folds_after_a_page_is_chosen(server, browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True,
                                  user_agent=PHONE_UA)
    page = context.new_page()
    try:
        page.goto(server)
        wait_for_app(page)
        page.locator('[data-testid="stExpandSidebarButton"]').click()
        page.locator('[data-testid="stSidebarNav"] a').filter(has_text="Categories").first.click()
        page.wait_for_function("location.pathname.endsWith('/categories')", timeout=30_000)
        wait_for_app(page)
        page.wait_for_selector('[data-testid="stExpandSidebarButton"]', timeout=10_000)  # folded: the page is free
        page.wait_for_timeout(600)  # the fold's slide
        box = page.locator('[data-testid="stSidebar"]').bounding_box()
        assert box is None or box["x"] + box["width"] <= 1, box  # slid off the screen, not over the page
        assert "Answer flags per model" in main_text(page)
    finally:
        context.close()
