"""Redline: see how LLM answers differ from the reference. `streamlit run app.py`.

The one entry point: sets up the page, makes sure a dataset is loaded (the bundled sample on first
open), shows what is loaded in the sidebar, and hands over to the page the user chose.
"""
import streamlit as st

from pages import _state, _widgets

st.set_page_config(page_title="Redline", page_icon="🟥", layout="wide")

PAGES = [
    st.Page("pages/diffs.py", title="Diffs", icon=":material/difference:", url_path="diffs", default=True),
    st.Page("pages/models.py", title="Models", icon=":material/leaderboard:", url_path="models"),
    st.Page("pages/categories.py", title="Categories", icon=":material/bar_chart:", url_path="categories"),
    st.Page("pages/load.py", title="Load data", icon=":material/upload_file:", url_path="load"),
]

page = st.navigation(PAGES)
_state.mark_app_entry()
_widgets.app_shell()
page.run()
