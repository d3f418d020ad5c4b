"""Deep links restore the Diffs view in a real browser, with real <ins>/<del> elements."""
from urllib.parse import urlencode

from tests.e2e.helpers import cards as diff_cards, main_text, wait_for_app


def test_deep_link_shows_ins_and_del_of_the_chosen_models(server, page):
    query = urlencode({"sample": "1", "models": ["minimax", "deepseek-r1"], "view": "inline", "unit": "word"}, doseq=True)
    page.goto(f"{server}/?{query}")
    wait_for_app(page)
    cards = diff_cards(page)
    assert cards.count() == 2
    minimax = cards.filter(has_text="minimax")
    assert [t.strip() for t in minimax.locator("del").all_inner_texts()] == ["the"]
    r1 = cards.filter(has_text="deepseek-r1")
    assert "—" in r1.locator("ins").all_inner_texts()
    assert any("--" in t for t in r1.locator("del").all_inner_texts())


def test_side_by_side_view_and_character_unit_come_from_the_url(server, page):
    page.goto(f"{server}/?sample=1&models=gpto1&view=side&unit=char")
    wait_for_app(page)
    card = diff_cards(page).first
    assert card.locator(".rl-sbs").count() == 1
    assert card.locator("ins").first.inner_text() == "ir"  # irregardless → regardless, by character
    assert "unit=char" in page.url and "view=side" in page.url


def test_next_sample_shortcut_and_share_link(server, page):
    page.goto(f"{server}/")
    wait_for_app(page)
    assert diff_cards(page).count() == 11  # the variants view: identical answers share a card
    assert "Here is the text with the misspellings corrected:" in main_text(page)
    link = page.locator('[data-testid="stCode"]').inner_text()
    assert "?sample=1" in link


def test_j_and_k_step_through_samples_from_the_keyboard(server, page, tmp_path):
    _three_samples_on_diffs(server, page, tmp_path / "steps.csv")
    assert "Sample 1 of 3" in main_text(page)
    page.locator("h1").first.click()  # focus on the page, not in the search box
    page.keyboard.press("j")
    page.wait_for_function("() => document.body.innerText.includes('Sample 2 of 3')", timeout=20_000)
    wait_for_app(page)
    assert "reference 2" in main_text(page) and "sample=q2" in page.url
    page.keyboard.press("k")
    page.wait_for_function("() => document.body.innerText.includes('Sample 1 of 3')", timeout=20_000)


def test_browser_back_and_forward_step_through_the_samples_seen(server, page, tmp_path):
    _three_samples_on_diffs(server, page, tmp_path / "back.csv")
    for n in (2, 3):
        page.get_by_role("button", name="Next →").click()
        page.wait_for_function(f"() => document.body.innerText.includes('Sample {n} of 3')", timeout=20_000)
        wait_for_app(page)
    page.go_back()
    page.wait_for_function("() => document.body.innerText.includes('Sample 2 of 3')", timeout=20_000)
    wait_for_app(page)
    assert "reference 2" in main_text(page) and "sample=q2" in page.url
    page.go_back()
    page.wait_for_function("() => document.body.innerText.includes('Sample 1 of 3')", timeout=20_000)
    wait_for_app(page)
    assert "reference 1" in main_text(page)
    page.go_forward()
    page.wait_for_function("() => document.body.innerText.includes('Sample 2 of 3')", timeout=20_000)
    wait_for_app(page)
    assert "reference 2" in main_text(page) and "sample=q2" in page.url


def _three_samples_on_diffs(server, page, path) -> None:
    """A file of three one-answer samples (q1–q3), uploaded, with the Diffs page open."""
    from tests.e2e.helpers import go, upload

    path.write_text("id,model,answer,reference\n" + "".join(f"q{i},m,answer {i},reference {i}\n" for i in (1, 2, 3)),
                    encoding="utf-8")
    page.goto(server)
    wait_for_app(page)
    upload(page, path)
    go(page, "Diffs")
