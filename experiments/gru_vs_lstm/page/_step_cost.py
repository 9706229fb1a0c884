"""step_cost: weights, arithmetic and time of one training step, GRU against LSTM."""

from dataclasses import dataclass
from typing import Any, Literal

from ._common import TIE, Paper

# Who was quicker: at every width / at most (over half) / both ways / some widths, the
# rest neither / at none.
Speed = Literal[
    "faster",
    "slower",
    "mostly_faster",
    "mostly_slower",
    "both_ways",
    "some_faster",
    "some_slower",
    "neither",
]


def _speed(found: dict, widths: list[int]) -> str:
    faster, slower = found["faster_widths"], found["slower_widths"]
    if faster == widths or slower == widths:
        return "faster" if faster == widths else "slower"
    if 2 * len(faster) > len(widths) or 2 * len(slower) > len(widths):
        return "mostly_faster" if 2 * len(faster) > len(widths) else "mostly_slower"
    if faster and slower:
        return "both_ways"
    return "some_faster" if faster else "some_slower" if slower else "neither"


def _ratio(median: float, rounds: list[float]) -> str:
    return f"{median:.2f} ({min(rounds):.2f}–{max(rounds):.2f})"


@dataclass(frozen=True)
class StepCost:
    """Weights, arithmetic and time of one training step, GRU against LSTM."""

    params_ratio: float
    params_low: float
    params_high: float
    flops_ratio: float
    torch_speed: Speed  # PyTorch's own layers
    loop_speed: Speed  # one hand-written loop for both cells
    torch_low: float  # GRU time / LSTM time, over the widths
    torch_high: float
    loop_low: float
    loop_high: float
    faster_by: float
    rounds: int
    repeats: int
    warmup: int
    batch: int
    length: int
    # slower with PyTorch somewhere, never slower with identical code: the layers differ
    gap: Literal["implementation", "none"]
    width: int  # the narrowest width, where the implementations are compared
    torch_lstm_ms: float
    loop_lstm_ms: float
    torch_gru_ms: float
    loop_gru_ms: float
    lstm_speedup: float  # how many times faster PyTorch's layer ran than our loop
    gru_speedup: float
    paper: Paper
    rows: list[dict[str, Any]]


def step_cost(result: Any) -> StepCost:
    data, found = result.data, result.findings
    widths, timings = data["widths"], data["timings"]
    torch, loop = timings["torch"]["models"], timings["loop"]["models"]
    quicker = {"faster": "GRU", "slower": "LSTM", "neither": TIE}
    torch_speed, loop_speed = _speed(found["torch"], widths), _speed(found["loop"], widths)
    gap = found["torch"]["slower_widths"] and not found["loop"]["slower_widths"]
    return StepCost(
        params_ratio=found["params_ratio"]["median"],
        params_low=found["params_ratio"]["min"],
        params_high=found["params_ratio"]["max"],
        flops_ratio=found["flops_ratio"]["median"],
        torch_speed=torch_speed,
        loop_speed=loop_speed,
        torch_low=found["torch"]["time_ratio"]["min"],
        torch_high=found["torch"]["time_ratio"]["max"],
        loop_low=found["loop"]["time_ratio"]["min"],
        loop_high=found["loop"]["time_ratio"]["max"],
        faster_by=found["faster_by"],
        rounds=data["rounds"],
        repeats=data["repeats"],
        warmup=data["warmup"],
        batch=data["batch_size"],
        length=data["length"],
        gap="implementation" if gap else "none",
        width=widths[0],
        torch_lstm_ms=torch["lstm"]["step_ms"][0],
        loop_lstm_ms=loop["lstm"]["step_ms"][0],
        torch_gru_ms=torch["gru"]["step_ms"][0],
        loop_gru_ms=loop["gru"]["step_ms"][0],
        lstm_speedup=loop["lstm"]["step_ms"][0] / torch["lstm"]["step_ms"][0],
        gru_speedup=loop["gru"]["step_ms"][0] / torch["gru"]["step_ms"][0],
        paper=found["paper"],
        rows=[
            {
                "width": row["width"],
                "params": row["params_ratio"],
                "flops": row["flops_ratio"],
                "torch": _ratio(row["torch_time_ratio"], timings["torch"]["round_ratios"][i]),
                "torch_quicker": quicker[found["torch"]["gru_step"][i]],
                "loop": _ratio(row["loop_time_ratio"], timings["loop"]["round_ratios"][i]),
                "loop_quicker": quicker[found["loop"]["gru_step"][i]],
            }
            for i, row in enumerate(data["rows"])
        ],
    )
