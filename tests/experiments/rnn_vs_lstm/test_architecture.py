import json


def test_counts_match_the_textbook_formula(quick_project):
    data = json.loads((quick_project / "results" / "architecture.quick.json").read_text())["data"]
    inputs = data["input_size"]
    for row in data["rows"]:
        h = row["hidden"]
        for name, gates in {"rnn": 1, "gru": 3, "lstm": 4}.items():
            assert row[name] == gates * (h * inputs + h * h + 2 * h)
    assert data["findings"]["lstm_over_rnn"] == 4.0
