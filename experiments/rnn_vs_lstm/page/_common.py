"""What the verdicts of several experiments share: the models' names, a seed range, where a
chosen learning rate sat in its grid, and the Memory verdict both memory tests (the adding
problem, marked recall) are made of."""

import statistics
from dataclasses import dataclass
from typing import Any, Literal

MODELS = ("rnn", "lstm")
Paper = Literal["agrees", "partly", "disagrees"]


def spread(values: list[float]) -> tuple[float, float]:
    return min(values), max(values)


def _lags_where(lags: list[int], counts: list[int], n: int) -> list[int]:
    return [lag for lag, k in zip(lags, counts, strict=True) if k == n]


Edge = Literal["none", "some", "all"]


def at_grid_edge(tuning: dict) -> tuple[list[int], Edge]:
    """Settings (lags, sizes) where some model's chosen rate is the smallest or the largest
    it could be, and whether that is none, some or all of them: the best rate may lie
    outside the grid (STYLE.md: such a rate is not tuned yet), so the page says where."""
    ends = (min(tuning["lrs"]), max(tuning["lrs"]))
    settings, chosen = tuning["settings"], tuning["chosen"]
    edge = [s for i, s in enumerate(settings) if any(r[i] in ends for r in chosen.values())]
    return edge, "all" if len(edge) == len(settings) else "some" if edge else "none"


@dataclass(frozen=True)
class Memory:
    """A memory test over lags (the adding problem, marked recall): who solved what where,
    what kind each tie was, and the rows of its two tables. `low` is the experiment's floor:
    at the blind guess's error (adding) or near chance (recall)."""

    outcome: Paper  # agrees: a lag where every LSTM seed solved it and every RNN seed was low
    lag: int  # the longest such lag (0 when there is none)
    longest_lag: int
    lags: list[int]
    seeds: int
    seed_list: list[int]
    lstm_better_lags: list[int]
    lstm_better_count: int
    lstm_all_lags: list[int]  # lags every LSTM seed solved
    lstm_all_count: int
    rnn_all_lags: list[int]
    rnn_all_count: int
    last_lstm: Literal["all", "some"]  # at the longest lag, did every LSTM seed solve it?
    last_lstm_solved: int
    last_lstm_low: float
    last_lstm_high: float
    rnn_low_lags: list[int]  # lags where every RNN seed stayed low
    rnn_low_count: int
    rnn_low_min: float  # the RNN's seeds over those lags
    rnn_low_max: float
    holds_lags: list[int]  # low for every RNN seed, solved by every LSTM seed
    holds_count: int
    holds_rnn_min: float
    holds_rnn_max: float
    holds_lstm_min: float
    holds_lstm_max: float
    both_solved_lags: list[int]  # the three kinds of tie
    both_solved_count: int
    both_low_lags: list[int]
    both_low_count: int
    undecided_lags: list[int]
    undecided_count: int
    rnn_hidden: int
    lstm_hidden: int
    sizes_match: Literal["same", "different"]
    rnn_params: int
    lstm_params: int
    edge_lags: list[int]  # a model's chosen learning rate was an end of the grid
    edge: Edge  # at none, some or all of the lags
    rows: list[dict[str, Any]]  # medians per lag
    seed_rows: list[dict[str, Any]]  # every seed's score per lag


def memory_fields(
    data: dict, found: dict, scores: dict, low: tuple[dict, list[int]], holds: list[int]
) -> dict:
    """The fields of Memory both memory tests share: `scores` per model, lag and seed;
    `low`, the RNN and LSTM seeds per lag at the floor and the lags where every RNN seed
    was; `holds`, the finding that decides the paper."""
    low_seeds, low_lags = low
    lags, n, better = data["lags"], found["seeds_n"], found["better_per_lag"]
    solved, models = found["solved_seeds"], data["models"]

    def over(model: str, where: list[int]) -> tuple[float, float]:
        runs = [s for lag in where for s in scores[model][lags.index(lag)]]
        return spread(runs) if runs else (0.0, 0.0)

    tied = [i for i, b in enumerate(better) if b is None]

    def every_seed(counts: dict[str, list[int]], i: int) -> bool:
        return counts["rnn"][i] == n == counts["lstm"][i]

    both_solved = [lags[i] for i in tied if every_seed(solved, i)]
    both_low = [lags[i] for i in tied if every_seed(low_seeds, i)]
    undecided = [lags[i] for i in tied if lags[i] not in both_solved + both_low]
    lstm_better = [lag for lag, b in zip(lags, better, strict=True) if b == "lstm"]
    lists = {
        "lstm_better": lstm_better,
        "lstm_all": _lags_where(lags, solved["lstm"], n),
        "rnn_all": _lags_where(lags, solved["rnn"], n),
        "rnn_low": low_lags,
        "holds": holds,
        "both_solved": both_solved,
        "both_low": both_low,
        "undecided": undecided,
    }
    last_low, last_high = spread(scores["lstm"][-1])
    edge_lags, edge = at_grid_edge(data["tuning"])
    return {
        "outcome": found["paper"],
        "lag": holds[-1] if holds else 0,
        "longest_lag": lags[-1],
        "lags": lags,
        "seeds": n,
        "seed_list": data["seeds"],
        **{f"{name}_lags": where for name, where in lists.items()},
        **{f"{name}_count": len(where) for name, where in lists.items()},
        "last_lstm": "all" if solved["lstm"][-1] == n else "some",
        "last_lstm_solved": solved["lstm"][-1],
        "last_lstm_low": last_low,
        "last_lstm_high": last_high,
        "rnn_low_min": over("rnn", low_lags)[0],
        "rnn_low_max": over("rnn", low_lags)[1],
        "holds_rnn_min": over("rnn", holds)[0],
        "holds_rnn_max": over("rnn", holds)[1],
        "holds_lstm_min": over("lstm", holds)[0],
        "holds_lstm_max": over("lstm", holds)[1],
        "rnn_hidden": models["rnn"]["hidden_size"],
        "lstm_hidden": models["lstm"]["hidden_size"],
        "sizes_match": "same"
        if models["rnn"]["hidden_size"] == models["lstm"]["hidden_size"]
        else "different",
        "rnn_params": models["rnn"]["params"],
        "lstm_params": models["lstm"]["params"],
        "edge_lags": edge_lags,
        "edge": edge,
        "rows": [
            {
                "lag": lag,
                **{m: statistics.median(scores[m][i]) for m in MODELS},
                **{f"{m}_solved": solved[m][i] for m in MODELS},
                "better": {"lstm": "LSTM", "rnn": "RNN"}.get(better[i], "–"),
            }
            for i, lag in enumerate(lags)
        ],
        "seed_rows": [
            {"lag": lag, "seed": seed, **{m: scores[m][i][j] for m in MODELS}}
            for i, lag in enumerate(lags)
            for j, seed in enumerate(data["seeds"])
        ],
    }
