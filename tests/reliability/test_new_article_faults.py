"""`chigai new` that cannot finish: one line saying so, and the project as it was."""

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from helpers import BIN, copy_project, run_tool

NOBODY = 65534


def project_state(project: Path) -> dict[str, bytes]:
    paths = [project / "mkdocs.yml", *(project / "docs").rglob("*")]
    paths += (project / "experiments").rglob("*")
    return {
        str(path.relative_to(project)): path.read_bytes()
        for path in paths
        if path.is_file() and "__pycache__" not in path.parts
    }


@pytest.fixture
def readable_project():
    """A project copy that another user can read but not write (root writes anywhere, so
    as root the test runs chigai as nobody); pytest's own tmp folders are private."""
    folder = Path(tempfile.mkdtemp(prefix="chigai-readonly-"))
    folder.chmod(0o755)
    project = copy_project(folder / "p")
    yield project
    shutil.rmtree(folder, ignore_errors=True)


def as_someone_who_cannot_write(project: Path) -> list[str]:
    """The command prefix that runs chigai without write access to the project."""
    if os.geteuid() != 0:
        for path in [project, *project.rglob("*")]:
            if path.is_dir() and not path.is_symlink():
                path.chmod(0o555)
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: no user here lacks write access")
    prefix = [setpriv, f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"]
    probe = subprocess.run([*prefix, str(BIN / "chigai"), "--help"], capture_output=True)
    if probe.returncode != 0:
        pytest.skip("user nobody cannot run this checkout's chigai (a private folder)")
    return prefix


def test_an_unwritable_project_is_one_line_exit_2_and_nothing_changes(readable_project):
    project = readable_project
    prefix = as_someone_who_cannot_write(project)
    before = project_state(project)
    done = subprocess.run(
        [*prefix, str(BIN / "chigai"), "new", "cnn-vs-mlp", "--ja", "CNN と MLP", "--en", "CNN"],
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
    )
    for path in [project, *project.rglob("*")]:  # let the fixture clean up
        if path.is_dir() and not path.is_symlink():
            path.chmod(0o755)
    assert done.returncode == 2, done.stderr
    (line,) = done.stderr.strip().splitlines()
    assert line.startswith("chigai: error: cannot write in experiments/ (Permission denied)")
    assert "nothing was written" in line and "run `chigai new cnn-vs-mlp --ja" in line
    assert project_state(project) == before
    assert not (project / "experiments" / "cnn_vs_mlp").exists()


INTERRUPT_ON_THIRD_WRITE = """
import sys
import chigai.site.scaffold as scaffold
from chigai.cli import main

real, calls = scaffold.write_atomically, []

def write_then_interrupt(path, content):
    calls.append(path)
    if len(calls) == 3:  # the experiment and article.toml are written, the pages not yet
        raise KeyboardInterrupt
    real(path, content)

scaffold.write_atomically = write_then_interrupt
sys.exit(main(["new", "cnn-vs-mlp", "--ja", "CNN と MLP", "--en", "CNN vs MLP"]))
"""


def test_ctrl_c_during_new_says_what_new_did_not_what_run_does(tmp_path):
    project = copy_project(tmp_path / "p")
    before = project_state(project)
    done = subprocess.run(
        [sys.executable, "-c", INTERRUPT_ON_THIRD_WRITE],
        cwd=project,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 130, done.stderr
    (line,) = done.stderr.strip().splitlines()
    assert line.startswith("chigai: interrupted; the new article's files were removed")
    assert "run `chigai new` again" in line and ".trials" not in line
    assert project_state(project) == before
    again = run_tool(
        "chigai", "new", "cnn-vs-mlp", "--ja", "CNN と MLP", "--en", "CNN", cwd=project
    )
    assert again.returncode == 0, again.stderr
