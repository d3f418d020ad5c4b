"""Uploading two evaluation frameworks' logs at once: one comparison with both models' cards."""
from __future__ import annotations

from tests.e2e.helpers import FIXTURES, cards, go, main_text, wait_for_app

LOGS = [FIXTURES / "frameworks" / "inspect" / "capitals_model-a.eval",
        FIXTURES / "frameworks" / "inspect" / "capitals_model-b.eval"]


def test_two_inspect_logs_uploaded_together_show_both_models_cards(server, page):
    page.goto(server)
    wait_for_app(page)
    go(page, "Load data")
    page.get_by_role("radio", name="Upload a file").click()
    wait_for_app(page)
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files([str(p) for p in LOGS])
    page.wait_for_function(
        "() => document.querySelector('[data-testid=\"stSidebar\"]')?.innerText.includes('2 files')",
        timeout=60_000)
    wait_for_app(page)
    text = main_text(page)
    assert "2 files loaded as one dataset" in text and "Inspect AI eval log" in text
    assert "capitals_model-a.eval" in text and "capitals_model-b.eval" in text and "Traceback" not in text
    go(page, "Diffs")
    shown = cards(page)
    page.wait_for_function("() => document.querySelectorAll('article.rl-card').length >= 2", timeout=30_000)
    body = " ".join(shown.all_inner_texts())
    assert "mockllm/model-a" in body and "mockllm/model-b" in body
