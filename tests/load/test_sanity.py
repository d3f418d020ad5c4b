"""After a load, warnings that the roles are probably wrong (a file read silently wrong is worse
than one refused)."""
import uuid

from lib.load import load_text


def _warnings(text: str, name: str = "x.csv") -> list[str]:
    return [str(w) for w in load_text(text, name).report.warnings]


def test_an_answer_column_with_one_value_in_every_row_is_doubted():
    rows = "".join(f"{i},gpt-4o,gpt-4o,ref {i}\n" for i in range(6))
    [warning] = _warnings("id,model,output.model,reference\n" + rows)
    assert "same value in every row" in warning and "'gpt-4o'" in warning and "output.model" in warning


def test_a_few_equal_answers_are_ordinary():
    assert _warnings("id,model,answer,reference\n1,a,yes,yes\n1,b,yes,yes\n") == []


def test_per_answer_uuids_as_sample_ids_are_doubted():
    rows = "".join(f"{uuid.UUID(int=i * 7919 + 1)},{'ab'[i % 2]},answer {i},ref {i // 2}\n" for i in range(8))
    [warning] = _warnings("id,provider,answer,expected\n" + rows)
    assert "exactly one answer" in warning and "UUID" in warning


def test_ordinary_ids_with_one_answer_each_are_not_doubted():
    rows = "".join(f"q{i},m,answer {i},ref {i}\n" for i in range(8))
    assert _warnings("id,model,answer,reference\n" + rows) == []


def test_the_bundled_sample_raises_no_doubt():
    from tests.conftest import SAMPLE
    from lib.load import load_path

    assert not [w for w in load_path(SAMPLE).report.warnings if "probably" in str(w) or "UUID" in str(w)]
