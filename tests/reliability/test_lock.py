"""Two `chigai run`s of one experiment: one writer at a time, and no training twice."""

import json
import os
import signal
import subprocess

from helpers import BIN, copy_project, shrink_adding_quick, started, wait_for_line


def test_a_second_run_waits_then_uses_the_fresh_result_instead_of_training_again(tmp_path):
    project = copy_project(tmp_path / "p")
    shrink_adding_quick(project, steps=200)
    command = [str(BIN / "chigai"), "run", "adding_problem", "--device", "cpu"]
    stored = project / "results" / "adding_problem.quick.json"
    with started(command, cwd=project, stderr=subprocess.PIPE, text=True) as first:
        wait_for_line(first, "running adding_problem")  # logged once it holds the lock
        # paused (its trial workers too) until the second is seen waiting: however short
        # its training, the first still holds the lock when the second asks for it
        os.killpg(first.pid, signal.SIGSTOP)
        with started(command, cwd=project, stderr=subprocess.PIPE, text=True) as second:
            try:
                wait_for_line(second, "is being written by another chigai run; waiting for it")
            finally:
                os.killpg(first.pid, signal.SIGCONT)
            assert first.poll() is None, "the first run should still hold the lock"
            assert first.wait(timeout=180) == 0
            written = stored.read_bytes()
            assert second.wait(timeout=120) == 0
            log = second.stderr.read()
    assert "the other run wrote a fresh result; using it" in log
    assert "running adding_problem" not in log  # it never trained
    assert stored.read_bytes() == written
    assert json.loads(written)["experiment"] == "adding_problem"
