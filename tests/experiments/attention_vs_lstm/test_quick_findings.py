"""The quick presets of the Attention vs LSTM article already show what the article says.

These run on the quick results measured for real by the `quick_project` fixture. The
margins are wide: they check the direction of each effect, not its exact size.
"""

import json

import pytest


def _data(project, experiment: str) -> dict:
    return json.loads((project / "results" / f"{experiment}.quick.json").read_text())["data"]


def test_attention_reaches_the_far_card_where_the_lstm_forgets(quick_project):
    data = _data(quick_project, "far_recall")
    at_longest = data["findings"]["at_longest"]
    assert at_longest["transformer"] > at_longest["lstm"] + 0.3
    assert data["findings"]["better_per_length"]["transformer_vs_lstm"][-1] == "transformer"
    assert data["findings"]["transformer_looks_at_answer"] > 0.5
    example = data["attention"]
    assert len(example["tokens"]) == data["lengths"][-1]
    for row in example["rows"]:
        assert sum(row["weights"]) == pytest.approx(1, abs=0.01)  # rounded weights still sum to 1


def test_seq2seq_without_attention_falls_behind_on_long_sentences(quick_project):
    data = _data(quick_project, "seq2seq_reversal")
    longest = data["rows"][-1]
    assert longest["seq2seq_attention"] > longest["seq2seq"] + 0.3
    assert data["findings"]["better_per_length"][-1] == "seq2seq_attention"
    alignment = data["alignment"]
    assert len(alignment["weights"]) == len(alignment["source"]) == data["lengths"][-1]


def test_costs_grow_as_the_maths_says(quick_project):
    data = _data(quick_project, "compute_cost")
    cpu = data["findings"]["cpu"]
    assert cpu["lstm"]["memory_exponent"] == pytest.approx(1, abs=0.1)
    assert cpu["attention_fused"]["memory_exponent"] == pytest.approx(1, abs=0.1)
    assert cpu["attention_explicit"]["memory_exponent"] > 1.3
    assert data["findings"]["params_gap"] < 0.02  # matched parameter counts
    assert all(ms > 0 for row in data["rows"] for ms in list(row.values())[1:])


def test_one_layer_cannot_do_what_two_layers_do(quick_project):
    findings = _data(quick_project, "heads_layers")["findings"]
    assert findings["depth_matters"] and not findings["one_layer_enough"]


def test_card_recall_compares_every_size_and_attention_wins_the_largest(quick_project):
    data = _data(quick_project, "data_efficiency")
    recall = data["findings"]["recall"]
    sizes = recall["lstm_better_sizes"] + recall["transformer_better_sizes"] + recall["tie_sizes"]
    assert sorted(sizes) == data["recall"]["train_sizes"]
    assert recall["winner_largest"] == "transformer"  # the lookup suits attention


def test_parity_compares_every_longer_length_and_only_the_lstm_generalises(quick_project):
    data = _data(quick_project, "length_generalisation")
    found = data["findings"]
    lengths = found["lstm_better_lengths"] + found["transformer_better_lengths"]
    assert sorted(lengths + found["tie_lengths"]) == data["test_lengths"]
    # Delétang et al. 2023: the LSTM generalises to longer strings, the Transformer does not
    assert found["lstm"]["verdict"] == "generalises"
    assert found["transformer"]["generalises_seeds"][-1] == 0
    assert found["lstm_better_lengths"] == data["test_lengths"]
