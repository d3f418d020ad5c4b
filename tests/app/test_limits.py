"""The limits the README promises are the ones configured."""
import re
import tomllib

from lib.align.diff import DiffOptions
from lib.views.html import MAX_RENDER_CHARS

from tests.conftest import ROOT


def test_upload_limit_and_headless_config_match_the_readme():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    readme = (ROOT / "README.md").read_text()
    assert config["server"]["headless"] is True and config["browser"]["gatherUsageStats"] is False
    assert f"| upload size | {config['server']['maxUploadSize']} MB |" in readme


def test_diff_time_limit_and_render_cap_match_the_readme():
    readme = (ROOT / "README.md").read_text()
    assert f"{DiffOptions().timeout:g} s per answer" in readme
    assert re.search(rf"{MAX_RENDER_CHARS:,}", readme)


def test_readme_starts_with_the_two_commands():
    lines = [ln for ln in (ROOT / "README.md").read_text().splitlines() if ln.strip()]
    assert lines[1] == "```sh" and lines[2].startswith("make run") and lines[3].startswith("make test")


def test_the_input_limits_and_their_variables_match_the_readme():
    from lib.align.diff import MAX_DISTINCT_TOKENS
    from lib.analysis import uploads
    from lib.load import limits

    readme = (ROOT / "README.md").read_text()
    for field, variable in limits.ENV.items():
        assert f"`{variable}`" in readme, variable
    d = limits.DEFAULT
    assert f"| file size read (app and CLI) | {d.file_bytes // 1_000_000} MB" in readme
    assert f"| unpacked size of an XLSX, a Parquet or a zip of results | {d.expanded_bytes // 1_000_000:,} MB" in readme
    assert f"| rows read | {d.rows:,}" in readme and f"| columns read | {d.columns:,}" in readme
    assert f"| characters per answer, reference or source | {d.cell_chars:,}" in readme
    assert f"| distinct words per alignment | {MAX_DISTINCT_TOKENS:,}" in readme
    assert f"the last {uploads.MAX_KEPT}, for {uploads.MAX_AGE_S // 3600} hours" in readme
