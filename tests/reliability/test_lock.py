"""Two `chigai run`s of one experiment: the second waits, and says so; one writer at a time."""

import json
import subprocess

from helpers import BIN, copy_project, shrink_adding_quick, wait_for_line


def test_a_second_run_waits_for_the_first(tmp_path):
    project = copy_project(tmp_path / "p")
    shrink_adding_quick(project, steps=3000)  # long enough for the second to import torch
    command = [str(BIN / "chigai"), "run", "adding_problem", "--device", "cpu"]
    first = subprocess.Popen(command, cwd=project, stderr=subprocess.PIPE, text=True)
    wait_for_line(first, "running adding_problem")
    second = subprocess.Popen(command, cwd=project, stderr=subprocess.PIPE, text=True)
    wait_for_line(second, "is being written by another chigai run; waiting for it")
    assert first.poll() is None, "the first run should still hold the lock"
    assert first.wait(timeout=120) == 0
    assert second.wait(timeout=120) == 0
    stored = json.loads((project / "results" / "adding_problem.quick.json").read_text())
    assert stored["experiment"] == "adding_problem"
