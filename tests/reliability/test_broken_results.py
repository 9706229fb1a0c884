"""A broken result file: a one-line error naming the file and the fix; the build copes."""

import pytest
from helpers import copy_project, run_tool

BREAKAGES = {
    "truncated": lambda text: text[: len(text) // 2],
    "not json": lambda text: "<html>oops</html>",
    "unknown schema": lambda text: text.replace('"schema": 1', '"schema": 7'),
    "another experiment": lambda text: text.replace(
        '"experiment": "architecture"', '"experiment": "small_data"'
    ),
}


def break_results(project, how) -> None:
    for path in (project / "results").glob("architecture.*.json"):
        path.write_text(BREAKAGES[how](path.read_text()))


@pytest.mark.parametrize("how", list(BREAKAGES))
def test_strict_build_fails_naming_file_and_fix(tmp_path, how):
    project = copy_project(tmp_path / "p")
    break_results(project, how)
    done = run_tool("mkdocs", "build", "--strict", cwd=project, env={"CHIGAI_ON_STALE": "warn"})
    assert done.returncode != 0
    assert "results/architecture." in done.stderr
    assert "chigai run architecture --preset" in done.stderr


def test_a_non_strict_build_goes_on_and_marks_only_the_parts_that_use_it(tmp_path):
    project = copy_project(tmp_path / "p")
    break_results(project, "truncated")
    done = run_tool("mkdocs", "build", cwd=project, env={"CHIGAI_ON_STALE": "warn"})
    assert done.returncode == 0, done.stderr[-2000:]
    assert (project / "site" / "index.html").exists()
    html = (project / "site" / "en" / "rnn-vs-lstm" / "index.html").read_text()
    assert "The results behind this section are missing" in html
    assert "results/architecture." in html and "not valid JSON" in html
    for figure in ("adding_mse", "gate_trace", "input_sensitivity"):  # other experiments' parts
        assert f"figures/rnn_vs_lstm/{figure}.en.svg" in html
    assert done.stderr.count("architecture.quick.json: not valid JSON") <= 1


def test_the_default_policy_replaces_a_broken_file_by_rerunning(tmp_path):
    project = copy_project(tmp_path / "p")
    break_results(project, "not json")
    done = run_tool("mkdocs", "build", "--strict", cwd=project)
    assert done.returncode == 0, done.stderr[-2000:]
    assert (
        '"experiment": "architecture"'
        in (project / "results" / "architecture.quick.json").read_text()
    )


def test_chigai_status_reports_the_broken_file(tmp_path):
    project = copy_project(tmp_path / "p")
    break_results(project, "truncated")
    done = run_tool("chigai", "status", cwd=project)
    assert "architecture             quick  broken" in done.stdout
    assert "not valid JSON" in done.stdout
