"""An answer's changes to the source, each marked fixed / wrong fix / over-correction / missed.

Marks carry a word and a shape besides a colour (solid underline, dashed box, wavy underline,
dotted outline), so they read in greyscale and for colour-blind readers; the legend says which is
which. The text drawn is the answer: its changes show the source text struck out and the
answer's text inserted; a missed error is the answer's (unchanged) text with what the reference
has there.
"""
from __future__ import annotations

from lib.score.counts import ratio_text
from lib.score.dataset import AnswerScore
from lib.score.match import ScoredEdit
from lib.views.html import MAX_RENDER_CHARS, esc, show_invisible  # VERDICT_CSS is part of html.DIFF_CSS

# (symbol, word) per verdict: what the tag after each change says.
MARKS: dict[str, tuple[str, str]] = {
    "fixed": ("✓", "fixed"),
    "wrong_fix": ("≠", "wrong fix"),
    "over_correction": ("✗", "over-correction"),
    "missed": ("○", "missed"),
}



def _tag(verdict: str, detail: str = "") -> str:
    symbol, word = MARKS[verdict]
    return f'<span class="rl-v-tag">{esc(symbol)} {esc(word)}{esc(detail)}</span>'


def _title(s: ScoredEdit) -> str:
    e = s.edit
    change = f"{e.original or '(nothing)'} → {e.correction or '(deleted)'}"
    if s.verdict == "missed":
        return f"missed {e.code}: the reference has {e.original or '(nothing)'} → {e.correction or '(deleted)'}"
    extra = f"; the reference has {s.expected}" if s.expected else ""
    return f"{MARKS[s.verdict][1]} {e.code}: {change}{extra}"


def _change(s: ScoredEdit, source: str, answer: str) -> str:
    e = s.edit
    removed = source[e.start:e.end]
    added = answer[e.at:e.at + len(e.correction)]
    body = (f"<del>{show_invisible(removed)}</del>" if removed else "") + (f"<ins>{show_invisible(added)}</ins>" if added else "")
    detail = f" (reference: {s.expected})" if s.verdict == "wrong_fix" and s.expected else ""
    return (f'<span class="rl-v rl-v-{s.verdict}" data-verdict="{s.verdict}" title="{esc(_title(s))}">'
            f"{body}{_tag(s.verdict, detail)}</span>")


def _missed(s: ScoredEdit, kept: str) -> str:
    e = s.edit
    detail = f" → {e.correction}" if e.correction else " → delete"
    body = esc(kept) if kept else "‸"
    return (f'<span class="rl-v rl-v-missed" data-verdict="missed" title="{esc(_title(s))}">'
            f"{body}{_tag('missed', detail)}</span>")


def _locate(answer: str, lo: int, hi: int, guess: int, text: str) -> int:
    """Where the unchanged source text `text` sits in answer[lo:hi], nearest to `guess` (spacing
    the score ignores can shift it by a character or two)."""
    guess = min(max(guess, lo), hi)
    if not text or answer.startswith(text, guess):
        return guess
    found = [p for p in (answer.rfind(text, lo, guess + len(text)), answer.find(text, guess, hi)) if p >= 0]
    return min(found, key=lambda p: abs(p - guess)) if found else guess


def verdict_html(score: AnswerScore, limit: int = MAX_RENDER_CHARS) -> str:
    """The answer with every change to the source marked by its verdict, and every missed
    reference edit marked where it should have been made."""
    source, answer = score.source, score.answer
    if len(answer) > limit or len(source) > limit:
        return (f'<div class="rl-note">This answer is longer than {limit:,} characters: its changes are '
                "counted above but not marked one by one.</div>")
    proposed = [s for s in score.edits if s.verdict != "missed"]
    # A missed error under a wrong fix is told by that fix ("reference: …"), not drawn twice.
    missed = [s for s in score.edits if s.verdict == "missed"
              and not any(s.edit.overlaps(p.edit) or s.edit.key[:2] == p.edit.key[:2] for p in proposed)]
    events = sorted(proposed + missed, key=lambda s: (s.edit.start, s.edit.end, s.verdict != "missed"))
    parts: list[str] = []
    s_cur = a_cur = 0
    for k, s in enumerate(events):
        e = s.edit
        upper = next((x.edit.at for x in events[k + 1:] if x.verdict != "missed"), len(answer))
        if s.verdict == "missed":
            at = _locate(answer, a_cur, max(upper, a_cur), a_cur + (e.start - s_cur), e.original)
            kept = answer[at:at + len(e.original)] if answer.startswith(e.original, at) else ""
            parts.append(esc(answer[a_cur:at]))
            parts.append(_missed(s, kept))
            a_cur = at + len(kept)
        else:
            at = max(e.at, a_cur)
            parts.append(esc(answer[a_cur:at]))
            parts.append(_change(s, source, answer))
            a_cur = max(at + len(e.correction), a_cur)
        s_cur = e.end
    parts.append(esc(answer[a_cur:]))
    return f'<div class="rl-diff rl-verdicts">{"".join(parts)}</div>'


def legend_html() -> str:
    items = " · ".join(
        f'<span class="rl-v rl-v-{v}">{_tag(v)}</span> {esc(text)}' for v, text in (
            ("fixed", "the reference makes the same change"),
            ("wrong_fix", "the reference changes this text too, to something else"),
            ("over_correction", "the reference keeps this text"),
            ("missed", "the reference changes this, the answer does not"),
        ))
    return (f'<div class="rl-legend">Changes to the source, scored against the reference: {items}. '
            "Spacing-only changes are not scored.</div>")


def score_stats(score: AnswerScore) -> str:
    """ "P 0.667 · R 0.500 · F0.5 0.625 (TP 2, FP 1, FN 2)" for a card head."""
    c = score.counts
    refs = f", scored against reference {score.reference + 1} of {len(score.references)}" if len(score.references) > 1 else ""
    title = ("Proofreading score of this answer: its changes to the source matched with the reference's "
             "(P = TP / (TP + FP), R = TP / (TP + FN), F0.5 weighs precision twice as much as recall; "
             "— where nothing was proposed or nothing was to fix)")
    return (f'<span class="rl-stat rl-score" title="{esc(title)}">P {ratio_text(c.precision)} · R {ratio_text(c.recall)} · '
            f"F0.5 {ratio_text(c.f05)} (TP {c.tp}, FP {c.fp}, FN {c.fn}{esc(refs)})</span>")
