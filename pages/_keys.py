"""Every st.session_state key the pages use, named once: a typo becomes an ImportError, not a
silently empty value, and a reader sees the whole of a session's state in one place."""
from __future__ import annotations

# --- what this session shows -------------------------------------------------------------------
SOURCE = "source"                # Source(name, content hash, load options) of the loaded data
SOURCE_BYTES = "source_bytes"    # its raw bytes (re-read with other options on the Load page)
LOAD_ERROR = "load_error"        # the last load failure, shown on the Load page (old data stays)
LAST_UPLOAD = "last_upload"      # ((file_id, name), …) of the uploads already read: reruns skip them
KEPT = "_kept"                   # id of the kept upload this session shows (URL src=, _restore.py)
RESTORE_TRIED = "_restore_tried" # a refreshed tab's src= was looked up (once a session)
RESTORE_NOTE = "_restore_note"   # why src= could not be restored (shown above every page)

# --- choices that follow the user across pages (kept under these keys, mirrored into widgets) ---
MODELS = "models"                # chosen run labels (None = all)
MODELS_FOR = "models_for"        # the content hash the model choice was made for
UNIT = "unit"                    # diff granularity: "word" | "char"
IGNORE_CASE = "ignore_case"
IGNORE_WHITESPACE = "ignore_whitespace"
IGNORE_PUNCTUATION = "ignore_punctuation"
WIDGET_PREFIX = "_w_"            # _w_<key>: the widget mirroring one of the keys above (see shared())

# --- Diffs page --------------------------------------------------------------------------------
SAMPLE = "sample"
SAMPLE_SEARCH = "sample_search"
SAMPLE_IN_URL = "_sample_in_url"  # the sample this page last put in the URL (to tell Back/Forward apart)
VIEW = "view"
SORT = "sort"
CARD_PAGE = "card_page"
PREV, NEXT = "prev", "next"                      # buttons
DISMISS_LINK_NOTE = "dismiss_link_note"          # button
DOWNLOAD_ALL = "download_all"                    # button
LINK_CHECKED = "_link_checked"   # a shared link was compared with the loaded data (once a session)
LINK_NOTE = "_link_note"         # (content hash, text): the link's data is not the loaded data
SAMPLE_ORDER = "sample_order"    # the order samples are listed and stepped in (file, disagreement, worst)
BASE = "base"                    # the baseline: "reference" | "source" | "model:<run label>"
VIEW_CHOSEN = "_view_chosen"     # the reader picked a view (until then each sample opens on its default)
PLACE, READING = "place", "reading"   # the variants view's pick, 0-based (1-based in the URL)
PICK_FOR = "_pick_for"           # what the pick was made on: (sample, base, models, diff options)
VARIANTS_BLOCK = "variants_block"     # the clickable variants block (a component)
PLACE_PREV, PLACE_NEXT, PLACE_CLEAR = "place_prev", "place_next", "place_clear"   # buttons
HIDE_EXACT, CARD_FLAGS, CARD_CODES, CARD_MODEL = "hide_exact", "card_flags", "card_codes", "card_model"  # card filters

# --- Categories page ---------------------------------------------------------------------------
CAT_PICK = "cat_pick"            # {"kind", "pairs"}: the bar/cell clicked, listed below the charts
CAT_MEASURE = "cat_measure"
CHART_EPOCHS = "chart_epochs"    # chart → n: a new widget key clears a chart's highlighted selection
EX_OPS, EX_TYPES, EX_FLAGS = "ex_ops", "ex_types", "ex_flags"   # example filters
EXAMPLES = "examples"            # the examples table (its selected row)
OPEN_EXAMPLE = "open_example"    # button
CLEAR_PICK = "clear_pick"        # button
EXAMPLE_STEPS = "example_steps"  # [(sample, model, category)]: the examples "Open in Diffs" steps through
EXAMPLE_AT = "example_at"        # which of them is shown
EXAMPLE_PREV, EXAMPLE_NEXT, EXAMPLE_DONE = "example_prev", "example_next", "example_done"   # buttons
OPEN_DIFFS = "open_diffs"        # set by "Open in Diffs": switch page on the next run
PROOF_TABLE = "proof_table"      # proofreading verdicts per model and type (its selected row)
PROOF_EXAMPLES = "proof_examples"  # the edits behind that row (its selected row)
PROOF_OPEN = "proof_open"        # button: open the selected edit in the Diffs page's source view

# --- Models selector (sidebar and Models page) -------------------------------------------------
MODELS_ALL, MODELS_NONE = "models_all", "models_none"   # buttons

# --- Load page ---------------------------------------------------------------------------------
LOAD_MODE = "load_mode"
LOAD_EXAMPLE = "load_example_"   # load_example_<file name>: one button per bundled example
UPLOAD = "upload"
PASTE_TEXT = "paste_text"
PASTE_FORM = "paste_form"
ROLE_PREFIX = "role_"            # role_<role>_<hash prefix>: one role picker per dataset

# --- URL ---------------------------------------------------------------------------------------
URL_RESTORED = "_url_restored"   # URL parameters already applied (once per session)
URL_MODELS = "_url_models"       # the models parameter was applied
