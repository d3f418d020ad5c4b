"""Clicking a bar in the Categories charts filters the examples below it."""
from tests.e2e.helpers import go, main_text, wait_for_app


def test_clicking_a_bar_filters_the_examples(server, page):
    page.goto(server)
    wait_for_app(page)
    go(page, "Categories")
    before = main_text(page)
    assert "Examples (" in before
    chart = page.locator('[data-testid="stVegaLiteChart"]').nth(1)  # edit types per model
    chart.scroll_into_view_if_needed()
    box = chart.locator("canvas, svg").first.bounding_box()
    # Bars start at the left axis; click a little right of it on the first model's row.
    page.mouse.click(box["x"] + box["width"] * 0.35, box["y"] + 40)
    page.wait_for_selector("text=Chart selection:", timeout=20_000)
    wait_for_app(page)
    after = main_text(page)
    assert "Chart selection:" in after
    shown = int(after.split("Examples (", 1)[1].split(")", 1)[0].split(" of ")[0].replace(",", ""))
    total = int(before.split("Examples (", 1)[1].split(")", 1)[0].split(" of ")[-1].replace(",", ""))
    assert 0 < shown < total
