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


def wait_for_app(page: Page) -> None:
    """Streamlit is done when the app is rendered and no element shows the running state."""
    page.wait_for_selector('[data-testid="stApp"]')
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')"
        " && document.querySelector('[data-testid=\"stMain\"]')",
        timeout=60_000,
    )
    page.wait_for_timeout(300)



def go(page: Page, title: str) -> None:
    """Switch page through the sidebar navigation (keeps the session, unlike a new URL)."""
    page.locator('[data-testid="stSidebarNav"] a').filter(has_text=title).first.click()
    wait_for_app(page)


def upload(page: Page, path: Path) -> None:
    """Load a file through the Load page's uploader, as a user would."""
    go(page, "Load data")
    page.get_by_role("button", name="Upload a file").click()
    wait_for_app(page)
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(path))
    page.wait_for_function(
        "name => document.querySelector('[data-testid=\"stSidebar\"]')?.innerText.includes(name)",
        arg=path.name, timeout=60_000,
    )
    wait_for_app(page)


def main_text(page: Page) -> str:
    return page.locator('[data-testid="stMain"]').inner_text()
