"""A large file in the browser: the first sample's cards come before the whole file's analysis,
and the Models page, opened meanwhile, shows a progress bar and then redraws itself with the
complete leaderboard (no click) — never a table of part of the answers."""
import time

from bench.generate import write_csv
from tests.e2e.helpers import upload

ANSWERS = 6_000  # 375 samples × 16 models: seconds of background analysis on this machine


def _nav(page, title: str, path: str) -> None:
    """Click a page in the sidebar and wait for its address, not for the app to be idle: a page
    that polls a running analysis is never idle for long."""
    page.locator('[data-testid="stSidebarNav"] a').filter(has_text=title).first.click()
    # Diffs, the default page, is served at the app's root.
    page.wait_for_function("p => location.pathname.endsWith(p) || (p === '/diffs' && location.pathname.endsWith('/'))",
                           arg=path, timeout=60_000)


def test_cards_first_then_the_models_page_waits_for_the_whole_analysis(server, page, tmp_path):
    path = write_csv(tmp_path / "large-near.csv", ANSWERS // 16, 16, seed=9, workload="near")
    page.goto(server)
    page.wait_for_selector("article.rl-card", timeout=60_000)
    upload(page, path)  # the Load page: the file is read, nothing is analysed yet
    _nav(page, "Diffs", "/diffs")
    page.wait_for_function(
        "() => document.querySelector('[data-testid=\"stSidebar\"]').innerText.includes('large-near.csv') &&"
        " [...document.querySelectorAll('article.rl-card')].some(e => e.innerText.includes('model-0'))",
        timeout=60_000)
    main = page.locator('[data-testid="stMain"]')
    assert "16 answers" in main.inner_text()  # the overview over the cards: the whole sample is analysed

    _nav(page, "Models", "/models")
    saw_progress = False
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline:
        idle = page.locator('[data-testid="stApp"][data-test-script-state="notRunning"]').count() == 1
        if f"Analysing all {ANSWERS:,} answers" in main.inner_text():
            saw_progress = True
            # No partial leaderboard (while a rerun draws the table, the old bar may linger a moment).
            assert not idle or main.locator('[data-testid="stDataFrame"]').count() == 0
        elif main.locator('[data-testid="stDataFrame"]').count():
            break
        page.wait_for_timeout(250)
    else:
        raise AssertionError("the leaderboard never appeared")
    # Drawn without a click once the analysis is done: the whole page, down to its last line.
    page.wait_for_function("() => document.querySelector('[data-testid=\"stMain\"]').innerText"
                           ".includes('Read the diffs of the 16 selected models')", timeout=30_000)
    assert "Traceback" not in main.inner_text()
    assert saw_progress or main.locator('[data-testid="stDataFrame"]').count() == 1
