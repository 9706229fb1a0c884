"""small_data: short sequences, training sets of growing size, and what a step costs."""

from dataclasses import dataclass
from typing import Any, Literal

from ._common import Edge, at_grid_edge, spread

# Under this share right a seed has not learned the task (the marked-recall section's "well above").
LEARNED_FROM = 0.5


@dataclass(frozen=True)
class SmallData:
    """Short sequences, training sets of growing size: who is clearly better where."""

    lag: int
    smallest: int  # training examples
    largest: int
    seeds: int
    # the main line: where the RNN wins somewhere, or only the LSTM, or nobody
    outcome: Literal["rnn_somewhere", "lstm_only", "neither"]
    lstm_sizes: list[int]
    rnn_sizes: list[int]
    tie_sizes: list[int]
    lstm_count: int  # how many sizes each model won, and how many tied
    rnn_count: int
    tie_count: int
    least_lead_points: float  # the LSTM's worst seed over the RNN's best where it won
    # sizes the LSTM won although no seed of either model learned the task: a win between guessers
    unlearned_sizes: list[int]
    unlearned_count: int
    learned_from: float
    chance: float
    margin_points: float  # "clearly better" means ahead by more than this
    params_ratio: float
    flops_ratio: float
    step_ratio: float
    step_ratio_low: float
    step_ratio_high: float
    pairs: int
    rnn_step_ms: float
    lstm_step_ms: float
    rnn_params: int
    lstm_params: int
    sizes_match: Literal["same", "different"]  # the two models' state sizes
    rnn_hidden: int
    lstm_hidden: int
    warmup_steps: int
    timed_steps: int
    speed: Literal["rnn_faster", "not_faster"]
    paper: str
    edge_sizes: list[int]  # a model's chosen learning rate was an end of the grid
    edge: Edge  # at none, some or all of the sizes
    rows: list[dict[str, Any]]


def small_data(result: Any) -> SmallData:
    data, found = result.data, result.findings
    sizes, models = data["train_sizes"], data["models"]
    accuracy = {name: models[name]["accuracy"] for name in ("rnn", "lstm")}
    leads = [
        spread(accuracy["lstm"][sizes.index(n)])[0] - spread(accuracy["rnn"][sizes.index(n)])[1]
        for n in found["lstm_better_sizes"]
    ]
    if found["rnn_better_sizes"]:
        outcome = "rnn_somewhere"
    elif found["lstm_better_sizes"]:
        outcome = "lstm_only"
    else:
        outcome = "neither"
    edge_sizes, edge = at_grid_edge(data["tuning"])
    unlearned = [
        n
        for n in found["lstm_better_sizes"]
        if max(max(accuracy[m][sizes.index(n)]) for m in accuracy) < LEARNED_FROM
    ]

    def better(n: int) -> str:
        if n in found["lstm_better_sizes"]:
            return "LSTM"
        return "RNN" if n in found["rnn_better_sizes"] else "–"

    return SmallData(
        lag=data["lag"],
        smallest=sizes[0],
        largest=sizes[-1],
        seeds=len(data["seeds"]),
        outcome=outcome,
        lstm_sizes=found["lstm_better_sizes"],
        rnn_sizes=found["rnn_better_sizes"],
        tie_sizes=found["tie_sizes"],
        lstm_count=len(found["lstm_better_sizes"]),
        rnn_count=len(found["rnn_better_sizes"]),
        tie_count=len(found["tie_sizes"]),
        least_lead_points=100 * min(leads, default=0.0),
        unlearned_sizes=unlearned,
        unlearned_count=len(unlearned),
        learned_from=LEARNED_FROM,
        chance=data["chance"],
        margin_points=100 * found["win_margin"],
        params_ratio=found["lstm_over_rnn_params"],
        flops_ratio=found["lstm_over_rnn_flops"],
        step_ratio=found["lstm_over_rnn_step_time"],
        step_ratio_low=found["lstm_over_rnn_step_time_range"][0],
        step_ratio_high=found["lstm_over_rnn_step_time_range"][1],
        pairs=found["step_time_pairs"],
        rnn_step_ms=models["rnn"]["step_ms"],
        lstm_step_ms=models["lstm"]["step_ms"],
        rnn_params=models["rnn"]["params"],
        lstm_params=models["lstm"]["params"],
        sizes_match="same"
        if models["rnn"]["hidden_size"] == models["lstm"]["hidden_size"]
        else "different",
        rnn_hidden=models["rnn"]["hidden_size"],
        lstm_hidden=models["lstm"]["hidden_size"],
        warmup_steps=data["warmup_steps"],
        timed_steps=data["timed_steps"],
        speed="rnn_faster" if found["rnn_faster"] else "not_faster",
        paper=found["paper"],
        edge_sizes=edge_sizes,
        edge=edge,
        rows=[
            {
                "size": n,
                "rnn": models["rnn"]["median_accuracy"][i],
                "lstm": models["lstm"]["median_accuracy"][i],
                "better": better(n),
            }
            for i, n in enumerate(sizes)
        ],
    )
