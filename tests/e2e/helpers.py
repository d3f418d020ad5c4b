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
    """Switch page through the sidebar navigation (keeps the session, unlike a new URL).

    Under load the click's rerun can start after wait_for_app has already seen the old page
    "notRunning", and a click that lands while the sidebar is being redrawn is lost: so wait for
    the address to become the link's path, clicking again if it has not after a while.
    """
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    link = page.locator('[data-testid="stSidebarNav"] a').filter(has_text=title).first
    target = link.get_attribute("href") or ""
    arrived = "href => location.pathname === new URL(href, location.href).pathname"
    for attempt in range(6):
        link.click()
        try:
            page.wait_for_function(arrived, arg=target, timeout=15_000)
            break
        except PlaywrightTimeout:
            if attempt == 5:
                raise
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


def click_first_of_colour(page: Page, locator, rgb: tuple[int, int, int], tolerance: int = 12) -> None:
    """Click the top-most bar drawn in `rgb` inside `locator` (a chart on a canvas, where there
    is no element to click): the test names the bar by its colour, not by a pixel offset that
    moves whenever the chart's layout does. A bar is at least 20 px wide, which a legend's
    colour swatch is not."""
    import io

    from PIL import Image

    box = locator.bounding_box()
    image = Image.open(io.BytesIO(locator.screenshot())).convert("RGB")
    scale = image.width / box["width"]
    near = lambda p: all(abs(a - b) <= tolerance for a, b in zip(p, rgb))  # noqa: E731
    pixels = image.load()
    for y in range(image.height):
        xs = [x for x in range(image.width) if near(pixels[x, y])]
        if len(xs) >= 20 * scale:
            row = y + int(4 * scale)
            xs = [x for x in range(image.width) if near(pixels[x, min(row, image.height - 1)])] or xs
            page.mouse.click(box["x"] + (xs[0] + xs[-1]) / 2 / scale, box["y"] + row / scale)
            return
    raise AssertionError(f"no shape of colour {rgb} in the chart")


def choose_view(page: Page, label: str) -> None:
    """Pick a view of the Diffs page (Variants, Inline, Side by side) in its segmented control."""
    page.locator('[data-testid="stButtonGroup"] button').filter(has_text=label).first.click()
    wait_for_app(page)
