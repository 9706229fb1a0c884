"""A page written in one language only: an error in a strict build, a notice otherwise."""

import pytest
from helpers import copy_project, run_tool


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    """The RNN article without its English page, the attention article without its
    Japanese one."""
    project = copy_project(tmp_path_factory.mktemp("languages"))
    (project / "docs" / "rnn-vs-lstm.en.md").unlink()
    (project / "docs" / "attention-vs-lstm.ja.md").unlink()
    return project


def test_a_strict_build_fails_naming_each_missing_page_and_the_fix(project):
    done = run_tool("mkdocs", "build", "--strict", cwd=project, env={"CHIGAI_ON_STALE": "warn"})
    assert done.returncode == 1
    for missing, have, site in [
        ("docs/rnn-vs-lstm.en.md", "docs/rnn-vs-lstm.ja.md", "English"),
        ("docs/attention-vs-lstm.ja.md", "docs/attention-vs-lstm.en.md", "Japanese"),
    ]:
        (line,) = [line for line in done.stderr.splitlines() if line.endswith(f"copy of {have}")]
        assert line.startswith("WARNING") and f"{missing} is missing, so the {site} site" in line
        assert f"write {missing}, starting from a copy of {have}" in line


def test_a_plain_build_marks_the_page_that_stands_in_for_the_missing_one(project):
    done = run_tool("mkdocs", "build", cwd=project, env={"CHIGAI_ON_STALE": "warn"})
    assert done.returncode == 0, done.stderr[-3000:]
    assert "docs/rnn-vs-lstm.en.md is missing" in done.stderr
    english_url = (project / "site" / "en" / "rnn-vs-lstm" / "index.html").read_text()
    assert "This page has no English version yet" in english_url
    assert "docs/rnn-vs-lstm.en.md is missing, so this is the Japanese page." in english_url
    japanese = (project / "site" / "rnn-vs-lstm" / "index.html").read_text()
    assert "no English version" not in japanese and "日本語版はまだありません" not in japanese
    english = (project / "site" / "en" / "gru-vs-lstm" / "index.html").read_text()
    assert "no English version" not in english  # pages that exist get no notice
