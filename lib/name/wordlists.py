"""Closed-class English words and a real-word check, for naming edits without a POS tagger.

The closed classes are small and stable, so they are data here; the open vocabulary comes from
pyspellchecker's English frequency list, which ships inside the wheel (nothing downloaded).
Possessive determiners (my, their, …) are listed as determiners, not pronouns: an edit
"their → the" is then R:DET, the reading ERRANT's UD-based tags give for it most often.
"""
from __future__ import annotations

from functools import lru_cache

# Quantifiers that spaCy tags as adjectives or adverbs (much, more, most, less, either, enough) are
# left out, so an added "more" is OTHER, as ERRANT names it.
DETERMINERS = frozenset(
    "a an the this that these those my your his her its our their some any no every each neither "
    "all both half several many few little such what whatever which whichever another other".split()
)
# Subordinating conjunctions (because, although, if, while…) are prepositions here, as in ERRANT,
# whose part-of-speech map files spaCy's SCONJ under PREP; CONJ is the coordinating ones.
PREPOSITIONS = frozenset(
    "about above across after against along amid among amongst around as at before behind below beneath beside "
    "besides between beyond by concerning despite down during except for from in inside into like near of off "
    "on onto opposite out outside over past per regarding round since than through throughout till to toward "
    "towards under underneath unlike until up upon via with within without "
    "because although though while whereas if unless whether once whenever wherever lest".split()
)
# Someone, something, nothing… are nouns to ERRANT (Penn tag NN): not listed.
PRONOUNS = frozenset(
    "i me mine myself you yours yourself yourselves he him himself she hers herself it itself we us ours ourselves "
    "they them theirs themselves one oneself who whom whose whoever".split()
)
CONJUNCTIONS = frozenset("and or nor but yet and/or".split())
PARTICLES = frozenset("to not up off out down over away back".split())
# Chinese function characters: a one-character edit among them is a grammar slip (的 → 地 is
# R:PART, 和 → 与 R:CONJ), not a misspelling. Only single characters: Chinese edits are per character.
CJK_DETERMINERS = frozenset("这 那 每 各 某 该 本 此 诸".split())
CJK_PREPOSITIONS = frozenset("在 于 从 对 向 往 把 被 给 为 以 由 自 朝 比 按 距 离 沿 替".split())
CJK_PRONOUNS = frozenset("我 你 您 他 她 它 谁 其 咱 俺 彼 之".split())
CJK_CONJUNCTIONS = frozenset("和 与 及 并 而 或 但 且 跟 同 若 虽 则 因 故".split())
CJK_PARTICLES = frozenset("的 地 得 了 着 过 吗 呢 吧 啊 呀 嘛 所 们 之".split())
# Characters whose swap changes what the text says rather than how it is spelled: numbers,
# negations and opposites. 三 → 两 or 上 → 下 is a changed fact (OTHER), like 2023 → 2024.
CJK_NUMERALS = frozenset("零 〇 一 二 两 三 四 五 六 七 八 九 十 百 千 万 亿 半 几 双".split())
CJK_NEGATIONS = frozenset("不 没 无 非 未 别 勿 莫 否".split())
CJK_OPPOSITES = frozenset(
    tuple(pair) for pair in
    "大小 上下 多少 高低 长短 前后 左右 增减 升降 有无 好坏 新旧 早晚 快慢 轻重 远近 内外 正负 真假 进退 开关 "
    "买卖 出入 来去 生死 男女 老少 冷热 强弱 胜负 东西 南北 先后 首末 涨跌 加减 优劣 难易 明暗 深浅 宽窄 粗细 厚薄 "
    "是否 对错 得失 始终 收支".split()
)
CONTRACTIONS: dict[str, str] = {
    "n't": "not", "'s": "is", "'re": "are", "'ve": "have", "'ll": "will", "'d": "would", "'m": "am",
    "can't": "can not", "cannot": "can not", "won't": "will not", "shan't": "shall not", "ain't": "am not",
    "let's": "let us",
}
# Checked in this order: the first class that holds both sides names the edit.
CLOSED_CLASSES: tuple[tuple[str, frozenset[str]], ...] = (
    ("DET", DETERMINERS | CJK_DETERMINERS), ("PREP", PREPOSITIONS | CJK_PREPOSITIONS),
    ("PRON", PRONOUNS | CJK_PRONOUNS), ("CONJ", CONJUNCTIONS | CJK_CONJUNCTIONS), ("PART", PARTICLES | CJK_PARTICLES),
)


def is_meaning_swap(ref: str, ans: str) -> bool:
    """One Chinese character for another that changes the facts: a number, a negation, an opposite."""
    if ref in CJK_NUMERALS and ans in CJK_NUMERALS:
        return True
    if ref in CJK_NEGATIONS or ans in CJK_NEGATIONS:
        return True
    return (ref, ans) in CJK_OPPOSITES or (ans, ref) in CJK_OPPOSITES


@lru_cache(maxsize=1)
def _vocabulary():
    from spellchecker import SpellChecker  # loads its bundled list once (~0.3 s)

    return SpellChecker(language="en", distance=1).word_frequency


@lru_cache(maxsize=65536)
def is_known_word(word: str) -> bool:
    """True for a real English word (any case); hyphenated words count when every part is known."""
    w = word.casefold().strip("'’")
    if not w:
        return False
    vocabulary = _vocabulary()
    if w in vocabulary:
        return True
    parts = [p for p in w.replace("’", "'").split("-") if p]
    return len(parts) > 1 and all(p in vocabulary for p in parts)


@lru_cache(maxsize=65536)
def closed_classes(word: str) -> tuple[str, ...]:
    """Every closed class that holds `word`, in CLOSED_CLASSES order ("that" is DET and PRON)."""
    w = word.casefold()
    return tuple(name for name, words in CLOSED_CLASSES if w in words)


# Irregular inflections: ERRANT gets these from a lemmatiser; here a short list of the forms
# learners and models confuse most ("has → have", "went → go", "children → childs").
_IRREGULAR_LEMMAS: tuple[tuple[str, ...], ...] = (
    ("be", "am", "is", "are", "was", "were", "been", "being", "'m", "'re", "'s"),
    ("have", "has", "had", "having", "'ve", "'d"), ("do", "does", "did", "done", "doing"),
    ("go", "goes", "went", "gone"), ("see", "saw", "seen"), ("run", "ran", "runned"),
    ("come", "came"), ("take", "took", "taken"), ("give", "gave", "given"), ("get", "got", "gotten"),
    ("make", "made"), ("know", "knew", "known"), ("think", "thought"), ("say", "said", "says"),
    ("write", "wrote", "written"), ("eat", "ate", "eaten"), ("begin", "began", "begun"),
    ("bring", "brought", "brang"), ("buy", "bought"), ("teach", "taught", "teached"), ("find", "found"),
    ("leave", "left"), ("feel", "felt"), ("become", "became"), ("show", "shown"), ("speak", "spoke", "spoken"),
    ("child", "children", "childs"), ("man", "men", "mans"), ("woman", "women"), ("person", "people"),
    ("foot", "feet"), ("tooth", "teeth"), ("mouse", "mice"), ("phenomenon", "phenomena"),
    ("criterion", "criteria"), ("datum", "data"), ("analysis", "analyses"), ("good", "better", "best"),
    ("bad", "worse", "worst"),
)
_LEMMA = {form: forms[0] for forms in _IRREGULAR_LEMMAS for form in forms}
IRREGULAR_NOUNS = frozenset("child man woman person foot tooth mouse phenomenon criterion datum analysis".split())
IRREGULAR_VERBS = frozenset(forms[0] for forms in _IRREGULAR_LEMMAS) - IRREGULAR_NOUNS - {"good", "bad"}


def lemma_of(word: str) -> str | None:
    return _LEMMA.get(word.casefold())


def same_lemma(a: str, b: str) -> bool:
    """Two different irregular forms of one word ("was"/"were", "seen"/"saw", "child"/"children")."""
    a, b = a.casefold().replace("’", "'"), b.casefold().replace("’", "'")
    return a != b and a in _LEMMA and _LEMMA.get(a) == _LEMMA.get(b)




def expand_contractions(text: str) -> str:
    """'don't' → 'do not', "it's" → 'it is': two texts equal after this differ by contraction only."""
    out = []
    for word in text.casefold().replace("’", "'").split():
        if word in CONTRACTIONS:
            out.append(CONTRACTIONS[word])
            continue
        for suffix in ("n't", "'s", "'re", "'ve", "'ll", "'d", "'m"):
            if word.endswith(suffix) and len(word) > len(suffix):
                out.append(word[: -len(suffix)] + " " + CONTRACTIONS[suffix])
                break
        else:
            out.append(word)
    return " ".join(out)
