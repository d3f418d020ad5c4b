import pandas as pd

from lib.views.charts import (PALETTE, PICK, category_counts, color_scale, heatmap, ordered, picked, similarity_bins,
                        similarity_chart, stacked_bars)

EDITS = pd.DataFrame({
    "model": ["a", "a", "a", "b"],
    "type": ["DET", "DET", "PUNCT", "SPELL"],
})
ANSWERS = pd.Series({"a": 2, "b": 4, "c": 1})


def test_category_counts_are_per_model_with_a_fair_rate():
    counts = category_counts(EDITS, ANSWERS, ["a", "b"], "type").set_index(["model", "category"])
    assert counts.loc[("a", "DET"), "count"] == 2 and counts.loc[("a", "DET"), "rate"] == 1.0
    assert counts.loc[("b", "SPELL"), "rate"] == 0.25


def test_category_counts_only_for_chosen_models():
    assert set(category_counts(EDITS, ANSWERS, ["b"], "type")["model"]) == {"b"}
    assert category_counts(EDITS, ANSWERS, ["c"], "type").empty


def test_a_category_keeps_its_colour_whatever_else_is_shown():
    full = color_scale(["DET", "PUNCT", "SPELL"]).to_dict()
    assert full["range"][2] == PALETTE[2] and full["domain"][2] == "SPELL"


def test_bars_list_every_chosen_model_and_count_in_whole_numbers():
    counts = category_counts(EDITS, ANSWERS, ["a", "b", "c"], "type")
    spec = stacked_bars(counts, ["a", "b", "c"], ["DET", "PUNCT", "SPELL"], "Edit types per model").to_dict()
    assert spec["encoding"]["y"]["scale"]["domain"] == ["a", "b", "c"]  # c has no edits, still a row
    assert spec["encoding"]["x"]["axis"]["format"] == "d"
    assert spec["params"][0]["name"] == PICK
    rate = stacked_bars(counts, ["a"], ["DET"], "x per model", measure="rate").to_dict()
    assert rate["encoding"]["x"]["field"] == "rate" and rate["encoding"]["x"]["axis"]["format"] == ".0%"


def test_heatmap_is_clickable_and_lists_chosen_models():
    counts = category_counts(EDITS.rename(columns={"type": "code"}), ANSWERS, ["a", "b"], "code")
    spec = heatmap(counts, ["a", "b"], ["DET", "PUNCT", "SPELL"]).to_dict()
    cells = spec["layer"][0]
    assert cells["encoding"]["y"]["scale"]["domain"] == ["a", "b"]
    assert any(p["name"] == PICK for p in cells.get("params", spec.get("params", [])))


def test_similarity_bins_put_identical_answers_in_the_last_bin():
    analysis = pd.DataFrame({"model": ["a", "a", "a", "b"], "similarity": [1.0, 0.96, 0.0, 0.5]})
    bins = similarity_bins(analysis, ["a", "b"]).set_index(["model", "bin"])
    assert bins.loc[("a", 19), "answers"] == 2 and bins.loc[("a", 0), "answers"] == 1
    assert bins.loc[("b", 10), "from"] == 0.5
    assert abs(bins.loc[("a", 19), "mean"] - (1.96 / 3)) < 1e-9
    assert similarity_chart(analysis, ["a", "b"]).to_dict()  # builds a valid spec


def test_picked_reads_streamlit_selection_events_and_tolerates_junk():
    event = {"selection": {PICK: [{"model": "a", "category": "DET", "vlPoint": 1}]}}
    assert picked(event) == [{"model": "a", "category": "DET"}]
    assert picked({"selection": {}}) == [] and picked(None) == [] and picked({"selection": {PICK: ["x"]}}) == []


def test_ordered_keeps_the_canonical_order_then_the_rest_alphabetically():
    assert ordered({"ZZ", "SPELL", "DET", "AA"}, ["DET", "PUNCT", "SPELL"]) == ["DET", "SPELL", "AA", "ZZ"]


def test_category_chart_specs_are_plain_dicts_and_say_when_there_is_nothing_to_draw():
    import json

    from lib.views.charts import category_chart_specs

    analysis = pd.DataFrame({"model": ["a", "b"], "similarity": [1.0, 0.5]})
    answers = pd.Series({"a": 1, "b": 1})
    edits = pd.DataFrame({"model": ["b"], "type": ["DET"], "code": ["M:DET"]})
    no_flags = pd.DataFrame(columns=["model", "flag"])
    specs = category_chart_specs(edits, no_flags, answers, analysis, ["a", "b"], "count", ["exact"], ["DET", "PUNCT"])
    assert specs["flags"] is None and specs["types"] and specs["heatmap"] and specs["similarity"]
    json.dumps(specs)  # what Streamlit sends: must serialise as it is
    assert specs["types"]["params"][0]["name"] == PICK


def test_edit_type_legend_lists_drawn_types_with_their_gloss_and_group_colours():
    from lib.name.codes import EDIT_TYPES, TYPE_GROUPS, TYPE_LABELS
    from lib.views.charts import TYPE_COLOURS

    counts = category_counts(EDITS, ANSWERS, ["a", "b"], "type")
    spec = stacked_bars(counts, ["a", "b"], list(EDIT_TYPES), "Edit types per model",
                        colours=TYPE_COLOURS, labels=TYPE_LABELS).to_dict()
    colour = spec["encoding"]["color"]
    assert colour["legend"]["values"] == [t for t in EDIT_TYPES if t in set(counts["category"])]
    assert "determiner" in colour["legend"]["labelExpr"]
    assert colour["scale"]["range"][list(EDIT_TYPES).index("SPELL")] == TYPE_COLOURS["SPELL"]
    assert set(TYPE_COLOURS) == set(EDIT_TYPES) == set(TYPE_GROUPS)
    assert len(set(TYPE_COLOURS.values())) == len(TYPE_COLOURS)  # related, never the same


def test_on_a_phone_legends_go_under_the_plot_names_are_cut_shorter_and_titles_wrap():
    import json

    from lib.views.charts import NARROW_NAME_PX, category_chart_specs, for_narrow_screens

    analysis = pd.DataFrame({"model": ["a", "b"], "similarity": [1.0, 0.5]})
    edits = pd.DataFrame({"model": ["b", "b"], "type": ["DET", "PUNCT"], "code": ["M:DET", "R:PUNCT"]})
    specs = category_chart_specs(edits, pd.DataFrame(columns=["model", "flag"]), pd.Series({"a": 1, "b": 1}),
                                 analysis, ["a", "b"], "count", ["exact"], ["DET", "PUNCT"])
    before = json.dumps(specs)
    types, heat, similarity = (for_narrow_screens(specs[k]) for k in ("types", "heatmap", "similarity"))
    assert json.dumps(specs) == before  # the cached specs are left as they were
    legend = types["encoding"]["color"]["legend"]
    assert legend["orient"] == "bottom" and legend["columns"] == 1
    assert types["encoding"]["y"]["axis"]["labelLimit"] == NARROW_NAME_PX
    assert types["height"] > specs["types"]["height"]  # the legend's rows are added under the plot
    assert heat["layer"][0]["encoding"]["x"]["axis"]["labelOverlap"] is False  # every code labelled
    title = similarity["layer"][0]["title"]
    assert isinstance(title, list) and len(title) > 1 and all(len(line) <= 40 for line in title)
