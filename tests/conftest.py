"""Shared fixtures: a throwaway copy of the project, so tests never touch the real results."""

import os
from pathlib import Path

import pytest
from helpers import copy_project, run_tool

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

    One `chigai run`, as a user types it: its trials share both cores, and compute_cost,
    which times steps, runs alone at the end so that no other trial distorts its clock.
    """
    project = copy_project(tmp_path_factory.mktemp("quick"))
    for stored in (project / "results").glob("*.quick.json"):
        stored.unlink()
    done = run_tool(
        "chigai", "run", "--preset", "quick", "--device", "cpu", cwd=project, timeout=900
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-3000:]
    return project
