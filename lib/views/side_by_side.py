"""The side-by-side view: answer | baseline in two columns, rows aligned by paragraph, and for the
cards only the changes with some context (the baseline is shown once above them). Markup comes
from the escaping helpers of lib.views.html, the one place user text becomes HTML."""
from __future__ import annotations

from typing import Sequence

from lib.align.diff import Segment
from lib.views.html import MAX_RENDER_CHARS, count, cut_segments, esc, more_note, show_invisible


def side_html(segments: Sequence[Segment], side: str, limit: int = MAX_RENDER_CHARS) -> str:
    """One side of a side-by-side view: the answer with its <ins>, or the reference with its <del>."""
    shown, hidden = cut_segments(segments, side, limit)
    parts = []
    for seg in shown:
        if seg.op == "equal":
            parts.append(esc(seg.ans if side == "ans" else seg.ref))
        elif side == "ans" and seg.op == "insert":
            parts.append(f"<ins>{show_invisible(seg.ans)}</ins>")
        elif side == "ref" and seg.op == "delete":
            parts.append(f"<del>{show_invisible(seg.ref)}</del>")
    return f'<div class="rl-diff">{"".join(parts)}</div>{more_note(hidden)}'


def aligned_rows(segments: Sequence[Segment]) -> list[list[Segment]]:
    """Split the alignment at line breaks both texts share, so side-by-side rows line up by paragraph."""
    rows: list[list[Segment]] = [[]]
    for seg in segments:
        if seg.op == "equal" and "\n" in seg.ans and "\n" in seg.ref and seg.ans.count("\n") == seg.ref.count("\n"):
            a_parts = seg.ans.split("\n")
            r_parts = seg.ref.split("\n")
            for k, (a, r) in enumerate(zip(a_parts, r_parts)):
                if a or r:
                    rows[-1].append(Segment("equal", r + ("\n" if k < len(a_parts) - 1 else ""),
                                            a + ("\n" if k < len(a_parts) - 1 else "")))
                if k < len(a_parts) - 1:
                    rows.append([])
        else:
            rows[-1].append(seg)
    return [r for r in rows if r]


def side_by_side_html(segments: Sequence[Segment], left: str = "Answer", right: str = "Reference",
                      context: int | None = None) -> str:
    """Answer | reference in two columns, paragraph rows aligned.

    With `context`, unchanged text keeps only that many characters beside each change and
    paragraphs without a change fold into one line: every card of a sample would otherwise
    repeat the whole reference, and the reader came for the changes."""
    cells = [f'<div class="rl-col-head">{esc(left)}</div><div class="rl-col-head">{esc(right)}</div>']
    budget = MAX_RENDER_CHARS
    folded = 0
    for row in aligned_rows(segments):
        if context is not None and all(seg.op == "equal" for seg in row):
            folded += 1
            continue
        if folded:
            cells.append(_folded_row(folded))
            folded = 0
        shown = _with_context(row, context) if context is not None else row
        cells.append(f'<div data-label="{esc(left)}">{side_html(shown, "ans", budget)}</div>'
                     f'<div data-label="{esc(right)}">{side_html(shown, "ref", budget)}</div>')
        budget -= sum(len(s.ans) for s in row)
        if budget <= 0:
            cells.append('<div class="rl-note">… display limit reached.</div><div></div>')
            break
    if folded:
        cells.append(_folded_row(folded))
    return f'<div class="rl-sbs">{"".join(cells)}</div>'


_ELISION = "\u2009⋯\u2009"


def _folded_row(paragraphs: int) -> str:
    note = f'<div class="rl-note">{count(paragraphs, "unchanged paragraph")} (the same in both)</div>'
    return note + "<div></div>"


def _with_context(row: Sequence[Segment], context: int) -> list[Segment]:
    """Unchanged runs cut to `context` characters beside each change (⋯ marks the cut)."""
    out: list[Segment] = []
    last = len(row) - 1
    for i, seg in enumerate(row):
        if seg.op != "equal" or len(seg.ans) <= 2 * context + len(_ELISION):
            out.append(seg)
            continue
        head = i > 0          # a change before: keep the start of this run
        tail = i < last       # a change after: keep its end
        out.append(Segment("equal", _cut(seg.ref, context, head, tail), _cut(seg.ans, context, head, tail)))
    return out


def _cut(text: str, context: int, head: bool, tail: bool) -> str:
    """Keep `context` characters at the kept ends, cut at a space where there is one (not inside
    a word; Chinese has no spaces and is cut at the character)."""
    if len(text) <= 2 * context:
        return text
    start = text[:context]
    if " " in start[context // 2:]:
        start = start[:start.rindex(" ") + 1]
    end = text[-context:]
    if " " in end[:context // 2]:
        end = end[end.index(" "):]
    return (start if head else "") + _ELISION + (end if tail else "")
