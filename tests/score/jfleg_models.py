"""Synthetic proofreading "models" on JFLEG's dev pairs (../shared/gec/jfleg_dev.jsonl): each applies
a seeded subset of ERRANT's gold edits to the source, plus known wrong edits on words that source
and reference share. Plain Python, no Redline imports: `errant_check.py` runs the same models
through real ERRANT in a throwaway venv to get the compare_m2 counts the tests compare with.
"""
from __future__ import annotations

import json
import random
import zlib
from pathlib import Path

PAIRS = Path(__file__).resolve().parents[2].parent / "shared" / "gec" / "jfleg_dev.jsonl"

# name: (share of the gold edits applied, wrong edits added)
MODELS: dict[str, tuple[float, int]] = {
    "perfect": (1.0, 0), "r90": (0.9, 0), "r70": (0.7, 0), "r30": (0.3, 0), "copy": (0.0, 0),
    "r90+2": (0.9, 2), "r70+1": (0.7, 1), "r50+1": (0.5, 1), "r20+1": (0.2, 1),
}
WRONG_KINDS = ("typo", "insert", "delete")


def load_pairs(path: Path = PAIRS) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def apply_edits(source: str, reference: str, chosen: list[dict], edits: list[dict]) -> str:
    """The reference with the unchosen ERRANT edits undone (their source text put back, with the
    source's spacing), whitespace runs squeezed."""
    ids = {id(e) for e in chosen}
    out: list[str] = []
    rpos = 0
    for e in sorted(edits, key=lambda e: (e["reference"], e["answer"])):
        (a0, a1), (r0, r1) = e["answer"], e["reference"]
        out.append(reference[rpos:r0])
        if id(e) in ids:
            out.append(reference[r0:r1])
        elif a1 > a0:
            text, so_far = source[a0:a1], "".join(out)
            if a0 > 0 and source[a0 - 1].isspace() and so_far and not so_far[-1].isspace():
                text = " " + text
            after = reference[r1:r1 + 1]
            if a1 < len(source) and source[a1].isspace() and after and not after.isspace():
                text += " "
            out.append(text)
        rpos = r1
    out.append(reference[rpos:])
    return " ".join("".join(out).split())


def add_wrong_edit(text: str, source: str, reference: str, rnd: random.Random, kind: str) -> tuple[str, int]:
    """One wrong edit on a word of 4+ letters that source and reference both keep."""
    words = text.split(" ")
    kept = set(source.split(" ")) & set(reference.split(" "))
    spots = [i for i, w in enumerate(words) if w.isalpha() and len(w) >= 4 and w in kept]
    if not spots:
        return text, 0
    i = rnd.choice(spots)
    if kind == "typo":
        words[i] = words[i][:-1] + "x" + words[i][-1]
    elif kind == "insert":
        words.insert(i, "very")
    else:
        del words[i]
    return " ".join(words), 1


def model_answers(pair: dict) -> dict[str, tuple[str, tuple[int, int, int]]]:
    """model → (answer, (gold edits applied, wrong edits, gold edits left)) for one pair."""
    out = {}
    for name, (rate, wrong) in MODELS.items():
        rnd = random.Random(zlib.crc32(f"{name}|{pair['id']}".encode()))
        chosen = [e for e in pair["errant"] if rnd.random() < rate]
        answer = apply_edits(pair["answer"], pair["reference"], chosen, pair["errant"])
        made = 0
        for k in range(wrong):
            answer, ok = add_wrong_edit(answer, pair["answer"], pair["reference"], rnd, WRONG_KINDS[k % 3])
            made += ok
        out[name] = (answer, (len(chosen), made, len(pair["errant"]) - len(chosen)))
    return out
