"""adding_problem: add two marked numbers after a lag, errors against the blind guess's."""

from dataclasses import dataclass
from typing import Any

from ._common import MODELS, Memory, memory_fields


@dataclass(frozen=True)
class AddingProblem(Memory):
    """Errors are shares of the blind guess's error (1 = no better than guessing)."""

    baseline: float  # the blind guess's mean squared error
    solved_below: float
    solved_share: float
    at_baseline: float
    at_share: float
    margin: float
    margin_share: float


def adding_problem(result: Any) -> AddingProblem:
    data, found = result.data, result.findings
    base = data["baseline_mse"]
    scores = {m: [[e / base for e in runs] for runs in data["models"][m]["mse"]] for m in MODELS}
    return AddingProblem(
        **memory_fields(
            data,
            found,
            scores,
            (found["at_baseline_seeds"], found["rnn_at_baseline_lags"]),
            found["lstm_holds_where_rnn_fails"],
        ),
        baseline=base,
        solved_below=data["solved_below_mse"],
        solved_share=data["solved_below_mse"] / base,
        at_baseline=data["at_baseline_mse"],
        at_share=data["at_baseline_mse"] / base,
        margin=found["win_margin_mse"],
        margin_share=found["win_margin_mse"] / base,
    )
