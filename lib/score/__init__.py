"""Proofreading scores: which of an answer's changes to the source fixed an error, which were
over-corrections, which errors it missed; TP/FP/FN, precision, recall and F0.5 per answer and per
model, counted the way ERRANT's `compare_m2` counts (edits from lib.align + lib.name)."""
