"""The chigai command as a user runs it: a real process, its output and exit code."""

import json

import pytest
from helpers import ROOT, copy_project, run_tool


def test_help_lists_the_commands():
    done = run_tool("chigai", "--help", cwd=ROOT)
    assert done.returncode == 0
    for command in ("run", "status", "list"):
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


def test_a_bad_preset_value_is_refused_before_training(tmp_path):
    project = copy_project(tmp_path / "p")
    experiment = project / "experiments" / "rnn_vs_lstm" / "adding_problem.py"
    experiment.write_text(
        experiment.read_text().replace('"hidden_size": 64', '"hidden_size": 0', 1)
    )
    done = run_tool("chigai", "run", "adding_problem", cwd=project)
    assert done.returncode == 2
    assert "hidden_size: must be > 0, got 0" in done.stderr


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
