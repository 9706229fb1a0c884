"""Shared fixtures: a throwaway copy of the project, so tests never touch the real results."""

from pathlib import Path

import pytest
from helpers import copy_project, run_tool


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built strictly once from a copy of the project; returns site_dir."""
    project = copy_project(tmp_path_factory.mktemp("project"))
    done = run_tool("mkdocs", "build", "--strict", cwd=project)
    assert done.returncode == 0, done.stderr[-3000:]
    return project / "site"
