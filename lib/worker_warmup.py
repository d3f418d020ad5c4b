"""Imported once by the analysis worker server (lib.analysis): loads what every worker needs."""
from lib import answer_analysis  # noqa: F401  (imports diff, tokens, categories, flags)
from lib.wordlists import is_known_word

is_known_word("warm")  # reads pyspellchecker's bundled list now, not in every worker

import gc

gc.disable()  # workers build many small acyclic objects and exit when the pool closes
