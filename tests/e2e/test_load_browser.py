"""Uploading a file in the browser replaces the sample and shows the load report."""
from tests.e2e.helpers import go, main_text, upload, wait_for_app


def test_upload_shows_the_report_and_the_sidebar_follows(server, page, tmp_path):
    path = tmp_path / "wide.csv"
    path.write_text("id,reference,gpt-4o,claude\n1,The cat sat.,The cat sat.,A cat sat.\n2,我们研究。,我们研究。,我们研実。\n",
                    encoding="utf-8")
    page.goto(server)
    upload(page, path)
    text = main_text(page)
    assert "wide.csv" in text and "csv" in text and "wide" in text
    sidebar = page.locator('[data-testid="stSidebar"]').inner_text()
    assert "4 answers" in sidebar and "2 samples" in sidebar and "2 models" in sidebar


def test_a_broken_upload_keeps_the_loaded_data(server, page, tmp_path):
    junk = tmp_path / "junk.csv"
    junk.write_bytes(bytes(range(256)) * 40)
    page.goto(server)
    wait_for_app(page)
    go(page, "Load data")
    page.get_by_role("radio", name="Upload a file").click()
    wait_for_app(page)
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(junk))
    page.wait_for_selector(".rl-alert-error", timeout=60_000)
    # Under load the alert can be drawn a rerun before the note beside it: wait for both.
    page.wait_for_function("document.body.innerText.includes('Still showing the previously loaded data')",
                           timeout=60_000)
    text = main_text(page)
    assert "junk.csv" in text and "Still showing the previously loaded data: sample.md" in text
    assert "Traceback" not in text
    assert "sample.md" in page.locator('[data-testid="stSidebar"]').inner_text()


def test_a_refresh_keeps_the_upload_instead_of_silently_showing_the_sample(server, page, tmp_path):
    path = tmp_path / "mine.csv"
    path.write_text("model,answer,reference\nalpha,The cat,The cat\nbeta,A cat,The cat\n", encoding="utf-8")
    page.goto(server)
    upload(page, path)
    page.wait_for_function("location.search.includes('src=')", timeout=60_000)
    go(page, "Models")
    assert "src=" in page.url
    page.reload()
    wait_for_app(page)
    page.wait_for_function("document.querySelector('[data-testid=\"stSidebar\"]').innerText.includes('mine.csv')",
                           timeout=60_000)
    sidebar = page.locator('[data-testid="stSidebar"]').inner_text()
    assert "mine.csv" in sidebar and "2 answers" in sidebar


def test_one_click_loads_pasted_text_still_in_the_box(server, page):
    # The user types and clicks straight away: the box has not been left, so its text is not yet
    # sent on its own; the one click must still load it (it used to only blur the box).
    page.goto(server)
    wait_for_app(page)
    go(page, "Load data")
    page.get_by_role("radio", name="Paste text").click()
    wait_for_app(page)
    page.locator("textarea").first.fill("model,answer,reference\nalpha,The cat,The cat\nbeta,A cat,The cat\n")
    page.get_by_role("button", name="Load pasted text").click()
    page.wait_for_function(
        "document.querySelector('[data-testid=\"stSidebar\"]')?.innerText.includes('pasted text')", timeout=30_000)
    assert "2 answers" in page.locator('[data-testid="stSidebar"]').inner_text()
