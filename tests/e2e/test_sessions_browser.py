"""Sessions are isolated, and several at once leave the server responsive."""
import time
from concurrent.futures import ThreadPoolExecutor

from playwright.sync_api import sync_playwright

from tests.e2e.helpers import CHROMIUM, CHROMIUM_ARGS, cards, go, main_text, upload, wait_for_app


def test_two_sessions_see_only_their_own_data_and_selection(server, browser, tmp_path):
    path = tmp_path / "mine.csv"
    path.write_text("model,answer,reference\nalpha,The cat,The cat\n", encoding="utf-8")
    a = browser.new_context().new_page()
    b = browser.new_context().new_page()
    for p in (a, b):
        p.set_default_timeout(30_000)
        p.goto(server)
        wait_for_app(p)
    upload(a, path)
    go(b, "Models")
    b.reload()
    wait_for_app(b)
    assert "mine.csv" in a.locator('[data-testid="stSidebar"]').inner_text()
    assert "sample.md" in b.locator('[data-testid="stSidebar"]').inner_text()
    assert "mine.csv" not in b.locator('[data-testid="stSidebar"]').inner_text()
    go(a, "Diffs")
    assert a.locator("article.rl-card").count() == 1
    go(b, "Diffs")
    assert b.locator("article.rl-card").count() == 11  # the bundled sample's 16 answers, identical ones as one card


def test_page_switches_keep_dataset_and_model_selection(server, page, tmp_path):
    page.goto(f"{server}/models?models=minimax&models=zhipu")
    wait_for_app(page)
    for title in ("Diffs", "Categories", "Load data", "Diffs"):
        go(page, title)
    assert page.locator("article.rl-card").count() == 2
    assert "Traceback" not in main_text(page)


def _browse(server: str) -> float:
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        page = b.new_page()
        page.set_default_timeout(60_000)
        started = time.monotonic()
        page.goto(server)
        wait_for_app(page)
        for title in ("Models", "Categories", "Diffs"):
            go(page, title)
        assert cards(page).count() == 11  # 16 answers, identical ones grouped (variants view)
        b.close()
        return time.monotonic() - started


def test_five_sessions_at_once_stay_responsive(server):
    with ThreadPoolExecutor(5) as pool:
        durations = list(pool.map(_browse, [server] * 5))
    assert max(durations) < 90, durations  # generous on a 2-core CI box: "responsive", not a benchmark
