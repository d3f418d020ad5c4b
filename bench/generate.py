"""Seeded synthetic results tables, in two workloads.

- "near" (what users load: models mostly agree with the reference): references of 200–3,000
  characters, answers that are the reference with one to four of the edits real models make
  (a typo, a dropped article, a swapped preposition, a dash or comma, a changed case, a reworded
  phrase), now and then a preamble, a note or a cut-off end; ~20% exact.
- "mixed" (the stress case): references of 500–1,500 characters, answers with many habits at
  once, truncation, rewording and answers in another language, a different profile per model.
"""
from __future__ import annotations

import random
from pathlib import Path

import pandas as pd

SUBJECTS = ["the model", "our method", "the baseline", "this approach", "the system", "the proposed network",
            "a small transformer", "the retrieval module", "each annotator", "the evaluation", "the decoder",
            "the training set", "this benchmark", "the tokenizer", "the larger variant"]
VERBS = ["improves", "reduces", "outperforms", "matches", "depends on", "generalizes to", "struggles with",
         "benefits from", "is robust to", "underestimates", "captures", "ignores", "amplifies", "predicts"]
OBJECTS = ["the accuracy of downstream tasks", "long-range dependencies", "rare words in the corpus",
           "the noise in human labels", "a wide range of domains", "the scaling behaviour of the loss",
           "the cost of inference", "spurious correlations", "out-of-distribution inputs",
           "the quality of the summaries", "the number of parameters", "errors in the references"]
TAILS = ["in most settings", "on every benchmark we tried", "by a large margin", "at a fraction of the cost",
         "when the data is scarce", "across 12 languages", "-- regardless of the metric --",
         "in the zero-shot setting", "after 3 epochs of training", "for sequences longer than 512 tokens"]
CONNECTORS = ["However,", "Moreover,", "In contrast,", "As a result,", "Surprisingly,", "In this paper,",
              "We also find that", "Finally,"]
CHINESE = ["我们发现模型在大多数任务上表现良好。", "这种方法降低了推理成本。", "实验结果表明，预训练损失决定了涌现能力。",
           "在低资源语言上，模型的效果明显下降。", "人工标注中的噪声会影响评估结果。", "我们在十二种语言上验证了这一结论。"]
TYPOS = {"the": "teh", "model": "modle", "receive": "recieve", "accuracy": "acuracy", "language": "langauge",
         "results": "resutls", "training": "trainning", "which": "wich", "performance": "perfomance"}
PREAMBLES = ["Here is the corrected text:\n\n", "Sure! Here is the text with the misspellings corrected:\n\n",
             "Corrected version:\n", "以下是修改后的文本：\n"]
NOTES = ["\n\nNote: I only corrected the spelling.", "\n\n(I fixed two typos and left the rest unchanged.)",
         "\n\nChanges made: corrected misspellings."]
PREPS = {" in ": " on ", " on ": " in ", " of ": " for ", " to ": " for ", " at ": " in "}


def _sentence(rng: random.Random) -> str:
    s = f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(TAILS)}."
    if rng.random() < 0.4:
        s = f"{rng.choice(CONNECTORS)} {s}"
    return s[0].upper() + s[1:]


def reference_text(rng: random.Random) -> str:
    """English prose of 500–1,500 characters; ~10% Chinese or mixed."""
    target = rng.randint(500, 1500)
    if rng.random() < 0.05:
        out = ""
        while len(out) < target // 3:
            out += rng.choice(CHINESE)
        return out
    parts: list[str] = []
    while sum(len(p) + 1 for p in parts) < target:
        parts.append(_sentence(rng) if rng.random() > 0.05 else rng.choice(CHINESE))
    return " ".join(parts)


def _edit_words(text: str, rng: random.Random, n: int, edit) -> str:
    words = text.split(" ")
    for _ in range(n):
        if len(words) > 2:
            i = rng.randrange(len(words))
            words[i] = edit(words[i], rng)
    return " ".join(w for w in words if w is not None)


def _typo(word: str, rng: random.Random) -> str:
    core = word.strip(".,")
    if core.lower() in TYPOS:
        return word.replace(core, TYPOS[core.lower()])
    if len(core) > 4:
        i = rng.randrange(1, len(core) - 2)
        return word.replace(core, core[:i] + core[i + 1] + core[i] + core[i + 2:], 1)
    return word


def answer_text(reference: str, profile: dict[str, float], rng: random.Random) -> str:
    """One model's answer: the reference with this model's habitual mistakes."""
    if rng.random() < profile["exact"]:
        return reference
    if rng.random() < profile["other_language"]:
        return "".join(rng.choice(CHINESE) for _ in range(max(3, len(reference) // 60)))
    answer = reference
    if rng.random() < profile["typo"]:
        answer = _edit_words(answer, rng, rng.randint(1, 3), _typo)
    if rng.random() < profile["article"]:
        answer = answer.replace(" the ", " ", rng.randint(1, 2))
    if rng.random() < profile["prep"]:
        old, new = rng.choice(list(PREPS.items()))
        answer = answer.replace(old, new, 1)
    if rng.random() < profile["punct"]:
        answer = answer.replace(" -- ", "—").replace(", ", "，", 1)
    if rng.random() < profile["reword"]:
        answer = answer.replace(rng.choice(TAILS), rng.choice(TAILS), 1)
    if rng.random() < profile["truncate"]:
        answer = answer[: int(len(answer) * rng.uniform(0.4, 0.8))]
    if rng.random() < profile["preamble"]:
        answer = rng.choice(PREAMBLES) + answer
    if rng.random() < profile["notes"]:
        answer += rng.choice(NOTES)
    if answer == reference:  # no habit fired: at least a typo, so exact answers stay ~20%
        answer = _edit_words(answer, rng, 1, _typo) if len(answer.split(" ")) > 2 else answer + " "
    return answer


def model_profiles(models: int, rng: random.Random) -> dict[str, dict[str, float]]:
    names = [f"model-{i:02d}" for i in range(models)]
    profiles = {}
    for name in names:
        profiles[name] = {
            "exact": rng.uniform(0.12, 0.28), "other_language": rng.choice([0.0, 0.0, 0.02, 0.08]),
            "typo": rng.uniform(0.1, 0.6), "article": rng.uniform(0.1, 0.5), "prep": rng.uniform(0.05, 0.4),
            "punct": rng.uniform(0.0, 0.5), "reword": rng.uniform(0.0, 0.3), "truncate": rng.choice([0.0, 0.01, 0.05]),
            "preamble": rng.choice([0.0, 0.0, 0.1, 0.5]), "notes": rng.choice([0.0, 0.05, 0.2]),
        }
    return profiles


# ---- the near-reference workload -------------------------------------------------------------

def near_reference_text(rng: random.Random) -> str:
    """English prose of 200–3,000 characters (short ones most common), one in ten with a Chinese
    sentence, one in twenty-five all Chinese."""
    target = int(200 * 15 ** rng.random())  # log-uniform: 200 … 3,000
    if rng.random() < 0.04:
        out = ""
        while len(out) < target // 3:
            out += rng.choice(CHINESE)
        return out
    mixed = rng.random() < 0.1
    parts: list[str] = []
    while sum(len(p) + 1 for p in parts) < target:
        parts.append(rng.choice(CHINESE) if mixed and rng.random() < 0.15 else _sentence(rng))
    return " ".join(parts)


def _near_edit(answer: str, rng: random.Random) -> str:
    """One small edit somewhere in the text, of the kinds models make."""
    kind = rng.random()
    if answer and not answer.isascii() and kind < 0.5:  # Chinese: one character swapped or dropped
        cjk = [i for i, c in enumerate(answer) if "\u4e00" <= c <= "\u9fff"]
        if cjk:
            i = rng.choice(cjk)
            return answer[:i] + (rng.choice("的了是在和有") if rng.random() < 0.7 else "") + answer[i + 1:]
    if kind < 0.35:
        return _edit_words(answer, rng, 1, _typo)
    words = answer.split(" ")
    if len(words) < 3:
        return answer + "."
    i = rng.randrange(len(words))
    if kind < 0.5:  # a dropped or added article
        if words[i].lower() in ("the", "a", "an"):
            del words[i]
        else:
            words.insert(i, "the")
    elif kind < 0.62:  # a swapped preposition
        preps = [k for k, w in enumerate(words) if f" {w} " in PREPS]
        if preps:
            k = rng.choice(preps)
            words[k] = PREPS[f" {words[k]} "].strip()
    elif kind < 0.74:  # punctuation: a comma dropped or added, a dash
        w = words[i]
        words[i] = w[:-1] if w.endswith(",") else (w + "," if w[-1:].isalpha() else w)
        if "--" in answer and rng.random() < 0.3:
            return " ".join(words).replace(" -- ", "—", 1)
    elif kind < 0.82:  # case
        words[i] = words[i].capitalize() if words[i][:1].islower() else words[i].lower()
    else:  # a reworded phrase of one to three words
        n = rng.randint(1, 3)
        words[i:i + n] = rng.choice([["significantly"], ["in", "practice"], ["as", "a", "rule"], ["often"],
                                     ["clearly"], ["to", "some", "extent"]])
    return " ".join(words)


def near_answer_text(reference: str, rng: random.Random, exact: float) -> str:
    """The reference with one to four small edits (none for an exact answer); a few answers also
    have a lead-in, a trailing note or a cut-off end."""
    if rng.random() < exact:
        return reference
    answer = reference
    for _ in range(rng.choice((1, 1, 1, 2, 2, 3, 4))):
        answer = _near_edit(answer, rng)
    roll = rng.random()
    if roll < 0.03:
        answer = rng.choice(PREAMBLES) + answer
    elif roll < 0.05:
        answer += rng.choice(NOTES)
    elif roll < 0.06:
        answer = answer[: int(len(answer) * rng.uniform(0.6, 0.9))]
    return answer if answer != reference else reference + " "


WORKLOADS = ("near", "mixed")


def generate(samples: int = 2000, models: int = 16, seed: int = 7, workload: str = "mixed") -> pd.DataFrame:
    """Long table: sample_id, model, answer, reference (samples × models rows), reproducible by seed."""
    if workload not in WORKLOADS:
        raise ValueError(f"workload must be one of {WORKLOADS}, not {workload!r}")
    rng = random.Random(seed)
    profiles = model_profiles(models, rng)
    rows = []
    for s in range(samples):
        reference = near_reference_text(rng) if workload == "near" else reference_text(rng)
        for name, profile in profiles.items():
            answer = (near_answer_text(reference, rng, profile["exact"]) if workload == "near"
                      else answer_text(reference, profile, rng))
            rows.append((f"s{s:06d}", name, answer, reference))
    return pd.DataFrame(rows, columns=["sample_id", "model", "answer", "reference"])


def write_csv(path: Path, samples: int = 2000, models: int = 16, seed: int = 7, workload: str = "mixed") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    generate(samples, models, seed, workload).to_csv(path, index=False)
    return path
