"""Each test process's build cache (helpers.SHARED_CACHE, a folder in the temp dir) goes
when the run ends, and those of killed runs at the next run's start: none pile up."""

import os
import subprocess
import sys
from pathlib import Path

from helpers import ROOT, prune_shared_caches


def _caches(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.glob("chigai-test-cache-*"))


def test_a_run_with_a_worker_leaves_no_cache_folder_behind(tmp_path):
    command = [sys.executable, "-m", "pytest", "-n", "1", "-q", "-p", "no:cacheprovider"]
    test = "tests/tasks/test_reversal.py"
    done = subprocess.run(
        [*command, test, "--basetemp", str(tmp_path / "base")],
        cwd=ROOT,
        env={**os.environ, "TMPDIR": str(tmp_path)},  # where tempfile makes SHARED_CACHE
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert "1 passed" in done.stdout
    assert _caches(tmp_path) == []


def test_the_caches_of_gone_processes_are_pruned_and_live_ones_kept(tmp_path):
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    names = [
        f"chigai-test-cache-{gone.pid}-a1b2",  # its process ended without removing it
        f"chigai-test-cache-{os.getpid()}-c3d4",  # this process's: in use
        f"chigai-test-cache-{os.getppid()}-e5f6",  # another live process's
    ]
    for name in names:
        (tmp_path / name / "chigai").mkdir(parents=True)
    prune_shared_caches(tmp_path)
    assert _caches(tmp_path) == sorted(names[1:])
