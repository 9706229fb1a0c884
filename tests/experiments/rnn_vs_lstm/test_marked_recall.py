"""Marked recall's quick preset: the memory gap, vanishing gradients and recency all show."""

import json

import pytest


@pytest.fixture(scope="module")
def data(quick_project) -> dict:
    return json.loads((quick_project / "results" / "marked_recall.quick.json").read_text())["data"]


def test_the_rnn_guesses_where_the_lstm_still_remembers(data):
    findings = data["findings"]
    assert findings["lstm_solves_longer_lags"]
    longest = data["lags"][-1]
    assert longest in findings["rnn_at_chance_lags"]
    row = data["rows"][-1]
    assert row["lstm"] > row["rnn"] + 0.1


def test_gradients_vanish_faster_in_the_rnn(data):
    decay = data["findings"]["gradient_decay_per_step"]
    assert data["findings"]["lstm_gradient_decays_slower"]
    assert decay["rnn"]["trained"] < decay["lstm"]["trained"] <= 1.05
    rnn_norms = data["gradients"]["rnn"]["init"]
    assert rnn_norms[0] < 1e-3 * rnn_norms[-1]  # far back, almost nothing arrives


def test_the_rnn_leans_on_the_last_inputs(data):
    shares = data["findings"]["recent_share"]
    assert data["findings"]["rnn_leans_on_recent_inputs"] and shares["rnn"] > 2 * shares["lstm"]
    assert abs(sum(data["sensitivity"]["rnn"]) - 1) < 1e-4


def test_the_gate_trace_covers_the_example_with_marker_and_question(data):
    gates = data["gates"]
    length = data["probe_lag"]
    assert len(gates["forget_gate"]) == length and gates["asked_at"] == length - 1
    assert 0 <= gates["marked_at"] < length // 2
    assert all(0 < g < 1 for g in gates["input_gate"])
