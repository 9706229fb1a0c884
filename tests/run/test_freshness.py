import json
import shutil
from pathlib import Path

import pytest
from helpers import PROVENANCE

from chigai.experiment import PRESET_NAMES, ExperimentError, discover, read_spec
from chigai.run.fingerprint import fingerprint
from chigai.run.freshness import State, best, check, check_all, policy_from_env
from chigai.run.results import Result, result_path, save_result

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def project(tmp_path) -> Path:
    target = tmp_path / "experiments" / "rnn_vs_lstm"
    target.mkdir(parents=True)
    shutil.copy2(ROOT / "experiments" / "rnn_vs_lstm" / "adding_problem.py", target)
    return tmp_path


def store(project: Path, preset: str, code: str) -> None:
    data = {"findings": {}}
    save_result(
        Result(
            "adding_problem",
            preset,
            code,
            PROVENANCE,
            data,
            result_path(project, "adding_problem", preset),
        )
    )


def spec_of(project: Path):
    return read_spec(project / "experiments" / "rnn_vs_lstm" / "adding_problem.py")


def test_states_missing_fresh_stale_broken(project):
    spec = spec_of(project)
    assert check(project, spec, "quick").state is State.MISSING
    store(project, "quick", fingerprint(spec, "quick"))
    assert check(project, spec, "quick").state is State.FRESH
    experiment = spec.path
    experiment.write_text(experiment.read_text() + "\nAN_EDIT = 1\n")  # code, not a comment
    assert check(project, spec_of(project), "quick").state is State.STALE
    result_path(project, "adding_problem", "quick").write_text("{ truncated")
    broken = check(project, spec, "quick")
    assert broken.state is State.BROKEN and "not valid JSON" in broken.problem


def test_the_site_prefers_fresh_full_then_fresh_quick_then_stale(project):
    spec = spec_of(project)
    store(project, "quick", fingerprint(spec, "quick"))
    store(project, "full", "old-code")
    assert best(check_all(project, spec)).preset == "quick"  # fresh quick beats stale full
    store(project, "full", fingerprint(spec, "full"))
    assert best(check_all(project, spec)).preset == "full"
    store(project, "full", "old-code")
    store(project, "quick", "old-code")
    chosen = best(check_all(project, spec))
    assert (chosen.preset, chosen.state) == ("full", State.STALE)


def test_policy_comes_from_the_environment_and_bogus_values_are_refused():
    assert policy_from_env(None) == "rerun"
    assert policy_from_env("WARN") == "warn"
    with pytest.raises(ExperimentError, match="CHIGAI_ON_STALE='bogus' is not a policy"):
        policy_from_env("bogus")


@pytest.mark.parametrize("preset", PRESET_NAMES)
def test_published_results_are_fresh(preset):
    """What main publishes (full) and tests use (quick) must match main's code."""
    stale = []
    for spec in discover(ROOT).values():
        entry = check(ROOT, spec, preset)
        if entry.state is not State.FRESH:
            why = entry.problem or entry.state.value
            stale.append(f"{spec.id}: {why} -> {spec.command(preset)}")
    assert not stale, stale


def test_committed_result_files_are_small_plain_json():
    for path in (ROOT / "results").glob("*.json"):
        assert path.stat().st_size < 1_000_000, path
        json.loads(path.read_text())
