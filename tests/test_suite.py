"""The suite's own machinery: the persistent trial cache behind `quick_project`, and the
folders that xdist workers share (tests/helpers.py, tests/conftest.py)."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import (
    FIGURE_CACHE,
    ROOT,
    TRIAL_CACHE,
    copy_project,
    keep_trials,
    once,
    prune_kept,
    run_tool,
    seed_trials,
    trial_files,
)


def _names(folder: Path) -> set[str]:
    return {path.relative_to(folder).as_posix() for path in folder.rglob("*.json")}


def test_the_cache_keeps_exactly_the_trials_the_quick_run_used(quick_project):
    used = {p.relative_to(quick_project / ".trials").as_posix() for p in trial_files(quick_project)}
    assert used and _names(quick_project / ".trials") >= used
    assert _names(TRIAL_CACHE) == used


def test_a_cached_trial_is_reused_under_its_key_and_an_edited_one_is_not(quick_project, tmp_path):
    """A copy elsewhere reuses every cached trial of an unchanged experiment (the key does
    not depend on where the project is), and retrains an edited one's, but only its own."""
    project = copy_project(tmp_path / "p")
    architecture = project / "experiments" / "rnn_vs_lstm" / "architecture.py"
    source = architecture.read_text()  # an edit to the code trial() runs: its key changes
    architecture.write_text(source.replace('hidden = point["hidden"]', 'hidden = +point["hidden"]'))
    seed_trials(project, TRIAL_CACHE)
    done = run_tool(
        "chigai", "run", "architecture", "heads_layers", "--preset", "quick", "--device", "cpu",
        cwd=project,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    summary = re.findall(r"(\w+) +ok \((\d+) trials ran, (\d+) reused\)", done.stdout)
    reused = {name: (int(ran), int(kept)) for name, ran, kept in summary}
    assert reused["heads_layers"][0] == 0 and reused["heads_layers"][1] > 0
    assert reused["architecture"][0] > 0 and reused["architecture"][1] == 0
    ours = json.loads((project / "results" / "heads_layers.quick.json").read_text())["data"]
    fixture = json.loads((quick_project / "results" / "heads_layers.quick.json").read_text())
    assert ours == fixture["data"]  # the same trials summarize to the same result


def test_keeping_trials_drops_the_ones_no_run_uses(quick_project, tmp_path):
    project = copy_project(tmp_path / "p", parts=("experiments", "src", "mkdocs.yml"))
    cache = tmp_path / "cache"
    stale = cache / "architecture" / "0123456789abcdef01234567.json"
    stale.parent.mkdir(parents=True)
    stale.write_text("{}")
    seed_trials(project, cache)
    current = trial_files(quick_project)[0]
    copied = project / current.relative_to(quick_project)
    copied.parent.mkdir(parents=True, exist_ok=True)
    copied.write_bytes(current.read_bytes())
    keep_trials(project, cache)
    assert _names(cache) == {current.relative_to(quick_project / ".trials").as_posix()}


def test_a_shared_folder_is_made_once_and_a_failure_is_repeated(tmp_path_factory):
    made: list[Path] = []
    first = once(tmp_path_factory, "probe", made.append)
    assert once(tmp_path_factory, "probe", made.append) == first and made == [first]

    def broken(folder: Path) -> None:
        raise AssertionError("the build broke")

    with pytest.raises(AssertionError, match="the build broke"):
        once(tmp_path_factory, "broken", broken)
    with pytest.raises(pytest.fail.Exception, match=r"made by another worker.*the build broke"):
        once(tmp_path_factory, "broken", made.append)
    assert made == [first]


def test_copies_share_the_kept_figures_and_old_ones_are_dropped(tmp_path):
    figures = copy_project(tmp_path / "p", parts=()) / ".cache" / "chigai" / "figures"
    assert figures.resolve() == FIGURE_CACHE.resolve()
    old, new = tmp_path / "old.svg", tmp_path / "new.svg"
    for path in (old, new):
        path.write_text("<svg/>")
    os.utime(old, (0, 0))
    prune_kept(tmp_path, days=1)
    assert not old.exists() and new.exists()


def _selected(marker: str, *paths: str) -> set[str]:
    """The files of the tests that `-m marker` selects among `paths`, collecting only."""
    collect = [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider"]
    done = subprocess.run(
        [*collect, "-m", marker, *paths],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    return {line.split("::")[0] for line in done.stdout.splitlines() if "::" in line}


def test_the_tiers_mark_processes_and_trained_projects_slow_and_the_browser_tests_so():
    files = ("tests/site/test_serve.py", "tests/test_trials.py", "tests/browser/test_pages.py")
    assert _selected("slow", *files) == {files[0], files[2]}  # a server; the built site
    assert _selected("not slow", *files) == {files[1]}
    assert _selected("browser", *files) == {files[2]}
