"""AppTest per page: each page renders on the bundled sample without an exception, and reacts."""
from __future__ import annotations

import json

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT

APP = str(ROOT / "app.py")
TIMEOUT = 60


def run(at: AppTest) -> AppTest:
    at.run(timeout=TIMEOUT)
    assert not at.exception, [e.value for e in at.exception]
    return at


def html_of(at: AppTest) -> str:
    """All st.html bodies of the current page (our escaped markup)."""
    return "".join(getattr(e.proto, "body", "") for e in at.get("html"))


@pytest.fixture
def app(monkeypatch, tmp_path) -> AppTest:
    monkeypatch.setenv("REDLINE_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("REDLINE_DATA", raising=False)
    return AppTest.from_file(APP, default_timeout=TIMEOUT)


def test_app_opens_on_diffs_with_the_bundled_sample(app):
    run(app)
    body = html_of(app)
    # 16 answers open on the variants view: identical answers are one card (4 exact, gpto1 twice, kimi = wenxinyiyan)
    assert app.session_state["view"] == "variants"
    assert body.count('class="rl-card"') == 11
    assert "sample.md" in body and "16 answers · 1 sample · 15 models" in body and "4 warnings" in body


def test_diffs_query_params_restore_the_view(app):
    app.query_params["sample"] = "1"
    app.query_params["models"] = ["minimax", "gpto1 #2"]
    app.query_params["view"] = "side"
    app.query_params["unit"] = "char"
    run(app)
    body = html_of(app)
    assert body.count('class="rl-card"') == 2
    assert 'class="rl-sbs"' in body
    assert app.session_state["unit"] == "char"
    assert app.session_state["models"] == ["minimax", "gpto1 #2"]


def test_diffs_choices_are_written_back_to_the_url(app):
    run(app)
    app.segmented_control(key="view").set_value("side")
    run(app)
    assert html_of(app).count('class="rl-card"') == 16  # a view of its own: one card per answer
    app.multiselect(key="_w_models").set_value(["zhipu"])
    run(app)
    assert app.query_params.get("view") in (["side"], "side")
    assert app.query_params.get("models") in (["zhipu"], "zhipu")
    assert "models=zhipu" in app.code[0].value and "view=side" in app.code[0].value
    assert html_of(app).count('class="rl-card"') == 1


def test_diffs_sort_by_similarity_puts_exact_answers_first(app):
    run(app)
    app.selectbox(key="sort").set_value("similarity_desc")
    run(app)
    body = html_of(app)
    first_card = body.split('class="rl-card"', 2)[1]
    assert "✓ exact match" in first_card


def test_leaderboard_model_column_is_wide_enough_for_the_longest_name_and_stays_in_view(app):
    import json

    run(app)
    app.switch_page("pages/models.py")
    run(app)
    model = json.loads(app.dataframe[0].proto.columns)["model"]
    # 34 characters in a 14 px font: at least 7 px each, or "…-70B-Instruct-Tur…" and
    # "…-405B-Instruct-Tu…" look alike (the "medium" width was 200 px)
    assert model["width"] >= 7 * len("Meta-Llama-3.1-405B-Instruct-Turbo") and model["pinned"]


def test_models_page_lists_every_run_and_keeps_the_selection(app):
    run(app)
    app.switch_page("pages/models.py")
    run(app)
    table = app.dataframe[0].value
    assert len(table) == 16 and set(table["model"]) >= {"gpto1", "gpto1 #2"}
    top = table.sort_values("similarity", ascending=False).iloc[0]
    assert top["exact"] == 1
    by_model = table.set_index("model")
    assert by_model.loc["DeepSeek-Coder-V2-Lite-Instruct", "flags"] == "wrong language"
    assert by_model.loc["minimax", "top_edits"] == "M:DET"
    app.multiselect(key="_w_models").set_value(["minimax", "zhipu"])
    run(app)
    app.switch_page("pages/diffs.py")
    run(app)
    assert html_of(app).count('class="rl-card"') == 2


def test_categories_page_charts_and_examples(app):
    open_categories(app)
    assert len(app.get("vega_lite_chart")) >= 3
    examples = app.dataframe[0].value
    assert {"M:DET", "R:PREP"} <= set(examples["category"])


def click(app: AppTest, label: str) -> None:
    next(b for b in app.button if b.label == label).click()
    run(app)


def paste(app: AppTest, text: str) -> None:
    """On the Load page: switch to Paste, type `text`, press Load at once (the box and the button
    are one form: the text goes with the click, no rerun in between)."""
    app.segmented_control(key="load_mode").set_value("Paste text")
    run(app)
    app.text_area(key="paste_text").input(text)
    click(app, "Load pasted text")


def open_categories(app: AppTest) -> None:
    run(app)
    app.switch_page("pages/categories.py")
    run(app)


def _select_chart(app: AppTest, key_index: int, pairs: list[dict]) -> None:
    """Send the event a click on a bar sends: the chart's widget state with the picked values."""
    chart = app.get("vega_lite_chart")[key_index]
    states = app._tree.get_widget_states()
    for w in states.widgets:
        if w.id == chart.proto.id:
            states.widgets.remove(w)
            break
    w = states.widgets.add()
    w.id = chart.proto.id
    w.string_value = json.dumps({"selection": {"pick": pairs}})
    app._run(states, timeout=TIMEOUT)
    assert not app.exception, [e.value for e in app.exception]


def test_clicking_a_bar_filters_the_examples(app):
    open_categories(app)
    before = len(app.dataframe[0].value)
    _select_chart(app, 1, [{"model": "minimax", "category": "DET"}])
    after = app.dataframe[0].value
    assert list(after["model"].unique()) == ["minimax"] and list(after["category"]) == ["M:DET"]
    assert len(after) < before
    assert "Chart selection: minimax · DET" in html_of(app)


def test_clear_selection_resets_the_charts_so_the_same_bar_can_be_clicked_again(app):
    open_categories(app)
    before = len(app.dataframe[0].value)
    _select_chart(app, 1, [{"model": "minimax", "category": "DET"}])
    chart_id = app.get("vega_lite_chart")[1].proto.id
    app.button(key="clear_pick").click()
    run(app)
    assert len(app.dataframe[0].value) == before and "Chart selection" not in html_of(app)
    assert app.get("vega_lite_chart")[1].proto.id != chart_id  # a fresh chart: nothing highlighted
    _select_chart(app, 1, [{"model": "minimax", "category": "DET"}])
    assert "Chart selection: minimax · DET" in html_of(app)


def test_examples_filter_widgets(app):
    open_categories(app)
    app.multiselect(key="ex_flags").set_value(["preamble"])
    run(app)
    examples = app.dataframe[0].value
    assert sorted(examples["model"]) == ["Meta-Llama-3.1-405B-Instruct-Turbo", "Meta-Llama-3.1-70B-Instruct-Turbo"]


def test_open_example_in_diffs(app):
    open_categories(app)
    app.multiselect(key="ex_types").set_value(["PREP"])
    run(app)
    app.button(key="open_example").click()
    run(app)
    assert app.session_state["sample"] == "1"
    assert 'class="rl-card"' in html_of(app)


def test_load_page_switches_between_sample_upload_and_paste(app):
    run(app)
    app.switch_page("pages/load.py")
    run(app)
    assert "markdown" in html_of(app)
    paste(app, "model,answer,reference\na,The cat,The cat\nb,A cat,The cat\n")
    body = html_of(app)
    assert "<dd>pasted text</dd>" in body and "<dt>Answers</dt><dd>2</dd>" in body
    app.segmented_control(key="load_mode").set_value("Bundled sample")
    run(app)
    click(app, "Load the bundled sample")
    assert "<dt>Answers</dt><dd>16</dd>" in html_of(app)
    assert "<dd>15 (16 runs: a model answered a sample more than once): \u2068金声玉亮2.0\u2069" in html_of(app)


def test_load_page_role_override_changes_the_preview(app):
    run(app)
    app.switch_page("pages/load.py")
    run(app)
    paste(app, "system,output,gold,note\na,The cat,The cat,x1\nb,A cat,The cat,x2\n")
    role = next(s for s in app.selectbox if s.key and s.key.startswith("role_model_"))
    role.set_value("note")
    run(app)
    preview = app.dataframe[-1].value
    assert list(preview["model"]) == ["x1", "x2"]


def test_load_page_bad_paste_keeps_the_dataset(app):
    run(app)
    app.switch_page("pages/load.py")
    run(app)
    paste(app, "just some words, no table here")
    body = html_of(app)
    assert "rl-alert-error" in body and "Still showing the previously loaded data: sample.md" in body


def test_load_pasted_text_with_an_empty_box_says_what_to_do_and_keeps_the_dataset(app):
    run(app)
    app.switch_page("pages/load.py")
    run(app)
    paste(app, "   \n")
    body = html_of(app)
    assert "The box is empty: paste a table into it" in body and 'class="rl-alert rl-alert-error"' not in body
    assert "<dd>sample.md</dd>" in body and "<dd>pasted text</dd>" not in body


def test_load_page_upload_replaces_the_dataset_and_a_bad_upload_does_not(app):
    run(app)
    app.switch_page("pages/load.py")
    run(app)
    app.segmented_control(key="load_mode").set_value("Upload a file")
    run(app)
    csv = "model,answer,reference\nalpha,The cat,The cat\nbeta,A cat,The cat\ngamma,The dog,The cat\n".encode()
    app.get("file_uploader")[0].upload("three.csv", csv, "text/csv")
    run(app)
    body = html_of(app)
    assert "<dd>three.csv</dd>" in body and "<dt>Answers</dt><dd>3</dd>" in body
    app.get("file_uploader")[0].upload("empty.csv", b"", "text/csv")
    run(app)
    body = html_of(app)
    assert "empty.csv" in body and "rl-alert-error" in body
    assert "Still showing the previously loaded data: three.csv" in body


def test_load_page_lets_the_user_pick_another_table(app):
    from tests.conftest import FIXTURES

    run(app)
    app.switch_page("pages/load.py")
    run(app)
    app.segmented_control(key="load_mode").set_value("Upload a file")
    run(app)
    app.get("file_uploader")[0].upload("ragged.md", (FIXTURES / "ragged.md").read_bytes(), "text/markdown")
    run(app)
    table = next(s for s in app.selectbox if s.label == "Table / sheet")
    table.set_value(1)
    run(app)
    assert list(app.dataframe[-1].value["model"]) == ["e"]
    assert "<dt>Answers</dt><dd>1</dd>" in html_of(app)


def test_load_page_renames_the_model_of_a_framework_export(app):
    from tests.conftest import FIXTURES

    path = FIXTURES / "lm-eval" / "Qwen2-7B" / "samples_gec_2024-06-01T10-00-00.jsonl"
    run(app)
    app.switch_page("pages/load.py")
    run(app)
    app.segmented_control(key="load_mode").set_value("Upload a file")
    run(app)
    app.get("file_uploader")[0].upload(path.name, path.read_bytes(), "application/jsonl")
    run(app)
    assert "<dd>lm-evaluation-harness samples</dd>" in html_of(app)
    name = next(t for t in app.text_input if t.label.startswith("Model name"))
    name.input("qwen2-7b-instruct")
    run(app)
    assert set(app.dataframe[-1].value["model"]) == {"qwen2-7b-instruct"}


def test_share_link_carries_ignore_options_sort_and_the_data_name(app):
    app.query_params["ignore"] = "case,punctuation"
    app.query_params["sort"] = "name"
    run(app)
    assert app.session_state["ignore_case"] and app.session_state["ignore_punctuation"]
    assert not app.session_state["ignore_whitespace"] and app.session_state["sort"] == "name"
    link = app.code[0].value
    assert "ignore=case%2Cpunctuation" in link and "sort=name" in link and "data=sample.md" in link
    assert "Ignoring case, punctuation" in html_of(app)


def test_a_link_made_on_other_data_says_so_instead_of_silently_showing_this_data(app):
    app.query_params["data"] = "three.csv"
    app.query_params["sample"] = "q2"
    app.query_params["models"] = ["通义千问"]
    run(app)
    body = html_of(app)
    assert "This link was made on three.csv, but the loaded data is sample.md (no sample &#x27;q2&#x27;)" in body
    app.button(key="dismiss_link_note").click()
    run(app)
    assert "This link was made on" not in html_of(app)


def test_a_link_made_on_this_data_restores_without_a_warning(app):
    app.query_params["data"] = "sample.md"
    app.query_params["sample"] = "1"
    run(app)
    assert "This link" not in html_of(app)


def test_next_and_prev_step_through_samples_and_the_label_says_where_we_are(monkeypatch, tmp_path):
    at = _three_samples(monkeypatch, tmp_path)
    assert at.selectbox(key="sample").label == "Sample 1 of 3"
    at.button(key="next").click()
    run(at)
    assert at.session_state["sample"] == "q2" and at.selectbox(key="sample").label == "Sample 2 of 3"
    at.button(key="prev").click()
    run(at)
    at.button(key="prev").click()
    run(at)
    assert at.session_state["sample"] == "q3"  # wrapped around, and told so
    assert any("last sample" in t.proto.body for t in at.toast)


def test_browser_back_to_an_earlier_address_shows_its_sample(monkeypatch, tmp_path):
    # On Back, the browser reruns the page with the earlier entry's address: here, by hand.
    at = _three_samples(monkeypatch, tmp_path)
    at.button(key="next").click()
    run(at)
    at.button(key="next").click()
    run(at)
    assert at.session_state["sample"] == "q3" and at.query_params["sample"] == "q3"
    at.query_params["sample"] = "q2"
    run(at)
    assert at.session_state["sample"] == "q2" and at.selectbox(key="sample").label == "Sample 2 of 3"
    at.query_params["sample"] = "nothing-like-it"  # not a sample of this data: the page stays put
    run(at)
    assert at.session_state["sample"] == "q2"


def test_diffs_page_offers_the_whole_report_for_a_small_file(app):
    run(app)
    labels = [b.proto.label for b in app.get("download_button")]
    assert "Download this view (HTML)" in labels and "Download every sample (HTML)" in labels


def test_models_and_categories_say_when_answers_share_nothing_with_references(app, monkeypatch, tmp_path):
    path = tmp_path / "ids.csv"
    path.write_text("id,model,answer,reference\n" + "".join(
        f"{i},m{i % 2},{i * 7},Step one: add the apples. The answer is {i * 7}.\n" for i in range(8)), encoding="utf-8")
    monkeypatch.setenv("REDLINE_DATA", str(path))
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    run(at)
    for page in ("pages/models.py", "pages/categories.py"):
        at.switch_page(page)
        run(at)
        assert "median similarity" in html_of(at), page


def test_models_page_raises_no_doubt_on_the_bundled_sample(app):
    run(app)
    app.switch_page("pages/models.py")
    run(app)
    assert "median similarity" not in html_of(app)


def _upload_page(app: AppTest) -> None:
    run(app)
    app.switch_page("pages/load.py")
    run(app)
    app.segmented_control(key="load_mode").set_value("Upload a file")
    run(app)


def test_load_page_reads_two_framework_files_at_once_and_lists_each(app):
    from tests.conftest import FIXTURES

    logs = [FIXTURES / "frameworks" / "inspect" / n for n in ("capitals_model-a.eval", "capitals_model-b.eval")]
    _upload_page(app)
    app.get("file_uploader")[0].set_value([(p.name, p.read_bytes(), "application/zip") for p in logs])
    run(app)
    body = html_of(app)
    assert "2 files loaded as one dataset" in body and "<dt>Answers</dt><dd>6</dd>" in body
    files = app.dataframe[0].value
    assert list(files["File"]) == [p.name for p in logs] and list(files["Read as"]) == ["Inspect AI eval log"] * 2
    assert set(app.dataframe[-1].value["model"]) == {"mockllm/model-a", "mockllm/model-b"}


def test_load_page_says_the_roles_follow_a_recognised_format_and_are_guessed_otherwise(app):
    from tests.conftest import FIXTURES

    _upload_page(app)
    path = FIXTURES / "frameworks" / "inspect" / "capitals_model-a.json"
    app.get("file_uploader")[0].upload(path.name, path.read_bytes(), "application/json")
    run(app)
    assert "Read as Inspect AI eval log (task capitals): the roles follow the format" in html_of(app)
    csv = "model,answer,reference\nalpha,The cat,The cat\nbeta,A cat,The cat\n".encode()
    app.get("file_uploader")[0].upload("two.csv", csv, "text/csv")
    run(app)
    assert "The column roles were guessed from the headers" in html_of(app)


def test_load_page_offers_lm_evals_filters_as_the_answer_to_compare(app):
    from tests.conftest import FIXTURES

    path = next((FIXTURES / "frameworks" / "lm-eval" / "new" / "model-x").glob("*.jsonl"))
    _upload_page(app)
    app.get("file_uploader")[0].upload(path.name, path.read_bytes(), "application/jsonl")
    run(app)
    choice = next(s for s in app.selectbox if s.label == "Answer to compare")
    assert choice.value == "resps (full generation)"
    choice.set_value("filter strict-match")
    run(app)
    assert list(app.dataframe[-1].value["answer"]) == ["7", "72", "60"]


def _three_samples(monkeypatch, tmp_path) -> AppTest:
    """The app opened on a file of three one-answer samples, q1–q3."""
    data = tmp_path / "three.csv"
    data.write_text("id,model,answer,reference\n" + "".join(f"q{i},m,a{i},r{i}\n" for i in (1, 2, 3)), encoding="utf-8")
    monkeypatch.setenv("REDLINE_DATA", str(data))
    monkeypatch.setenv("REDLINE_CACHE_DIR", str(tmp_path / "cache"))
    return run(AppTest.from_file(APP, default_timeout=TIMEOUT))
