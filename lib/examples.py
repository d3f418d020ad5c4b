"""The examples behind a chart bar: each edit (or flagged answer) with a few words of context.

Context is cut from the answer around the edit, so a reader sees "…emergent abilities
[-in-]{+through+} the lens…" without opening the whole answer; the notation is wdiff's, familiar
from diff tools and safe in a plain-text table.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

import pandas as pd

CONTEXT_CHARS = 48
EXAMPLE_COLUMNS = ["answer_index", "model", "sample_id", "category", "change", "context",
                   "before", "removed", "added", "after"]


@dataclass(frozen=True)
class ExampleFilter:
    """What to list. Empty tuples mean "any"; `pairs` are (model, category) picked in a chart."""

    models: tuple[str, ...] = ()
    ops: tuple[str, ...] = ()
    types: tuple[str, ...] = ()
    codes: tuple[str, ...] = ()
    flags: tuple[str, ...] = ()
    pairs: tuple[tuple[str, str], ...] = field(default=())


def _clip_left(text: str, n: int) -> str:
    if len(text) <= n:
        return text
    cut = text[-n:]
    space = cut.find(" ")
    return "…" + (cut[space + 1:] if 0 <= space < n // 2 else cut)


def _clip_right(text: str, n: int) -> str:
    if len(text) <= n:
        return text
    cut = text[:n]
    space = cut.rfind(" ")
    return (cut[:space] if space > n // 2 else cut) + "…"


def _flatten(text: str) -> str:
    return text.replace("\r\n", " ").replace("\n", " ")


def edit_context(answer: str, ans_start: int, answer_part: str, reference_part: str,
                 width: int = CONTEXT_CHARS) -> tuple[str, str, str, str]:
    """(before, removed, added, after): answer text around one edit, line breaks flattened."""
    before = _clip_left(_flatten(answer[:ans_start]), width)
    after = _clip_right(_flatten(answer[ans_start + len(answer_part):]), width)
    return before, reference_part, answer_part, after


def wdiff(before: str, removed: str, added: str, after: str) -> str:
    change = (f"[-{removed}-]" if removed else "") + (f"{{+{added}+}}" if added else "")
    return f"{before}{change}{after}"


def find_examples(frame: pd.DataFrame, analysis: pd.DataFrame, flt: ExampleFilter, limit: int = 500) -> tuple[pd.DataFrame, int]:
    """Matching examples (at most `limit`) and how many matched in total."""
    rows = analysis
    if flt.models:
        rows = rows[rows["model"].isin(flt.models)]
    pair_models = {m for m, _ in flt.pairs}
    if pair_models:
        rows = rows[rows["model"].isin(pair_models)]
    pair_set = set(flt.pairs)
    answers = frame["answer"]
    out: list[tuple] = []
    total = 0
    want_flags = set(flt.flags)
    flag_mode = bool(want_flags) or (pair_set and not (flt.ops or flt.types or flt.codes) and _pairs_are_flags(pair_set))
    for idx, model, sample, flags, edits in zip(rows.index, rows["model"], rows["sample_id"], rows["flags"], rows["edit_list"]):
        if flag_mode:
            for flag in flags:
                if (want_flags and flag not in want_flags) or (pair_set and (model, flag) not in pair_set):
                    continue
                total += 1
                if len(out) < limit:
                    answer = answers.loc[idx]
                    head = _clip_right(_flatten(answer), CONTEXT_CHARS * 2) or "(empty answer)"
                    out.append((idx, model, sample, flag, "", head, head, "", "", ""))
            continue
        for e in edits:
            if flt.ops and e.op not in flt.ops:
                continue
            if flt.types and e.type not in flt.types:
                continue
            if flt.codes and e.code not in flt.codes:
                continue
            if pair_set and not ({(model, e.type), (model, e.code), (model, e.op)} & pair_set):
                continue
            total += 1
            if len(out) < limit:
                before, removed, added, after = edit_context(answers.loc[idx], e.ans_start, e.answer, e.reference)
                change = f"{e.answer or '∅'} → {e.reference or '∅'}"
                out.append((idx, model, sample, e.code, change, wdiff(before, removed, added, after),
                            before, removed, added, after))
    return pd.DataFrame(out, columns=EXAMPLE_COLUMNS), total


_FLAG_NAMES = {"exact", "empty", "wrong_language", "preamble", "commentary", "truncated", "formatting", "unchanged"}


def _pairs_are_flags(pairs: set[tuple[str, str]]) -> bool:
    return all(category in _FLAG_NAMES for _, category in pairs)
