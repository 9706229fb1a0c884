"""marked_recall: recall a marked symbol after a lag, then probe one trained model of each
kind (its gradient far back, the LSTM's gates and cells, what each output leans on)."""

from dataclasses import dataclass
from typing import Any, Literal

from ._common import MODELS, Memory, Paper, memory_fields


def _two_digits(value: float) -> float:
    """A value as the page lists it: two significant digits (0.0412 -> 0.041)."""
    return float(f"{value:.2g}")


@dataclass(frozen=True)
class MarkedRecall(Memory):
    """Marked recall: the memory test, then the probes of one trained model of each kind."""

    symbols: int
    chance: float
    solved_from: float
    near_chance: float  # under this a seed is guessing (a share, like the accuracies)
    well_above: float
    margin_points: float
    # after the RNN fell to guessing: every LSTM seed solved it, got half right, or neither
    after_guessing: Literal["lstm_solved", "lstm_half", "lstm_neither"]
    # the same, for the after-school talk, which also needs the RNN never guessing
    guessing: Literal["lstm_solved", "lstm_short", "never"]
    guessing_lag: int
    lstm_half_lags: list[int]
    # the probes: one model of each kind, trained from probe_seed at probe_lag
    probe_seed: int
    probe_lag: int
    rnn_lr: float
    lstm_lr: float
    probe_length: int
    distance: int  # the gradient is read this many steps back from the answer
    rnn_init: float  # share of the gradient left there
    rnn_trained: float
    lstm_init: float
    lstm_trained: float
    gradient_rows: list[dict[str, Any]]
    lstm_over_rnn: float
    vanished_below: float
    reaches_further: float
    untrained_rnn: Literal["vanished", "kept"]
    untrained_lstm: Literal["vanished", "kept"]
    trained_rnn: Literal["vanished", "kept"]
    lstm_reach: Literal["further", "not_further"]
    gradients: Paper
    probe_rnn_accuracy: float
    probe_rnn: Literal["solved", "short"]  # did the probed RNN reach solved_from?
    answer_shares: list[float]  # percentage points, one per cell that carries the answer
    cells: int
    mark: Literal["first", "later"]  # the marked symbol came at the first step, or later
    forget_before: float
    forget_at: float
    input_before: float
    input_at: float
    cells_at_mark: list[float]
    cells_before_question: list[float]
    example_drift: float
    moved: float  # the three cells' summed change, against their summed size at the mark
    size_at_mark: float
    held_below: float
    median_drift: float
    held_share: float
    sequences: int
    example: Literal["held", "moved"]
    typically: Literal["held", "moved"]
    answered: Literal["right", "wrong"]
    recent_steps: int
    positions: int  # input positions the sensitivity was read at
    rnn_recent: float
    lstm_recent: float
    even_recent: float
    rnn_first_half: float
    lstm_first_half: float
    recent_margin: float
    recency: Literal["rnn_leans", "no_gap"]


def marked_recall(result: Any) -> MarkedRecall:
    data, found = result.data, result.findings
    rules, drift, left = found["rules"], found["cell_drift"], found["gradient_left"]
    checks, gates, seeds = found["gradient_checks"], data["gates"], data["seeds"]
    scores = {m: data["models"][m]["accuracy"] for m in MODELS}
    low = (found["at_chance_seeds"], found["rnn_at_chance_lags"])
    memory = memory_fields(data, found, scores, low, found["lstm_solves_where_rnn_guesses"])
    half_lags = found["lstm_well_above_chance_where_rnn_guesses"]
    probe_accuracy = scores["rnn"][data["lags"].index(data["probe_lag"])][
        seeds.index(data["probe_seed"])
    ]
    mark, asked = gates["marked_at"], gates["asked_at"]
    size_at_mark = sum(abs(cell[mark]) for cell in gates["cells"])
    length = len(data["sensitivity"]["rnn"])

    def vanished(share: float) -> Literal["vanished", "kept"]:
        return "vanished" if share < rules["vanished_below"] else "kept"

    def held(yes: bool) -> Literal["held", "moved"]:
        return "held" if yes else "moved"

    return MarkedRecall(
        **memory,
        symbols=data["symbols"],
        chance=data["chance"],
        solved_from=data["solved_from"],
        near_chance=rules["near_chance"] * data["chance"],
        well_above=rules["well_above"],
        margin_points=100 * rules["win_margin"],
        after_guessing="lstm_solved"
        if found["lstm_solves_where_rnn_guesses"]
        else "lstm_half"
        if half_lags
        else "lstm_neither",
        lstm_half_lags=half_lags,
        guessing="never"
        if not memory["rnn_low_lags"]
        else "lstm_solved"
        if memory["holds_lags"]
        else "lstm_short",
        guessing_lag=(memory["holds_lags"] or memory["rnn_low_lags"] or [0])[-1],
        probe_seed=data["probe_seed"],
        probe_lag=data["probe_lag"],
        rnn_lr=data["probe_lr"]["rnn"],
        lstm_lr=data["probe_lr"]["lstm"],
        probe_length=len(data["gradients"]["rnn"]["init"]),
        distance=rules["vanish_distance"],
        rnn_init=left["rnn"]["init"],
        rnn_trained=left["rnn"]["trained"],
        lstm_init=left["lstm"]["init"],
        lstm_trained=left["lstm"]["trained"],
        gradient_rows=[
            {"model": name.upper(), "init": left[name]["init"], "trained": left[name]["trained"]}
            for name in MODELS
        ],
        lstm_over_rnn=found["lstm_over_rnn_gradient_far_back"],
        vanished_below=rules["vanished_below"],
        reaches_further=rules["reaches_further"],
        untrained_rnn="vanished" if checks["untrained_rnn_vanishes"] else "kept",
        untrained_lstm=vanished(left["lstm"]["init"]),
        trained_rnn="vanished" if checks["trained_rnn_vanishes"] else "kept",
        lstm_reach="further" if checks["lstm_reaches_further"] else "not_further",
        gradients=found["paper_gradients"],
        probe_rnn_accuracy=probe_accuracy,
        probe_rnn="solved" if probe_accuracy >= data["solved_from"] else "short",
        answer_shares=[round(100 * share, 1) for share in gates["answer_share"]],
        cells=len(gates["cells"]),
        mark="later" if mark > 0 else "first",
        forget_before=gates["forget_gate"][max(mark - 1, 0)],
        forget_at=gates["forget_gate"][mark],
        input_before=gates["input_gate"][max(mark - 1, 0)],
        input_at=gates["input_gate"][mark],
        cells_at_mark=[_two_digits(cell[mark]) for cell in gates["cells"]],
        cells_before_question=[_two_digits(cell[asked - 1]) for cell in gates["cells"]],
        example_drift=drift["example"],
        moved=drift["example"] * size_at_mark,
        size_at_mark=size_at_mark,
        held_below=drift["held_below"],
        median_drift=drift["median"],
        held_share=drift["held_share"],
        sequences=drift["sequences"],
        example=held(found["cell_held_in_example"]),
        typically=held(found["cell_held_typically"]),
        answered="right" if gates["answered_right"] else "wrong",
        recent_steps=data["recent_steps"],
        positions=length,
        rnn_recent=found["recent_share"]["rnn"],
        lstm_recent=found["recent_share"]["lstm"],
        even_recent=data["recent_steps"] / length,
        rnn_first_half=sum(data["sensitivity"]["rnn"][: length // 2]),
        lstm_first_half=sum(data["sensitivity"]["lstm"][: length // 2]),
        recent_margin=rules["recent_margin"],
        recency="rnn_leans" if found["rnn_leans_on_recent_inputs"] else "no_gap",
    )
