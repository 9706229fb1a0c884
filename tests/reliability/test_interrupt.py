"""Ctrl-C or SIGTERM in the middle of `chigai run` leaves no partial result behind."""

import signal
import subprocess
import time

import pytest
from helpers import BIN, copy_project, run_tool, shrink_adding_quick, wait_for_line


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_an_interrupted_run_keeps_the_old_result_and_the_next_run_starts_cleanly(tmp_path, signum):
    project = copy_project(tmp_path / "p")
    shrink_adding_quick(project, steps=100_000)  # long enough to be interrupted mid-training
    stored = project / "results" / "adding_problem.quick.json"
    before = stored.read_bytes()
    run = subprocess.Popen(
        [str(BIN / "chigai"), "run", "adding_problem", "--device", "cpu"],
        cwd=project,
        stderr=subprocess.PIPE,
        text=True,
    )
    wait_for_line(run, "running adding_problem")
    time.sleep(1.0)
    run.send_signal(signum)
    assert run.wait(timeout=60) == 130
    assert "interrupted" in run.stderr.read()
    assert stored.read_bytes() == before
    assert not list((project / "results").glob("*.tmp")) and not list(
        (project / "results").glob(".*.tmp")
    )

    shrink_adding_quick(project, steps=20)
    again = run_tool("chigai", "run", "adding_problem", "--device", "cpu", cwd=project, timeout=120)
    assert again.returncode == 0, again.stderr[-2000:]
    assert stored.read_bytes() != before
