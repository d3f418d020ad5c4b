"""One answer's card: its badges (exact, similarity, edits, flags, codes, score) and its diff
against the baseline, or the two texts side by side when a diff would help nobody. The Diffs
page and the report file both draw cards with this, so the download looks like the page."""
from __future__ import annotations

from typing import Sequence

from lib.align.diff import MAX_DISTINCT_TOKENS, DiffOptions, diff_texts
from lib.align.metrics import changed_spans, similarity
from lib.analysis.baseline import Baseline
from lib.analysis.variants import UNRELATED_SIMILARITY
from lib.name.flags import FLAGS
from lib.views.html import badge, count, esc, inline_html, plain_html
from lib.views.side_by_side import side_by_side_html
from lib.views.overview import describe_code
from lib.views.tallies import code_counts, ranked
from lib.views.variants import who
from lib.views.verdicts import score_stats, verdict_html
from lib.score.dataset import DatasetScores


# Side by side, unchanged text beside a change keeps this many characters (the baseline itself is
# shown once above the cards).
SIDE_CONTEXT = 80


def _plain_pair(answer: str, other_text: str, other: str) -> str:
    return ('<div class="rl-sbs"><div class="rl-col-head">Answer</div>'
            f'<div class="rl-col-head">{esc(other)}</div>'
            f'<div data-label="Answer">{plain_html(answer)}</div>'
            f'<div data-label="{esc(other)}">{plain_html(other_text)}</div></div>')


def _code_badges(edits) -> list[str]:
    return [badge(f"{code}" + (f" ×{k}" if k > 1 else ""), "code", title=describe_code(code))
            for code, k in ranked(code_counts([edits]))]


def _similarity(sim: float, timed_out: bool, label: str) -> str:
    """A diff that gave up is all deleted + all inserted: its 0.000 would be a number shown with
    confidence that nobody measured, so it reads "not measured" instead."""
    if timed_out:
        return (f'<span class="rl-stat" title="The alignment gave up within its limits, so no similarity was '
                f'measured">{label} not measured</span>')
    return f'<span class="rl-stat">{label} {sim:.3f}</span>'


def card_html(row, facts, view: str, options: DiffOptions, base: Baseline, group: Sequence[str] = (),
          focus: bool = False, scores: DatasetScores | None = None) -> str:
    """One answer's card (or one card for identical answers: `group` names them all). With
    `scores` (the file has a source) the head shows the answer's P/R/F0.5, and the inline view
    against the source marks each change fixed / wrong fix / over-correction / missed."""
    against_reference = base.kind == "reference"
    # Each answer's own reference: with several accepted references it is the closest one.
    base_text = row.reference if against_reference else base.text
    result = diff_texts(base_text, row.answer, options)
    sim = similarity(result.segments)
    same = row.answer.strip() == base_text.strip()
    if len(group) > 1:
        head = [f'<span class="rl-model">{len(group)} models with the same answer:</span> {who(list(group))}']
    else:
        head = [f'<span class="rl-model">{esc(row.model)}</span>']
        if row.model != row.model_name:
            head.append(badge(f"run {row.run} of {row.model_name}", title="The file has more than one answer of this model to this sample"))
    # Exact match is always against the reference: that is what the task asks for.
    matches_reference = row.answer.strip() == row.reference.strip()
    head.append(badge("✓ exact match" if matches_reference else "≠ differs", "exact" if matches_reference else "diff"))
    choice = getattr(row, "reference_choice", "")
    if choice:
        head.append(badge(choice, title="The sample accepts several references; this answer is compared with the "
                                        "closest one"))
    if not against_reference:
        # Neutral colour: the numbers below say their baseline.
        if base.kind == "source":  # changing the source is the task: no "differs" alarm
            label = "unchanged source" if same else "changed the source"
        else:
            label = f"same as {base.short}" if same else f"differs from {base.short}"
        head.append(badge(label, title=f"The diff below is against {base.name}"))
        head.append(_similarity(sim, result.timed_out, f"similarity to {esc(base.short)}"))
    else:
        head.append(_similarity(sim, result.timed_out, "similarity"))
    if facts is not None:
        n = len(facts["edit_list"])
        head.append(f'<span class="rl-stat" title="Edits against the reference, named on the strict comparison '
                    f'(the view options change the highlighting, not the edits)">'
                    f'{count(n, "edit")}{"" if against_reference else " vs reference"}</span>')
        for flag in facts["flags"]:
            if flag != "exact":
                head.append(badge(flag.replace("_", " "), "flag", title=FLAGS.get(flag, "")))
        head += _code_badges(facts["edit_list"])
    else:
        spans = changed_spans(result.segments)
        head.append(f'<span class="rl-stat">{count(spans, "changed span")}</span>')
    score = scores.answers.get(row.Index) if scores is not None else None
    if score is not None:
        head.append(score_stats(score))
    elif scores is not None:
        head.append(f'<span class="rl-stat rl-score">not scored: {esc(scores.unscored.get(row.Index, "no score"))}</span>')
    other = base.column
    if score is not None and base.kind == "source" and view == "inline":
        body = verdict_html(score)
    elif result.timed_out:
        body = (
            '<div class="rl-note">Too different to align within the limits '
            f"({options.timeout:g} s, {MAX_DISTINCT_TOKENS:,} distinct words): "
            + ("no edits are named for it, and " if facts is None or not len(facts["edit_list"]) else
               "the edits above are the file's analysis (aligned without the view options); here ")
            + "the two texts are shown side by side without highlighting.</div>"
            + _plain_pair(row.answer, base_text, other)
        )
    elif sim < UNRELATED_SIMILARITY and row.answer.strip() and base_text.strip():
        # A wholly different text (another language, an unrelated answer) as one long strike-through
        # plus one long insertion helps nobody: say so and show the two texts next to each other.
        body = (f'<div class="rl-note">The answer shares almost nothing with {esc(base.name)} '
                f"(similarity {sim:.2f}): shown side by side instead of as a diff.</div>"
                + _plain_pair(row.answer, base_text, other))
    elif view == "side":
        body = side_by_side_html(result.segments, "Answer", other, context=SIDE_CONTEXT)
    else:
        body = inline_html(result.segments)
    if base.note:
        body = f'<div class="rl-note">{esc(base.note)}</div>' + body
    if not row.answer.strip():
        body = '<div class="rl-note">The answer is empty' + (" (whitespace only)" if row.answer else "") + ".</div>" + body
    return (f'<article class="rl-card{" rl-focus" if focus else ""}">'
            f'{"<div class=rl-card-head>" + "".join(head) + "</div>"}{body}</article>')
