"""Which column is the model, the answer, the reference, the source, the sample id.

Headers come in English and Chinese and in every spelling (`Model Answer`, `model_answer`,
`模型答案`). Exact names win over partial ones, and specific names over general ones, so that
"模型答案" is the answer (not the model) and "正确答案" the reference (not the answer).
"""
from __future__ import annotations

import re
from typing import Sequence

from lib.load.dataset import ROLES

# Exact names per role, most specific first. Compared after `normalize`.
ROLE_NAMES: dict[str, tuple[str, ...]] = {
    "reference": ("正确答案", "参考答案", "标准答案", "标答", "答案参考", "参考", "reference", "ref", "references",
                  "gold", "goldanswer", "target", "targets", "expected", "expectedoutput", "expectedanswer", "label",
                  "groundtruth", "gt", "correct", "correctanswer", "answerkey", "truth", "ideal"),
    "answer": ("模型答案", "模型回答", "模型输出", "回答", "答案", "输出", "预测", "answer", "modelanswer", "output",
               "modeloutput", "prediction", "pred", "predictions", "response", "modelresponse", "completion",
               "generation", "generated", "hypothesis", "hyp"),
    "source": ("原文", "输入", "问题", "题目", "原始文本", "待修改文本", "提示", "source", "src", "input", "prompt",
               "question", "instruction", "text", "original", "query", "context"),
    "model": ("模型", "模型名称", "模型名", "model", "modelname", "modelid", "system", "systemname", "engine", "llm",
              "agent", "checkpoint"),
    "sample_id": ("id", "样本id", "样本编号", "编号", "序号", "题号", "idx", "index", "docid", "sampleid", "qid", "uid",
                  "questionid", "exampleid", "itemid", "promptid", "taskid"),
}
# Substrings that betray a role when no exact name matched (checked in this order).
ROLE_HINTS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("reference", ("正确", "参考", "标准", "reference", "gold", "target", "expected", "groundtruth")),
    ("answer", ("答案", "回答", "输出", "answer", "output", "prediction", "response", "completion")),
    ("source", ("原文", "输入", "问题", "source", "prompt", "input", "question")),
    ("model", ("模型名", "modelname")),  # not "model": a wide table has model-1, model-2 …
    ("sample_id", ("编号", "docid", "sampleid")),
)
# Columns a wide table may carry besides its model columns: never taken for a model.
METADATA_NAMES = {
    "category", "categories", "task", "subject", "domain", "type", "difficulty", "split", "lang", "language",
    "score", "note", "notes", "comment", "comments", "tag", "tags", "类别", "分类", "任务", "难度", "备注", "语言",
    "dataset", "source_dataset", "length", "date", "time", "timestamp", "题号", "no", "#", "num", "number", "rank",
    "level", "topic", "分数", "得分", "来源", "领域", "题型",
}
# A header starting with one of these is metadata too ("difficulty_level", "category_name").
_METADATA_PREFIXES = ("category", "difficulty", "subject", "domain", "language", "dataset", "timestamp", "comment")
# A blank header the loader named "column 3", or pandas' "Unnamed: 0": an index, not a model.
_UNNAMED_RE = re.compile(r"^(?:column \d+|unnamed: ?\d+)$", re.IGNORECASE)

# "reference_answer", "model_output", "final_answer": role words, not model names.
_NOT_MODELS = {"model", "reference", "ref", "gold", "correct", "expected", "target", "groundtruth", "true", "standard",
               "final", "generated", "predicted", "llm", "system", "human", "label", "short", "long", "raw", "clean",
               "parsed", "extracted", "模型", "正确", "参考", "标准", "最终", "人工"}
# Wide tables whose model columns carry an answer word: gpt4_output, claude_output / 模型A答案.
_ANSWER_AFFIX_RE = re.compile(
    r"^(?P<pre>(?:answer|output|prediction|pred|response|completion)[\s_\-:]+)?(?P<name>.+?)"
    r"(?P<post>[\s_\-:]*(?:answer|answers|output|outputs|prediction|predictions|pred|response|completion"
    r"|的回答|的答案|答案|回答|输出))?$",
    re.IGNORECASE,
)


# Traditional → simplified for the characters of the names above, so Big5 tables (正確答案,
# 參考答案, 輸出, 樣本編號 …) match without a second list of names.
_SIMPLIFIED = str.maketrans("確參標準輸問題樣編號稱預測覆應檢標", "确参标准输问题样编号称预测复应检标")


def normalize(header: str) -> str:
    return re.sub(r"[\s_\-./:()（）]+", "", str(header)).casefold().translate(_SIMPLIFIED)


def is_metadata(header: str) -> bool:
    """A column a wide table carries besides its model columns (never taken for a model)."""
    n = normalize(header)
    return n in METADATA_NAMES or n.startswith(_METADATA_PREFIXES) or bool(_UNNAMED_RE.match(str(header).strip()))


def affixed_models(headers: Sequence[str]) -> dict[str, str]:
    """column → model name, when two or more columns are "<model>_output"-style answer columns."""
    if any(normalize(h) in ROLE_NAMES["model"] for h in headers):
        return {}  # a model column: one row per answer, a long table
    out: dict[str, str] = {}
    for h in headers:
        m = _ANSWER_AFFIX_RE.match(str(h).strip())
        name = m.group("name").strip(" _-:") if m else ""
        if m and (m.group("pre") or m.group("post")) and name and normalize(name) not in _NOT_MODELS:
            out[h] = name
    if len(out) < 2 or len(set(out.values())) < len(out) or not all(looks_like_model(n) for n in out.values()):
        return {}  # output_text / output_tokens, cot_answer / direct_answer: fields, not models
    return out


def infer_roles(headers: Sequence[str]) -> dict[str, str]:
    """role → header, for the roles the headers reveal (each header used at most once)."""
    norm = {h: normalize(h) for h in headers}
    roles: dict[str, str] = {}
    # gpt4_output, claude_output: model columns of a wide table, not one answer column.
    used: set[str] = set(affixed_models(headers))
    for role in ("reference", "answer", "source", "model", "sample_id"):
        for name in ROLE_NAMES[role]:
            match = next((h for h in headers if norm[h] == name and h not in used), None)
            if match is not None:
                roles[role] = match
                used.add(match)
                break
    for role, hints in ROLE_HINTS:
        if role in roles:
            continue
        match = next((h for h in headers if h not in used and any(x in norm[h] for x in hints)
                      and not any(x in norm[h] for x in _NOT_ANSWERS)), None)
        if match is not None:
            roles[role] = match
            used.add(match)
    if "reference" not in roles:
        _bare_answer_is_reference(headers, norm, roles, used)
    return {role: roles[role] for role in ROLES if role in roles}


# Column words that describe an answer without being one: "answer_explanation", "output_tokens".
_NOT_ANSWERS = ("explanation", "reason", "rationale", "format", "confidence", "score", "token", "length", "time",
                "count", "prob", "解释", "理由", "长度")
_BARE_ANSWERS = ("answer", "答案", "answers")
# What model names look like: a version number or a known family. Used only to tell a wide table
# ("题目, 答案, gpt-4o, qwen") from gold data with other fields ("title, context, question, answer").
_MODEL_NAME_RE = re.compile(
    r"\d|gpt|claude|qwen|llama|glm|deepseek|baichuan|gemini|mistral|mixtral|phi|internlm|kimi|moonshot|doubao|"
    r"ernie|minimax|hunyuan|sonnet|opus|haiku|gemma|falcon|vicuna|模型|文心|通义|千问|豆包|智谱|星火|混元|百川",
    re.IGNORECASE)


def looks_like_model(name: str) -> bool:
    return bool(_MODEL_NAME_RE.search(str(name)))


def _bare_answer_is_reference(headers: Sequence[str], norm: dict[str, str], roles: dict[str, str],
                              used: set[str]) -> None:
    """"question, answer, prediction" / "题目, 答案, 模型回答" / wide "题目, 答案, gpt-4o, qwen": no
    reference column was found, and a bare answer column next to the model's answers is then the
    correct answer (the usual Hugging Face layout). Updates `roles` in place."""
    answer = roles.get("answer")
    generic = next((h for h in headers if norm[h] in _BARE_ANSWERS and h not in used), None)
    if answer is not None and norm[answer] not in _BARE_ANSWERS and generic is not None:
        roles["reference"] = generic
        used.add(generic)
        return
    if answer is None or norm[answer] not in _BARE_ANSWERS:
        return
    free = [h for h in headers if h not in used]
    specific = next((h for h in free if norm[h] in ROLE_NAMES["answer"] and norm[h] not in _BARE_ANSWERS), None)
    if specific is None:
        specific = next((h for h in free if any(x in norm[h] for x in dict(ROLE_HINTS)["answer"] + ("pred",))
                         and not any(x in norm[h] for x in _NOT_ANSWERS)), None)
    if specific is not None:
        roles["reference"], roles["answer"] = answer, specific
        used.add(specific)
        return
    others = [h for h in free if not is_metadata(h) and str(h).strip()]
    if "model" not in roles and others and all(looks_like_model(h) for h in others):
        roles["reference"] = roles.pop("answer")  # wide: the other columns are the models


def apply_overrides(roles: dict[str, str], overrides: Sequence[tuple[str, str]], headers: Sequence[str]) -> dict[str, str]:
    """The user's choices win; a column given to one role is taken away from any other."""
    out = dict(roles)
    for role, column in overrides:
        if role not in ROLES:
            continue
        if column == "":
            out.pop(role, None)
            continue
        if column not in headers:
            continue
        for other, col in list(out.items()):
            if col == column and other != role:
                del out[other]
        out[role] = column
    return {role: out[role] for role in ROLES if role in out}


def wide_model_columns(headers: Sequence[str], roles: dict[str, str]) -> list[str]:
    """In a wide table (no answer column), the model columns: the "<model>_output" ones when there
    are such, else every column not given a role and not metadata."""
    taken = set(roles.values())
    affixed = [h for h in affixed_models(headers) if h not in taken]
    if affixed:
        return affixed
    return [h for h in headers if h not in taken and not is_metadata(h) and str(h).strip()]


_REPEAT_RE = re.compile(r"^(?P<base>.+) \(\d+\)$")


def wide_model_names(columns: Sequence[str]) -> list[str]:
    """Model name per model column: "gpt4_output" → "gpt4"; a repeated header the loader made
    unique ("gpto1 (2)") is the same model again (a second run, labelled "gpto1 #2" later)."""
    affixed = affixed_models(columns)
    names = []
    for c in columns:
        m = _REPEAT_RE.match(c)
        base = m.group("base") if m and m.group("base") in columns else c
        names.append(affixed.get(base, base))
    return names
