"""gate_ablations: one LSTM with switches, and a GRU, on a task where letting go matters."""

from dataclasses import dataclass
from typing import Any, Literal

from chigai.site.prose import pct

from ._common import TIE, Paper


def _share(value: float) -> str:
    return pct(value, 1).replace(".0%", "%")


VARIANTS = {  # the short names the page's list defines, the same in both languages
    "lstm": "LSTM",
    "lstm_bias1": "LSTM b=1",
    "nfg": "NFG",
    "noaf": "NOAF",
    "cifg": "CIFG",
    "gru": "GRU",
}
Versus = Literal["hurts", "helps", "tie"]


@dataclass(frozen=True)
class Ablations:
    """One LSTM with switches, and a GRU, on a task where letting go matters."""

    variants: int
    lstm_variants: int  # the LSTMs among them
    length: int
    symbols: int
    marks: int
    hold: int
    width: int
    steps: int
    chance: float
    seeds: int
    bias_speed: Literal["lstm_bias1", "lstm", "tie"]  # who reached the loss level sooner
    accuracy: Literal["all_tie", "some_differ"]  # every variant against the plain LSTM
    # "clearly better" needs every seed above the plain LSTM's best plus the margin: over
    # 100% it cannot happen (weak); when its worst seed did not solve the task either,
    # "clearly worse" needs every seed below that failed one too (weak_both)
    test: Literal["weak_both", "weak", "fair"]
    gru_speed: Literal["fastest", "not_fastest"]  # ahead of both LSTMs in speed
    gru_accuracy: Literal["lstm", "gru", "tie"]  # the GRU against the plain LSTM
    nfg: Versus
    noaf: Versus
    cifg: Versus
    bias_helps: Literal["accuracy", "speed", "no"]
    gru_over_bias1: Literal["accuracy", "speed", "no"]
    # every variant at the plain LSTM's learning rate; only the two LSTMs; not even they
    rates: Literal["same", "pair_same", "differ"]
    lstm_low: float  # the plain LSTM's seeds
    lstm_high: float
    lstm_median: float
    lstm_solved: int
    hurt_below: float
    help_above: float
    lstm_params: int
    fewer_share: float  # NFG, CIFG and GRU weights over the LSTM's
    solved_from: float
    win_margin: float
    step_margin: int
    paper_greff: Paper
    paper_jozefowicz: Paper
    paper: Paper
    rows: list[dict[str, Any]]


def _test(found: dict, seeds: int) -> str:
    if found["help_above"] <= 1:
        return "fair"
    return "weak_both" if found["solved_seeds"]["lstm"] < seeds else "weak"


def _rates(models: dict) -> str:
    lstm = models["lstm"]["lr"]
    if all(model["lr"] == lstm for model in models.values()):
        return "same"
    return "pair_same" if models["lstm_bias1"]["lr"] == lstm else "differ"


def gate_ablations(result: Any) -> Ablations:
    data, found = result.data, result.findings
    models, n, versus = data["models"], found["seeds_n"], found["versus_lstm"]
    median, reached = found["median_steps_to_loss_level"], found["steps_to_loss_level"]
    lstm = models["lstm"]["accuracy"]
    speed = found["speed_versus_lstm"]
    ahead = {"hurts": "LSTM", "tie": TIE}

    def helps(in_accuracy: bool, in_speed: bool) -> str:
        return "accuracy" if in_accuracy else "speed" if in_speed else "no"

    return Ablations(
        variants=len(data["variants"]),
        lstm_variants=len(data["variants"]) - 1,
        length=data["length"],
        symbols=data["symbols"],
        marks=data["marks"],
        hold=data["hold"],
        width=data["hidden_size"],
        steps=data["steps"],
        chance=data["chance"],
        seeds=n,
        bias_speed=found["forget_bias_faster"],
        accuracy="all_tie" if set(versus.values()) == {"tie"} else "some_differ",
        test=_test(found, n),
        gru_speed="fastest"
        if speed["gru"] == "gru" and found["gru_vs_lstm_bias1_speed"] == "gru"
        else "not_fastest",
        gru_accuracy=found["gru_vs_lstm"],
        nfg=versus["nfg"],
        noaf=versus["noaf"],
        cifg=versus["cifg"],
        bias_helps=helps(
            versus["lstm_bias1"] == "helps", found["forget_bias_faster"] == "lstm_bias1"
        ),
        gru_over_bias1=helps(
            found["gru_vs_lstm_bias1"] == "gru", found["gru_vs_lstm_bias1_speed"] == "gru"
        ),
        rates=_rates(models),
        lstm_low=min(lstm),
        lstm_high=max(lstm),
        lstm_median=models["lstm"]["median_accuracy"],
        lstm_solved=found["solved_seeds"]["lstm"],
        hurt_below=found["hurt_below"],
        help_above=found["help_above"],
        lstm_params=models["lstm"]["params"],
        fewer_share=found["params_over_lstm"]["gru"],
        solved_from=found["solved_from"],
        win_margin=found["win_margin"],
        step_margin=found["step_margin"],
        paper_greff=found["paper_greff"],
        paper_jozefowicz=found["paper_jozefowicz"],
        paper=found["paper"],
        rows=[
            {
                "variant": VARIANTS[row["variant"]],
                "params": row["params"],
                "lr": row["lr"],
                "accuracy": f"{_share(row['median_accuracy'])} "
                f"({_share(row['min_accuracy'])}–{_share(row['max_accuracy'])})",
                "solved": f"{found['solved_seeds'][row['variant']]}/{n}",
                "steps": TIE if median[row["variant"]] is None else median[row["variant"]],
                "never": reached[row["variant"]].count(None),
                "more_accurate": ""
                if row["variant"] == "lstm"
                else ahead.get(versus[row["variant"]], VARIANTS[row["variant"]]),
                "quicker": ""
                if row["variant"] == "lstm"
                else {"lstm": "LSTM", "tie": TIE}.get(
                    speed[row["variant"]], VARIANTS[row["variant"]]
                ),
            }
            for row in data["rows"]
        ],
    )
