"""Presets a machine cannot run, or chigai cannot read: refused in one line, before training."""

import pytest
from helpers import copy_project, run_tool

EXPERIMENT = "experiments/rnn_vs_lstm/adding_problem.py"


def set_quick(project, key: str, value: str) -> None:
    """Write `value` (Python source) as the quick preset's `key` in adding_problem.py."""
    path = project / EXPERIMENT
    source = path.read_text()
    at = source.index(f'"{key}": ', source.index('"quick": {'))
    path.write_text(source[:at] + f'"{key}": {value}' + source[source.index(",", at) :])


def snapshot(project) -> dict:
    return {p.name: p.read_bytes() for p in (project / "results").iterdir()}


def test_a_preset_too_large_for_memory_is_refused_naming_the_keys(tmp_path):
    """steps = 2e9 at batch 64 would be 1 TB of batch indices: every trial used to fail
    with torch's "can't allocate 1024000000000 bytes" after the workers started."""
    project = copy_project(tmp_path / "p")
    set_quick(project, "steps", "2_000_000_000")
    before = snapshot(project)
    done = run_tool("chigai", "run", "adding_problem", "--device", "cpu", cwd=project, timeout=120)
    assert done.returncode == 2, done.stderr[-2000:]
    (line,) = done.stderr.strip().splitlines()
    assert "adding_problem.py PRESETS['quick']: a trial would need at least" in line
    assert "minibatch indices (steps × batch_size = 2,000,000,000 × 64" in line
    assert "of memory here; lower steps or batch_size" in line
    assert snapshot(project) == before


@pytest.mark.parametrize("command", [["chigai", "run", "adding_problem"], ["chigai", "status"]])
def test_a_preset_written_as_an_expression_shows_its_text(tmp_path, command):
    project = copy_project(tmp_path / "p")
    set_quick(project, "steps", "10 * 5")
    done = run_tool(*command, cwd=project, timeout=120)
    assert done.returncode == 2
    (line,) = done.stderr.strip().splitlines()
    assert "adding_problem.py:" in line and "PRESETS['quick']['steps'] is the expression" in line
    assert "`10 * 5`" in line and "must be plain literals" in line and "write the value" in line
    assert "ast." not in line and "object at 0x" not in line


def test_the_site_build_names_the_expression_too(tmp_path):
    project = copy_project(tmp_path / "p")
    set_quick(project, "seeds", "list(range(3))")
    done = run_tool("mkdocs", "build", cwd=project, timeout=120)
    assert done.returncode == 1
    assert "PRESETS['quick']['seeds'] is the expression `list(range(3))`" in done.stderr
    assert "object at 0x" not in done.stderr and "Traceback" not in done.stderr
