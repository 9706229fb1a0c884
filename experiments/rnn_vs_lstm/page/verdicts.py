"""What the RNN vs LSTM page says, decided once for both languages (chigai.site.words).

One function per experiment id: its result in, a small verdict out. Every word a
sentence chooses is a selector here; every number it quotes is a field. No words, and no
thresholds of our own: each judgement reads a finding (or a rule) the experiment set.
"""

import statistics
from dataclasses import dataclass
from typing import Any, Literal

MODELS = ("rnn", "lstm")
Paper = Literal["agrees", "partly", "disagrees"]


def _spread(values: list[float]) -> tuple[float, float]:
    return min(values), max(values)


def _two_digits(value: float) -> float:
    """A value as the page lists it: two significant digits (0.0412 -> 0.041)."""
    return float(f"{value:.2g}")


def _lags_where(lags: list[int], counts: list[int], n: int) -> list[int]:
    return [lag for lag, k in zip(lags, counts, strict=True) if k == n]


Edge = Literal["none", "some", "all"]


def _at_grid_edge(tuning: dict) -> tuple[list[int], Edge]:
    """Settings (lags, sizes) where some model's chosen rate is the smallest or the largest
    it could be, and whether that is none, some or all of them: the best rate may lie
    outside the grid (STYLE.md: such a rate is not tuned yet), so the page says where."""
    ends = (min(tuning["lrs"]), max(tuning["lrs"]))
    settings, chosen = tuning["settings"], tuning["chosen"]
    edge = [s for i, s in enumerate(settings) if any(r[i] in ends for r in chosen.values())]
    return edge, "all" if len(edge) == len(settings) else "some" if edge else "none"


@dataclass(frozen=True)
class Architecture:
    """Weights per layer: what the gates cost."""

    input_size: int
    largest_hidden: int
    lstm_ratio: float  # LSTM layer's weights over the RNN layer's
    gru_ratio: float
    rows: list[dict[str, Any]]


def architecture(result: Any) -> Architecture:
    data, found = result.data, result.findings
    return Architecture(
        input_size=data["input_size"],
        largest_hidden=data["rows"][-1]["hidden"],
        lstm_ratio=found["lstm_over_rnn"],
        gru_ratio=found["gru_over_rnn"],
        rows=data["rows"],
    )


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


def _memory(
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
        return _spread(runs) if runs else (0.0, 0.0)

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
    last_low, last_high = _spread(scores["lstm"][-1])
    edge_lags, edge = _at_grid_edge(data["tuning"])
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
        **_memory(
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
    memory = _memory(data, found, scores, low, found["lstm_solves_where_rnn_guesses"])
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
        _spread(accuracy["lstm"][sizes.index(n)])[0] - _spread(accuracy["rnn"][sizes.index(n)])[1]
        for n in found["lstm_better_sizes"]
    ]
    if found["rnn_better_sizes"]:
        outcome = "rnn_somewhere"
    elif found["lstm_better_sizes"]:
        outcome = "lstm_only"
    else:
        outcome = "neither"
    edge_sizes, edge = _at_grid_edge(data["tuning"])

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
