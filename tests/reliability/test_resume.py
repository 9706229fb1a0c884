"""Interrupted, failed or extended runs: only the missing trials run again."""

import json
import re
import signal
import subprocess
import time

from helpers import BIN, copy_project, run_tool, shrink_adding_quick, started

TRIALS = 12  # lags 4 and 6 x seeds 1-3 x RNN and LSTM


def result_data(project) -> dict:
    data = json.loads((project / "results" / "adding_problem.quick.json").read_text())["data"]
    for model in data["models"].values():
        del model["train_seconds_per_lag"]  # a wall-clock time: the only value that may differ
    return data


def plan_line(stderr: str) -> str:
    return re.search(r"\d+ trials, \d+ cached, \d+ to run", stderr).group(0)


def test_a_run_interrupted_half_way_resumes_with_only_the_missing_trials(tmp_path):
    reference = copy_project(tmp_path / "reference")
    shrink_adding_quick(reference, steps=300, seeds=(1, 2, 3))
    done = run_tool("chigai", "run", "adding_problem", "--jobs", "1", cwd=reference)
    assert done.returncode == 0, done.stderr[-2000:]

    project = copy_project(tmp_path / "p")
    shrink_adding_quick(project, steps=300, seeds=(1, 2, 3))
    before = (project / "results" / "adding_problem.quick.json").read_bytes()
    stored = project / ".trials" / "adding_problem"
    command = [str(BIN / "chigai"), "run", "adding_problem", "--jobs", "1"]
    with started(command, cwd=project, stderr=subprocess.PIPE, text=True) as run:
        deadline = time.monotonic() + 120
        while len(list(stored.glob("*.json"))) < TRIALS // 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        run.send_signal(signal.SIGINT)
        assert run.wait(timeout=60) == 130
        assert "finished trials are kept in .trials/" in run.stderr.read()
    kept = len(list(stored.glob("*.json")))
    assert TRIALS // 2 <= kept < TRIALS
    assert (project / "results" / "adding_problem.quick.json").read_bytes() == before

    resumed = run_tool("chigai", "run", "adding_problem", "--jobs", "1", cwd=project)
    assert resumed.returncode == 0, resumed.stderr[-2000:]
    assert plan_line(resumed.stderr) == f"{TRIALS} trials, {kept} cached, {TRIALS - kept} to run"
    assert f"{TRIALS - kept} trials ran, {kept} reused" in resumed.stdout
    assert result_data(project) == result_data(reference)  # the same bits as one long run


def test_adding_a_seed_runs_only_the_new_seeds_trials(tmp_path):
    project = copy_project(tmp_path / "p")
    shrink_adding_quick(project, steps=200, seeds=(1, 2))
    first = run_tool("chigai", "run", "adding_problem", "--jobs", "1", cwd=project)
    assert first.returncode == 0, first.stderr[-2000:]
    two_seeds = result_data(project)

    shrink_adding_quick(project, steps=200, seeds=(1, 2, 3))
    status = run_tool("chigai", "status", cwd=project)
    assert "adding_problem quick: 8/12 trials cached" in status.stdout
    second = run_tool("chigai", "run", "adding_problem", "--jobs", "1", cwd=project)
    assert second.returncode == 0, second.stderr[-2000:]
    assert plan_line(second.stderr) == "12 trials, 8 cached, 4 to run"
    three_seeds = result_data(project)
    for model in ("rnn", "lstm"):
        for per_lag_before, per_lag_after in zip(
            two_seeds["models"][model]["mse"], three_seeds["models"][model]["mse"], strict=True
        ):
            assert per_lag_after[:2] == per_lag_before  # seeds 1 and 2 reused, bit for bit
            assert len(per_lag_after) == 3
