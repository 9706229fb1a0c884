"""Small data: every size measured for both models, findings that partition the sizes,
step times with their spread, and splits that share no sequence."""

import json
from pathlib import Path

import pytest
from helpers import assert_disjoint

from chigai.experiment import read_spec
from chigai.run.loading import prepare

SPEC = read_spec(Path(__file__).parents[3] / "experiments" / "rnn_vs_lstm" / "small_data.py")


@pytest.fixture(scope="module")
def data(quick_project) -> dict:
    return json.loads((quick_project / "results" / "small_data.quick.json").read_text())["data"]


@pytest.mark.parametrize("preset", ["quick", "full"])
def test_train_validation_and_test_share_no_sequence(preset):
    module, config = prepare(SPEC, preset)
    for size in (min(config.train_sizes), max(config.train_sizes)):
        drawn = module.splits(config, {"size": size, "seed": config.seeds[0]})
        assert drawn["train"][0].shape[0] == size
        assert_disjoint(drawn)


def test_every_size_is_classified_once_and_costs_are_measured(data):
    findings = data["findings"]
    classified = (
        findings["rnn_better_sizes"] + findings["lstm_better_sizes"] + findings["tie_sizes"]
    )
    assert sorted(classified) == sorted(data["train_sizes"])
    assert 3 < findings["lstm_over_rnn_params"] < 4  # four gates, minus the shared head
    assert 3.5 < findings["lstm_over_rnn_flops"] <= 4  # four gate products per step
    assert all(0 <= row["rnn"] <= 1 and 0 <= row["lstm"] <= 1 for row in data["rows"])
    assert findings["paper"] in ("agrees", "partly", "disagrees")


def test_a_win_means_the_seed_ranges_are_apart(data):
    sizes, models = data["train_sizes"], data["models"]
    margin = data["findings"]["win_margin"]
    for better, other in (("rnn", "lstm"), ("lstm", "rnn")):
        for size in data["findings"][f"{better}_better_sizes"]:
            i = sizes.index(size)
            assert min(models[better]["accuracy"][i]) > max(models[other]["accuracy"][i]) + margin


def test_step_times_come_with_their_spread_and_the_ratio_with_its_range(data):
    findings = data["findings"]
    trials = len(data["train_sizes"]) * len(data["seeds"]) * len(data["tuning"]["lrs"])
    for model in data["models"].values():
        times = model["step_ms_spread"]
        assert 0 < times["min"] <= times["q1"] <= times["median"] <= times["q3"] <= times["max"]
        assert times["count"] == trials * data["timed_steps"] and model["step_ms"] > 0
    low, high = findings["lstm_over_rnn_step_time_range"]
    assert low <= findings["lstm_over_rnn_step_time"] <= high
    assert findings["step_time_pairs"] == trials
    assert findings["rnn_faster"] == (low > 1)


def test_each_models_rate_is_chosen_per_size(data):
    tuning = data["tuning"]
    assert tuning["chosen_on"] == "val_accuracy" and tuning["per"] == "size"
    for name, model in data["models"].items():
        assert model["lr"] == tuning["chosen"][name] and set(model["lr"]) <= set(tuning["lrs"])
