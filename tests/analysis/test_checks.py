"""Doubts the analysis raises about the roles a file was read with."""
import pandas as pd

from lib.analysis.checks import role_doubts
from lib.analysis.dataset import analyze
from lib.load import load_text
from tests.conftest import SAMPLE


def test_answers_that_share_nothing_with_their_references_are_doubted():
    # lm-eval style: the extracted number against the worked solution.
    rows = "".join(f"{i},m,{i * 7},Step one: add the apples. Step two: divide by three. The answer is {i * 7}.\n"
                   for i in range(6))
    analysis = analyze(load_text("id,model,answer,reference\n" + rows, "x.csv").frame)
    [doubt] = role_doubts(analysis)
    assert "median similarity" in doubt and "wrong one" in doubt


def test_the_bundled_sample_is_not_doubted():
    from lib.load import load_path

    assert role_doubts(analyze(load_path(SAMPLE).frame)) == []


def test_too_few_answers_say_nothing():
    assert role_doubts(pd.DataFrame({"similarity": [0.0, 0.0]})) == []
