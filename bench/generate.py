"""A seeded, realistic synthetic results table for the benchmark.

References are 500–1,500 characters of English prose built from a vocabulary and sentence
templates (numbers, percentages, " -- " asides, quotes, parentheses); ~5% are Chinese and ~5% mix
Chinese and English. Each model answers every sample with its own habits: typos, dropped
articles, swapped prepositions, typographic punctuation ("--" → "—", "," → "，"), a chatty
preamble, trailing commentary, truncation, a whole answer in another language, a reworded clause.
About 20% of answers are exact. Same (samples, models, seed) → the same table, byte for byte.
"""
from __future__ import annotations

import random
from pathlib import Path

import pandas as pd

# Bump when the output changes, so cached CSVs (bench/__main__.py) are regenerated.
VERSION = 2

SUBJECTS = [
    "the model", "our method", "the baseline", "this approach", "the system", "the proposed network",
    "a small transformer", "the retrieval module", "each annotator", "the evaluation", "the decoder",
    "the training set", "this benchmark", "the tokenizer", "the larger variant", "the reward model",
    "the distilled student", "the committee of reviewers", "the survey", "the city council", "the library",
    "the research team", "the new policy", "the pilot study", "the control group", "the software update",
]
VERBS = [
    "improves", "reduces", "outperforms", "matches", "depends on", "generalizes to", "struggles with",
    "benefits from", "is robust to", "underestimates", "captures", "ignores", "amplifies", "predicts",
    "was designed around", "has little effect on", "changes", "explains", "largely determines", "overlooks",
]
OBJECTS = [
    "the accuracy of downstream tasks", "long-range dependencies", "rare words in the corpus",
    "the noise in human labels", "a wide range of domains", "the scaling behaviour of the loss",
    "the cost of inference", "spurious correlations", "out-of-distribution inputs",
    "the quality of the summaries", "the number of parameters", "errors in the references",
    "the opening hours of the museum", "the budget for the next year", "the reading habits of students",
    "the response time of the service", "the length of the answers", "the way people search for information",
]
TAILS = [
    "in most settings", "on every benchmark we tried", "by a large margin", "at a fraction of the cost",
    "when the data is scarce", "across {n} languages", "in the zero-shot setting",
    "after {n} epochs of training", "for sequences longer than {big} tokens", "with only {pct}% of the data",
    "during the first {n} weeks", "in {year}", "on a single GPU", "without any manual tuning",
]
CONNECTORS = [
    "However,", "Moreover,", "In contrast,", "As a result,", "Surprisingly,", "In this paper,",
    "We also find that", "Finally,", "At the same time,", "For example,", "In practice,", "To our surprise,",
]
ASIDES = [
    "-- regardless of the metric --", "-- as expected --", "-- at least in our experiments --",
    "(see Table {n})", "(Section {n}.{m})", "(p < 0.0{n})",
]
QUOTES = [
    'which the authors call "{w}"', 'a setting often described as "{w}"', 'what reviewers labelled "{w}"',
]
QUOTED = ["emergent", "good enough", "shortcut learning", "the long tail", "catastrophic forgetting", "noisy"]
CHINESE = [
    "我们发现模型在大多数任务上表现良好。", "这种方法显著降低了推理成本。", "实验结果表明，预训练损失决定了涌现能力。",
    "在低资源语言上，模型的效果明显下降。", "人工标注中的噪声会影响评估结果。", "我们在十二种语言上验证了这一结论。",
    "与基线相比，该系统的准确率提高了百分之五。", "然而，较大的模型并不总是更好。", "这一现象在长文本中尤为明显。",
    "研究团队收集了两千份问卷，并进行了详细分析。", "图书馆将在明年延长开放时间。", "此外，我们还比较了不同的解码策略。",
]
# What a model writes instead of an English reference when it answers in Chinese.
CHINESE_ANSWER = CHINESE
ENGLISH_ANSWER = ["The results show that the model performs well on most tasks.",
                  "This method greatly reduces the cost of inference.", "However, larger models are not always better."]
TYPOS = {"the": "teh", "model": "modle", "receive": "recieve", "accuracy": "acuracy", "language": "langauge",
         "languages": "langauges", "results": "resutls", "training": "trainning", "which": "wich",
         "performance": "perfomance", "between": "betwen", "necessary": "neccessary", "budget": "budjet",
         "separate": "seperate", "approach": "aproach", "system": "sytem"}
PREAMBLES = ["Here is the corrected text:\n\n", "Sure! Here is the text with the misspellings corrected:\n\n",
             "Corrected version:\n", "Certainly. Below is the revised passage.\n\n", "以下是修改后的文本：\n"]
NOTES = ["\n\nNote: I only corrected the spelling.", "\n\n(I fixed two typos and left the rest unchanged.)",
         "\n\nChanges made: corrected misspellings.", "\n\nLet me know if you want a more formal tone!"]
PREPS = [(" in ", " on "), (" on ", " in "), (" of ", " for "), (" to ", " for "), (" at ", " in "),
         (" for ", " to "), (" with ", " by ")]
REWORDS = [("by a large margin", "by a wide margin"), ("in most settings", "in the majority of settings"),
           ("However,", "But"), ("As a result,", "Consequently,"), ("Moreover,", "In addition,"),
           ("has little effect on", "barely affects"), ("struggles with", "has difficulty with"),
           ("at a fraction of the cost", "much more cheaply"), ("For example,", "For instance,")]
MODEL_NAMES = ["gpt-4o", "claude-3.5-sonnet", "qwen2.5-72b", "llama-3.1-70b", "mistral-large", "gemini-1.5-pro",
               "deepseek-v2.5", "yi-34b", "glm-4", "command-r-plus", "phi-3-medium", "gemma-2-27b",
               "mixtral-8x22b", "internlm2.5-20b", "baichuan2-13b", "falcon-40b"]


def _fill(template: str, rng: random.Random) -> str:
    return template.format(n=rng.randint(2, 12), m=rng.randint(1, 9), big=rng.choice([512, 1024, 2048, 4096]),
                           pct=rng.choice([5, 10, 12.5, 25, 40]), year=rng.randint(2015, 2024),
                           w=rng.choice(QUOTED))


def _sentence(rng: random.Random) -> str:
    s = f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)}"
    r = rng.random()
    if r < 0.15:
        s += " " + _fill(rng.choice(ASIDES), rng)
    elif r < 0.25:
        s += ", " + _fill(rng.choice(QUOTES), rng) + ","
    s += " " + _fill(rng.choice(TAILS), rng)
    if rng.random() < 0.15:
        s += f", and {rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)}"
    if rng.random() < 0.35:
        s = f"{rng.choice(CONNECTORS)} {s}"
    s = s[0].upper() + s[1:]
    return s + ("?" if rng.random() < 0.03 else ".")


def reference_text(rng: random.Random) -> str:
    """English prose of 500–1,500 characters; ~5% Chinese (250–700 characters), ~5% mixed."""
    kind = rng.random()
    if kind < 0.05:
        target = rng.randint(250, 700)
        out = ""
        while len(out) < target:
            out += rng.choice(CHINESE)
        return out
    mixed = kind < 0.10
    target = rng.randint(500, 1500)
    parts: list[str] = []
    while True:
        part = rng.choice(CHINESE) if mixed and rng.random() < 0.4 else _sentence(rng)
        if parts and sum(len(p) + 1 for p in parts) + len(part) > target:
            break
        parts.append(part)
    return " ".join(parts)


def _edit_words(text: str, rng: random.Random, n: int, edit) -> str:
    words = text.split(" ")
    for _ in range(n):
        i = rng.randrange(len(words))
        words[i] = edit(words[i], rng)
    return " ".join(words)


def _typo(word: str, rng: random.Random) -> str:
    core = word.strip('.,?"()')
    if not core:
        return word
    if core.lower() in TYPOS:
        typo = TYPOS[core.lower()]
        return word.replace(core, typo.capitalize() if core[0].isupper() else typo, 1)
    if len(core) > 3 and core.isalpha():
        i = rng.randrange(1, len(core) - 2)
        kind = rng.random()
        if kind < 0.5:  # swapped letters
            new = core[:i] + core[i + 1] + core[i] + core[i + 2:]
        elif kind < 0.75:  # dropped letter
            new = core[:i] + core[i + 1:]
        else:  # doubled letter
            new = core[:i] + core[i] + core[i:]
        return word.replace(core, new, 1)
    return word


def _change_something(answer: str, rng: random.Random) -> str:
    """Guarantee a difference (a typo, or for Chinese a dropped character)."""
    for _ in range(5):
        edited = _edit_words(answer, rng, 1, _typo)
        if edited != answer:
            return edited
    i = rng.randrange(len(answer)) if answer else 0
    return answer[:i] + answer[i + 1:] if len(answer) > 1 else answer + "."


def answer_text(reference: str, profile: dict[str, float], rng: random.Random) -> str:
    """One model's answer: the reference with this model's habitual mistakes."""
    if rng.random() < profile["exact"]:
        return reference
    if rng.random() < profile["other_language"]:
        chinese_ref = sum("\u4e00" <= c <= "\u9fff" for c in reference) > len(reference) / 3
        pool = ENGLISH_ANSWER if chinese_ref else CHINESE_ANSWER
        size = len(reference) // (60 if chinese_ref else 25)
        return (" " if chinese_ref else "").join(rng.choice(pool) for _ in range(max(2, size)))
    answer = reference
    if rng.random() < profile["typo"]:
        answer = _edit_words(answer, rng, rng.randint(1, 4), _typo)
    if rng.random() < profile["article"]:
        answer = answer.replace(rng.choice([" the ", " a ", " The "]), " ", rng.randint(1, 3))
    if rng.random() < profile["prep"]:
        old, new = rng.choice(PREPS)
        answer = answer.replace(old, new, rng.randint(1, 2))
    if rng.random() < profile["punct"]:
        answer = answer.replace(" -- ", "—").replace(" --", "—").replace(", ", "，", rng.randint(1, 3))
        answer = answer.replace('"', "“", 1).replace('"', "”", 1)
    if rng.random() < profile["reword"]:
        old, new = rng.choice(REWORDS)
        answer = answer.replace(old, new, 1)
        if rng.random() < 0.3:  # a whole sentence said differently
            sentences = answer.split(". ")
            i = rng.randrange(len(sentences))
            sentences[i] = f"In other words, {rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)}"
            answer = ". ".join(sentences)
    if rng.random() < profile["truncate"]:
        answer = answer[: int(len(answer) * rng.uniform(0.3, 0.85))]
    if rng.random() < profile["preamble"]:
        answer = rng.choice(PREAMBLES) + answer
    if rng.random() < profile["notes"]:
        answer += rng.choice(NOTES)
    if answer == reference:  # no habit fired: still not exact, so exact answers stay ~20%
        answer = _change_something(answer, rng)
    return answer


def model_profiles(models: int, rng: random.Random) -> dict[str, dict[str, float]]:
    """Each model's habits: how often it makes each kind of change (so per-model charts differ)."""
    names = [MODEL_NAMES[i % len(MODEL_NAMES)] + (f"-v{i // len(MODEL_NAMES) + 1}" if i >= len(MODEL_NAMES) else "")
             for i in range(models)]
    profiles = {}
    for name in names:
        profiles[name] = {
            "exact": rng.uniform(0.12, 0.28), "other_language": rng.choice([0.0, 0.0, 0.01, 0.03, 0.08]),
            "typo": rng.uniform(0.1, 0.7), "article": rng.uniform(0.05, 0.5), "prep": rng.uniform(0.05, 0.4),
            "punct": rng.choice([0.0, 0.05, 0.3, 0.7]), "reword": rng.uniform(0.0, 0.35),
            "truncate": rng.choice([0.0, 0.01, 0.05, 0.1]), "preamble": rng.choice([0.0, 0.0, 0.1, 0.5]),
            "notes": rng.choice([0.0, 0.05, 0.2]),
        }
    return profiles


def generate(samples: int = 2000, models: int = 16, seed: int = 7) -> pd.DataFrame:
    """Long table: sample_id, model, answer, reference (samples × models rows), reproducible by seed."""
    rng = random.Random(seed)
    profiles = model_profiles(models, rng)
    rows = []
    for s in range(samples):
        reference = reference_text(rng)
        for name, profile in profiles.items():
            rows.append((f"s{s:06d}", name, answer_text(reference, profile, rng), reference))
    return pd.DataFrame(rows, columns=["sample_id", "model", "answer", "reference"])


def write_csv(path: Path | str, samples: int = 2000, models: int = 16, seed: int = 7) -> Path:
    """Write the table as UTF-8 CSV (via a temporary name, so an interrupted run leaves no half file)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    generate(samples, models, seed).to_csv(partial, index=False)
    partial.replace(path)
    return path
