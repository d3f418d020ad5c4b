"""Views: what users read — escaped HTML, diff cards, the report file, charts, tables and terminal text.

lib.views.html is the one place user text becomes markup; everything else builds on it.
"""
