"""Provenance of a run: which commit, and whether the code differed from it."""

import json
import re
import subprocess

from helpers import copy_project, run_tool

from chigai.run.provenance import git_commit


def git(folder, *args: str) -> None:
    subprocess.run(["git", *args], cwd=folder, check=True, capture_output=True)


def test_a_commit_is_dirty_when_code_changed_but_not_when_results_did(tmp_path):
    git(tmp_path, "init", "-q")
    (tmp_path / "results").mkdir()
    (tmp_path / "results" / "x.quick.json").write_text("{}")
    (tmp_path / "code.py").write_text("A = 1\n")
    git(tmp_path, "add", ".")
    git(tmp_path, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "start")
    clean = git_commit(tmp_path)
    assert len(clean) == 12 and not clean.endswith("-dirty")
    (tmp_path / "results" / "x.quick.json").write_text('{"another": "run"}')
    assert git_commit(tmp_path) == clean  # a run beside this one rewrote a result
    (tmp_path / "code.py").write_text("A = 2\n")
    assert git_commit(tmp_path) == f"{clean}-dirty"


def test_outside_a_repository_the_commit_is_unknown(tmp_path):
    assert git_commit(tmp_path) == "unknown"


def test_a_full_run_refuses_uncommitted_code_unless_allowed_and_then_says_so(tmp_path):
    project = copy_project(tmp_path / "p")
    experiment = project / "experiments" / "rnn_vs_lstm" / "adding_problem.py"
    tiny = '"full": {"lags": [4], "seeds": [1], "hidden_size": 8, "steps": 200, '
    tiny += '"batch_size": 16, "lrs": [0.01], "train_size": 128, "validation_size": 64, '
    tiny += '"test_size": 64},\n}'
    source = experiment.read_text()
    experiment.write_text(re.sub(r'"full": \{.*?\},\n\}', tiny, source, count=1, flags=re.S))
    git(project, "init", "-q")
    git(project, "add", ".")
    git(project, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "start")
    experiment.write_text(experiment.read_text() + "# an uncommitted edit\n")

    refused = run_tool("chigai", "run", "adding_problem", "--preset", "full", cwd=project)
    assert refused.returncode == 2
    assert "experiments/rnn_vs_lstm/adding_problem.py differ from the last commit" in (
        refused.stderr
    )
    allowed = run_tool(
        "chigai", "run", "adding_problem", "--preset", "full", "--allow-dirty", cwd=project
    )
    assert allowed.returncode == 0, allowed.stderr[-2000:]
    stored = json.loads((project / "results" / "adding_problem.full.json").read_text())
    assert stored["provenance"]["dirty_allowed"] is True
    assert stored["provenance"]["commit"].endswith("-dirty")
