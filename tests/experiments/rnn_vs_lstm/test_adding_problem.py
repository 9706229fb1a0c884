"""The adding problem's quick preset, run for real: complete, and already showing the effect.

Wall times are reported (chigai status, README), never asserted: timed tests are flaky.
"""

import json
from pathlib import Path

import pytest
from helpers import assert_disjoint

from chigai.experiment import read_spec
from chigai.run.loading import prepare

SPEC = read_spec(Path(__file__).parents[3] / "experiments" / "rnn_vs_lstm" / "adding_problem.py")


@pytest.fixture(scope="module")
def result(quick_project) -> dict:
    return json.loads((quick_project / "results" / "adding_problem.quick.json").read_text())


@pytest.mark.parametrize("preset", ["quick", "full"])
def test_train_validation_and_test_share_no_sequence(preset):
    module, config = prepare(SPEC, preset)
    drawn = module.splits(config, {"lag": min(config.lags), "seed": config.seeds[0]})
    sizes = {name: drawn[name][0].shape[0] for name in drawn}
    assert sizes == {
        "train": config.train_size,
        "validation": config.validation_size,
        "test": config.test_size,
    }
    assert_disjoint(drawn)


def test_lstm_holds_on_at_lags_where_the_rnn_falls_to_the_baseline(result):
    findings, data = result["data"]["findings"], result["data"]
    assert findings["lstm_solves_longer_lags"] and findings["paper"] == "agrees"
    assert findings["lstm_holds_where_rnn_fails"], "no lag where RNN ~ baseline and LSTM solved"
    for lag in findings["lstm_holds_where_rnn_fails"]:  # every seed, not just the median
        i = data["lags"].index(lag)
        assert all(m > data["at_baseline_mse"] for m in data["models"]["rnn"]["mse"][i])
        assert all(m < data["solved_below_mse"] for m in data["models"]["lstm"]["mse"][i])
    assert abs(data["baseline_mse"] - 0.167) < 0.02


def test_solved_means_every_seed_and_the_counts_say_k_of_n(result):
    data = result["data"]
    findings, n = data["findings"], len(data["seeds"])
    assert findings["seeds_n"] == n
    for name, model in data["models"].items():
        counts = findings["solved_seeds"][name]
        assert counts == [sum(m < data["solved_below_mse"] for m in runs) for runs in model["mse"]]
        longest = findings["longest_solved_lag"][name]
        if longest is not None:
            assert counts[data["lags"].index(longest)] == n


def test_each_models_rate_is_chosen_per_lag_from_the_grid(result):
    data = result["data"]
    tuning = data["tuning"]
    assert tuning["chosen_on"] == "val_mse" and tuning["per"] == "lag"
    for name, model in data["models"].items():
        assert model["lr"] == tuning["chosen"][name]
        assert len(model["lr"]) == len(data["lags"]) and set(model["lr"]) <= set(tuning["lrs"])
    assert data["models"]["lstm"]["params"] > data["models"]["rnn"]["params"]  # same width only


def test_provenance_says_where_when_and_how_long(result):
    provenance = result["provenance"]
    assert provenance["device"].startswith("cpu") and provenance["seeds"] == [1]
    assert provenance["torch"].startswith("2.13") and provenance["duration_s"] > 0
    assert provenance["commit"] and provenance["started_at"].startswith("20")
