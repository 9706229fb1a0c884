"""The chigai command as a user runs it: a real process, its output and exit code."""

import json
import re
import shutil
from pathlib import Path

import pytest
from helpers import PROJECT_PARTS, ROOT, copy_project, run_tool

from chigai.device import cpu_model


def test_help_lists_the_commands():
    done = run_tool("chigai", "--help", cwd=ROOT, fresh=True)  # the installed console script
    assert done.returncode == 0
    for command in ("run", "status", "list", "new"):
        assert command in done.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["run", "adding_problem", "--device", "tpu"], "invalid choice: 'tpu'"),
        (["run", "adding_problem", "--preset", "huge"], "invalid choice: 'huge'"),
        (["run", "no_such_experiment"], "unknown experiment no_such_experiment"),
    ],
)
def test_bad_input_is_one_line_exit_2_and_writes_nothing(tmp_path, args, message):
    project = copy_project(tmp_path / "p")
    before = {p.name: p.read_bytes() for p in (project / "results").iterdir()}
    done = run_tool("chigai", *args, cwd=project)
    assert done.returncode == 2
    assert message in done.stderr and len(done.stderr.strip().splitlines()) == 1
    assert {p.name: p.read_bytes() for p in (project / "results").iterdir()} == before


def test_cuda_on_a_machine_without_one_is_refused(tmp_path):
    import torch

    if torch.cuda.is_available():
        pytest.skip("this machine has CUDA")
    done = run_tool(
        "chigai", "run", "adding_problem", "--device", "cuda", cwd=copy_project(tmp_path / "p")
    )
    assert done.returncode == 2
    assert "device 'cuda' is not available here" in done.stderr


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ('"hidden_size": 0', "hidden_size: must be > 0, got 0"),
        ('"hidden_size": 1000000000000', "hidden_size: 1000000000000 is too large"),
        ('"lrs": [1e400]', "lrs[0]: must be a finite number, got inf"),
    ],
)
def test_a_bad_preset_value_is_refused_before_training_naming_the_key(tmp_path, value, message):
    project = copy_project(tmp_path / "p")
    experiment = project / "experiments" / "rnn_vs_lstm" / "adding_problem.py"
    key = value.split(":")[0]
    source = experiment.read_text()
    start = source.index(key)
    end = source.index("],", start) + 1 if "[" in value else source.index(",", start)
    experiment.write_text(source[:start] + value + source[end:])
    done = run_tool("chigai", "run", "adding_problem", cwd=project)
    assert done.returncode == 2
    assert "adding_problem.py PRESETS['quick']" in done.stderr and message in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_results_that_cannot_be_written_are_refused_before_training(tmp_path):
    """Found before a long run starts, not after it ends."""
    locked = _unwritable_folder(tmp_path)
    project = copy_project(tmp_path / "p")
    shutil.rmtree(project / "results")
    (project / "results").symlink_to(locked)
    done = run_tool("chigai", "run", "small_data", cwd=project, timeout=60)
    assert done.returncode == 2
    assert f"{project / 'results'}: cannot write results there" in done.stderr
    assert "running small_data" not in done.stderr


def _unwritable_folder(tmp_path) -> Path:
    """A folder this process cannot write to, even as root (CI runs as root)."""
    candidates = [tmp_path / "read-only", Path("/sys/kernel"), Path("/proc/sys")]
    candidates[0].mkdir()
    candidates[0].chmod(0o555)
    for folder in candidates:
        try:
            (folder / ".probe").touch()
            (folder / ".probe").unlink()
        except OSError:
            return folder
    pytest.skip("no folder here is read-only for this process")


@pytest.mark.parametrize(("threads", "expected"), [(None, 1), ("2", 2)])
def test_each_run_uses_one_torch_thread_unless_told_and_records_it(tmp_path, threads, expected):
    """One thread per process: a busy machine must not make training thrash (README)."""
    project = copy_project(tmp_path / "p")
    env = {"CHIGAI_THREADS": threads} if threads else {}
    done = run_tool("chigai", "run", "architecture", cwd=project, env=env)
    assert done.returncode == 0, done.stderr[-2000:]
    stored = json.loads((project / "results" / "architecture.quick.json").read_text())
    assert stored["provenance"]["threads"] == expected
    assert stored["provenance"]["cpu"] == cpu_model()  # bit-for-bit holds per CPU model
    assert f"{expected} thread{'s' if expected > 1 else ''})" in stored["provenance"]["device"]


def test_a_bad_thread_count_is_refused(tmp_path):
    done = run_tool(
        "chigai",
        "run",
        "architecture",
        cwd=copy_project(tmp_path / "p"),
        env={"CHIGAI_THREADS": "many"},
    )
    assert done.returncode == 2 and "CHIGAI_THREADS='many' is not a thread count" in done.stderr


def test_status_shows_each_experiment_and_preset_with_device_and_date(tmp_path):
    project = copy_project(tmp_path / "p")
    quick = json.loads((project / "results" / "adding_problem.quick.json").read_text())
    (project / "results" / "adding_problem.full.json").unlink(missing_ok=True)
    done = run_tool("chigai", "status", cwd=project)
    assert done.returncode == 0
    lines = {tuple(line.split()[:3]) for line in done.stdout.splitlines()}
    assert ("adding_problem", "quick", "fresh") in lines
    assert ("adding_problem", "full", "missing") in lines
    assert quick["provenance"]["started_at"] in done.stdout
    assert quick["provenance"]["device"].split()[0] in done.stdout


def test_list_kinds_prints_each_figure_kind_with_the_data_it_reads():
    from chigai.site.figures import KINDS

    done = run_tool("chigai", "list", "--kinds", cwd=ROOT)
    assert done.returncode == 0, done.stderr
    lines = {line.split()[0]: line for line in done.stdout.splitlines()[2:]}
    assert set(lines) == set(KINDS)
    assert lines["error_vs_lag"].split(None, 1)[1] == (
        "baseline_mse, lags, models.*.{median_mse, mse}, solved_below_mse"
    )


def test_check_reports_each_problem_of_one_article_in_one_line_and_trains_nothing(tmp_path):
    """Lint, a failing test of the article, a stale result, an undeclared model and a page
    that names a missing value: each found, named, with what to do."""
    project = copy_project(tmp_path / "p", (*PROJECT_PARTS, "pyproject.toml"))
    folder = project / "experiments" / "rnn_vs_lstm"
    with (folder / "small_data.py").open("a") as experiment:
        experiment.write("import os\n")  # unused: ruff says so, and the result goes stale
    toml = folder / "article.toml"
    lstm = '[models.lstm]\ncolour = "#2a7ab0"\nja = "LSTM"\nen = "LSTM"\n'
    toml.write_text(toml.read_text().replace(lstm, ""))  # its figures draw an LSTM
    tests = project / "tests" / "experiments" / "rnn_vs_lstm"
    tests.mkdir(parents=True)
    (tests / "test_broken.py").write_text("def test_fails():\n    assert 1 == 2\n")
    page = project / "docs" / "rnn-vs-lstm.en.md"
    page.write_text(page.read_text() + "\n## Broken\n\n{{ results.adding_problem.data.nope }}\n")
    results = {p.name: p.read_bytes() for p in (project / "results").iterdir()}
    done = run_tool("chigai", "check", "rnn-vs-lstm", cwd=project)
    assert done.returncode == 1, done.stdout + done.stderr
    problems = done.stderr.strip().splitlines()
    assert all(line.startswith("chigai check: ") for line in problems)
    said = "\n".join(problems)
    assert "ruff check: experiments/rnn_vs_lstm/small_data.py" in said and "F401" in said
    assert "FAILED tests/experiments/rnn_vs_lstm/test_broken.py::test_fails" in said
    assert re.search(
        r"small_data: results/small_data\.\w+\.json is stale.*`chigai run small_data", said
    )
    assert "experiments/rnn_vs_lstm/article.toml: the article names model 'lstm'" in said
    assert re.search(r"rnn-vs-lstm\.en\.md:\d+: .*'nope'", said)
    assert done.stdout.startswith("  ruff   FAILED")
    assert {p.name: p.read_bytes() for p in (project / "results").iterdir()} == results


def test_check_of_an_article_that_does_not_exist_is_one_line_exit_2():
    done = run_tool("chigai", "check", "cnn-vs-mlp", cwd=ROOT)
    assert done.returncode == 2
    assert done.stderr.startswith("chigai: error: no article 'cnn-vs-mlp': experiments/cnn_vs_mlp/")
    assert len(done.stderr.strip().splitlines()) == 1
