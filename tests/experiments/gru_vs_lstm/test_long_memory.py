"""Long memory with three models of one size: disjoint splits, matched weights, and
findings that follow made-up trials (no training)."""

import functools
from pathlib import Path

import pytest
from helpers import assert_disjoint

from chigai.experiment import read_spec
from chigai.models.recurrent import parameter_count
from chigai.run.loading import prepare
from chigai.trials import Done, Trial

SPEC = read_spec(Path(__file__).parents[3] / "experiments" / "gru_vs_lstm" / "long_memory.py")


@functools.cache
def loaded(preset: str):
    """The module and config, imported once per preset so that its cached width search
    runs once."""
    return prepare(SPEC, preset)


BASELINE = 1 / 6


@pytest.mark.parametrize("preset", ["quick", "full"])
def test_the_splits_share_no_sequence(preset):
    module, config = loaded(preset)
    assert_disjoint(module.splits(config, {"lag": config.lags[-1], "seed": config.seeds[0]}))


@pytest.mark.slow  # several seconds: chigai check runs the fast tier
@pytest.mark.parametrize("preset", ["quick", "full"])
def test_every_model_has_the_lstms_weight_count_within_ten_percent(preset):
    module, config = loaded(preset)
    widths, counts = module.model_sizes(config)
    built = module.Recurrent("gru", 2, widths["gru"], 1)
    assert parameter_count(built) == counts["gru"]
    assert all(abs(n - counts["lstm"]) / counts["lstm"] <= module.MATCHED for n in counts.values())
    assert widths["gru"] > config.lstm_width  # a GRU needs more width for it


def _summary(shares: dict[str, list[list[float]]]) -> dict:
    """summarize() over made-up trials: shares[model][lag][seed] of the blind guess's MSE,
    at every rate; validation scores equal test scores."""
    module, config = loaded("full")
    trials = []
    for point in module.grid(config):
        i, seed = config.lags.index(point["lag"]), config.seeds.index(point["seed"])
        mse = shares[point["model"]][i][seed] * BASELINE
        output = {"mse": mse, "val_mse": mse, "baseline": BASELINE}
        trials.append(Trial(point, output, 0.0))
    return module.summarize(config, Done(trials))


SOLVED, GUESS = [0.01, 0.02, 0.03], [1.0, 0.98, 1.01]


def test_gated_models_that_both_solve_every_lag_agree_with_chung():
    data = _summary({"rnn": [SOLVED, GUESS, GUESS], "gru": [SOLVED] * 3, "lstm": [SOLVED] * 3})
    found = data["findings"]
    assert found["gru_vs_lstm"] == [None, None, None]
    assert found["gated_beat_rnn_lags"] == {"gru": [50, 100], "lstm": [50, 100]}
    assert found["both_gated_solved_lags"] == [25, 50, 100]
    assert found["paper"] == "agrees"


def test_a_gru_clearly_ahead_of_the_lstm_makes_it_partly():
    lstm = [SOLVED, [0.3, 0.4, 0.5], GUESS]
    data = _summary({"rnn": [GUESS] * 3, "gru": [SOLVED] * 3, "lstm": lstm})
    found = data["findings"]
    assert found["gru_vs_lstm"] == [None, "gru", "gru"]
    assert found["paper"] == "partly"


def test_no_gated_win_and_gated_models_apart_disagree():
    data = _summary(
        {"rnn": [SOLVED] * 3, "gru": [SOLVED] * 3, "lstm": [SOLVED, GUESS, [0.4, 0.45, 0.42]]}
    )
    assert data["findings"]["paper"] == "disagrees"
    assert data["findings"]["rnn_beat_gated"]


def test_check_trained_refuses_when_nothing_learned_the_shortest_lag():
    module, _ = loaded("full")
    fine = _summary({"rnn": [GUESS] * 3, "gru": [SOLVED] * 3, "lstm": [SOLVED] * 3})
    assert module.check_trained(fine) is None
    stuck = _summary({name: [GUESS] * 3 for name in module.MODELS})
    assert "lag 25" in module.check_trained(stuck)
