"""Ctrl-C or SIGTERM in the middle of `chigai run` leaves no partial result behind."""

import signal
import subprocess
import time

import pytest
from helpers import BIN, copy_project, run_tool, shrink_adding_quick, started, wait_for_line


def assert_interrupted_cleanly(run: subprocess.Popen, project, before: bytes) -> None:
    assert run.wait(timeout=60) == 130
    assert "interrupted" in run.stderr.read()
    assert (project / "results" / "adding_problem.quick.json").read_bytes() == before
    assert not list((project / "results").glob("*.tmp")) and not list(
        (project / "results").glob(".*.tmp")
    )


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_an_interrupted_run_keeps_the_old_result_and_the_next_run_starts_cleanly(tmp_path, signum):
    project = copy_project(tmp_path / "p")
    shrink_adding_quick(project, steps=100_000)  # long enough to be interrupted mid-training
    stored = project / "results" / "adding_problem.quick.json"
    before = stored.read_bytes()
    command = [str(BIN / "chigai"), "run", "adding_problem", "--device", "cpu"]
    with started(command, cwd=project, stderr=subprocess.PIPE, text=True) as run:
        wait_for_line(run, "running adding_problem")
        time.sleep(1.0)
        run.send_signal(signum)
        assert_interrupted_cleanly(run, project, before)

    shrink_adding_quick(project, steps=200)  # enough to pass check_trained
    again = run_tool("chigai", "run", "adding_problem", "--device", "cpu", cwd=project, timeout=120)
    assert again.returncode == 0, again.stderr[-2000:]
    assert stored.read_bytes() != before


def test_ctrl_c_reaches_a_run_started_as_a_background_job(tmp_path):
    """A shell starts `chigai run &` with SIGINT ignored; chigai must take it back."""
    project = copy_project(tmp_path / "p")
    shrink_adding_quick(project, steps=100_000)
    before = (project / "results" / "adding_problem.quick.json").read_bytes()
    script = f"'{BIN / 'chigai'}' run adding_problem --device cpu & echo $!; wait $!; echo rc=$?"
    with started(
        ["bash", "-c", script],
        cwd=project,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as shell:
        pid = int(shell.stdout.readline())
        wait_for_line(shell, "running adding_problem")
        time.sleep(1.0)
        subprocess.run(["kill", "-INT", str(pid)], check=True)
        assert shell.stdout.readline().strip() == "rc=130"
        assert shell.wait(timeout=30) == 0
        assert "interrupted" in shell.stderr.read()
    assert (project / "results" / "adding_problem.quick.json").read_bytes() == before
