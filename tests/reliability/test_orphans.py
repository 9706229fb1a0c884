"""A `chigai run --jobs 2` that dies leaves no worker training behind it."""

import os
import signal
import subprocess
import time
from pathlib import Path

import pytest
from helpers import BIN, copy_project, shrink_adding_quick, wait_for_line


def descendants(pid: int) -> set[int]:
    """Every process below `pid` (Linux /proc), for as long as they are not reaped."""
    found, todo = set(), [pid]
    while todo:
        for task in Path(f"/proc/{todo.pop()}/task").glob("*"):
            try:
                children = {int(child) for child in (task / "children").read_text().split()}
            except OSError:
                continue
            todo += children - found
            found |= children
    return found


def alive(pids: set[int]) -> set[int]:
    """Those of pids still running (a zombie waits only for its parent to reap it)."""
    running = set()
    for pid in pids:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if state != "Z":
            running.add(pid)
    return running


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc")
@pytest.mark.parametrize("signum", [signal.SIGKILL, signal.SIGINT])
def test_workers_die_with_their_run(tmp_path, signum):
    """kill -9 gives the parent no chance to stop them: they stop themselves; Ctrl-C makes
    the parent stop them before it exits."""
    project = copy_project(tmp_path / "p")
    shrink_adding_quick(project, steps=100_000, seeds=(1, 2))  # minutes per trial
    command = [str(BIN / "chigai"), "run", "adding_problem", "--device", "cpu", "--jobs", "2"]
    run = subprocess.Popen(
        command, cwd=project, start_new_session=True, stderr=subprocess.PIPE, text=True
    )
    workers: set[int] = set()
    try:
        wait_for_line(run, "running adding_problem", timeout=120)
        deadline = time.monotonic() + 60
        while len(workers) < 2 and time.monotonic() < deadline:  # both started training
            time.sleep(0.5)
            workers = alive(descendants(run.pid))
        assert len(workers) >= 2, f"the run started {len(workers)} worker processes"
        time.sleep(2)
        run.send_signal(signum)
        run.wait(timeout=30)
        deadline = time.monotonic() + 10
        while alive(workers) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not alive(workers), f"still running {len(alive(workers))}s after the run died"
    finally:
        for pid in alive(workers | {run.pid}):
            os.kill(pid, signal.SIGKILL)
        run.stderr.close()
