"""AppTest of the Diffs page's variants view, baselines and card filters on the bundled sample."""
from __future__ import annotations

import json
import re

import pytest
from streamlit.testing.v1 import AppTest

from tests.app.test_pages import TIMEOUT, app, html_of, run  # noqa: F401 - the fixture

LLAMA_405 = "Meta-Llama-3.1-405B-Instruct-Turbo"


def variants_markup(at: AppTest) -> str:
    """The markup the clickable variants block draws (built and escaped by lib.views.variants)."""
    block = next(e for e in at.main if getattr(e, "type", "") == "bidi_component")
    return json.loads(block.proto.json)["html"]


def card_heads(at: AppTest) -> list[str]:
    """Each card's head as plain text."""
    heads = re.findall(r'class=rl-card-head>(.*?)</div>', html_of(at))
    return [re.sub("<[^>]+>", " ", h) for h in heads]


def pick(at: AppTest, value: str) -> None:
    """What a click on a place ("p3") or a reading ("p6r0") in the browser sends."""
    from streamlit.components.v2.bidi_component.constants import EVENT_DELIM
    from streamlit.runtime.state.session_state import STREAMLIT_INTERNAL_KEY_PREFIX

    block = next(e for e in at.main if getattr(e, "type", "") == "bidi_component")
    states = at._tree.get_widget_states()
    w = states.widgets.add()
    w.id = f"{STREAMLIT_INTERNAL_KEY_PREFIX}_{block.proto.id}{EVENT_DELIM}events"
    w.json_trigger_value = json.dumps([{"event": "pick", "value": value}])
    at._run(states, timeout=TIMEOUT)
    assert not at.exception, [e.value for e in at.exception]


def test_the_models_place_lists_eight_readers_and_three_models_share_irregardless(app):
    run(app)
    markup = variants_markup(app)
    text = re.sub("<[^>]+>", "", markup)
    assert "counts of the 15 comparable answers of 16 (1 listed apart below)" in text
    assert "8 of 15 differ" in text
    place = markup.split('data-pick="p3"')[2]  # the list entry of place 4 ("the" of "the models")
    assert "demonstrate that" in place and "×8" in place
    irregardless = next(li for li in markup.split("<li>") if "<ins>irregardless</ins>" in li)
    assert all(m in irregardless for m in ("gpto1", "gpto1 #2", LLAMA_405)) and "×3" in irregardless
    assert "DeepSeek-Coder-V2-Lite-Instruct</b> — similarity 0.00" in markup  # listed apart, said so


def test_clicking_a_place_filters_the_cards_and_the_link_keeps_it(app):
    run(app)
    pick(app, "p3")
    assert app.query_params.get("place") in (["4"], "4")
    heads = card_heads(app)
    assert len(heads) == 7  # 8 answers drop "the"; kimi and wenxinyiyan wrote the same text
    assert not any("gpto1" in h for h in heads)
    assert "Showing 8 answers of 16 in 7 cards — the answers that differ at place 4." in html_of(app)
    assert "place=4" in app.code[0].value
    pick(app, "p3")  # the same place again: every card
    assert len(card_heads(app)) == 11 and "place" not in app.query_params


def test_clicking_a_reading_shows_only_its_models(app):
    run(app)
    pick(app, "p6r0")  # regardless → irregardless
    heads = card_heads(app)
    assert len(heads) == 2  # gpto1 and gpto1 #2 are one card
    assert "2 models with the same answer:" in heads[0] and LLAMA_405 in heads[1]
    assert app.query_params.get("reading") in (["1"], "1")


def test_next_and_previous_place_buttons_step_place_by_place(app):
    run(app)
    next(b for b in app.button if b.key == "place_next").click()
    run(app)
    assert app.session_state["place"] == 0 and len(card_heads(app)) == 2  # the two preambles
    next(b for b in app.button if b.key == "place_prev").click()
    run(app)
    # wraps to the last place, "the" → "their" (zhipu's only change)
    assert app.session_state["place"] == len(variants_markup(app).split('<mark ')) - 2
    assert [h.split()[0] for h in card_heads(app)] == ["zhipu"]
    next(b for b in app.button if b.key == "place_clear").click()
    run(app)
    assert len(card_heads(app)) == 11


def test_a_link_with_a_place_opens_filtered(app):
    app.query_params["place"] = "7"
    app.query_params["reading"] = "2"
    run(app)
    heads = " ".join(card_heads(app))
    assert "Qwen2-72B-Instruct" in heads and "kimi" in heads and "gpto1" not in heads


@pytest.mark.parametrize("view", ["inline", "variants"])
def test_any_model_can_be_the_baseline(app, view):
    app.query_params["view"] = view
    app.query_params["base"] = f"model:{LLAMA_405}"
    run(app)
    assert app.session_state["base"] == f"model:{LLAMA_405}"
    body = html_of(app)
    assert "differs from " + LLAMA_405 in body and f">{LLAMA_405}</span>" not in body  # its own card is not repeated
    if view == "inline":
        assert f"Baseline: the answer of {LLAMA_405}" in body and body.count('class="rl-card"') == 15
    else:
        markup = variants_markup(app)
        assert f"baseline: the answer of {LLAMA_405}" in markup
        text = re.sub("<[^>]+>", "", markup)
        # Against Llama-405B, its preamble is a place every other comparable answer differs at, and
        # "irregardless" is the baseline now: 12 of the 14 read "regardless"
        assert "14 of 14 differ" in text and "12 of 14 differ" in text
    assert f"base=model%3A{LLAMA_405}" in app.code[0].value


def test_the_baseline_picker_offers_every_chosen_model_and_writes_the_url(app):
    run(app)
    box = app.selectbox(key="base")
    assert box.options[0] == "the reference" and "the answer of gpto1 #2" in box.options
    box.set_value("model:gpto1")
    run(app)
    assert app.query_params.get("base") in (["model:gpto1"], "model:gpto1")
    assert "same as gpto1" in html_of(app)  # gpto1 #2 wrote the same


def test_hide_exact_and_edit_code_filters_match_exactly(app):
    app.query_params["view"] = "inline"
    run(app)
    app.toggle(key="hide_exact").set_value(True)
    run(app)
    assert len(card_heads(app)) == 12 and app.query_params.get("hide_exact") in (["1"], "1")
    app.multiselect(key="card_codes").set_value(["R:SPELL"])
    run(app)
    heads = card_heads(app)
    assert len(heads) == 3 and all("R:SPELL" in h for h in heads)
    assert "code=R%3ASPELL" in app.code[0].value


def test_flag_and_model_name_filters(app):
    app.query_params["view"] = "inline"
    run(app)
    app.multiselect(key="card_flags").set_value(["preamble"])
    run(app)
    assert len(card_heads(app)) == 2
    app.multiselect(key="card_flags").set_value([])
    app.text_input(key="card_model").input("DEEPSEEK")
    run(app)
    heads = card_heads(app)
    assert len(heads) == 3 and app.query_params.get("model_filter") in (["DEEPSEEK"], "DEEPSEEK")
    app.text_input(key="card_model").input("no such model")
    run(app)
    assert "No card matches the filters." in html_of(app)


def test_filters_come_back_from_a_link(app):
    app.query_params["view"] = "inline"
    app.query_params["flag"] = ["any"]
    app.query_params["code"] = ["M:DET"]
    run(app)
    heads = card_heads(app)
    assert len(heads) == 2 and all("preamble" in h for h in heads)  # the two Llamas drop "the" too


def test_samples_ordered_by_disagreement_come_from_the_link_and_prev_next_follow_them(app, monkeypatch, tmp_path):
    data = tmp_path / "three.csv"
    data.write_text("id,model,answer,reference\n"
                    + "".join(f"calm,m{i},a b c,a b c\n" for i in range(3))
                    + "split,m0,a b c,a b c\nsplit,m1,a x c,a b c\nsplit,m2,y b c,a b c\n"
                    + "half,m0,a b c,a b c\nhalf,m1,a b c,a b c\nhalf,m2,a b z,a b c\n", encoding="utf-8")
    monkeypatch.setenv("REDLINE_DATA", str(data))
    app.query_params["sample_order"] = "disagreement"
    run(app)
    assert app.session_state["sample"] == "split"
    next(b for b in app.button if b.key == "next").click()
    run(app)
    assert app.session_state["sample"] == "half"
    assert "sample_order=disagreement" in app.code[0].value


def test_edit_type_pickers_are_labelled_by_the_code_alone_so_typing_wo_finds_word_order_only(app):
    run(app)
    codes = app.multiselect(key="card_codes").options
    assert "M:DET" in codes and all(" " not in c for c in codes)
    app.switch_page("pages/categories.py")
    run(app)
    types = app.multiselect(key="ex_types").options
    assert "WO" in types and [t for t in types if "wo" in t.lower()] == ["WO"]


def test_share_link_and_downloads_are_in_the_sidebar(app):
    run(app)
    assert app.sidebar.code[0].value.startswith("http") and "sample=1" in app.sidebar.code[0].value
    assert len(app.sidebar.get("download_button")) == 2  # this view, every sample


def test_first_open_says_what_redline_is_and_that_the_bundled_sample_is_loaded(app, monkeypatch, tmp_path):
    run(app)
    assert "Redline shows how LLM answers differ from the reference answer. The bundled sample is loaded" in html_of(app)
    own = tmp_path / "sample.md"  # the same name, other content: not the bundled sample
    own.write_text("| model | answer | reference |\n|---|---|---|\n| a | x | y |\n", encoding="utf-8")
    monkeypatch.setenv("REDLINE_DATA", str(own))
    other = AppTest.from_file(app._script_path, default_timeout=TIMEOUT)
    run(other)
    assert "The bundled sample is loaded" not in html_of(other)


def test_examples_opened_from_categories_are_stepped_through_on_diffs_with_their_card_first(app):
    from tests.app.test_pages import _select_chart, open_categories

    open_categories(app)
    _select_chart(app, 1, [{"model": "minimax", "category": "DET"}, {"model": "kimi", "category": "DET"}])
    examples = app.dataframe[0].value
    assert list(examples["model"]) == ["kimi", "minimax"] or list(examples["model"]) == ["minimax", "kimi"]
    next(b for b in app.button if b.key == "open_example").click()
    run(app)
    app.switch_page("pages/diffs.py")  # what the page's st.switch_page does in a browser
    run(app)
    body = html_of(app)
    first = examples["model"].iloc[0]
    assert "Example <b>1 of 2</b> from the Categories page: <b>" + first in body
    focused = body.split('class="rl-card rl-focus"', 1)[1].split("</article>")[0]
    assert first in focused and body.count("rl-card rl-focus") == 1
    assert body.index('class="rl-card rl-focus"') < body.index('class="rl-card"')  # first of the cards
    next(b for b in app.button if b.key == "example_next").click()
    run(app)
    assert "Example <b>2 of 2</b>" in html_of(app)
    next(b for b in app.button if b.key == "example_done").click()
    run(app)
    assert "from the Categories page" not in html_of(app) and "rl-card rl-focus" not in html_of(app)


def test_an_old_view_source_link_opens_inline_against_the_source(app, monkeypatch, tmp_path):
    data = tmp_path / "with_source.csv"
    data.write_text("id,model,answer,reference,source\n"
                    "1,a,we study the lens,we study the lens,we studdy teh lens\n"
                    "1,b,we studdy the lens,we study the lens,we studdy teh lens\n", encoding="utf-8")
    monkeypatch.setenv("REDLINE_DATA", str(data))
    app.query_params["view"] = "source"
    run(app)
    assert app.session_state["view"] == "inline" and app.session_state["base"] == "source"
    body = html_of(app)
    assert "changed the source" in body and "<del>teh</del><ins>the</ins>" in body
    assert app.query_params.get("base") in (["source"], "source")
