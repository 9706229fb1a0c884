"""What an article may say about several seeds: k of N, and wins only without overlap."""

import pytest

from chigai.seeds import solved_in, spread, winner


def test_a_win_needs_every_seed_of_one_model_past_every_seed_of_the_other():
    assert (
        winner({"lstm": [0.9, 0.95, 1.0], "rnn": [0.2, 0.5, 0.85]}, higher_is_better=True) == "lstm"
    )
    assert (
        winner({"lstm": [0.9, 0.95, 1.0], "rnn": [0.2, 0.5, 0.92]}, higher_is_better=True) is None
    )
    assert winner({"rnn": [0.5, 0.6], "lstm": [0.01, 0.02]}, higher_is_better=False) == "lstm"


def test_a_gap_inside_the_margin_is_a_tie():
    runs = {"a": [0.50, 0.51], "b": [0.47, 0.48]}
    assert winner(runs, higher_is_better=True) == "a"
    assert winner(runs, higher_is_better=True, margin=0.05) is None


def test_solved_counts_seeds_not_medians():
    assert solved_in([0.001, 0.002, 0.17], below=0.0168) == 2
    assert solved_in([1.0, 0.99, 0.125], above=0.9) == 2
    with pytest.raises(ValueError):
        solved_in([1.0], below=0.1, above=0.9)


def test_spread_is_median_and_range():
    assert spread([3.0, 1.0, 2.0]) == {"median": 2.0, "min": 1.0, "max": 3.0}
