"""Marked recall's quick preset: the memory gap, vanishing gradients and recency all show;
its splits share no sequence; and the cell-drift probe tells a held cell from a moving one."""

import json
from pathlib import Path

import pytest
import torch
from helpers import assert_disjoint

from chigai.experiment import read_spec
from chigai.models.recurrent import RecurrentRegressor
from chigai.probes import answer_cells, cell_drift
from chigai.run.loading import prepare
from chigai.tasks.marked_symbol import marked_symbol

SPEC = read_spec(Path(__file__).parents[3] / "experiments" / "rnn_vs_lstm" / "marked_recall.py")


@pytest.fixture(scope="module")
def data(quick_project) -> dict:
    return json.loads((quick_project / "results" / "marked_recall.quick.json").read_text())["data"]


@pytest.mark.parametrize("preset", ["quick", "full"])
def test_train_validation_and_test_share_no_sequence(preset):
    module, config = prepare(SPEC, preset)
    drawn = module.splits(config, {"lag": min(config.lags), "seed": config.seeds[0]})
    assert [drawn[name][0].shape[0] for name in ("train", "validation", "test")] == [
        config.train_size,
        config.validation_size,
        config.test_size,
    ]
    assert_disjoint(drawn)


def test_the_rnn_guesses_where_the_lstm_still_remembers(data):
    findings = data["findings"]
    assert findings["lstm_solves_longer_lags"] and findings["paper"] == "agrees"
    longest = data["lags"][-1]
    assert longest in findings["rnn_at_chance_lags"]
    row = data["rows"][-1]
    assert row["lstm"] > row["rnn"] + 0.1


def test_solved_means_every_seed_and_the_counts_say_k_of_n(data):
    findings, n = data["findings"], len(data["seeds"])
    for name, model in data["models"].items():
        counts = findings["solved_seeds"][name]
        assert counts == [sum(a >= data["solved_from"] for a in runs) for runs in model["accuracy"]]
        longest = findings["longest_solved_lag"][name]
        assert longest is None or counts[data["lags"].index(longest)] == n


def test_rates_are_chosen_per_lag_and_the_probes_name_their_seed_and_rate(data):
    tuning = data["tuning"]
    assert tuning["chosen_on"] == "val_accuracy" and tuning["per"] == "lag"
    at = data["lags"].index(data["probe_lag"])
    for name, model in data["models"].items():
        assert model["lr"] == tuning["chosen"][name] and set(model["lr"]) <= set(tuning["lrs"])
        assert data["probe_lr"][name] == model["lr"][at]
    assert data["probe_seed"] == data["seeds"][0]


def test_the_gradient_words_come_from_the_norms_measured_20_steps_back(data):
    """Not from a fitted slope: a straight line missed the trained LSTM's curve by up to 38x."""
    found = data["findings"]
    far, bar = found["rules"]["vanish_distance"], found["rules"]["vanished_below"]
    for name, stages in data["gradients"].items():
        for stage, norms in stages.items():
            assert found["gradient_left"][name][stage] == pytest.approx(norms[-1 - far] / norms[-1])
    checks = found["gradient_checks"]
    assert checks["untrained_rnn_vanishes"] == (found["gradient_left"]["rnn"]["init"] < bar)
    assert checks["untrained_rnn_vanishes"]  # an untrained tanh RNN: Bengio et al.'s picture
    held = list(checks.values())
    expected = "agrees" if all(held) else "partly" if any(held) else "disagrees"
    assert found["paper_gradients"] == expected


def test_the_rnn_leans_on_the_last_inputs(data):
    shares = data["findings"]["recent_share"]
    assert data["findings"]["rnn_leans_on_recent_inputs"] and shares["rnn"] > shares["lstm"]
    assert abs(sum(data["sensitivity"]["rnn"]) - 1) < 1e-4


def test_the_gate_trace_covers_the_example_with_marker_and_question(data):
    gates = data["gates"]
    length = data["probe_lag"]
    assert len(gates["forget_gate"]) == length and gates["asked_at"] == length - 1
    assert 0 <= gates["marked_at"] < length // 2
    assert all(0 < g < 1 for g in gates["input_gate"])
    drift = data["findings"]["cell_drift"]
    assert len(gates["cells"]) == len(gates["cell_units"]) == len(gates["answer_share"])
    assert drift["example"] == gates["drift"]
    assert data["findings"]["cell_held_in_example"] == (drift["example"] < drift["held_below"])


def _gated_lstm(forget_bias: float) -> RecurrentRegressor:
    """An LSTM whose input gate opens only at the marker and whose cell 0 stores a value
    for the marked symbol; forget_bias +50 keeps it, -50 erases it on the next step."""
    model = RecurrentRegressor("lstm", 6, 4, 4)
    lstm = model.recurrent
    with torch.no_grad():
        for weight in (lstm.weight_ih_l0, lstm.weight_hh_l0, lstm.bias_ih_l0, lstm.bias_hh_l0):
            weight.zero_()
        lstm.weight_ih_l0[0:4, 4] = 100.0  # input gate: open at the marker channel
        lstm.bias_ih_l0[0:4] = -50.0  # ... shut elsewhere
        lstm.bias_ih_l0[4:8] = forget_bias
        lstm.weight_ih_l0[8, 0:4] = torch.tensor([0.4, 0.8, -0.4, -0.8])  # cell 0: the symbol
    return model


def test_a_cell_that_keeps_its_value_is_held_and_one_that_is_erased_drifts():
    inputs, answers = marked_symbol(64, 12, 4, torch.Generator().manual_seed(0))
    marked = inputs[:, :, 4].argmax(dim=1)
    keeper = _gated_lstm(forget_bias=50.0)
    units, shares = answer_cells(keeper, inputs, answers, cells=1)
    assert units == [0] and shares[0] > 0.99  # its last value tells the answer
    assert max(cell_drift(keeper, inputs, marked, units)) < 1e-4
    eraser = _gated_lstm(forget_bias=-50.0)
    assert min(cell_drift(eraser, inputs, marked, [0])) > 0.99  # all it stored is gone
