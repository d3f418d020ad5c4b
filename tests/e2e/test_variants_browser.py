"""The variants view in a real browser: click a place or a reading, the cards below follow."""
from tests.e2e.helpers import cards as diff_cards, main_text, wait_for_app


def _wait_cards(page, n: int) -> None:
    page.wait_for_function(f"() => document.querySelectorAll('article.rl-card').length === {n}", timeout=30_000)
    wait_for_app(page)


def test_clicking_a_place_in_the_reference_filters_the_cards(server, page):
    page.goto(f"{server}/")
    wait_for_app(page)
    assert diff_cards(page).count() == 11
    the = page.locator('mark.rl-place[data-pick="p3"]')  # "the" of "the models": 8 answers drop it
    assert the.inner_text().replace("\n", "") == "the8"
    the.click()
    _wait_cards(page, 7)
    assert "place=4" in page.url
    assert "Showing 8 answers of 16 in 7 cards" in main_text(page)
    assert "gpto1" not in " ".join(diff_cards(page).all_inner_texts())
    page.locator('mark.rl-place[data-pick="p3"]').click()  # again: every card
    _wait_cards(page, 11)


def test_clicking_a_reading_shows_only_the_models_that_gave_it(server, page):
    page.goto(f"{server}/")
    wait_for_app(page)
    page.locator('[data-pick="p6r0"]').click()  # regardless → irregardless
    _wait_cards(page, 2)
    text = " ".join(diff_cards(page).all_inner_texts())
    assert "gpto1 #2" in text and "Meta-Llama-3.1-405B-Instruct-Turbo" in text and "kimi" not in text


def test_keyboard_enter_on_a_place_and_n_to_step(server, page):
    page.goto(f"{server}/")
    wait_for_app(page)
    page.locator('mark.rl-place[data-pick="p0"]').focus()
    page.keyboard.press("ArrowRight")
    assert page.evaluate("() => document.activeElement.dataset.pick") == "p1"
    page.keyboard.press("Enter")
    _wait_cards(page, 1)  # "on" → "about": deepseek-r1 only
    assert "deepseek-r1" in diff_cards(page).first.inner_text()
    page.locator("h1").first.click()  # focus on the page, then the page-level shortcut
    page.keyboard.press("n")
    page.wait_for_function("() => location.search.includes('place=3')", timeout=20_000)
    _wait_cards(page, 3)  # "in" → "through"
    page.keyboard.press("Escape")
    _wait_cards(page, 11)


def test_a_model_as_baseline_from_the_link(server, page):
    page.goto(f"{server}/?view=inline&base=model%3Agpto1")
    wait_for_app(page)
    cards = diff_cards(page)
    assert cards.count() == 15
    assert "same as gpto1" in cards.filter(has_text="gpto1 #2").first.inner_text()
    # against gpto1, the reference's "regardless" is the answers' change: the cards show ir struck out
    minimax = cards.filter(has_text="minimax").first
    assert any("irregardless" in t for t in minimax.locator("del").all_inner_texts())


def test_chinese_and_emoji_places_are_marked_and_clickable(server, page):
    from tests.e2e.helpers import FIXTURES, go, upload

    page.goto(server)
    wait_for_app(page)
    upload(page, FIXTURES / "variants_zh.csv")
    go(page, "Diffs")
    assert diff_cards(page).count() == 3  # 模型A and 模型B wrote the same
    marks = page.locator("mark.rl-place")
    assert [m.replace("\n", "") for m in marks.all_inner_texts()] == ["究2", "的1", "🚀1"]
    marks.nth(0).click()
    _wait_cards(page, 1)
    assert "2 models with the same answer: 模型A, 模型B" in diff_cards(page).first.inner_text().replace("\n", " ")
    page.locator('[data-pick="p2r0"]').click()  # 🚀 → 🎉
    _wait_cards(page, 1)
    assert "模型C" in diff_cards(page).first.inner_text()


def test_a_linked_place_is_scrolled_into_view_in_the_list_of_places(server, page):
    page.goto(f"{server}/?place=9")
    wait_for_app(page)
    _wait_cards(page, 1)
    page.wait_for_function(
        "() => { const l = document.querySelector('.rl-vroot .rl-places'); const on = l && l.querySelector('.rl-on');"
        " if (!on) return false; const a = l.getBoundingClientRect(), b = on.getBoundingClientRect();"
        " return b.top >= a.top - 1 && b.bottom <= a.bottom + 1 && l.scrollTop > 0; }", timeout=20_000)


def test_first_open_shows_the_first_card_above_the_fold_at_1400_by_1000(server, page):
    page.goto(f"{server}/")
    wait_for_app(page)
    assert "The bundled sample is loaded" in main_text(page)
    assert diff_cards(page).first.bounding_box()["y"] < 1000  # page's viewport is 1400×1000 (conftest)
