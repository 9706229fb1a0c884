"""Small data: every size measured for both models, and findings that partition the sizes."""

import json


def test_every_size_is_classified_once_and_costs_are_measured(quick_project):
    data = json.loads((quick_project / "results" / "small_data.quick.json").read_text())["data"]
    findings = data["findings"]
    classified = (
        findings["rnn_better_sizes"] + findings["lstm_better_sizes"] + findings["tie_sizes"]
    )
    assert sorted(classified) == sorted(data["train_sizes"])
    assert data["models"]["rnn"]["step_ms"] > 0 and data["models"]["lstm"]["step_ms"] > 0
    assert 3 < findings["lstm_over_rnn_params"] < 4  # four gates, minus the shared head
    assert all(0 <= row["rnn"] <= 1 and 0 <= row["lstm"] <= 1 for row in data["rows"])
