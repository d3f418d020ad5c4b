"""One sample, many answers: where they agree and where they differ, place by place.

Every answer is aligned to one baseline text (the reference, the source, or another model's
answer). Its edits are pinned to baseline offsets, so edits of different answers that touch the
same baseline text are one *place*; at each place the answers' texts there are its *readings*
("the models" → "models": 8 answers). Answers that share almost nothing with the baseline (another
language, a refusal) would be one giant edit covering every place, so they are listed apart and
the counts say "of N comparable answers" instead of pretending they agree or differ everywhere.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from lib.align.diff import DiffOptions, diff_texts
from lib.align.metrics import similarity
from lib.name.merge import Edit, extract_edits

# Below this similarity an answer is not compared place by place (and a card shows the two texts
# side by side instead of a diff): one strike-through of everything helps nobody.
UNRELATED_SIMILARITY = 0.2


@dataclass(frozen=True)
class Reading:
    """What some answers have at one place instead of the baseline's text."""
    text: str                  # the answers' text over the place's span ("" = they drop it)
    codes: tuple[str, ...]     # edit codes (M:DET, R:SPELL…) of the edits that make it
    models: tuple[str, ...]    # who reads it this way, in the order the answers came


@dataclass(frozen=True)
class Place:
    """A span of the baseline where at least one comparable answer differs."""
    start: int                 # baseline offsets; start == end: something is inserted here
    end: int
    text: str                  # the baseline's text there
    readings: tuple[Reading, ...]  # most frequent first
    kept: tuple[str, ...]      # comparable answers that read it as the baseline does

    @property
    def differing(self) -> tuple[str, ...]:
        return tuple(m for r in self.readings for m in r.models)


@dataclass(frozen=True)
class Apart:
    """An answer not compared place by place, and why."""
    model: str
    similarity: float
    reason: str


@dataclass(frozen=True)
class Variants:
    base: str
    places: tuple[Place, ...]
    comparable: tuple[str, ...]          # answers compared place by place
    apart: tuple[Apart, ...]
    groups: tuple[tuple[str, ...], ...]  # identical answers, each group once, in answer order
    similarity: dict                     # model → similarity to the baseline

    def models_at(self, place: int, reading: int | None = None) -> tuple[str, ...]:
        """The answers that differ at a place (or give one reading there)."""
        p = self.places[place]
        return p.differing if reading is None else p.readings[reading].models


def _touches(start: int, end: int, c_start: int, c_end: int) -> bool:
    """Does an edit over [start, end) belong to a place over [c_start, c_end)?

    Spans must overlap; an insertion point joins a span it falls strictly inside, or an insertion
    at the same point. An insertion just before a changed word stays its own place.
    """
    if start == end and c_start == c_end:
        return start == c_start
    if start == end:
        return c_start < start < c_end
    if c_start == c_end:
        return start < c_start < end
    return start < c_end and c_start < end


def _reading_text(base: str, answer: str, edits: Sequence[Edit], start: int, end: int) -> str:
    """The answer's text over the baseline span [start, end): outside its own edits the answer
    equals the baseline, so it is the baseline around the answer's slice between its edits."""
    first, last = edits[0], edits[-1]
    ans_lo = first.ans_start
    ans_hi = last.ans_start + len(last.answer)
    ref_lo = first.ref_start
    ref_hi = last.ref_start + len(last.reference)
    return base[start:ref_lo] + answer[ans_lo:ans_hi] + base[ref_hi:end]


def answer_edits(base: str, answer: str, options: DiffOptions = DiffOptions()) -> tuple[float, bool, list[Edit]]:
    """(similarity to the baseline, timed out, edits) of one answer."""
    if answer.strip() == base.strip() and answer.strip():
        return 1.0, False, []
    result = diff_texts(base, answer, options)
    if result.timed_out:
        return 0.0, True, []
    sim = similarity(result.segments)
    # An unrelated answer is listed apart, not named edit by edit (which costs most of the time).
    return sim, False, extract_edits(result.segments) if sim >= UNRELATED_SIMILARITY or not base.strip() else []


def find_variants(base: str, answers: Sequence[tuple[str, str]], options: DiffOptions = DiffOptions()) -> Variants:
    """Places and readings of `answers` ((model, text) pairs, labels unique) against `base`."""
    comparable: list[str] = []
    apart: list[Apart] = []
    sims: dict[str, float] = {}
    pinned: list[tuple[int, int, int, Edit]] = []  # (start, end, answer number, edit)
    texts = dict(answers)
    order = {model: k for k, (model, _) in enumerate(answers)}
    for k, (model, text) in enumerate(answers):
        sim, timed_out, edits = answer_edits(base, text, options)
        sims[model] = sim
        if not text.strip():
            apart.append(Apart(model, sim, "the answer is empty"))
        elif timed_out:
            apart.append(Apart(model, sim, "too different to align in time"))
        elif sim < UNRELATED_SIMILARITY and base.strip():
            apart.append(Apart(model, sim, f"similarity {sim:.2f}: shares almost nothing with it"))
        else:
            comparable.append(model)
            pinned += [(e.ref_start, e.ref_start + len(e.reference), k, e) for e in edits]
    pinned.sort(key=lambda t: (t[0], t[1], t[2]))

    clusters: list[list[tuple[int, int, int, Edit]]] = []
    span = (0, 0)
    for item in pinned:
        if clusters and _touches(item[0], item[1], *span):
            clusters[-1].append(item)
            span = (span[0], max(span[1], item[1]))
        else:
            clusters.append([item])
            span = (item[0], item[1])

    places = []
    for cluster in clusters:
        start = min(t[0] for t in cluster)
        end = max(t[1] for t in cluster)
        by_answer: dict[int, list[Edit]] = {}
        for _, _, k, edit in cluster:
            by_answer.setdefault(k, []).append(edit)
        readings: dict[str, tuple[list[str], list[str]]] = {}
        for k in sorted(by_answer):
            edits = sorted(by_answer[k], key=lambda e: (e.ref_start, e.ans_start))
            model = answers[k][0]
            text = _reading_text(base, texts[model], edits, start, end)
            models, codes = readings.setdefault(text, ([], []))
            models.append(model)
            codes += [e.code for e in edits if e.code not in codes]
        changed = {m for models, _ in readings.values() for m in models}
        places.append(Place(
            start=start, end=end, text=base[start:end],
            readings=tuple(sorted((Reading(t, tuple(c), tuple(m)) for t, (m, c) in readings.items()),
                                  key=lambda r: (-len(r.models), order[r.models[0]]))),
            kept=tuple(m for m in comparable if m not in changed),
        ))

    groups: dict[str, list[str]] = {}
    for model, text in answers:
        groups.setdefault(text, []).append(model)
    return Variants(base=base, places=tuple(places), comparable=tuple(comparable), apart=tuple(apart),
                    groups=tuple(tuple(g) for g in groups.values()), similarity=sims)
