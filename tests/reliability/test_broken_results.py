"""A broken result file: a one-line error naming the file and the fix; the build copes.

Every test works on a copy of the RNN vs LSTM article alone (helpers.copy_article): what
is broken is that article's, and a build of it takes half the time of the whole site's.
"""

import pytest
from helpers import copy_article, run_tool

BREAKAGES = {
    "truncated": lambda text: text[: len(text) // 2],
    "not json": lambda text: "<html>oops</html>",
    "unknown schema": lambda text: text.replace('"schema": 1', '"schema": 7'),
    "another experiment": lambda text: text.replace(
        '"experiment": "architecture"', '"experiment": "small_data"'
    ),
}
# One experiment of the article per breakage, so that one strict build shows all four.
BROKEN_IN = {
    "truncated": "adding_problem",
    "not json": "marked_recall",
    "unknown schema": "small_data",
    "another experiment": "architecture",
}


def break_results(project, how, experiment="architecture") -> None:
    for path in (project / "results").glob(f"{experiment}.*.json"):
        path.write_text(BREAKAGES[how](path.read_text()))


@pytest.fixture(scope="module")
def strict_log(tmp_path_factory) -> str:
    """The log of one strict build (under warn: nothing reruns) with every breakage."""
    project = copy_article(tmp_path_factory.mktemp("broken") / "p")
    for how, experiment in BROKEN_IN.items():
        break_results(project, how, experiment)
    done = run_tool("mkdocs", "build", "--strict", cwd=project, env={"CHIGAI_ON_STALE": "warn"})
    assert done.returncode != 0
    return done.stderr


@pytest.mark.parametrize("how", list(BREAKAGES))
def test_strict_build_fails_naming_file_and_fix(strict_log, how):
    experiment = BROKEN_IN[how]
    # a warning of its own (each one alone fails a strict build), naming the file and the fix
    warned = [line for line in strict_log.splitlines() if line.startswith(("WARNING", "ERROR"))]
    named = [line for line in warned if f"results/{experiment}." in line]
    assert named, strict_log[-3000:]
    assert any(f"chigai run {experiment} --preset" in line for line in named), named


def test_a_non_strict_build_goes_on_and_marks_only_the_parts_that_use_it(tmp_path):
    project = copy_article(tmp_path / "p")
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
    project = copy_article(tmp_path / "p")
    break_results(project, "not json")
    done = run_tool("mkdocs", "build", "--strict", cwd=project)
    assert done.returncode == 0, done.stderr[-2000:]
    assert (
        '"experiment": "architecture"'
        in (project / "results" / "architecture.quick.json").read_text()
    )


def test_chigai_status_reports_the_broken_file(tmp_path):
    project = copy_article(tmp_path / "p")
    break_results(project, "truncated")
    done = run_tool("chigai", "status", cwd=project)
    assert "architecture             quick  broken" in done.stdout
    assert "not valid JSON" in done.stdout
