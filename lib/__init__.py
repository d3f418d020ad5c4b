"""Redline's library: loading, diffing and categorising LLM answers against references.

UI-free on purpose: the Streamlit pages, the CLI (`python -m lib`) and the tests all call the same
functions, so what a user sees in the app is what the tests pin.
"""
