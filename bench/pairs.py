"""Pair-by-pair costs on one core: our analysis against pure-Python diff-match-patch and the bare
C++ semantic diff on the same pairs, and one long answer against a short one."""
from __future__ import annotations

import random
import statistics
import time


def percentiles(costs: list[float]) -> dict:
    """Per-pair cost in microseconds: p50, p90, p99, max, and the mean."""
    ordered = sorted(costs)
    at = lambda q: ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1e6  # noqa: E731
    return {"p50_us": round(at(0.5), 1), "p90_us": round(at(0.9), 1), "p99_us": round(at(0.99), 1),
            "max_us": round(ordered[-1] * 1e6, 1), "mean_us": round(statistics.fmean(ordered) * 1e6, 1)}


def per_pair(pairs: list[tuple[str, str]]) -> dict[str, list[float]]:
    """One core, pair by pair: our whole analysis of the answer, pure-Python diff-match-patch
    (diff_main + cleanupSemantic, its default 1 s limit), the C++ semantic diff alone."""
    import diff_match_patch
    import fast_diff_match_patch

    from lib.align.metrics import words
    from lib.analysis.answer import analyze_answer

    import gc

    reference_words = {r: len(words(r)) for r in {r for r, _ in pairs}}  # once per sample, as the analysis does
    dmp = diff_match_patch.diff_match_patch()
    clock = time.perf_counter
    costs: dict[str, list[float]] = {"ours": [], "pure_dmp": [], "cpp": []}
    analyze_answer(*pairs[0])  # word lists and caches loaded before the clock runs
    gc.collect()
    gc.disable()  # as lib.analysis.dataset does; a collection inside one pair's timing is not its cost
    for reference, answer in pairs:
        started = clock()
        analyze_answer(reference, answer, "", reference_words=reference_words[reference])
        costs["ours"].append(clock() - started)
    for reference, answer in pairs:
        started = clock()
        diffs = dmp.diff_main(reference, answer)
        dmp.diff_cleanupSemantic(diffs)
        costs["pure_dmp"].append(clock() - started)
    for reference, answer in pairs:
        started = clock()
        fast_diff_match_patch.diff(reference, answer, cleanup="Semantic")
        costs["cpp"].append(clock() - started)
    gc.enable()
    return costs


def long_vs_short() -> dict:
    """A 50,000-character answer with three edits against a 500-character one with three edits."""
    from bench.generate import _sentence
    from lib.analysis.answer import analyze_answer

    rng = random.Random(5)

    def text(chars: int) -> str:
        out = []
        while sum(len(s) + 1 for s in out) < chars:
            out.append(_sentence(rng))
        return " ".join(out)

    def three_edits(reference: str) -> str:
        words = reference.split(" ")
        for k in (len(words) // 5, len(words) // 2, 4 * len(words) // 5):
            words[k] = words[k][::-1] if len(words[k]) > 3 else words[k] + "s"
        return " ".join(words)

    out = {}
    for name, chars in (("short", 500), ("long", 50_000)):
        reference = text(chars)
        answer = three_edits(reference)
        costs = []
        for _ in range(15):
            started = time.perf_counter()
            analyze_answer(reference, answer)
            costs.append(time.perf_counter() - started)
        out[f"{name}_answer_ms"] = round(statistics.median(costs) * 1000, 3)
    out["long_vs_short_cost"] = round(out["long_answer_ms"] / out["short_answer_ms"], 2)
    return out
