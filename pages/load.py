"""Load page: choose the data (bundled sample, upload, paste), see how it was read, fix the roles."""
from __future__ import annotations

import io
import zipfile

import pandas as pd
import streamlit as st
from pages import _keys as K

from lib.load.dataset import ROLES, Dataset, LoadOptions
from lib.load.roles import infer_roles
from lib.views.html import isolate, label_text
from pages import _restore, _state
from pages._widgets import alert, facts, html, page_start, table_height

UPLOAD_TYPES = ["md", "markdown", "txt", "csv", "tsv", "tab", "xlsx", "json", "jsonl", "ndjson", "parquet", "eval", "zip"]
# Reading a file this large takes long enough that the user should see that work is going on.
STATUS_MIN_BYTES = 2_000_000
PREVIEW_CELL_CHARS = 2_000
AUTO, NONE = "(inferred)", "(not used)"
ROLE_LABELS = {
    "sample_id": "Sample id", "model": "Model", "answer": "Answer",
    "reference": "Reference (correct answer)", "source": "Source (text given to the model)",
}


# The bundled examples: (file, button, what it shows). The second has a source column, so the
# proofreading scores and marks are one click away.
BUNDLED = (
    (_state.SAMPLE_PATH, "Load the bundled sample", "one proofreading task answered by 16 model runs (no source column)."),
    (_state.SAMPLE_PATH.with_name("proofreading.csv"), "Load the proofreading example",
     "three English and three Chinese proofreading tasks with their source, three models, one task with two "
     "references: P, R and F0.5 on the Models page, each change marked fixed / wrong fix / over-correction / "
     "missed on the Diffs page (inline, compared against the source)."),
)


def load_with_feedback(data: bytes, name: str, options: LoadOptions = LoadOptions(), keep: bool = True) -> None:
    """Read new data; `keep` (uploads, pastes) keeps it so a browser refresh can restore it."""
    if len(data) >= STATUS_MIN_BYTES:
        # st.status labels are Markdown: a file named "$x^2$ [a](b).csv" must read as written.
        with st.status(f"Reading {label_text(name)} ({len(data) / 1e6:.1f} MB)…", expanded=False) as status:
            ok = _state.try_load(data, name, options) is not None
            status.update(label=f"Read {label_text(name)}" if ok else f"Could not read {label_text(name)}",
                          state="complete" if ok else "error")
    else:
        ok = _state.try_load(data, name, options) is not None
    if ok:
        st.session_state.pop(K.RESTORE_NOTE, None)
        if keep:
            _restore.remember(data, name, options)
        st.rerun()  # the sidebar, drawn before this page, must show the new dataset


def reload_with(options: LoadOptions) -> None:
    """Re-read the current bytes with other options (role override, table choice, model name)."""
    source = _state.current_source()
    data = st.session_state[K.SOURCE_BYTES]
    if _state.try_load(data, source.name, options) is not None and st.session_state.get(K.KEPT):
        _restore.remember(data, source.name, options)


def source_picker() -> None:
    mode = st.segmented_control(
        "Data", ["Bundled sample", "Upload a file", "Paste text"], key=K.LOAD_MODE,
        default="Bundled sample", required=True, persist_state="session",
    )
    if mode == "Upload a file":
        uploads = st.file_uploader(
            "Results files: Markdown, CSV, TSV, XLSX, JSON, JSONL, Parquet, or what an evaluation framework wrote "
            "(Inspect .eval/.json, lm-eval samples, promptfoo, lighteval, HELM, OpenCompass, DeepEval, OpenAI "
            "evals). Several files, or a .zip of a results folder, load as one comparison.",
            type=UPLOAD_TYPES, key=K.UPLOAD, accept_multiple_files=True,
        )
        if uploads:
            seen = tuple((u.file_id, u.name) for u in uploads)
            if st.session_state.get(K.LAST_UPLOAD) != seen:  # read each upload once, not on every rerun
                st.session_state[K.LAST_UPLOAD] = seen
                if len(uploads) == 1:
                    load_with_feedback(uploads[0].getvalue(), uploads[0].name)
                else:
                    load_with_feedback(_bundle(uploads), _bundle_name(uploads))
    elif mode == "Paste text":
        # In a form the box's text travels with the button's click: outside one, the first click only
        # left the box (sending its text) and a second click was needed to load it.
        with st.form(K.PASTE_FORM, border=False, enter_to_submit=False):
            text = st.text_area(
                "Paste a table (markdown pipe table, CSV, TSV, JSON or JSON lines)", key=K.PASTE_TEXT, height=180,
            )
            pressed = st.form_submit_button("Load pasted text", type="primary")
        if pressed:
            if text.strip():
                load_with_feedback(text.encode("utf-8"), "pasted text")
            else:
                alert("The box is empty: paste a table into it, then press Load pasted text.", "warning")
    else:
        loaded = _state.current_source().name
        for path, label, what in BUNDLED:
            cols = st.columns([4, 1], vertical_alignment="center")
            cols[0].markdown(f"**{path.name}**: {what}")
            if loaded == path.name:
                cols[1].caption("loaded")
            elif cols[1].button(label, type="primary", key=K.LOAD_EXAMPLE + path.name, width="stretch"):
                load_with_feedback(path.read_bytes(), path.name, keep=False)


def _bundle(uploads: list) -> bytes:
    """Several uploads as one zip (stored, not compressed): the loader reads a zip of results files
    as one dataset, and the session keeps one set of bytes, as for a single file."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        names: set[str] = set()
        for u in uploads:
            name, n = u.name, 2
            while name in names:  # two uploads of the same name stay two files
                name, n = f"{n}_{u.name}", n + 1
            names.add(name)
            archive.writestr(name, u.getvalue())
    return buffer.getvalue()


def _bundle_name(uploads: list) -> str:
    shown = ", ".join(u.name for u in uploads[:3]) + (" …" if len(uploads) > 3 else "")
    return f"{len(uploads)} files ({shown})"


def how_it_was_read(report) -> None:
    """Say whether the roles are fixed by a known format or guessed from the headers (never silently wrong)."""
    if report.files:
        alert(f"{len(report.files)} files loaded as one dataset; each file's model comes from the file "
              "itself (or its folder). The table below lists what each file was read as.", "info")
    elif report.framework:
        task = f" (task {report.task})" if report.task else ""
        fields = ", ".join(f"{role} = {col}" for role, col in report.columns.items())
        alert(f"Read as {report.framework}{task}: the roles follow the format ({fields}).", "info")
    else:
        alert("The column roles were guessed from the headers: check that each picker below names the "
              "right column.", "info")


def files_table(report) -> None:
    if not report.files:
        return
    st.subheader(f"Files ({len(report.files)})")
    st.dataframe(pd.DataFrame({
        "File": [f.name for f in report.files],
        "Read as": [f.format or "—" for f in report.files],
        "Answers": [f.rows for f in report.files],
        "Models": [", ".join(f.models) for f in report.files],
        "Problems": [f.error or "; ".join(f.warnings) for f in report.files],
    }), hide_index=True, width="stretch", height=table_height(len(report.files), 10))


def reading_controls(dataset: Dataset) -> None:
    """Table/sheet choice, model name for framework exports, and a role override per column."""
    report = dataset.report
    options = _state.current_source().options
    if len(report.tables) > 1:
        choice = st.selectbox("Table / sheet", range(len(report.tables)), index=report.table,
                              format_func=lambda i: report.tables[i])
        if choice != report.table:
            reload_with(LoadOptions(options.roles, choice, options.model_name, options.shape))
            st.rerun()
    how_it_was_read(report)
    if len(report.answer_choices) > 1:
        current = report.columns.get("answer")
        choice = st.selectbox("Answer to compare", report.answer_choices,
                              index=report.answer_choices.index(current) if current in report.answer_choices else 0,
                              help="The framework keeps more than one text per answer (lm-eval: the full "
                                   "generation and each filter's extraction).")
        if choice != current:
            roles = dict(options.roles)
            roles["answer"] = choice
            reload_with(LoadOptions(tuple(sorted(roles.items())), options.table, options.model_name, options.shape))
            st.rerun()
    if report.model_from in ("folder", "file name", "none") and len(report.models) == 1:
        name = st.text_input(f"Model name (taken from the {report.model_from}; edit if wrong)"
                             if report.model_from != "none" else "Model name (the file does not say; name it)", value=report.models[0] if report.models else "")
        if name.strip() and name.strip() != (options.model_name or (report.models[0] if report.models else "")):
            reload_with(LoadOptions(options.roles, options.table, name.strip(), options.shape))
            st.rerun()
    if not report.headers:
        return
    st.markdown("**Column roles** — " + ("set by the format; override any of them." if report.framework
                                         else "inferred from the headers; override any of them."))
    overrides = dict(options.roles)
    sha = _state.current_source().sha[:12]
    cols = st.columns(len(ROLES))
    changed = False
    inferred = infer_roles(list(report.headers))
    for col, role in zip(cols, ROLES):
        if role == "answer" and len(report.answer_choices) > 1:
            # "Answer to compare" above sets this role; a second widget for it would undo the first.
            col.caption(f"Answer: {report.columns.get('answer', '')} (chosen above)")
            continue
        choices = [AUTO, NONE, *report.headers]
        # What "(inferred)" stands for: the role as loaded when not overridden (framework exports
        # set their own), else what the headers alone suggest.
        guess = (report.columns.get(role) if role not in overrides else inferred.get(role)) or (
            "by reference" if role == "sample_id" else "none")
        if guess.startswith("(column headers"):
            guess = "the column headers"
        shown = {AUTO: f"(inferred: {guess})"}
        current = overrides.get(role)
        index = 0 if current is None else (1 if current == "" else choices.index(current) if current in choices else 0)
        # Keyed by content so a new file starts from its own inferred roles.
        picked = col.selectbox(ROLE_LABELS[role], choices, index=index, key=f"role_{role}_{sha}",
                               format_func=lambda c, shown=shown: shown.get(c, c),
                               help="Which column holds this; '(inferred …)' keeps what the headers suggest.")
        wanted = None if picked == AUTO else ("" if picked == NONE else picked)
        if wanted != current:
            changed = True
            if wanted is None:
                overrides.pop(role, None)
            else:
                overrides[role] = wanted
    if changed:
        reload_with(LoadOptions(tuple(sorted(overrides.items())), options.table, options.model_name, options.shape))
        st.rerun()


def report_panel(dataset: Dataset) -> None:
    r = dataset.report
    runs = dataset.frame["model"].nunique()
    roles = ", ".join(f"{role} → {col}" for role, col in r.columns.items()) or "none"
    read_as = [("Files", "; ".join(f"{f.name} — " + (f"{f.format}, {f.rows:,} answers" if not f.error else "skipped")
                                   for f in r.files[:20]) + (" …" if len(r.files) > 20 else ""))] if r.files else []
    html(facts([
        ("File", r.name), ("Format", r.framework or r.format), *read_as, ("Encoding", r.encoding),
        ("Shape", r.shape), ("Column roles", roles), ("Answers", f"{r.rows:,}"), ("Samples", f"{r.samples:,}"),
        ("Models", f"{len(r.models):,}" + (f" ({runs:,} runs: a model answered a sample more than once)"
                                           if runs != len(r.models) else "")
         + ": " + ", ".join(map(isolate, r.models[:40])) + (" …" if len(r.models) > 40 else "")),
    ]))
    if r.warnings:
        st.subheader(f"Warnings ({len(r.warnings):,})")
        st.dataframe(
            pd.DataFrame({r.line_label: [w.line for w in r.warnings], "Message": [w.message for w in r.warnings]}),
            hide_index=True, width="stretch", height=table_height(len(r.warnings), 10),
        )


def preview(dataset: Dataset) -> None:
    st.subheader("Preview")
    frame = dataset.frame
    # Cells clipped for the table: one answer of a million characters, 500 times, would exceed
    # what Streamlit sends to the browser in one message (the Diffs page shows the full text).
    shown = frame.head(500).copy()
    for column in ("answer", "reference", "source"):
        long = shown[column].str.len() > PREVIEW_CELL_CHARS
        shown.loc[long, column] = shown.loc[long, column].str.slice(0, PREVIEW_CELL_CHARS) + " …"
    st.dataframe(shown, hide_index=True, width="stretch", height=table_height(len(shown), 16))
    if len(frame) > len(shown):
        st.caption(f"First {len(shown):,} of {len(frame):,} answers.")


page_start()
st.title("Load data")
st.caption("Load a table of model answers and reference answers. Redline reads it, names every oddity, "
           "and then shows diffs (Diffs page) and error categories (Categories page).")
source_picker()
error = st.session_state.get(K.LOAD_ERROR)
dataset = _state.current_dataset()
if error:
    alert(error, "error")
    alert(f"Still showing the previously loaded data: {dataset.report.name}.", "info")
st.divider()
reading_controls(dataset)
report_panel(dataset)
files_table(dataset.report)
preview(dataset)
