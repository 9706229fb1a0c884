"""Shared fixtures: a throwaway copy of the project, so tests never touch the real results."""

import os
import subprocess
from pathlib import Path

import pytest
from helpers import BIN, copy_project, run_tool

from chigai.experiment import discover

# One math thread per process, set before torch or numpy is imported: the suite's small
# models run as fast on one, and several threads per process thrash on a busy machine
# (chigai's own runs do the same through CHIGAI_THREADS; README "Performance").
for variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(variable, "1")


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built strictly once from a copy of the project; returns site_dir."""
    project = copy_project(tmp_path_factory.mktemp("project"))
    done = run_tool("mkdocs", "build", "--strict", cwd=project)
    assert done.returncode == 0, done.stderr[-3000:]
    return project / "site"


@pytest.fixture(scope="session")
def quick_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project copy where every experiment has just run at the quick preset, for real.

    Two lanes of one thread each use both cores; compute_cost, which times steps, runs
    alone afterwards so that the other lane cannot distort its clock.
    """
    project = copy_project(tmp_path_factory.mktemp("quick"))
    for stored in (project / "results").glob("*.quick.json"):
        stored.unlink()
    ids = sorted(spec for spec in discover(project) if spec != "compute_cost")
    lanes = [
        subprocess.Popen(
            [str(BIN / "chigai"), "run", *lane, "--preset", "quick", "--device", "cpu"],
            cwd=project,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        for lane in (ids[0::2], ids[1::2])
    ]
    try:
        outputs = [lane.communicate(timeout=600)[0] for lane in lanes]
    finally:
        for lane in lanes:
            lane.kill()
    assert all(lane.returncode == 0 for lane in lanes), "\n".join(outputs)[-4000:]
    done = run_tool("chigai", "run", "compute_cost", "--device", "cpu", cwd=project)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-3000:]
    return project
