"""Helpers for the browser tests: wait for Streamlit, navigate within a session, upload a file."""
from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Page

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
CHROMIUM = "/usr/bin/chromium"
# Without these, Chromium keeps trying to reach Google's hosts on this offline machine.
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def wait_for_app(page: Page, settle_ms: int = 300) -> None:
    """Done = the script finished (stApp says notRunning) and the page stopped changing.

    Streamlit draws some elements (st.html among them) a moment after the run ends, so we also
    wait until the main area's markup is the same twice in a row.
    """
    page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]'
                           '[data-test-connection-state="CONNECTED"]', timeout=60_000)
    previous, same = None, 0
    for _ in range(200):
        current = page.evaluate(
            "() => { const m = document.querySelector('[data-testid=\"stMain\"]');"
            " const s = document.querySelector('[data-testid=\"stApp\"]');"
            " return (m ? m.innerHTML.length : -1) + ':' + (s ? s.getAttribute('data-test-script-state') : '') }"
        )
        same = same + 1 if current == previous and current.endswith("notRunning") else 0
        if same >= 3:
            return
        previous = current
        page.wait_for_timeout(settle_ms)


def cards(page: Page, expected_min: int = 1):
    """The diff cards of the Diffs page, once they are drawn."""
    page.wait_for_selector("article.rl-card", timeout=30_000)
    return page.locator("article.rl-card")


def go(page: Page, title: str) -> None:
    """Switch page through the sidebar navigation (keeps the session, unlike a new URL)."""
    page.locator('[data-testid="stSidebarNav"] a').filter(has_text=title).first.click()
    wait_for_app(page)


def upload(page: Page, path: Path) -> None:
    """Load a file through the Load page's uploader, as a user would."""
    go(page, "Load data")
    page.get_by_role("radio", name="Upload a file").click()
    wait_for_app(page)
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(path))
    page.wait_for_function(
        "name => document.querySelector('[data-testid=\"stSidebar\"]')?.innerText.includes(name)",
        arg=path.name, timeout=60_000,
    )
    wait_for_app(page)


def main_text(page: Page) -> str:
    return page.locator('[data-testid="stMain"]').inner_text()
