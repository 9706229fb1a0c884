"""counting_anbn: aⁿbⁿ past the training range, how far each cell's seeds got."""

from dataclasses import dataclass
from typing import Any, Literal

from ._common import Paper


@dataclass(frozen=True)
class Counting:
    """aⁿbⁿ past the training range: how far each cell's seeds got every n right."""

    trained: int  # the largest n practised
    held_out: list[int]  # n's kept aside to choose the learning rate
    first: int  # the first n tested past the training range
    last: int
    twice: int  # twice the training range
    seeds: int
    winner: Literal["lstm", "gru", "tie"]
    # who had a seed reaching twice the training range
    reach: Literal["lstm_only", "gru_only", "both", "neither"]
    fit: Literal["all", "not_all"]  # every seed of both got every training string right
    lstm_fits: int
    gru_fits: int
    lstm_low: int  # the largest n up to which a seed got every n right: worst seed
    lstm_high: int
    lstm_median: float
    gru_low: int
    gru_high: int
    gru_median: float
    lstm_twice: int  # seeds that reached twice the training range
    gru_twice: int
    lstm_end: int  # seeds right on every n to the end of the test
    gru_end: int
    lstm_short: int  # LSTM seeds that fell short of twice the training range
    lstm_best_times: float  # the best LSTM seed's reach over the training range
    margin: float  # in n
    lstm_params: int
    gru_params: int
    matched: Literal["matched", "not_matched"]
    paper: Paper
    # what held of Weiss et al.'s split: all of it, none (the GRU ahead), or in part: the
    # LSTM ahead without every seed reaching twice; only LSTM seeds reaching twice, too
    # few for a lead; or neither cell ahead
    paper_case: Literal["agrees", "lstm_ahead", "lstm_reach", "tie", "disagrees"]
    rows: list[dict[str, Any]]


def counting_anbn(result: Any) -> Counting:
    data, found = result.data, result.findings
    lstm, gru, n = found["lstm"], found["gru"], found["seeds_n"]
    lstm_twice, gru_twice = lstm["generalises_seeds"][0], gru["generalises_seeds"][0]
    reach = {(1, 1): "both", (1, 0): "lstm_only", (0, 1): "gru_only"}.get(
        (min(lstm_twice, 1), min(gru_twice, 1)), "neither"
    )
    winner = found["winner"] or "tie"
    paper_case = found["paper"]
    if paper_case == "partly":
        ahead = winner == "lstm"
        paper_case = "lstm_ahead" if ahead else "lstm_reach" if reach == "lstm_only" else "tie"
    return Counting(
        trained=data["max_train_n"],
        held_out=data["validation_ns"],
        first=data["test_ns"][0],
        last=data["test_ns"][-1],
        twice=data["milestones"][0],
        seeds=n,
        winner=winner,
        reach=reach,
        fit="all" if lstm["fits_seeds"] == gru["fits_seeds"] == n else "not_all",
        lstm_fits=lstm["fits_seeds"],
        gru_fits=gru["fits_seeds"],
        lstm_low=lstm["largest_n"]["min"],
        lstm_high=lstm["largest_n"]["max"],
        lstm_median=lstm["largest_n"]["median"],
        gru_low=gru["largest_n"]["min"],
        gru_high=gru["largest_n"]["max"],
        gru_median=gru["largest_n"]["median"],
        lstm_twice=lstm_twice,
        gru_twice=gru_twice,
        lstm_end=lstm["generalises_seeds"][-1],
        gru_end=gru["generalises_seeds"][-1],
        lstm_short=n - lstm_twice,
        lstm_best_times=lstm["largest_n"]["max"] / data["max_train_n"],
        margin=found["win_margin_n"],
        lstm_params=data["models"]["lstm"]["params"],
        gru_params=data["models"]["gru"]["params"],
        matched="matched" if found["params_matched"] else "not_matched",
        paper=found["paper"],
        paper_case=paper_case,
        rows=data["rows"],
    )
