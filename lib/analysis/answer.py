"""One answer, analysed: the work lib.analysis.dataset spreads over processes. Kept free of pandas so a
worker process starts in a fraction of a second."""
from __future__ import annotations

from dataclasses import dataclass

from lib.name.merge import Edit, extract_edits
from lib.align.diff import DiffOptions, Segment, diff_texts
from lib.name.flags import answer_flags
from lib.name.lexicon import lemmas
from lib.name.wordlists import is_known_word
from lib.align.metrics import char_errors, reference_word_count, similarity, word_errors


@dataclass(frozen=True)
class AnswerAnalysis:
    similarity: float
    cer: float
    wer: float
    flags: tuple[str, ...]
    edits: tuple[Edit, ...]
    timed_out: bool


def analyze_answer(reference: str, answer: str, source: str = "", options: DiffOptions = DiffOptions(),
                   reference_words: int | None = None) -> AnswerAnalysis:
    """Everything Redline says about one answer. `reference_words` (a count) lets callers reuse it."""
    if answer.strip() == reference.strip():
        # Fast path for exact answers (~20% in real evaluations): one equal run, nothing to name.
        segments: tuple[Segment, ...] = (Segment("equal", reference, answer),) if answer else ()
        timed_out = False
    else:
        result = diff_texts(reference, answer, options)
        segments, timed_out = result.segments, result.timed_out
    flags = answer_flags(answer, reference, source, None if timed_out else segments)
    if "wrong_language" in flags:
        # A translation is one replacement, not a text rewrite plus the full stops that happen to
        # line up (。 for .): those would inflate PUNCT counts with edits nobody made.
        edits: tuple[Edit, ...] = (Edit("R", "OTHER", reference.strip(), answer.strip(),
                                        len(reference) - len(reference.lstrip()), len(answer) - len(answer.lstrip())),)
    else:
        edits = () if timed_out else tuple(extract_edits(segments))
    if timed_out:
        flags = (*flags, "too_different")
    return AnswerAnalysis(
        similarity=similarity(segments),
        cer=char_errors(segments, options.timeout) / max(len(reference), 1),
        wer=word_errors(segments) / max(reference_words if reference_words is not None else reference_word_count(reference), 1),
        flags=flags,
        edits=edits,
        timed_out=timed_out,
    )


def analyze_chunk(references: list[str], answers: list[str], sources: list[str],
                  options: DiffOptions = DiffOptions()) -> list[AnswerAnalysis]:
    """Analyse answers in order (a reference's word count is taken once, see reference_word_count)."""
    return [analyze_answer(reference, answer, source, options) for reference, answer, source in zip(references, answers, sources)]


def start_worker() -> None:
    """Runs once in each analysis worker process before its first chunk."""
    import gc

    is_known_word("warm")  # reads pyspellchecker's bundled list now, not inside the first chunk
    lemmas("warms")  # and lemminflect's tables
    gc.disable()  # workers build many small acyclic objects and exit when the pool closes
