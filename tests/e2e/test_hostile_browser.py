"""Hostile answers in a real browser: shown literally on every page and in the report, never run.

Every payload in tests/fixtures/hostile.csv would set window.__pwned if it executed (in the page
or in any iframe); the tests check both that the marker stays unset and that the text is visible.
"""
from pathlib import Path

import pytest

from tests.e2e.helpers import FIXTURES, go, main_text, upload, wait_for_app

HOSTILE = FIXTURES / "hostile.csv"
LITERALS = [
    "<script>window.__pwned=2</script>The cat sat.",
    '<img src=x onerror="window.__pwned=3">',
    "[click me](javascript:window.__pwned=5)",
    "&amp;lt; costs $5 and $10 **bold** `code`",
]


def pwned(page) -> list:
    """The marker in the page and in every frame (None everywhere when nothing ran)."""
    values = []
    for frame in page.frames:
        try:
            values.append(frame.evaluate("() => window.__pwned ?? null"))
        except Exception:  # a frame that cannot be evaluated is not one a payload controls
            values.append(None)
    return [v for v in values if v is not None]


@pytest.fixture
def hostile_page(server, page):
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(server)
    wait_for_app(page)
    upload(page, HOSTILE)
    yield page
    assert not dialogs, f"a payload opened a dialog: {dialogs}"


def test_load_page_shows_hostile_model_names_literally(hostile_page):
    text = main_text(hostile_page)
    assert '<img src=x onerror="window.__pwned=1">evil' in text
    assert "$5 model" in text
    assert pwned(hostile_page) == []


def test_diffs_page_shows_every_payload_as_text(hostile_page):
    go(hostile_page, "Diffs")
    text = main_text(hostile_page)
    for literal in LITERALS:
        assert literal in text
    # Our own markup is there; the payloads' is not.
    assert hostile_page.locator("article.rl-card").count() == 6
    assert hostile_page.locator("article.rl-card img, article.rl-card script, article.rl-card iframe").count() == 0
    assert hostile_page.locator('a[href^="javascript"]').count() == 0
    assert hostile_page.locator("[data-testid=stMain] .katex").count() == 0  # no $…$ math
    # The variants block (a component drawing lib's escaped markup) shows the answers' text, runs none
    block = hostile_page.locator(".rl-vroot")
    assert block.count() == 1 and block.locator("img, script, iframe, style").count() == 0
    assert "<script>window.__pwned=2</script>" in block.inner_text()
    hostile_page.wait_for_timeout(500)
    assert pwned(hostile_page) == []


def test_models_and_categories_pages_run_nothing(hostile_page):
    go(hostile_page, "Models")
    assert '<img src=x onerror="window.__pwned=1">evil' in main_text(hostile_page)  # the model chooser
    go(hostile_page, "Categories")
    hostile_page.wait_for_timeout(500)
    assert "Traceback" not in main_text(hostile_page)
    assert pwned(hostile_page) == []


def test_exported_report_shows_payloads_and_runs_none(hostile_page, browser, tmp_path):
    go(hostile_page, "Diffs")
    with hostile_page.expect_download() as info:
        hostile_page.get_by_role("button", name="Download this view (HTML)").click()
    path = Path(tmp_path / "report.html")
    info.value.save_as(path)
    context = browser.new_context()
    report = context.new_page()
    report.goto(path.as_uri())
    report.wait_for_load_state("load")
    report.wait_for_timeout(300)
    body = report.locator("body").inner_text()
    for literal in LITERALS:
        assert literal in body
    assert pwned(report) == []
    assert report.locator("script, img, iframe").count() == 0
    context.close()


def test_a_hostile_share_link_is_shown_as_text_and_runs_nothing(server, page):
    from urllib.parse import urlencode

    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    payload = '<img src=x onerror="window.__pwned=7">$5 and $10'
    page.goto(server + "/?" + urlencode({"data": payload, "sample": "<script>window.__pwned=8</script>"}))
    wait_for_app(page)
    text = main_text(page)
    assert f"This link was made on {payload}, but the loaded data is sample.md" in text
    assert page.locator("[data-testid=stMain] img, [data-testid=stMain] .katex").count() == 0
    page.wait_for_timeout(500)
    assert pwned(page) == [] and not dialogs
