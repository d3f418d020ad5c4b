"""TP/FP/FN and the precision, recall and F0.5 read off them.

`compare_m2` reports P = 1.0 for a system that proposed nothing; here an undefined ratio is None
(shown "—"): a model that changed nothing has not been precise, it has not tried. F0.5 follows
compare_m2 wherever both are defined, and is 0 when nothing was fixed but something was proposed
or missed. With nothing proposed and nothing to fix it is None too (compare_m2 would say 1.0).
"""
from __future__ import annotations

from dataclasses import dataclass

# GEC weighs precision twice as much as recall: a wrong "fix" costs a reader more than a miss.
BETA = 0.5


@dataclass(frozen=True)
class Counts:
    tp: int = 0   # answer edits that match a reference edit (span and correction)
    fp: int = 0   # answer edits that match none
    fn: int = 0   # reference edits the answer did not make

    def __add__(self, other: "Counts") -> "Counts":
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f05(self) -> float | None:
        return f_beta(self.tp, self.fp, self.fn)

    def to_json(self) -> dict:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": _round(self.precision),
                "recall": _round(self.recall), "f05": _round(self.f05)}


def f_beta(tp: int, fp: int, fn: int, beta: float = BETA) -> float | None:
    if tp == 0:
        return 0.0 if (fp or fn) else None
    p, r = tp / (tp + fp), tp / (tp + fn)
    return (1 + beta * beta) * p * r / (beta * beta * p + r)


def m2_f(tp: int, fp: int, fn: int, beta: float = BETA) -> float:
    """compare_m2's own F (P and R are 1.0 when their denominators' FP/FN are 0): used only to pick
    a reference exactly as compare_m2 does."""
    p = tp / (tp + fp) if fp else 1.0
    r = tp / (tp + fn) if fn else 1.0
    return (1 + beta * beta) * p * r / (beta * beta * p + r) if p + r else 0.0


def ratio_text(value: float | None, digits: int = 3) -> str:
    """ "0.667", or "—" when the ratio is undefined (never 0 or 1 made up for it)."""
    return "—" if value is None else f"{value:.{digits}f}"


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)
