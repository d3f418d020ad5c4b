"""Which cards of a sample to draw: the Diffs page's card filters, as one plain value.

Codes match exactly ("WO" is word order only, not every code whose description contains "wo"),
flags and codes match when an answer has any of the chosen ones, and a place picked in the
variants view narrows the cards to the models that read it that way.
"""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd


@dataclass(frozen=True)
class CardFilter:
    hide_exact: bool = False
    flags: tuple[str, ...] = ()        # answers with any of these flags ("any": any flag at all)
    codes: tuple[str, ...] = ()        # answers with an edit of any of these exact codes (M:DET)
    model_text: str = ""               # model name contains this (case-insensitive)
    models: tuple[str, ...] | None = None  # only these models (a place or reading picked)
    models_why: str = ""               # what picked them, in words ("differ at place 4")

    @property
    def active(self) -> bool:
        return bool(self.hide_exact or self.flags or self.codes or self.model_text.strip() or self.models is not None)

    def apply(self, rows: pd.DataFrame, analysis: pd.DataFrame | None) -> pd.DataFrame:
        """The rows (answers of one sample) that pass; facts come from the strict analysis."""
        keep = pd.Series(True, index=rows.index)
        if self.models is not None:
            keep &= rows["model"].isin(list(self.models))
        text = self.model_text.strip().casefold()
        if text:
            keep &= rows["model"].map(lambda m: text in str(m).casefold())
        if analysis is not None and "flags" in analysis and (self.hide_exact or self.flags or self.codes):
            facts = analysis.reindex(rows.index)
            flags = facts["flags"].map(lambda f: tuple(f) if isinstance(f, (tuple, list)) else ())
            if self.hide_exact:
                keep &= ~flags.map(lambda f: "exact" in f)
            if self.flags:
                wanted = set(self.flags)
                any_flag = "any" in wanted
                keep &= flags.map(lambda f: any((x != "exact" and (any_flag or x in wanted)) for x in f))
            if self.codes:
                wanted_codes = set(self.codes)
                edits = facts["edit_list"].map(lambda e: e if isinstance(e, (tuple, list)) else ())
                keep &= edits.map(lambda es: any(e.code in wanted_codes for e in es))
        return rows[keep]

    def describe(self) -> str:
        """The active filters in words, for the line over the cards ("" when none)."""
        parts = []
        if self.models is not None:
            parts.append(self.models_why or f"{len(self.models)} picked models")
        if self.hide_exact:
            parts.append("exact answers hidden")
        if self.flags:
            parts.append("with a flag" if "any" in self.flags else "flag " + " or ".join(f.replace("_", " ") for f in self.flags))
        if self.codes:
            parts.append("edit " + " or ".join(self.codes))
        if self.model_text.strip():
            parts.append(f"model name contains “{self.model_text.strip()}”")
        return "; ".join(parts)
