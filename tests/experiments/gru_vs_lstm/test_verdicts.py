"""The GRU vs LSTM page's verdicts (experiments/gru_vs_lstm/page/verdicts.py): each one
follows its finding, and every word a page can choose is reachable from some result.

Each case copies a committed full result and changes a few findings (or the data a
selector reads), as a rerun could; a test then checks that together the cases reach every
value of every selector, so no sentence on the page is dead or unreachable.
"""

from typing import Any

import pytest
from helpers import ROOT, result_with, selectors

from chigai.site.words import load_verdicts

VERDICTS = load_verdicts(ROOT / "experiments" / "gru_vs_lstm" / "page")
EXPERIMENTS = ("step_cost", "long_memory", "counting_anbn", "gate_ablations")
WIDTHS = [32, 64, 128, 256, 512]


def verdict(experiment: str, **changes: Any) -> Any:
    return getattr(VERDICTS, experiment)(result_with(experiment, **changes))


def widths(kernel: str, faster: list[int], slower: list[int]) -> dict[str, Any]:
    """A step_cost finding where the GRU was quicker at `faster`, slower at `slower`."""
    neither = [w for w in WIDTHS if w not in faster + slower]
    step = ["faster" if w in faster else "slower" if w in slower else "neither" for w in WIDTHS]
    return {
        f"findings.{kernel}.faster_widths": faster,
        f"findings.{kernel}.slower_widths": slower,
        f"findings.{kernel}.neither_widths": neither,
        f"findings.{kernel}.gru_step": step,
    }


GREFF_AND_JOZEFOWICZ_HOLD = {
    "findings.versus_lstm": {
        "lstm_bias1": "helps",
        "nfg": "hurts",
        "noaf": "hurts",
        "cifg": "helps",
        "gru": "tie",
    },
    "findings.help_above": 0.99,
    "findings.forget_bias_faster": "lstm",
    "findings.gru_vs_lstm_bias1_speed": "lstm_bias1",
    "findings.gru_vs_lstm": "gru",
    "findings.gru_vs_lstm_bias1": "lstm_bias1",
    "findings.paper_greff": "agrees",
    "findings.paper_jozefowicz": "agrees",
    "findings.paper": "agrees",
}
NEITHER_HOLDS = {
    "findings.versus_lstm": {
        "lstm_bias1": "tie",
        "nfg": "helps",
        "noaf": "helps",
        "cifg": "hurts",
        "gru": "hurts",
    },
    "findings.forget_bias_faster": "tie",
    "findings.gru_vs_lstm": "lstm",
    "findings.gru_vs_lstm_bias1": "gru",
    "findings.paper_greff": "disagrees",
    "findings.paper_jozefowicz": "disagrees",
    "findings.paper": "disagrees",
}
SAME_RATE = {f"models.{name}.lr": 0.01 for name in ("nfg", "noaf", "cifg", "gru")}
# (experiment, changes, what the verdict then says)
CASES: list[tuple[str, dict[str, Any], dict[str, Any]]] = [
    (
        "step_cost",
        {},
        {"torch_speed": "mostly_slower", "loop_speed": "mostly_faster", "gap": "implementation"},
    ),
    (
        "step_cost",
        {**widths("torch", [64, 128, 256], [32]), **widths("loop", [], [32, 64, 128])},
        {"torch_speed": "mostly_faster", "loop_speed": "mostly_slower", "gap": "none"},
    ),
    (
        "step_cost",
        {**widths("torch", [256], [32]), **widths("loop", [32], [])},
        {"torch_speed": "both_ways", "loop_speed": "some_faster", "gap": "implementation"},
    ),
    ("step_cost", widths("torch", WIDTHS, []), {"torch_speed": "faster", "gap": "none"}),
    (
        "step_cost",
        {**widths("torch", [], WIDTHS), **widths("loop", [], WIDTHS)},
        {"torch_speed": "slower", "loop_speed": "slower", "gap": "none"},
    ),
    (
        "step_cost",
        {**widths("torch", [], [32]), **widths("loop", WIDTHS, [])},
        {"torch_speed": "some_slower", "loop_speed": "faster", "gap": "implementation"},
    ),
    (
        "step_cost",
        {**widths("torch", [], []), **widths("loop", [64], [32]), "findings.paper": "partly"},
        {"torch_speed": "neither", "loop_speed": "both_ways", "paper": "partly"},
    ),
    (
        "step_cost",
        {**widths("torch", [256], []), **widths("loop", [], [32])},
        {"torch_speed": "some_faster", "loop_speed": "some_slower", "gap": "none"},
    ),
    (
        "step_cost",
        {**widths("loop", [], []), "findings.paper": "disagrees"},
        {"loop_speed": "neither", "paper": "disagrees"},
    ),
    (
        "long_memory",
        {},
        {
            "outcome": "tie",
            "solved": "all",
            "over_rnn": "both_everywhere",
            "rnn": "guessing",
            "lower": "within_margin",
            "gru_lower_lags": [50, 100],
            "matched": "matched",
            "paper": "agrees",
        },
    ),
    (
        "long_memory",
        {"findings.gru_vs_lstm": [None, "gru", None], "findings.paper": "partly"},
        {"outcome": "gru", "paper": "partly"},
    ),
    (
        "long_memory",
        {
            "findings.gru_vs_lstm": ["lstm", None, None],
            "findings.both_gated_solved_lags": [25],
            "findings.gated_beat_rnn_lags": {"gru": [25], "lstm": [25, 50]},
        },
        {"outcome": "lstm", "solved": "not_all", "over_rnn": "both_somewhere"},
    ),
    (
        "long_memory",
        {
            "findings.gru_vs_lstm": ["gru", "lstm", None],
            "findings.gated_beat_rnn_lags": {"gru": [25], "lstm": []},
            "findings.at_baseline_seeds.rnn": [3, 2, 3],
            "findings.params_matched": False,
        },
        {"outcome": "split", "over_rnn": "gru_only", "rnn": "learned", "matched": "not_matched"},
    ),
    (
        "long_memory",
        {
            "findings.gated_beat_rnn_lags": {"gru": [], "lstm": [50]},
            "findings.gru_lstm_ordered": [None, None, None],
        },
        {"over_rnn": "lstm_only", "lower": "none", "gru_lower_count": 0},
    ),
    (
        "long_memory",
        {
            "findings.gated_beat_rnn_lags": {"gru": [], "lstm": []},
            "findings.gru_lstm_ordered": ["lstm", None, None],
            "models.gru.mse.0": [0.02, 0.03, 0.025],
            "models.lstm.mse.0": [0.01, 0.012, 0.015],
            "findings.paper": "disagrees",
        },
        {
            "over_rnn": "neither",
            "lower": "beyond_margin",
            "lstm_lower_lags": [25],
            "paper": "disagrees",
        },
    ),
    (
        "counting_anbn",
        {},
        {
            "winner": "tie",
            "reach": "lstm_only",
            "fit": "all",
            "matched": "matched",
            "paper_case": "lstm_reach",
        },
    ),
    (
        "counting_anbn",
        {"findings.winner": "lstm", "findings.paper": "agrees"},
        {"winner": "lstm", "paper": "agrees", "paper_case": "agrees"},
    ),
    (
        "counting_anbn",
        {"findings.winner": "lstm"},  # ahead, though not every LSTM seed reached twice
        {"winner": "lstm", "paper": "partly", "paper_case": "lstm_ahead"},
    ),
    (
        "counting_anbn",
        {
            "findings.winner": "gru",
            "findings.paper": "disagrees",
            "findings.gru.generalises_seeds": [2, 1, 0],
        },
        {"winner": "gru", "reach": "both", "paper": "disagrees", "paper_case": "disagrees"},
    ),
    (
        "counting_anbn",
        {
            "findings.lstm.generalises_seeds": [0, 0, 0],
            "findings.gru.generalises_seeds": [1, 0, 0],
            "findings.lstm.fits_seeds": 4,
        },
        {
            "reach": "gru_only",
            "fit": "not_all",
            "lstm_short": 5,
            "paper": "partly",
            "paper_case": "tie",
        },
    ),
    (
        "counting_anbn",
        {"findings.lstm.generalises_seeds": [0, 0, 0], "findings.params_matched": False},
        {"reach": "neither", "matched": "not_matched"},
    ),
    ("counting_anbn", {"findings.winner": None}, {"winner": "tie"}),  # an older result's tie
    (
        "gate_ablations",
        {},
        {
            "bias_speed": "lstm_bias1",
            "accuracy": "all_tie",
            "test": "weak_both",
            "gru_speed": "fastest",
            "gru_accuracy": "tie",
            "nfg": "tie",
            "noaf": "tie",
            "cifg": "tie",
            "bias_helps": "speed",
            "gru_over_bias1": "speed",
            "rates": "pair_same",
            "paper_greff": "partly",
            "paper_jozefowicz": "partly",
            "paper": "partly",
        },
    ),
    (
        "gate_ablations",
        GREFF_AND_JOZEFOWICZ_HOLD,
        {
            "bias_speed": "lstm",
            "accuracy": "some_differ",
            "test": "fair",
            "gru_speed": "not_fastest",
            "gru_accuracy": "gru",
            "nfg": "hurts",
            "noaf": "hurts",
            "cifg": "helps",
            "bias_helps": "accuracy",
            "gru_over_bias1": "no",
            "paper_greff": "agrees",
            "paper_jozefowicz": "agrees",
            "paper": "agrees",
        },
    ),
    (
        "gate_ablations",  # every plain-LSTM seed solved it; the two LSTMs' rates differ
        {"findings.solved_seeds.lstm": 3, "models.lstm_bias1.lr": 0.03},
        {"test": "weak", "rates": "differ"},
    ),
    (
        "gate_ablations",
        {**NEITHER_HOLDS, **SAME_RATE},
        {
            "bias_speed": "tie",
            "gru_accuracy": "lstm",
            "nfg": "helps",
            "noaf": "helps",
            "cifg": "hurts",
            "bias_helps": "no",
            "gru_over_bias1": "accuracy",
            "rates": "same",
            "paper_greff": "disagrees",
            "paper_jozefowicz": "disagrees",
            "paper": "disagrees",
        },
    ),
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
    for experiment in EXPERIMENTS:
        kind = type(verdict(experiment))
        for name, choices in selectors(kind).items():
            missing = choices - reached.get((kind.__name__, name), set())
            assert not missing, f"{kind.__name__}.{name}: no case reaches {sorted(missing)}"


def test_table_cells_name_who_was_ahead_as_the_findings_say():
    """The tables name the model that was ahead (or – for neither), row by row."""
    cost = verdict("step_cost")
    assert [row["torch_quicker"] for row in cost.rows] == ["LSTM", "LSTM", "LSTM", "GRU", "–"]
    assert [row["loop_quicker"] for row in cost.rows] == ["–", "GRU", "GRU", "GRU", "GRU"]
    assert cost.rows[0]["torch"] == "4.58 (4.36–5.04)"  # median over rounds (their range)
    memory = verdict("long_memory", **{"findings.gru_vs_lstm": [None, "lstm", None]})
    assert [row["ahead"] for row in memory.rows] == ["–", "LSTM", "–"]
    assert [row["lower"] for row in memory.rows] == ["–", "GRU", "GRU"]
    ablations = {row["variant"]: row for row in verdict("gate_ablations").rows}
    assert ablations["LSTM b=1"]["quicker"] == "LSTM b=1" and ablations["NOAF"]["quicker"] == "–"
    assert ablations["LSTM"]["steps"] == 1850 and ablations["LSTM"]["never"] == 1
    hurt = verdict("gate_ablations", **{"findings.versus_lstm.nfg": "hurts"})
    assert {row["variant"]: row["more_accurate"] for row in hurt.rows}["NFG"] == "LSTM"


def test_numbers_are_quoted_as_the_result_holds_them():
    """Shares of the blind guess in percent; the quickest implementation gap at the
    narrowest width; the LSTM's best reach over its training range."""
    result = result_with("long_memory")
    memory = VERDICTS.long_memory(result)
    base = result.data["baseline_mse"]
    assert memory.rows[0]["gru"] == pytest.approx(
        100 * result.data["models"]["gru"]["median_mse"][0] / base
    )
    assert memory.solved_share == pytest.approx(result.data["solved_below_mse"] / base)
    cost = verdict("step_cost")
    assert cost.lstm_speedup == pytest.approx(cost.loop_lstm_ms / cost.torch_lstm_ms)
    counting = verdict("counting_anbn")
    assert counting.lstm_best_times == pytest.approx(counting.lstm_high / counting.trained)
