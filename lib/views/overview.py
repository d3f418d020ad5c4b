"""The line over a sample's cards (counts and who is behind them) and the words for edit codes."""
from __future__ import annotations

from typing import Sequence

import pandas as pd

from lib.name.codes import EDIT_TYPES
from lib.views.html import count, esc
from lib.views.tallies import ranked


def describe_code(code: str) -> str:
    """M:DET → "missing: determiner / article (the, a, their…)" (the badge's tooltip)."""
    op, _, kind = code.partition(":")
    verb = {"M": "missing", "U": "unnecessary", "R": "replaced"}.get(op, op)
    return f"{verb}: {EDIT_TYPES.get(kind, kind)}"


def _names(models: Sequence[str], shown: int = 4) -> str:
    """ "gpt-4o, baichuan4, doubao, deepseek-v3" — past `shown` names, "+N more" with all of them
    in the tooltip."""
    models = list(dict.fromkeys(models))
    text = ", ".join(models) if len(models) <= shown else ", ".join(models[:shown - 1]) + f" +{len(models) - shown + 1} more"
    return f'<span title="{esc(", ".join(models))}">{esc(text)}</span>'


def overview_html(rows: pd.DataFrame, analysis: pd.DataFrame | None) -> str:
    """One line over the cards of a sample: how many answers are exact, which problems recur and
    who is behind each count — what a reader would otherwise count card by card."""
    if analysis is None or "flags" not in analysis:
        return ""
    facts = analysis.reindex(rows.index).dropna(subset=["flags"])
    if facts.empty:
        return ""
    models = rows["model"].reindex(facts.index).tolist()
    flags: dict[str, list[str]] = {}
    codes: dict[str, list[str]] = {}
    exact = []
    for model, fl, edits in zip(models, facts["flags"], facts["edit_list"]):
        if "exact" in fl:
            exact.append(model)
        for f in fl:
            if f != "exact":
                flags.setdefault(f, []).append(model)
        for e in edits:
            codes.setdefault(e.code, []).append(model)
    top_codes = [(c, codes[c]) for c, _ in ranked({c: len(m) for c, m in codes.items()}, 4)]
    parts = [esc(count(len(facts), "answer")), f"{len(exact)} exact" + (f": {_names(exact)}" if exact else "")]
    if flags:
        parts.append("flags: " + ", ".join(f"{esc(f.replace('_', ' '))} {len(m)} ({_names(m, 2)})"
                                           for f, m in ((f, flags[f]) for f, _ in ranked({f: len(m) for f, m in flags.items()}))))
    if codes:
        parts.append("most frequent edits: " + ", ".join(
            f'<span title="{esc(describe_code(c))}: {esc(", ".join(dict.fromkeys(m)))}">{esc(c)} ×{len(m)}</span>'
            for c, m in top_codes))
    return f'<div class="rl-legend"><b>{" · ".join(parts)}</b></div>'
