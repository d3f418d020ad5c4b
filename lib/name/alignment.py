"""Align the words of one change block the way ERRANT does (errant/alignment.py): a
Damerau-Levenshtein alignment whose substitution cost is linguistic. Same lemma, same part of
speech and similar letters make a substitution cheap, so "fact" pairs with "facts" and "the" is
an insertion; a reordering of up to six words is one transposition.
"""
from __future__ import annotations

from functools import lru_cache

from lib.name.lexicon import OPEN, indel, lemmas, normal


@lru_cache(maxsize=65536)
def sub_cost(o: str, c: str, o_pos: str, c_pos: str) -> float:
    if normal(o) == normal(c):
        return 0.0
    lemma = 0.0 if lemmas(o) & lemmas(c) else 0.499
    kind = 0.0 if o_pos == c_pos else 0.25 if o_pos in OPEN and c_pos in OPEN else 0.5
    return lemma + kind + indel(o, c)


def align(o: list[str], c: list[str], op_: list[str], cp: list[str]) -> list[tuple[str, int, int, int, int]]:
    """ERRANT's Damerau-Levenshtein alignment: (M|S|D|I|T, o_start, o_end, c_start, c_end) in order."""
    n, m = len(o), len(c)
    ol, cl = [normal(t) for t in o], [normal(t) for t in c]
    cost = [[0.0] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[str, int]]] = [[("M", 1)] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        cost[i][0], back[i][0] = float(i), ("D", 1)
    for j in range(1, m + 1):
        cost[0][j], back[0][j] = float(j), ("I", 1)
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            if o[i - 1] == c[j - 1]:
                cost[i][j], back[i][j] = cost[i - 1][j - 1], ("M", 1)
                continue
            best, choice = float("inf"), ("S", 1)
            # Transposition: the last k words of each side are the same words reordered (cheap
            # test first: each side's last word must occur among the other's last few).
            if ol[i - 1] in cl[max(0, j - 6):j - 1] and cl[j - 1] in ol[max(0, i - 6):i - 1]:
                k = 2
                while k <= min(i, j, 6) and sorted(ol[i - k:i]) != sorted(cl[j - k:j]):
                    k += 1
                if k <= min(i, j, 6) and ol[i - k:i] != cl[j - k:j]:
                    best, choice = cost[i - k][j - k] + k - 1, ("T", k)
            for value, step in ((cost[i - 1][j - 1] + sub_cost(o[i - 1], c[j - 1], op_[i - 1], cp[j - 1]), ("S", 1)),
                                (cost[i][j - 1] + 1, ("I", 1)), (cost[i - 1][j] + 1, ("D", 1))):
                if value < best:
                    best, choice = value, step
            cost[i][j], back[i][j] = best, choice
    seq = []
    i, j = n, m
    while i > 0 or j > 0:
        op, k = back[i][j]
        di, dj = {"M": (k, k), "S": (1, 1), "T": (k, k), "D": (1, 0), "I": (0, 1)}[op]
        if op == "S" and normal(o[i - 1]) == normal(c[j - 1]):
            op = "S"  # a case change is a substitution, not a match
        seq.append((op, i - di, i, j - dj, j))
        i, j = i - di, j - dj
    return seq[::-1]
