"""Align: tokens, the answer/reference diff, and the numbers read off it (similarity, CER, WER)."""
