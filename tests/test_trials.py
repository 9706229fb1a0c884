"""The trial cache: what a trial's key depends on, and what a trial may see."""

import dataclasses
import textwrap
from pathlib import Path

import pytest

from chigai.experiment import ExperimentError, PresetConfig, read_spec
from chigai.run.cache import TrialCache, checked_grid, settings_of, trial_view
from chigai.trials import Done, Trial

ROOT = Path(__file__).resolve().parents[1]


@dataclasses.dataclass(frozen=True)
class Sweep(PresetConfig):
    lags: tuple[int, ...]
    steps: int


def cache(
    tmp_path, config: PresetConfig, code: str = "c0de", threads: int = 1, software: str = "t1"
) -> TrialCache:
    spec = read_spec(ROOT / "experiments" / "rnn_vs_lstm" / "adding_problem.py")
    return TrialCache(tmp_path, spec, code, settings_of(config), "cpu", threads, software)


def test_adding_a_seed_or_a_lag_keeps_the_keys_of_the_trials_already_run(tmp_path):
    before = cache(tmp_path, Sweep(seeds=(1, 2), lags=(10,), steps=100))
    after = cache(tmp_path, Sweep(seeds=(1, 2, 3), lags=(10, 20), steps=100))
    point = {"lag": 10, "seed": 2, "model": "rnn"}
    assert before.key(point) == after.key(point)
    before.store(Trial(point, {"mse": 0.5}, 1.0))
    assert after.load(point).output == {"mse": 0.5}


@pytest.mark.parametrize(
    "changed",
    [
        {"config": Sweep(seeds=(1,), lags=(10,), steps=200)},  # a shared setting
        {"code": "0ther"},  # the code
        {"threads": 2},  # a different thread count gives different bits
        {"software": "t2"},  # so does another torch version or CPU model
    ],
)
def test_a_trial_runs_again_when_its_code_settings_threads_or_software_change(tmp_path, changed):
    config = Sweep(seeds=(1,), lags=(10,), steps=100)
    point = {"lag": 10, "seed": 1}
    cache(tmp_path, config).store(Trial(point, {"mse": 0.5}, 1.0))
    other = cache(tmp_path, changed.pop("config", config), **changed)
    assert other.load(point) is None


def test_a_damaged_trial_file_is_run_again_not_trusted(tmp_path):
    trials = cache(tmp_path, Sweep(seeds=(1,), lags=(10,), steps=100))
    point = {"lag": 10, "seed": 1}
    trials.store(Trial(point, {"mse": 0.5}, 1.0))
    trials.path(point).write_text('{"point": {"lag": 10, "se')
    assert trials.load(point) is None


def test_a_trial_sees_its_own_settings_but_not_the_sweep():
    view = trial_view(Sweep(seeds=(1, 2), lags=(10, 20), steps=100))
    assert view.steps == 100 and view.lags == () and view.seeds == ()


@pytest.mark.parametrize(
    ("points", "message"),
    [
        ([], "grid() is empty"),
        ([{"seed": 1}, {"seed": 1}], 'yields {"seed": 1} twice'),
        ([{"seed": [1, 2]}], "has 'seed'=[1, 2]"),
        ([{"lr": float("nan")}], "has 'lr'=nan"),
    ],
)
def test_a_bad_grid_is_refused_with_what_is_wrong(points, message):
    with pytest.raises(ExperimentError) as error:
        checked_grid(points, "x.py grid()")
    assert str(error.value).startswith("x.py grid(): ") and message in str(error.value)


def _done() -> Done:
    points = [{"model": model, "seed": seed} for model in ("rnn", "lstm") for seed in (1, 2)]
    return Done([Trial(point, {"mse": point["seed"] / 10}, 0.0) for point in points])


@pytest.mark.parametrize(
    ("ask", "message"),
    [
        (
            lambda done: done.values("mes", model="rnn"),
            "no trial's output has 'mes': the outputs have mse; check the name in summarize()",
        ),
        (
            lambda done: done.values("mse", modle="rnn"),
            "no trial's point has 'modle': the points have model, seed; check the name in "
            "summarize()",
        ),
        (
            lambda done: done.matching(sede=1),
            "no trial's point has 'sede': the points have model, seed; check the name in "
            "summarize()",
        ),
        (
            lambda done: done.one(modle="rnn", seed=1),
            "no trial's point has 'modle': the points have model, seed; check the name in "
            "summarize()",
        ),
    ],
    ids=["output key", "point key in values", "point key in matching", "point key in one"],
)
def test_a_misspelled_key_in_summarize_fails_naming_the_keys_there_are(ask, message):
    """Not `[]`, which a summary would read as a setting that has no trials."""
    with pytest.raises(KeyError) as error:
        ask(_done())
    assert str(error.value) == message


def test_a_setting_without_trials_is_still_an_empty_list():
    done = _done()
    assert done.values("mse", model="rnn") == [0.1, 0.2] and done.values("mse", model="gru") == []


def test_each_trial_comes_back_to_its_own_slot_even_where_points_compare_equal(tmp_path):
    """1, 1.0 and True are equal in Python but are three points of the grid."""
    experiment = tmp_path / "experiments" / "slots" / "scales.py"
    experiment.parent.mkdir(parents=True)
    (tmp_path / "results").mkdir()
    experiment.write_text(
        textwrap.dedent(
            """
            from chigai.experiment import PresetConfig

            PRESETS = {"quick": {"seeds": [1]}, "full": {"seeds": [1]}}
            FIGURES = {}
            Config = PresetConfig

            def grid(config):
                return [{"scale": 1}, {"scale": 1.0}, {"scale": True}]

            def trial(config, point, device):
                return {"seen": repr(point["scale"])}

            def summarize(config, done):
                return {"seen": [t.output["seen"] for t in done.trials], "findings": {}}

            def check_trained(data):
                return None
            """
        )
    )
    from chigai.run.runner import run_experiment  # imports torch: only here

    result = run_experiment(tmp_path, read_spec(experiment), "quick", "cpu")
    assert result.data["seen"] == ["1", "1.0", "True"]
