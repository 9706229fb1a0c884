"""bach_chorales: an RNN, a GRU and an LSTM of one weight budget predicting Bach's chorales."""

import re
import statistics
from dataclasses import dataclass
from typing import Any, Literal

from ._common import Paper

NAMES = {"rnn": "RNN", "gru": "GRU", "lstm": "LSTM"}


@dataclass(frozen=True)
class BachChorales:
    """The chorales with three models: who predicted better, seed by seed."""

    seeds: int
    tuning_seeds: int  # the seeds that searched the learning rate
    cap: int  # the step limit of every run
    decidable: Literal["yes", "no"]  # enough seeds for any count of wins to decide
    needed: int  # seeds a model must be ahead in to be clearly better (0: undecidable)
    chance: float  # how often luck alone gives that, as a share (1: undecidable)
    margin: float  # nats per beat a seed must be ahead by
    gru_vs_lstm: Literal["gru", "lstm", "undecided"]
    gru_ahead: int  # seeds where the GRU was ahead of the LSTM by the margin
    lstm_ahead: int
    over_rnn: Literal["both", "gru_only", "lstm_only", "neither"]
    rnn_ahead: Literal["gru", "lstm", "both", "none"]  # gated cells the RNN clearly beat
    # a gated cell that beat the RNN in exactly the seeds needed while RNN runs were still
    # improving at the step limit: longer training could undo that win
    narrow: Literal["gru", "lstm", "none"]
    capped: int  # final runs that reached the step limit still improving
    rnn_capped: int
    gru_capped: int
    lstm_capped: int
    runs: int
    gap_low: float  # our medians against the published values, nats per beat
    gap_high: float
    capped_any: Literal["none", "some"]
    bound_hit: Literal["none", "some"]  # a rate search stopped by a bound, not the data
    chorales: int  # kept, all splits
    train: int
    validation: int
    test: int
    lstm_params: int
    gru_params: int
    rnn_params: int
    lstm_width: int
    gru_width: int
    rnn_width: int
    params_gap: float
    matched: Literal["matched", "not_matched"]
    shown: str  # the chorale the figure shows: "BWV 385" for music21's bwv385.mxl
    paper: Paper
    rows: list[dict[str, Any]]


def _side(outcome: str, a: str, b: str) -> str:
    return {"a": a, "b": b}.get(outcome, "undecided")


def bach_chorales(result: Any) -> BachChorales:
    data, found = result.data, result.findings
    models, corpus = data["models"], data["corpus"]
    pair = found["gru_vs_lstm"]
    over = {g: found[f"{g}_vs_rnn"]["outcome"] == "a" for g in ("gru", "lstm")}
    beaten = [g for g in ("gru", "lstm") if found[f"{g}_vs_rnn"]["outcome"] == "b"]
    stops = [stop for model in models.values() for stop in model["stopping"]]
    rnn_cut = any(stop["still_improving"] for stop in models["rnn"]["stopping"])
    narrow = [
        g
        for g in ("gru", "lstm")
        if over[g] and found[f"{g}_vs_rnn"]["ahead"] == found[f"{g}_vs_rnn"]["needed"] and rnn_cut
    ]
    capped_of = {m: sum(s["still_improving"] for s in models[m]["stopping"]) for m in models}
    capped = sum(capped_of.values())
    sizes = {split: len(names) for split, names in corpus["splits"].items()}
    median = {m: statistics.median(models[m]["test_nll"]) for m in models}
    gaps = [abs(median[m] - data["published"][m]) for m in models]
    return BachChorales(
        seeds=pair["seeds"],
        tuning_seeds=data["tuning_seeds"],
        cap=data["stopping"]["cap"],
        decidable="yes" if pair["decidable"] else "no",
        needed=pair["needed"] or 0,
        chance=1.0 if pair["chance"] is None else pair["chance"],
        margin=found["margin_nll"],
        gru_vs_lstm=_side(pair["outcome"], "gru", "lstm"),
        gru_ahead=pair["ahead"],
        lstm_ahead=pair["behind"],
        over_rnn="both"
        if all(over.values())
        else "gru_only"
        if over["gru"]
        else "lstm_only"
        if over["lstm"]
        else "neither",
        rnn_ahead="both" if len(beaten) == 2 else beaten[0] if beaten else "none",
        narrow=narrow[0] if narrow else "none",
        capped=capped,
        rnn_capped=capped_of["rnn"],
        gru_capped=capped_of["gru"],
        lstm_capped=capped_of["lstm"],
        runs=len(stops),
        gap_low=min(gaps),
        gap_high=max(gaps),
        capped_any="some" if capped else "none",
        bound_hit="some" if any(m["lr"]["bound_hit"] for m in models.values()) else "none",
        chorales=sum(sizes.values()),
        train=sizes["train"],
        validation=sizes["validation"],
        test=sizes["test"],
        lstm_params=models["lstm"]["params"],
        gru_params=models["gru"]["params"],
        rnn_params=models["rnn"]["params"],
        lstm_width=models["lstm"]["hidden_size"],
        gru_width=models["gru"]["hidden_size"],
        rnn_width=models["rnn"]["hidden_size"],
        params_gap=found["params_gap"],
        matched="matched" if found["params_matched"] else "not_matched",
        shown=re.sub(r"^bwv", "BWV ", data["shown"]["id"].rsplit(".", 1)[0]),
        paper=found["paper"],
        rows=[
            {
                "model": NAMES[m],
                "ours": f"{median[m]:.2f}",
                "spread": f"{min(models[m]['test_nll']):.2f}–{max(models[m]['test_nll']):.2f}",
                "published": f"{data['published'][m]:.2f}",
                "lr": models[m]["lr"]["chosen"],
                "params": models[m]["params"],
                "improving": f"{sum(s['still_improving'] for s in models[m]['stopping'])}"
                f"/{len(models[m]['stopping'])}",
            }
            for m in models
        ],
    )
