"""Name: turn aligned differences into named edits (ERRANT-style codes) and whole-answer flags."""
