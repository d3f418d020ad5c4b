"""Screenshots of every page, light and dark: `python -m tests.e2e.screenshots URL OUTDIR`.

Not a test: a way to look at what we build (the brief: a page you have not looked at is not done).
"""
from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

from tests.e2e.helpers import CHROMIUM, CHROMIUM_ARGS, go, wait_for_app

PAGES = ["Diffs", "Models", "Categories", "Load data"]


def main(url: str, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        for scheme in ("light", "dark"):
            page = browser.new_context(viewport={"width": 1400, "height": 1000}, color_scheme=scheme).new_page()
            page.set_default_timeout(60_000)
            page.goto(url)
            wait_for_app(page)
            for title in PAGES:
                go(page, title)
                name = title.split()[0].lower()
                page.screenshot(path=str(out / f"{name}-{scheme}.png"), full_page=False)
                page.mouse.move(700, 600)
                for step in (1, 2):  # Streamlit scrolls inside its main area, not the page
                    page.mouse.wheel(0, 900)
                    page.wait_for_timeout(400)
                    page.screenshot(path=str(out / f"{name}-{scheme}-scrolled{step}.png"))
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1], Path(sys.argv[2]))
