"""Same bits everywhere: one trial's data does not depend on where or beside what it ran."""

import json
import shutil

import pytest
from helpers import copy_project, run_tool, shrink_adding_quick

from chigai.experiment import read_spec
from chigai.run.executors import Task, execute
from chigai.run.fingerprint import code_fingerprint

RUNS = {
    "sequential": ["--jobs", "1"],
    "two jobs": ["--jobs", "2"],
    "local Ray instance": ["--executor", "ray", "--jobs", "2"],
}


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("executors"))
    # 4 trials (lags 4 and 6, both models, one seed): two run beside each other, and each
    # worker runs more than one, as often as 8 would show it
    shrink_adding_quick(project, steps=200, seeds=(1,))
    return project


def data_after(project, *options: str) -> dict:
    shutil.rmtree(project / ".trials", ignore_errors=True)  # every trial really runs
    done = run_tool("chigai", "run", "adding_problem", *options, cwd=project, timeout=600)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-3000:]
    assert "4 trials ran, 0 reused" in done.stdout
    result = json.loads((project / "results" / "adding_problem.quick.json").read_text())
    for model in result["data"]["models"].values():
        del model["train_seconds_per_lag"]  # a wall-clock time: the only value that may differ
    return result


def test_sequential_two_jobs_and_ray_give_identical_data(project):
    results = {name: data_after(project, *options) for name, options in RUNS.items()}
    reference = results["sequential"]["data"]
    for name, result in results.items():
        assert result["data"] == reference, f"{name} differs from the sequential run"
    trials = {name: result["provenance"]["trials"] for name, result in results.items()}
    assert trials["two jobs"]["jobs"] == 2 and trials["local Ray instance"]["executor"] == "ray"


TINY = """
from dataclasses import dataclass

import torch

from chigai.experiment import PresetConfig

PRESETS = {"quick": {"seeds": [1]}, "full": {"seeds": [1]}}
FIGURES = {}


@dataclass(frozen=True)
class Config(PresetConfig):
    pass


def grid(config):
    return [{"seed": 1}]


def trial(config, point, device):
    return RETURNED


def summarize(config, done):
    return {"findings": {}}


def check_trained(data):
    return None
"""


@pytest.mark.parametrize(
    ("returned", "message"),
    [
        ("{'loss': torch.tensor(0.5)}", "trial() must return plain JSON"),
        ("{'loss': float('nan')}", "output.loss is not a finite number"),
        ("1 / 0", "ZeroDivisionError: division by zero"),
        ("config.seeds[0]", "IndexError"),  # a trial cannot see the sweep, only its point
    ],
)
def test_a_bad_trial_comes_back_as_a_failure_naming_why(tmp_path, returned, message):
    path = tmp_path / "x" / "tiny.py"
    path.parent.mkdir()
    path.write_text(TINY.replace("RETURNED", returned))
    code = code_fingerprint(read_spec(path))
    task = Task("tiny", str(path), "x", {"seeds": [1]}, "quick", {"seed": 1}, "cpu", 1, code)
    outcome = execute(task)
    assert outcome.output is None and message in outcome.error
    assert ".py:" in outcome.error  # and where: file and line


def test_a_trial_of_code_edited_during_the_run_is_refused(tmp_path):
    path = tmp_path / "x" / "tiny.py"
    path.parent.mkdir()
    path.write_text(TINY.replace("RETURNED", "{'loss': 1.0}"))
    planned = code_fingerprint(read_spec(path))
    path.write_text(TINY.replace("RETURNED", "{'loss': 2.0}"))  # edited while trials ran
    task = Task("tiny", str(path), "x", {"seeds": [1]}, "quick", {"seed": 1}, "cpu", 1, planned)
    outcome = execute(task)
    assert outcome.output is None and "code changed during the run" in outcome.error
