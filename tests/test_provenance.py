"""Provenance of a run: which commit, and whether the code differed from it."""

import subprocess

from chigai.provenance import git_commit


def git(folder, *args: str) -> None:
    subprocess.run(["git", *args], cwd=folder, check=True, capture_output=True)


def test_a_commit_is_dirty_when_code_changed_but_not_when_results_did(tmp_path):
    git(tmp_path, "init", "-q")
    (tmp_path / "results").mkdir()
    (tmp_path / "results" / "x.quick.json").write_text("{}")
    (tmp_path / "code.py").write_text("A = 1\n")
    git(tmp_path, "add", ".")
    git(tmp_path, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "start")
    clean = git_commit(tmp_path)
    assert len(clean) == 12 and not clean.endswith("-dirty")
    (tmp_path / "results" / "x.quick.json").write_text('{"another": "run"}')
    assert git_commit(tmp_path) == clean  # a run beside this one rewrote a result
    (tmp_path / "code.py").write_text("A = 2\n")
    assert git_commit(tmp_path) == f"{clean}-dirty"


def test_outside_a_repository_the_commit_is_unknown(tmp_path):
    assert git_commit(tmp_path) == "unknown"
