"""The Attention vs LSTM page's verdicts (experiments/attention_vs_lstm/page/verdicts.py):
every word a sentence can choose is reachable from findings an experiment can write.

Each case copies a committed full result, changes its findings (or data) the way another
run could, and checks the selector the page would print by. A last test fails when a
selector value has no case here, so a new branch of the page cannot go unshown.
"""

import copy
import dataclasses
import typing
from collections.abc import Callable
from typing import Any

import pytest
from helpers import ROOT

from chigai.run.results import Result, load_result
from chigai.site.words import load_verdicts, page_folder

VERDICTS = load_verdicts(page_folder(ROOT / "experiments" / "attention_vs_lstm"))
EXPERIMENTS = (
    "far_recall",
    "seq2seq_reversal",
    "compute_cost",
    "data_efficiency",
    "length_generalisation",
    "heads_layers",
)


def committed(experiment: str) -> Result:
    path = ROOT / "results" / f"{experiment}.full.json"
    return load_result(path, experiment=experiment, preset="full")


def edited(experiment: str, changes: dict[str, Any]) -> Result:
    """The committed result with `changes` applied: dotted paths into its data
    ("findings.lstm_drops"), each set to a value or to a function of the old value."""
    result = committed(experiment)
    data = copy.deepcopy(result.data)
    for path, value in changes.items():
        *parents, key = path.split(".")
        place = data
        for name in parents:
            place = place.setdefault(name, {})
        place[key] = value(place.get(key)) if callable(value) else value
    return dataclasses.replace(result, data=data)


def _fused(**found: Any) -> dict[str, Any]:
    return {f"findings.cpu.attention_fused.{key}": value for key, value in found.items()}


def _gpu(slower_from: int | None, faster_at: list[int]) -> dict[str, Any]:
    """A stand-in GPU measurement: the CPU's findings with the fused verdict replaced."""

    def cuda(_: Any) -> dict[str, Any]:
        cpu = committed("compute_cost").findings["cpu"]
        fused = cpu["attention_fused"] | {"slower_from": slower_from, "faster_at": faster_at}
        return cpu | {"attention_fused": fused}

    return {
        "findings.gpu_measured": True,
        "findings.cuda": cuda,
        "devices.cuda": lambda _: {"device": "cuda (stand-in GPU)"},
    }


def _deep_rows(solved: int) -> Callable[[list[dict]], list[dict]]:
    return lambda rows: [r | {"solved_seeds": solved} if r["layers"] > 1 else r for r in rows]


NONE: dict[str, Any] = {}  # the committed result as it is
# (experiment, changes, field, the value the page then selects on)
CASES = [
    ("far_recall", NONE, "beats", "transformer"),
    ("far_recall", {"findings.attention_beats_lstm_at_longest": False}, "beats", "no_separation"),
    ("far_recall", NONE, "transformer", "holds"),
    ("far_recall", {"findings.transformer_holds": False}, "transformer", "slips"),
    ("far_recall", NONE, "lstm", "drops"),
    ("far_recall", {"findings.lstm_drops": False}, "lstm", "steady"),
    ("far_recall", NONE, "lstm_far", "guessing"),
    ("far_recall", {"findings.above_chance_seeds.lstm": [3, 3, 3, 3]}, "lstm_far", "above"),
    ("far_recall", {"findings.above_chance_seeds.lstm": [3, 3, 1, 1]}, "lstm_far", "mixed"),
    ("far_recall", NONE, "helps", "helps"),
    ("far_recall", {"findings.lstm_attention_helps": False}, "helps", "unclear"),
    ("far_recall", NONE, "helped_solves", "short"),
    (
        "far_recall",
        {"findings.solved_seeds.lstm_attention": [3, 3, 3, 3]},
        "helped_solves",
        "solved",
    ),
    ("far_recall", NONE, "row_rule", "both"),
    ("far_recall", {"findings.informative_row.above_chance": "one"}, "row_rule", "one"),
    ("far_recall", {"findings.informative_row.above_chance": "none"}, "row_rule", "none"),
    ("seq2seq_reversal", NONE, "plain", "drops"),
    ("seq2seq_reversal", {"findings.plain_drops": False}, "plain", "steady"),
    ("seq2seq_reversal", NONE, "attention", "slips"),
    ("seq2seq_reversal", {"findings.attention_holds": True}, "attention", "holds"),
    ("seq2seq_reversal", NONE, "longest_winner", "attention"),
    (
        "seq2seq_reversal",
        {"findings.better_per_length": [None, None, None, "seq2seq"]},
        "longest_winner",
        "plain",
    ),
    (
        "seq2seq_reversal",
        {"findings.better_per_length": [None, None, None, None]},
        "longest_winner",
        "tie",
    ),
    ("seq2seq_reversal", NONE, "paper", "partly"),
    ("seq2seq_reversal", {"findings.paper": "agrees"}, "paper", "agrees"),
    ("seq2seq_reversal", {"findings.paper": "disagrees"}, "paper", "disagrees"),
    ("seq2seq_reversal", NONE, "align_correct", "correct"),
    ("seq2seq_reversal", {"alignment.correct": False}, "align_correct", "wrong"),
    ("compute_cost", NONE, "speed", "slower_everywhere"),
    ("compute_cost", _fused(slower_from=256, faster_at=[16]), "speed", "faster_then_slower"),
    ("compute_cost", _fused(slower_from=None, faster_at=[16]), "speed", "faster_at"),
    ("compute_cost", _fused(slower_from=256, faster_at=[]), "speed", "slower_from"),
    ("compute_cost", _fused(slower_from=None, faster_at=[]), "speed", "tie"),
    ("compute_cost", NONE, "table_1", "as_table_1"),
    ("compute_cost", {"findings.flops.as_table_1": False}, "table_1", "differs"),
    ("compute_cost", NONE, "cause", "arithmetic"),
    ("compute_cost", _fused(arithmetic_main_cause=False), "cause", "per_flop"),
    ("compute_cost", NONE, "tracks", "tracks"),
    (
        "compute_cost",
        _fused(time_vs_flop_ratio_exponent=1.5, time_follows_flop_ratio=False),
        "tracks",
        "drifts",
    ),
    (
        "compute_cost",
        _fused(time_vs_flop_ratio_exponent=0.6, time_follows_flop_ratio=False),
        "tracks",
        "trails",
    ),
    (
        "compute_cost",
        _fused(time_vs_flop_ratio_exponent=None, time_follows_flop_ratio=False),
        "tracks",
        "unfit",
    ),
    ("compute_cost", NONE, "per_op", "lstm"),
    ("compute_cost", _fused(more_flops_per_s_longest="attention_fused"), "per_op", "attention"),
    ("compute_cost", _fused(more_flops_per_s_longest=None), "per_op", "even"),
    ("compute_cost", NONE, "laws", "both"),
    ("compute_cost", {"findings.cpu.lstm.power_law": False}, "laws", "not_both"),
    ("compute_cost", NONE, "explicit_law", "misses"),
    ("compute_cost", {"findings.cpu.attention_explicit.power_law": True}, "explicit_law", "law"),
    (
        "compute_cost",
        {"findings.cpu.attention_explicit.time_fit": None},
        "explicit_law",
        "too_few",
    ),
    ("compute_cost", NONE, "lstm_fitted", "fitted"),
    ("compute_cost", {"findings.cpu.lstm.time_fit": None}, "lstm_fitted", "too_few"),
    ("compute_cost", NONE, "fused_fitted", "fitted"),
    ("compute_cost", _fused(time_fit=None), "fused_fitted", "too_few"),
    ("compute_cost", NONE, "explicit_fitted", "fitted"),
    (
        "compute_cost",
        {"findings.cpu.attention_explicit.time_fit": None},
        "explicit_fitted",
        "too_few",
    ),
    ("compute_cost", NONE, "fused_follows", "follows"),
    ("compute_cost", _fused(time_follows_flops=False), "fused_follows", "not"),
    ("compute_cost", NONE, "gpu", "none"),
    ("compute_cost", _gpu(16, []), "gpu", "slower_everywhere"),
    ("compute_cost", _gpu(256, []), "gpu", "slower_from"),
    ("compute_cost", _gpu(None, [2048]), "gpu", "faster_at"),
    ("compute_cost", _gpu(256, [16]), "gpu", "faster_at"),
    ("compute_cost", _gpu(None, []), "gpu", "tie"),
    ("compute_cost", NONE, "fused_memory", "never_larger"),
    ("compute_cost", _fused(larger_from=512), "fused_memory", "larger"),
    ("compute_cost", NONE, "lstm_quicker", "everywhere"),
    (
        "compute_cost",
        {"findings.fused_slower_everywhere_cpu": False},
        "lstm_quicker",
        "not_everywhere",
    ),
    ("data_efficiency", NONE, "advice", "not_held"),
    ("data_efficiency", NONE, "in_short", "not_held_unlearned"),
    (
        "data_efficiency",
        {"findings.recall.learned_seeds.lstm": [1, 3, 3, 3, 3]},
        "in_short",
        "not_held",
    ),
    (
        "data_efficiency",
        {"findings.recall.lstm_better_sizes": [10], "findings.recall.transformer_better_sizes": []},
        "in_short",
        "held",
    ),
    ("data_efficiency", {"findings.recall.lstm_better_sizes": [10]}, "in_short", "depends"),
    (
        "data_efficiency",
        {"findings.recall.lstm_better_sizes": [10], "findings.recall.transformer_better_sizes": []},
        "advice",
        "held",
    ),
    ("data_efficiency", {"findings.recall.lstm_better_sizes": [10]}, "advice", "depends"),
    ("data_efficiency", NONE, "lstm_learned", "never"),
    (
        "data_efficiency",
        {"findings.recall.learned_seeds.lstm": [0, 0, 0, 0, 3]},
        "lstm_learned",
        "somewhere",
    ),
    ("length_generalisation", NONE, "story", "lstm_only"),
    ("length_generalisation", {"findings.transformer.verdict": "mixed"}, "story", "other"),
    ("length_generalisation", {"findings.paper": "partly"}, "paper", "partly"),
    ("length_generalisation", {"findings.paper": "disagrees"}, "paper", "disagrees"),
    ("length_generalisation", NONE, "paper", "agrees"),
    ("heads_layers", NONE, "depth", "matters"),
    (
        "heads_layers",
        {"findings.depth_matters": False, "findings.one_layer_enough": True},
        "depth",
        "one_layer_enough",
    ),
    ("heads_layers", {"findings.depth_matters": False}, "depth", "unclear"),
    ("heads_layers", NONE, "deep_enough", "not_every_seed"),
    ("heads_layers", {"rows": _deep_rows(3)}, "deep_enough", "every_seed"),
    ("heads_layers", NONE, "heads", "no"),
    (
        "heads_layers",
        {"findings.heads_matter": True, "findings.heads_better": [{"layers": 2}]},
        "heads",
        "matter",
    ),
    (
        "heads_layers",
        {"rows": lambda rows: [r for r in rows if r["heads"] == 1]},
        "heads",
        "one_count",
    ),
    ("heads_layers", NONE, "smallest", "found"),
    ("heads_layers", {"findings.smallest_solving": None}, "smallest", "none"),
]
# Parity's per-model verdict: every word the experiment can give, for both models
for _model in ("lstm", "transformer"):
    for _said in ("generalises", "fits_but_fails_longer", "does_not_fit", "mixed"):
        CASES.append(
            ("length_generalisation", {f"findings.{_model}.verdict": _said}, _model, _said)
        )


@pytest.mark.parametrize(("experiment", "changes", "field", "expected"), CASES)
def test_each_selector_value_is_reached_from_findings(experiment, changes, field, expected):
    verdict = getattr(VERDICTS, experiment)(edited(experiment, changes))
    assert getattr(verdict, field) == expected


def _selectors() -> set[tuple[str, str, str]]:
    """(experiment, field, value) for every Literal field of every verdict."""
    found = set()
    for experiment in EXPERIMENTS:
        verdict = typing.get_type_hints(getattr(VERDICTS, experiment))["return"]
        for field, hint in typing.get_type_hints(verdict).items():
            for value in typing.get_args(hint) if typing.get_origin(hint) is typing.Literal else ():
                found.add((experiment, field, value))
    return found


def test_every_selector_value_has_a_case():
    reached = {(experiment, field, value) for experiment, _, field, value in CASES}
    assert _selectors() - reached == set()
    assert reached - _selectors() == set()  # a case for a value no verdict can take


def test_the_committed_results_give_the_numbers_the_page_quotes():
    """What a reader sees today: counts the verdicts work out from the data."""
    far = VERDICTS.far_recall(committed("far_recall"))
    assert (far.heads_on_answer, far.heads) == (1, 4)  # the example's heads on the answer
    assert far.lstm_above_until == 17
    data = VERDICTS.data_efficiency(committed("data_efficiency"))
    assert data.unlearned_sizes == [10, 30, 100, 300]
    assert data.unlearned_up_to == 300  # "with 300 examples or fewer, neither learned it"
    assert (data.row_size, data.transformer_size) == (1000, 1000)
    heads = VERDICTS.heads_layers(committed("heads_layers"))
    assert (heads.deep_solved, heads.deep_seeds) == (15, 18)
    assert heads.one_layer_solved == 0


def test_a_missing_measurement_reads_as_none_not_a_crash():
    """Findings an experiment writes as null (no fit, no smallest shape) become 0 with
    the selector saying why, never a number the page would print as measured."""
    cost = VERDICTS.compute_cost(edited("compute_cost", _fused(time_fit=None)))
    assert (cost.fused_fitted, cost.fused_points, cost.fused_exponent) == ("too_few", 0, 0.0)
    far = VERDICTS.far_recall(edited("far_recall", {"findings.longest_above_chance.lstm": None}))
    assert far.lstm_above_until == 0
    heads = VERDICTS.heads_layers(edited("heads_layers", {"findings.best_deeper": None}))
    assert (heads.best_layers, heads.best_heads) == (0, 0)
