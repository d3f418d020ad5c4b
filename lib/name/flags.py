"""Answer-level flags: what a reader says about a whole answer before looking at single edits.

All offline and rule-based: the script of the letters (Unicode blocks) for the language, the
diff's first and last change for lead-in chatter and trailing notes, simple wrappers for
formatting. The diff does most of the work: a preamble is text the answer has *before* the
reference's text starts, which the alignment shows directly.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import Sequence

from lib.align.diff import Segment

FLAGS: dict[str, str] = {
    "exact": "equal to the reference (surrounding whitespace ignored)",
    "empty": "no answer, or only whitespace",
    "wrong_language": "written in another language/script than the reference",
    "preamble": "lead-in text before the content (\"Here is the corrected text:\")",
    "commentary": "notes after the content (\"Note: I corrected…\")",
    "truncated": "stops before the reference's end",
    "formatting": "wrapped in code fences, quotes, bold or a heading",
    "unchanged": "equal to the source: nothing was corrected",
    # Set by the analysis, not by answer_flags: the alignment gave up (time or size limit), so the
    # answer has no named edits although it differs; it must not look like a match.
    "too_different": "too different (or too long) to align within the limits: no edits are named",
}

_SCRIPTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("han", re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")),
    ("kana", re.compile(r"[\u3040-\u30ff]")),
    ("hangul", re.compile(r"[\uac00-\ud7af\u1100-\u11ff]")),
    ("latin", re.compile(r"[A-Za-z\u00c0-\u024f]+")),   # a word counts once, as a CJK character does
    ("cyrillic", re.compile(r"[\u0400-\u04ff]+")),
    ("greek", re.compile(r"[\u0370-\u03ff]+")),
    ("arabic", re.compile(r"[\u0600-\u06ff\u0750-\u077f]+")),
    ("hebrew", re.compile(r"[\u0590-\u05ff]+")),
    ("devanagari", re.compile(r"[\u0900-\u097f]+")),
    ("thai", re.compile(r"[\u0e00-\u0e7f]+")),
)
# Fewer units than this and the script of a text is not judged (a number, a name, "OK").
MIN_SCRIPT_UNITS = 5

_LEAD_IN = re.compile(
    r"^\s*(?:sure|certainly|of course|okay|ok|here(?:'s| is| are)|below is|the corrected|corrected (?:text|version)"
    r"|i(?: have|'ve|’ve) (?:corrected|fixed|revised|proofread)|以下是|下面是|好的|当然|修改后|更正后|纠正后)",
    re.IGNORECASE,
)
_TRAILING_NOTE = re.compile(
    r"^\s*(?:\(|（|\[|note|notes|n\.b\.|p\.s\.|i(?: have|'ve|’ve| only)|i corrected|i hope|hope (?:this|that|it) helps|i changed|i fixed|changes made"
    r"|the (?:changes|corrections)|corrections?:|explanation|let me know|注[:：]|说明|修改说明|备注|以上)",
    re.IGNORECASE,
)
_WRAPPERS = (("```", "```"), ("**", "**"), ("“", "”"), ('"', '"'), ("'", "'"), ("「", "」"), ("『", "』"), ("<<", ">>"))


@lru_cache(maxsize=4096)
def dominant_script(text: str) -> str:
    """The script most of the text's letters are written in ("han", "latin", …), or "none".

    Cached: sixteen answers share one reference. Judged on the first 3,000 characters."""
    counts: Counter[str] = Counter()
    sample = text[:3000]
    for name, pattern in _SCRIPTS:
        n = len(pattern.findall(sample))
        if n:
            counts[name] += n
    if not counts or sum(counts.values()) < MIN_SCRIPT_UNITS:
        return "none"
    script, _ = counts.most_common(1)[0]
    if script in ("han", "kana") and counts["kana"] >= 0.1 * (counts["han"] + counts["kana"]):
        # Japanese mixes kanji and kana; Chinese has (almost) no kana. A Japanese answer to a
        # Chinese reference is then another language, as it should be.
        return "japanese"
    return script


def _edge_insert(segments: Sequence[Segment]) -> list[str]:
    """Answer-only pieces before the first shared text (pass reversed segments for after the last)."""
    text = []
    for seg in segments:
        if seg.op == "equal":
            if seg.ans.strip():
                break
            continue
        if seg.op == "insert":
            text.append(seg.ans)
    return text


def _leading_insert(segments: Sequence[Segment]) -> str:
    return "".join(_edge_insert(segments))


def _trailing_insert(segments: Sequence[Segment]) -> str:
    return "".join(reversed(_edge_insert(segments[::-1])))  # pieces come back last-first


def _has_shared_body(segments: Sequence[Segment], reference: str) -> bool:
    """The answer does contain the reference's text for the most part (not a rewrite)."""
    shared = sum(len(s.ans) for s in segments if s.op == "equal")
    return shared >= 0.5 * len(reference.strip())


def _colon_lead(answer: str, reference: str) -> bool:
    """"The corrected sentence is: The quick…": a lead-in ending in a colon, then the reference's
    own opening. The alignment may pair the lead-in's "The" with the reference's, so this looks
    at the texts, not the diff."""
    text = answer.lstrip()
    m = re.search(r"[:：]", text[:160])
    if not m or "\n" in text[:m.start()]:
        return False
    head, rest = text[:m.end()], text[m.end():].lstrip()
    opening = reference.strip()[:20]
    return bool(opening) and rest.startswith(opening) and not reference.strip().startswith(head) \
        and bool(_LEAD_IN.match(head) or len(head.split()) >= 3)


def _preamble(answer: str, reference: str, segments: Sequence[Segment] | None) -> bool:
    if _colon_lead(answer, reference):
        return True
    if segments is not None and _has_shared_body(segments, reference):
        lead = _leading_insert(segments).strip()
        if not lead:
            return False
        ends_like_intro = lead.endswith((":", "：")) or bool(re.search(r"[:：]\s*$", lead))
        words = len(lead.split()) + len(re.findall(r"[\u4e00-\u9fff]", lead)) // 2
        # One word is enough: "Certainly." or "Corrected:" before the text is a lead-in.
        return words >= 1 and (ends_like_intro or bool(_LEAD_IN.match(lead)))
    first_line = answer.strip().split("\n", 1)[0].strip()
    return bool(first_line) and first_line.endswith((":", "：")) and bool(_LEAD_IN.match(first_line)) \
        and not reference.strip().startswith(first_line)


def _commentary(answer: str, reference: str, segments: Sequence[Segment] | None) -> bool:
    if segments is not None and _has_shared_body(segments, reference):
        tail = _trailing_insert(segments)
        if not tail.strip() or len(tail.split()) + len(re.findall(r"[\u4e00-\u9fff]", tail)) // 2 < 2:
            return False
        return "\n" in tail.rstrip().split(tail.strip()[:1], 1)[0] or bool(_TRAILING_NOTE.match(tail)) \
            or bool(_TRAILING_NOTE.match(tail.strip().split("\n", 1)[0]))
    return False


def _truncated(answer: str, reference: str, segments: Sequence[Segment] | None) -> bool:
    ref = reference.strip()
    if segments is None or not answer.strip() or len(answer.strip()) >= len(ref):
        return False
    tail = []
    for seg in reversed(segments):
        if seg.op == "delete":
            tail.append(seg.ref)
        elif seg.op == "insert" and not seg.ans.strip():
            continue
        else:
            break
    missing = "".join(tail).strip()
    # A Chinese character carries about what an English word does: 20 characters is a sentence
    # in English but a third of a paragraph in Chinese.
    floor = 8 if dominant_script(ref) == "han" else 20
    return len(missing) >= max(floor, 0.15 * len(ref)) and _has_shared_body(segments, answer)


def _formatting(answer: str, reference: str) -> bool:
    a, r = answer.strip(), reference.strip()
    if a.startswith("```") and not r.startswith("```"):
        return True
    if re.match(r"^#{1,6}\s", a) and not re.match(r"^#{1,6}\s", r):
        return True
    for left, right in _WRAPPERS:
        if len(a) > len(left) + len(right) and a.startswith(left) and a.endswith(right) \
                and not (r.startswith(left) and r.endswith(right)):
            return True
    return False


def answer_flags(answer: str, reference: str, source: str = "", segments: Sequence[Segment] | None = None) -> tuple[str, ...]:
    """The flags of one answer, in FLAGS order. `segments` is its diff against the reference."""
    flags: list[str] = []
    stripped = answer.strip()
    if stripped == reference.strip():
        flags.append("exact")
    if not stripped:
        flags.append("empty")
    if "exact" not in flags and stripped:
        # An answer that keeps most of the reference's text is in its language: skip the count.
        mostly_shared = segments is not None and _has_shared_body(segments, reference)
        wrong = False
        if not mostly_shared:
            a_script, r_script = dominant_script(answer), dominant_script(reference)
            wrong = a_script != "none" and r_script != "none" and a_script != r_script
        if wrong:
            flags.append("wrong_language")
        if not wrong:
            if _preamble(answer, reference, segments):
                flags.append("preamble")
            if _commentary(answer, reference, segments):
                flags.append("commentary")
            if _truncated(answer, reference, segments):
                flags.append("truncated")
        if _formatting(answer, reference):
            flags.append("formatting")
    if source.strip() and stripped == source.strip() and source.strip() != reference.strip():
        flags.append("unchanged")
    return tuple(flags)
