"""Redline's scorer against real ERRANT compare_m2 on synthetic models over JFLEG's dev pairs.

ERRANT cannot be a dependency (spaCy and its English model); its counts were measured once with
`tests/score/errant_check.py` in a throwaway venv (errant 3.0.2, spaCy 3.8, en_core_web_sm 3.8)
and are pinned here. The models are built by tests/score/jfleg_models.py, deterministically.
"""
from __future__ import annotations

import pytest

from lib.score.counts import Counts
from lib.score.match import match, scored_edits
from lib.score.realign import realign
from tests.score.jfleg_models import MODELS, PAIRS, load_pairs, model_answers

pytestmark = pytest.mark.skipif(not PAIRS.exists(), reason=f"{PAIRS} (shared/gec) is not beside the repository")

ERRANT_COUNTS = {  # model: (TP, FP, FN) by errant_compare, one reference
    "perfect": (2704, 0, 0),
    "r90": (2416, 0, 288),
    "r70": (1896, 3, 808),
    "r30": (768, 6, 1936),
    "copy": (0, 5, 2704),
    "r90+2": (2288, 1298, 416),
    "r70+1": (1836, 664, 868),
    "r50+1": (1326, 662, 1378),
    "r20+1": (555, 661, 2149),
}
# The bar: F0.5 within ±0.03 of ERRANT's for every model (measured worst: 0.020).
F05_TOLERANCE = 0.03


@pytest.fixture(scope="module")
def runs():
    """Per pair: our reference edits, and per model (our counts, the construction's counts)."""
    out = []
    for pair in load_pairs():
        source, reference = pair["answer"], pair["reference"]
        gold = scored_edits(source, reference)
        models = {}
        for name, (answer, built) in model_answers(pair).items():
            mine = realign(gold, scored_edits(source, answer), source, answer)
            models[name] = (match(gold, mine).counts, Counts(*built))
        out.append((pair, gold, models))
    return out


def totals(runs) -> dict[str, Counts]:
    t = {m: Counts() for m in MODELS}
    for _, _, models in runs:
        for name, (ours, _) in models.items():
            t[name] = t[name] + ours
    return t


def test_f05_agrees_with_errant_compare_m2(runs):
    ours = totals(runs)
    diffs = {m: round(ours[m].f05 - Counts(*ERRANT_COUNTS[m]).f05, 3) for m in MODELS}
    assert max(abs(d) for d in diffs.values()) <= F05_TOLERANCE, diffs


def test_models_rank_as_errant_ranks_them(runs):
    ours = totals(runs)
    by_errant = sorted(MODELS, key=lambda m: -Counts(*ERRANT_COUNTS[m]).f05)
    assert sorted(MODELS, key=lambda m: -ours[m].f05) == by_errant


def test_applying_every_reference_edit_scores_one_and_applying_none_scores_zero(runs):
    for pair, gold, models in runs:
        assert models["perfect"][0] == Counts(len(gold), 0, 0), pair["id"]
        assert models["copy"][0] == Counts(0, 0, len(gold)), pair["id"]


def test_where_our_edits_are_erants_the_counts_are_exactly_the_construction(runs):
    """On the pairs whose reference edits we split exactly as ERRANT does, a model that makes a
    subset of them gets exactly that many TP, no FP, and the rest as FN. (Models with wrong edits
    are left out: a wrong word added next to a fix makes one edit with it, for ERRANT too.)"""
    agreeing = exact = 0
    for pair, gold, models in runs:
        theirs = {(e["answer_text"], e["reference_text"]) for e in pair["errant"]}
        if len(theirs) != len(pair["errant"]) or {(g.original, g.correction) for g in gold} != theirs:
            continue
        agreeing += 1
        exact += all(models[m][0] == models[m][1] for m in ("r90", "r70", "r30"))
    assert agreeing >= 450  # measured: 489 of 665 pairs
    assert exact >= agreeing - 2, (exact, agreeing)  # measured: 488
