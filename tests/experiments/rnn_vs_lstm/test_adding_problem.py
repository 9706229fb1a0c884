"""The adding problem's quick preset, run for real: complete, and already showing the effect.

Wall times are reported (chigai status, README), never asserted: timed tests are flaky.
"""

import json

import pytest


@pytest.fixture(scope="module")
def result(quick_project) -> dict:
    return json.loads((quick_project / "results" / "adding_problem.quick.json").read_text())


def test_lstm_holds_on_at_lags_where_the_rnn_falls_to_the_baseline(result):
    findings, data = result["data"]["findings"], result["data"]
    assert findings["lstm_solves_longer_lags"]
    assert findings["lstm_holds_where_rnn_fails"], "no lag where RNN ~ baseline and LSTM solved"
    for lag in findings["lstm_holds_where_rnn_fails"]:
        row = next(row for row in data["rows"] if row["lag"] == lag)
        assert row["rnn"] > 0.5 * data["baseline_mse"] and row["lstm"] < 0.1 * data["baseline_mse"]
    assert abs(data["baseline_mse"] - 0.167) < 0.02


def test_provenance_says_where_when_and_how_long(result):
    provenance = result["provenance"]
    assert provenance["device"].startswith("cpu") and provenance["seeds"] == [1]
    assert provenance["torch"].startswith("2.13") and provenance["duration_s"] > 0
    assert provenance["commit"] and provenance["started_at"].startswith("20")
