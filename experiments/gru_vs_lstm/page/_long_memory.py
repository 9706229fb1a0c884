"""long_memory: the adding problem with an RNN, a GRU and an LSTM of one weight budget."""

from dataclasses import dataclass
from typing import Any, Literal

from ._common import TIE, Paper

MODELS = ("gru", "lstm")


def _lags_of(model: str, lags: list[int], verdicts: list[str | None]) -> list[int]:
    return [lag for lag, who in zip(lags, verdicts, strict=True) if who == model]


@dataclass(frozen=True)
class LongMemory:
    """The adding problem with an RNN, a GRU and an LSTM of one weight budget."""

    longest: int  # the longest lag
    seeds: int
    # who was clearly ahead: nobody at any lag, one of them somewhere, each somewhere
    outcome: Literal["tie", "gru", "lstm", "split"]
    solved: Literal["all", "not_all"]  # both gated cells solved every lag in every seed
    over_rnn: Literal["both_everywhere", "both_somewhere", "gru_only", "lstm_only", "neither"]
    rnn: Literal["guessing", "learned"]  # every RNN seed near the blind guess at every lag
    gru_lower_lags: list[int]  # lower error in every seed, but no clear win
    lstm_lower_lags: list[int]
    gru_lower_count: int
    lstm_lower_count: int
    lower: Literal["within_margin", "beyond_margin", "none"]
    base: float  # the blind guess's error
    solved_share: float  # of the blind guess's error
    margin_share: float
    guess_share: float
    lstm_width: int
    gru_width: int
    rnn_width: int
    lstm_params: int
    gru_params: int
    rnn_params: int
    params_gap: float
    matched: Literal["matched", "not_matched"]
    paper: Paper
    rows: list[dict[str, Any]]


def long_memory(result: Any) -> LongMemory:
    data, found = result.data, result.findings
    lags, models, base = data["lags"], data["models"], data["baseline_mse"]
    n = found["seeds_n"]
    ahead = {m: _lags_of(m, lags, found["gru_vs_lstm"]) for m in MODELS}
    lower = {m: _lags_of(m, lags, found["gru_lstm_ordered"]) for m in MODELS}
    tied = [i for i, lag in enumerate(lags) if lag in lower["gru"] + lower["lstm"]]
    small = all(
        max(models["gru"]["mse"][i] + models["lstm"]["mse"][i]) < found["win_margin_mse"]
        for i in tied
    )
    beat = found["gated_beat_rnn_lags"]
    if beat["gru"] == lags and beat["lstm"] == lags:
        over_rnn = "both_everywhere"
    elif beat["gru"] and beat["lstm"]:
        over_rnn = "both_somewhere"
    else:
        over_rnn = "gru_only" if beat["gru"] else "lstm_only" if beat["lstm"] else "neither"
    outcome = {(0, 0): "tie", (1, 0): "gru", (0, 1): "lstm"}.get(
        (min(len(ahead["gru"]), 1), min(len(ahead["lstm"]), 1)), "split"
    )

    def solved(name: str, i: int) -> str:
        return f"{found['solved_seeds'][name][i]}/{n}"

    def share(name: str, i: int) -> float:
        return 100 * models[name]["median_mse"][i] / base

    return LongMemory(
        longest=lags[-1],
        seeds=n,
        outcome=outcome,
        solved="all" if found["both_gated_solved_lags"] == lags else "not_all",
        over_rnn=over_rnn,
        rnn="guessing" if all(k == n for k in found["at_baseline_seeds"]["rnn"]) else "learned",
        gru_lower_lags=lower["gru"],
        lstm_lower_lags=lower["lstm"],
        gru_lower_count=len(lower["gru"]),
        lstm_lower_count=len(lower["lstm"]),
        lower="none" if not tied else "within_margin" if small else "beyond_margin",
        base=base,
        solved_share=data["solved_below_mse"] / base,
        margin_share=found["win_margin_mse"] / base,
        guess_share=data["at_baseline_mse"] / base,
        lstm_width=models["lstm"]["hidden_size"],
        gru_width=models["gru"]["hidden_size"],
        rnn_width=models["rnn"]["hidden_size"],
        lstm_params=models["lstm"]["params"],
        gru_params=models["gru"]["params"],
        rnn_params=models["rnn"]["params"],
        params_gap=found["params_gap"],
        matched="matched" if found["params_matched"] else "not_matched",
        paper=found["paper"],
        rows=[
            {
                "lag": lag,
                "rnn": share("rnn", i),
                "gru": share("gru", i),
                "lstm": share("lstm", i),
                "solved": f"{solved('gru', i)} · {solved('lstm', i)} · {solved('rnn', i)}",
                "ahead": {"gru": "GRU", "lstm": "LSTM"}.get(found["gru_vs_lstm"][i], TIE),
                "lower": {"gru": "GRU", "lstm": "LSTM"}.get(found["gru_lstm_ordered"][i], TIE),
            }
            for i, lag in enumerate(lags)
        ],
    )
