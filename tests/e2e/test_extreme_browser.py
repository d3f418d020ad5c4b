"""Extreme content in a real browser: a 1 MB answer and 200 models stay usable and say what they cut."""
import csv
import time

from tests.e2e.helpers import cards, choose_view, go, main_text, upload, wait_for_app


def test_huge_answer_and_two_hundred_models(server, page, tmp_path):
    path = tmp_path / "extreme.csv"
    reference = "The cat sat on the mat. " * 20
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["model", "answer", "reference"])
        writer.writerow(["huge", ("The cat sat on a mat. " * 48_000)[:1_000_000], reference])
        for i in range(200):
            writer.writerow([f"model-{i:03d}", reference.replace("the mat", "a mat", i % 3), reference])
    page.goto(server)
    wait_for_app(page)
    upload(page, path)
    started = time.monotonic()
    go(page, "Diffs")
    # The variants view (the default from 3 answers) groups the 200 answers into their 3 distinct texts.
    assert cards(page).count() == 4
    choose_view(page, "Inline")
    drawn = cards(page)
    assert drawn.count() == 24  # the first page of cards, not 201 at once
    text = main_text(page)
    # 201 runs: the first 200 can be chosen (issue 15's bound on what a page draws), and the sidebar says so.
    assert "200 cards: showing" in text and "more characters not shown" in text
    assert "201 model runs: the first 200" in page.locator('[data-testid="stSidebar"]').inner_text()
    assert time.monotonic() - started < 60
    picker = page.locator('[data-testid="stSelectbox"]').filter(has_text="200 cards: showing")
    picker.locator("input").click()
    page.keyboard.type("cards 25")
    page.keyboard.press("Enter")
    wait_for_app(page)
    assert "model-023" in main_text(page) and cards(page).count() == 24
