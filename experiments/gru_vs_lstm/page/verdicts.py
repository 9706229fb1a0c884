"""What the GRU vs LSTM page says, decided once for both languages (chigai.site.words).

One function per experiment id: its result in, a small verdict out. Every word a
sentence chooses is a selector here; every number it quotes is a field. Table cells that
name a winner use the models' own names (GRU, LSTM, NFG...) or "–", the same in both
languages. Every judgement comes from a finding the experiment computed.
"""

from dataclasses import dataclass
from typing import Any, Literal

from chigai.site.prose import pct

TIE = "–"  # a table cell: neither is clearly ahead
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
Paper = Literal["agrees", "partly", "disagrees"]


def _speed(found: dict, widths: list[int]) -> str:
    faster, slower = found["faster_widths"], found["slower_widths"]
    if faster == widths or slower == widths:
        return "faster" if faster == widths else "slower"
    if 2 * len(faster) > len(widths) or 2 * len(slower) > len(widths):
        return "mostly_faster" if 2 * len(faster) > len(widths) else "mostly_slower"
    if faster and slower:
        return "both_ways"
    return "some_faster" if faster else "some_slower" if slower else "neither"


MODELS = ("gru", "lstm")


def _lags_of(model: str, lags: list[int], verdicts: list[str | None]) -> list[int]:
    return [lag for lag, who in zip(lags, verdicts, strict=True) if who == model]


def _ratio(median: float, rounds: list[float]) -> str:
    return f"{median:.2f} ({min(rounds):.2f}–{max(rounds):.2f})"


def _share(value: float) -> str:
    return pct(value, 1).replace(".0%", "%")


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
