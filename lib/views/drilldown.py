"""The examples behind a chart bar: each edit (or flagged answer) with a few words of context.

Context is cut from the answer around the edit, so a reader sees "…emergent abilities
〔through → in〕 the lens…" (what the answer has → what the reference has) without opening the
whole answer; plain text, because the examples table renders no markup.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from lib.name.flags import FLAGS

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


def marked(before: str, removed: str, added: str, after: str) -> str:
    """Plain-text context with the change in brackets, answer first: "…abilities 〔through → in〕 the lens…"."""
    return f"{before}〔{added or '∅'} → {removed or '∅'}〕{after}"


def find_examples(frame: pd.DataFrame, analysis: pd.DataFrame, edits: pd.DataFrame, flags: pd.DataFrame,
                  flt: ExampleFilter, limit: int = 500) -> tuple[pd.DataFrame, int]:
    """Matching examples (at most `limit`, in file order) and how many matched in total.

    `edits`/`flags` are analysis.edit_rows/flag_rows: filtering them is vectorised, and the
    context text is cut only for the rows that are shown.
    """
    pairs = set(flt.pairs)
    flag_mode = bool(flt.flags) or (bool(pairs) and not (flt.ops or flt.types)
                                    and all(c in FLAGS for _, c in pairs))
    rows = flags if flag_mode else edits
    mask = pd.Series(True, index=rows.index)
    if flt.models:
        mask &= rows["model"].isin(flt.models)
    if flag_mode:
        if flt.flags:
            mask &= rows["flag"].isin(flt.flags)
        if pairs:
            mask &= pd.Series([(m, f) in pairs for m, f in zip(rows["model"], rows["flag"])], index=rows.index)
    else:
        if flt.ops:
            mask &= rows["op"].isin(flt.ops)
        if flt.types:
            mask &= rows["type"].isin(flt.types)
        if pairs:
            mask &= pd.Series([(m, t) in pairs or (m, c) in pairs or (m, o) in pairs
                               for m, t, c, o in zip(rows["model"], rows["type"], rows["code"], rows["op"])],
                              index=rows.index)
    matched = rows[mask]
    shown = matched.head(limit)
    out = []
    answers = frame["answer"]
    if flag_mode:
        for idx, model, sample, flag in zip(shown["answer_index"], shown["model"], shown["sample_id"], shown["flag"]):
            head = _clip_right(_flatten(answers.loc[idx]), CONTEXT_CHARS * 2) or "(empty answer)"
            out.append((idx, model, sample, flag, "", head, head, "", "", ""))
    else:
        edit_lists = analysis["edit_list"]
        for idx, k, model, sample in zip(shown["answer_index"], shown["k"], shown["model"], shown["sample_id"]):
            e = edit_lists.loc[idx][k]
            before, removed, added, after = edit_context(answers.loc[idx], e.ans_start, e.answer, e.reference)
            change = f"{e.answer or '∅'} → {e.reference or '∅'}"
            out.append((idx, model, sample, e.code, change, marked(before, removed, added, after),
                        before, removed, added, after))
    return pd.DataFrame(out, columns=EXAMPLE_COLUMNS), int(mask.sum())
