"""The RNN vs LSTM page's verdicts (experiments/rnn_vs_lstm/page/verdicts.py): each one
follows its finding, and every word a page can choose is reachable from some result.

Each case copies a committed full result and changes a few findings (or the data a
selector reads), as a rerun could; a test then checks that together the cases reach every
value of every selector, so no sentence on the page is dead or unreachable.
"""

from typing import Any

import pytest
from helpers import ROOT, result_with, selectors

from chigai.site.words import load_verdicts

VERDICTS = load_verdicts(ROOT / "experiments" / "rnn_vs_lstm" / "page")


def verdict(experiment: str, **changes: Any) -> Any:
    return getattr(VERDICTS, experiment)(result_with(experiment, **changes))


NO_HOLDS = {"findings.lstm_holds_where_rnn_fails": [], "findings.paper": "partly"}
# the learning rates each model chose per setting, all inside the grid or all at an end
INSIDE = {"tuning.chosen.rnn": [0.003] * 4, "tuning.chosen.lstm": [0.005] * 4}
ENDS = {"tuning.chosen.rnn": [0.001] * 4, "tuning.chosen.lstm": [0.01] * 4}
RECALL_NO_HOLDS = {"findings.lstm_solves_where_rnn_guesses": [], "findings.paper": "partly"}
# (experiment, changes, what the verdict then says)
CASES: list[tuple[str, dict[str, Any], dict[str, Any]]] = [
    ("adding_problem", {}, {"outcome": "agrees", "last_lstm": "all", "sizes_match": "same"}),
    ("adding_problem", NO_HOLDS, {"outcome": "partly", "lag": 0, "holds_count": 0}),
    ("adding_problem", {"findings.paper": "disagrees"}, {"outcome": "disagrees"}),
    (
        "adding_problem",
        {"findings.solved_seeds.lstm": [3, 3, 3, 2], "models.rnn.hidden_size": 32},
        {"last_lstm": "some", "last_lstm_solved": 2, "sizes_match": "different"},
    ),
    ("marked_recall", {}, {"outcome": "agrees", "last_lstm": "some", "guessing": "lstm_solved"}),
    (
        "marked_recall",
        {**RECALL_NO_HOLDS, "findings.solved_seeds.lstm": [3, 3, 3, 3]},
        {"outcome": "partly", "last_lstm": "all", "after_guessing": "lstm_half"},
    ),
    (
        "marked_recall",
        {**RECALL_NO_HOLDS, "findings.lstm_well_above_chance_where_rnn_guesses": []},
        {"after_guessing": "lstm_neither", "guessing": "lstm_short", "guessing_lag": 40},
    ),
    (
        "marked_recall",
        {**RECALL_NO_HOLDS, "findings.rnn_at_chance_lags": [], "findings.paper": "disagrees"},
        {"outcome": "disagrees", "guessing": "never", "rnn_low_count": 0},
    ),
    (
        "marked_recall",
        {
            "findings.gradient_checks": {
                "untrained_rnn_vanishes": False,
                "trained_rnn_vanishes": True,
                "lstm_reaches_further": True,
            },
            "findings.gradient_left.lstm.init": 0.9,
            "findings.paper_gradients": "agrees",
        },
        {
            "untrained_rnn": "kept",
            "untrained_lstm": "kept",
            "trained_rnn": "vanished",
            "lstm_reach": "further",
            "gradients": "agrees",
        },
    ),
    (
        "marked_recall",
        {"findings.paper_gradients": "disagrees"},
        {"gradients": "disagrees", "untrained_rnn": "vanished", "trained_rnn": "kept"},
    ),
    (
        "marked_recall",
        {"models.rnn.accuracy.1.0": 0.95, "models.lstm.hidden_size": 128},
        {"probe_rnn": "solved", "probe_rnn_accuracy": 0.95, "sizes_match": "different"},
    ),
    (
        "marked_recall",
        {
            "findings.cell_held_in_example": True,
            "findings.cell_held_typically": True,
            "findings.rnn_leans_on_recent_inputs": True,
            "gates.marked_at": 0,
            "gates.answered_right": False,
        },
        {
            "example": "held",
            "typically": "held",
            "recency": "rnn_leans",
            "mark": "first",
            "answered": "wrong",
        },
    ),
    (
        "marked_recall",
        {},
        {"example": "moved", "typically": "moved", "recency": "no_gap", "mark": "later"},
    ),
    ("marked_recall", {}, {"answered": "right", "probe_rnn": "short", "lstm_reach": "not_further"}),
    ("small_data", {}, {"outcome": "lstm_only", "speed": "rnn_faster", "sizes_match": "same"}),
    (
        "small_data",
        {"findings.rnn_better_sizes": [1600], "findings.tie_sizes": [6400]},
        {"outcome": "rnn_somewhere", "rnn_count": 1},
    ),
    (
        "small_data",
        {
            "findings.lstm_better_sizes": [],
            "findings.tie_sizes": [25, 100, 400, 1600, 6400],
            "findings.rnn_faster": False,
            "models.rnn.hidden_size": 96,
        },
        {"outcome": "neither", "speed": "not_faster", "sizes_match": "different"},
    ),
]


# Where a chosen learning rate sits at an end of the grid, the page says so (STYLE.md).
CASES += [
    ("adding_problem", {}, {"edge": "some", "edge_lags": [10, 50, 100]}),
    ("adding_problem", {**INSIDE, "tuning.lrs": [0.001, 0.003, 0.005, 0.01]}, {"edge": "none"}),
    ("adding_problem", ENDS, {"edge": "all", "edge_lags": [10, 25, 50, 100]}),
    ("marked_recall", {}, {"edge": "all", "edge_lags": [10, 20, 30, 40]}),
    ("marked_recall", INSIDE, {"edge": "none", "edge_lags": []}),
    (
        "marked_recall",
        {"tuning.chosen.rnn": [0.005, 0.005, 0.005, 0.01], "tuning.chosen.lstm": [0.005] * 4},
        {"edge": "some", "edge_lags": [40]},
    ),
    ("small_data", {}, {"edge": "all"}),
    (
        "small_data",
        {"tuning.chosen.rnn": [0.005] * 5, "tuning.chosen.lstm": [0.005] * 5},
        {"edge": "none"},
    ),
    ("small_data", {"tuning.chosen.lstm": [0.005] * 5}, {"edge": "some", "edge_sizes": [25, 400]}),
]

# A win where no seed of either model learned the task is named as such, not left as "clearly".
CASES += [
    ("small_data", {}, {"unlearned_sizes": [25], "unlearned_count": 1}),
    ("small_data", {"findings.lstm_better_sizes": [100, 400]}, {"unlearned_count": 0}),
]


@pytest.mark.parametrize(("experiment", "changes", "expected"), CASES)
def test_a_verdict_follows_its_findings(experiment, changes, expected):
    said = verdict(experiment, **changes)
    assert {field: getattr(said, field) for field in expected} == expected


def test_every_word_a_page_can_choose_is_reachable():
    """Every value of every selector (a Literal field) is reached by some case above."""
    reached: dict[tuple[str, str], set] = {}
    for experiment, changes, _ in CASES:
        said = verdict(experiment, **changes)
        for name in selectors(type(said)):
            reached.setdefault((type(said).__name__, name), set()).add(getattr(said, name))
    for experiment in ("adding_problem", "marked_recall", "small_data"):
        kind = type(verdict(experiment))
        for name, choices in selectors(kind).items():
            missing = choices - reached.get((kind.__name__, name), set())
            assert not missing, f"{kind.__name__}.{name}: no case reaches {sorted(missing)}"


def test_ties_are_told_apart_by_kind():
    """A tie where both solved every seed, one where both stayed at the guess, and one
    where the seeds overlapped are three different sentences, so three different lists."""
    said = verdict(
        "adding_problem",
        **{
            "findings.better_per_lag": [None, None, None, "lstm"],
            "findings.solved_seeds.rnn": [3, 0, 1, 0],
            "findings.solved_seeds.lstm": [3, 0, 2, 3],
            "findings.at_baseline_seeds.rnn": [0, 3, 0, 3],
            "findings.at_baseline_seeds.lstm": [0, 3, 0, 0],
        },
    )
    assert (said.both_solved_lags, said.both_low_lags, said.undecided_lags) == ([10], [25], [50])
    assert said.lstm_better_lags == [100] and said.rnn_all_lags == [10]


def test_numbers_are_quoted_as_the_result_holds_them():
    """Errors as shares of the blind guess; each seed's score is in the per-seed rows."""
    result = result_with("adding_problem")
    said = VERDICTS.adding_problem(result)
    base = result.data["baseline_mse"]
    worst_rnn = max(result.data["models"]["rnn"]["mse"][-1])
    assert said.holds_rnn_max == pytest.approx(worst_rnn / base)
    assert said.solved_share == pytest.approx(result.data["solved_below_mse"] / base)
    lags, seeds = result.data["lags"], result.data["seeds"]
    assert len(said.seed_rows) == len(lags) * len(seeds)
    assert said.rows[-1]["better"] == "LSTM" and said.rows[0]["better"] == "–"
