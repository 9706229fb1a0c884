"""What the Attention vs LSTM page says, decided once for both languages (chigai.site.words).

One function per experiment id: its result in, a small verdict out. Every word a
sentence chooses is a selector here; every number it quotes is a field. No words, and
no thresholds of our own: each judgement is a finding the experiment made.
"""

from dataclasses import dataclass
from typing import Any, Literal


def _low(values: list[float]) -> float:
    return min(values)


def _high(values: list[float]) -> float:
    return max(values)


def _level(clear: int, seeds: int) -> Literal["guessing", "above", "mixed"]:
    """No seed clearly above guessing, every seed, or some."""
    return "guessing" if clear == 0 else "above" if clear == seeds else "mixed"


@dataclass(frozen=True)
class FarRecall:
    """Card recall across growing gaps; where attention looked in one example."""

    cards: int
    chance: float
    solved_from: float
    above_from: float  # "clearly above guessing" starts here
    shortest: int  # sequence lengths
    longest: int
    longest_gap: int  # blank steps between the cards and the question
    seeds: int
    seed_list: list[int]
    lstm_params: int
    lstm_attention_params: int
    transformer_params: int
    beats: Literal["transformer", "no_separation"]  # at the longest length
    transformer: Literal["holds", "slips"]
    transformer_solved: int  # seeds that solved the longest length
    lstm: Literal["drops", "steady"]
    lstm_far: Literal["guessing", "above", "mixed"]  # every LSTM seed at the longest length
    lstm_above_until: int  # longest length where every LSTM seed beat guessing clearly; 0: none
    helps: Literal["helps", "unclear"]  # attention added to the LSTM, at the longest length
    helped_solves: Literal["solved", "short"]  # did that LSTM + attention solve it there?
    lstm_at_shortest: float
    lstm_at_longest: float
    lstm_low: float
    lstm_high: float
    lstm_attention_at_longest: float
    lstm_attention_low: float
    lstm_attention_high: float
    transformer_at_longest: float
    paper: str
    rows: list[dict[str, Any]]
    # one example of attention, read by eye
    map_seed: int
    map_length: int
    map_lr_transformer: float
    map_lr_lstm_attention: float
    heads: int
    heads_on_answer: int  # heads whose largest weight sat on the answer card
    looks_transformer: float  # share of test questions with the peak on the answer
    looks_lstm_attention: float
    lstm_attention_peak: float  # the LSTM's attention: its largest weight in the example
    positions: int
    even_share: float
    # the at-a-glance row: the longest length where models still learned something
    row_length: int
    row_rule: Literal["both", "one", "none"]
    row_lstm: float
    row_lstm_low: float
    row_lstm_high: float
    row_transformer: float
    row_transformer_low: float
    row_transformer_high: float


def far_recall(result: Any) -> FarRecall:
    data, found = result.data, result.findings
    models, example = data["models"], data["attention"]
    heads = [row for row in example["rows"] if row["model"] == "transformer"]
    answer = example["answer_position"]
    on_answer = sum(row["weights"][answer] == max(row["weights"]) for row in heads)
    lstm_attention = next(row for row in example["rows"] if row["model"] == "lstm_attention")
    row = found["informative_row"]
    seeds = found["seeds_n"]
    return FarRecall(
        cards=data["cards"],
        chance=data["chance"],
        solved_from=data["solved_from"],
        above_from=data["above_chance_from"],
        shortest=data["lengths"][0],
        longest=data["lengths"][-1],
        longest_gap=data["gaps"][-1],
        seeds=seeds,
        seed_list=data["seeds"],
        lstm_params=models["lstm"]["params"],
        lstm_attention_params=models["lstm_attention"]["params"],
        transformer_params=models["transformer"]["params"],
        beats="transformer" if found["attention_beats_lstm_at_longest"] else "no_separation",
        transformer="holds" if found["transformer_holds"] else "slips",
        transformer_solved=found["solved_seeds"]["transformer"][-1],
        lstm="drops" if found["lstm_drops"] else "steady",
        lstm_far=_level(found["above_chance_seeds"]["lstm"][-1], seeds),
        lstm_above_until=found["longest_above_chance"]["lstm"] or 0,
        helps="helps" if found["lstm_attention_helps"] else "unclear",
        helped_solves="solved" if found["solved_seeds"]["lstm_attention"][-1] == seeds else "short",
        lstm_at_shortest=found["at_shortest"]["lstm"],
        lstm_at_longest=found["at_longest"]["lstm"],
        lstm_low=_low(models["lstm"]["accuracy"][-1]),
        lstm_high=_high(models["lstm"]["accuracy"][-1]),
        lstm_attention_at_longest=found["at_longest"]["lstm_attention"],
        lstm_attention_low=_low(models["lstm_attention"]["accuracy"][-1]),
        lstm_attention_high=_high(models["lstm_attention"]["accuracy"][-1]),
        transformer_at_longest=found["at_longest"]["transformer"],
        paper=found["paper"],
        rows=data["rows"],
        map_seed=example["seed"],
        map_length=example["length"],
        map_lr_transformer=example["lr"]["transformer"],
        map_lr_lstm_attention=example["lr"]["lstm_attention"],
        heads=len(heads),
        heads_on_answer=on_answer,
        looks_transformer=found["transformer_looks_at_answer"],
        looks_lstm_attention=found["lstm_attention_looks_at_answer"],
        lstm_attention_peak=max(lstm_attention["weights"]),
        positions=len(lstm_attention["weights"]),
        even_share=1 / len(lstm_attention["weights"]),
        row_length=row["length"],
        row_rule=row["above_chance"],
        row_lstm=row["lstm"],
        row_lstm_low=_low(row["seeds"]["lstm"]),
        row_lstm_high=_high(row["seeds"]["lstm"]),
        row_transformer=row["transformer"],
        row_transformer_low=_low(row["seeds"]["transformer"]),
        row_transformer_high=_high(row["seeds"]["transformer"]),
    )


_WINNERS: dict[str | None, Literal["attention", "plain", "tie"]] = {
    "seq2seq_attention": "attention",
    "seq2seq": "plain",
    None: "tie",
}


@dataclass(frozen=True)
class Seq2Seq:
    """Reversing sentences with and without attention; one alignment read by eye."""

    vocab: int
    shortest: int  # words
    longest: int
    seeds: int
    seed_list: list[int]
    solved_from: float
    plain_hidden: int
    attention_hidden: int
    plain_params: int
    attention_params: int
    plain: Literal["drops", "steady"]
    plain_at_shortest: float
    plain_at_longest: float
    attention: Literal["holds", "slips"]
    attention_at_longest: float
    attention_solved: int  # seeds at or above solved_from at the longest length
    attention_low: float
    attention_high: float
    attention_handled: int  # longest length every seed handled; 0: none
    longest_winner: Literal["attention", "plain", "tie"]  # every seed of one beat the other's
    attention_lengths: list[int]  # every seed with attention beat every seed without
    plain_lengths: list[int]
    tie_lengths: list[int]
    attention_count: int
    plain_count: int
    tie_count: int
    paper: Literal["agrees", "partly", "disagrees"]
    rows: list[dict[str, Any]]
    align_length: int
    align_seed: int
    align_lr: float
    align_correct: Literal["correct", "wrong"]
    near_copied: float  # share of written words whose peak was on the copied word or next door


def seq2seq_reversal(result: Any) -> Seq2Seq:
    data, found = result.data, result.findings
    models, rows, align = data["models"], data["rows"], data["alignment"]
    with_attention = models["seq2seq_attention"]["accuracy"][-1]
    return Seq2Seq(
        vocab=data["vocab"],
        shortest=data["lengths"][0],
        longest=data["lengths"][-1],
        seeds=found["seeds_n"],
        seed_list=data["seeds"],
        solved_from=data["solved_from"],
        plain_hidden=models["seq2seq"]["hidden_size"],
        attention_hidden=models["seq2seq_attention"]["hidden_size"],
        plain_params=models["seq2seq"]["params"],
        attention_params=models["seq2seq_attention"]["params"],
        plain="drops" if found["plain_drops"] else "steady",
        plain_at_shortest=rows[0]["seq2seq"],
        plain_at_longest=rows[-1]["seq2seq"],
        attention="holds" if found["attention_holds"] else "slips",
        attention_at_longest=rows[-1]["seq2seq_attention"],
        attention_solved=found["solved_seeds"]["seq2seq_attention"][-1],
        attention_low=_low(with_attention),
        attention_high=_high(with_attention),
        attention_handled=found["longest_handled"]["seq2seq_attention"] or 0,
        longest_winner=_WINNERS[found["better_per_length"][-1]],
        attention_lengths=found["attention_better_lengths"],
        plain_lengths=found["plain_better_lengths"],
        tie_lengths=found["tie_lengths"],
        attention_count=len(found["attention_better_lengths"]),
        plain_count=len(found["plain_better_lengths"]),
        tie_count=len(found["tie_lengths"]),
        paper=found["paper"],
        rows=rows,
        align_length=align["length"],
        align_seed=align["seed"],
        align_lr=align["lr"],
        align_correct="correct" if align["correct"] else "wrong",
        near_copied=found["alignment_near_copied_word"],
    )


_SPEED = Literal["slower_everywhere", "faster_then_slower", "faster_at", "slower_from", "tie"]


def _speed(found: dict[str, Any], first: int) -> _SPEED:
    """Where the fused attention stood against the LSTM, from the seeds-style rule the
    experiment applied at each length (all steps of one quicker than all of the other's)."""
    if found["slower_from"] == first:
        return "slower_everywhere"
    if found["faster_at"]:
        return "faster_then_slower" if found["slower_from"] else "faster_at"
    return "slower_from" if found["slower_from"] else "tie"


def _fit(name: str, model: dict[str, Any]) -> dict[str, Any]:
    """How one model's median step time grew with length, fitted on a log-log scale past
    the fixed costs (`<name>_fitted`: enough lengths there), and over every length."""
    fit, every = model["time_fit"], model["time_fit_all"]
    return {
        f"{name}_fitted": "fitted" if fit else "too_few",
        f"{name}_start": fit["from"] if fit else 0,
        f"{name}_end": fit["to"] if fit else 0,
        f"{name}_points": fit["points"] if fit else 0,
        f"{name}_exponent": fit["exponent"] if fit else 0.0,
        f"{name}_miss": fit["worst_factor"] - 1 if fit else 0.0,
        f"{name}_flop_exponent": model["flop_exponent"],
        f"{name}_all_exponent": every["exponent"],
        f"{name}_all_miss": every["worst_factor"] - 1,
    }


@dataclass(frozen=True)
class ComputeCost:
    """Time, arithmetic and memory of one training step as sequences grow."""

    threads: int
    shortest: int
    longest: int
    lstm_params: int
    attention_params: int
    speed: _SPEED  # the fused attention against the LSTM, on the CPU
    slower_from: int  # 0: nowhere
    faster_at: list[int]
    tie_at: list[int]
    tie_count: int
    ratio_shortest: float  # fused attention's median step time over the LSTM's
    ratio_longest: float
    explicit_ratio_longest: float
    flop_ratio_longest: float  # attention's FLOPs over the LSTM's
    lstm_gflop: float
    attention_gflop: float
    quadratic_share: float  # of attention's FLOPs, from the n x n table, at the longest
    table_1: Literal["as_table_1", "differs"]
    lstm_flops_growth: float  # the LSTM's FLOP count against length, fitted exponent
    cause: Literal["arithmetic", "per_flop"]  # the bigger part of the fused gap
    per_flop_ratio: float
    tracks: Literal["tracks", "drifts"]  # the time ratio follows the FLOP ratio
    ratio_exponent: float
    per_op: Literal["lstm", "attention", "even"]  # more FLOPs per second at the longest
    lstm_gflop_per_s: float
    fused_gflop_per_s: float
    overhead_factor: float
    tolerance: float  # a fit is good when it misses by no more than this share
    laws: Literal["both", "not_both"]  # LSTM and fused attention each follow one power
    explicit_law: Literal["law", "misses", "too_few"]
    fused_follows: Literal["follows", "not"]  # fused time grows with its FLOP count
    # the fits, one set of fields per model (the table prints one row each)
    lstm_fitted: Literal["fitted", "too_few"]
    lstm_start: int
    lstm_end: int
    lstm_points: int
    lstm_exponent: float
    lstm_miss: float
    lstm_flop_exponent: float
    lstm_all_exponent: float
    lstm_all_miss: float
    fused_fitted: Literal["fitted", "too_few"]
    fused_start: int
    fused_end: int
    fused_points: int
    fused_exponent: float
    fused_miss: float
    fused_flop_exponent: float
    fused_all_exponent: float
    fused_all_miss: float
    explicit_fitted: Literal["fitted", "too_few"]
    explicit_start: int
    explicit_end: int
    explicit_points: int
    explicit_exponent: float
    explicit_miss: float
    explicit_flop_exponent: float
    explicit_all_exponent: float
    explicit_all_miss: float
    gpu: Literal["none", "slower_everywhere", "slower_from", "faster_at", "tie"]
    gpu_device: str
    gpu_slower_from: int
    gpu_faster_at: list[int]
    lstm_memory_exponent: float
    fused_memory_exponent: float
    explicit_memory_exponent: float
    explicit_table_share: float  # of what the explicit version kept, at the longest
    explicit_table_share_shortest: float
    explicit_larger_from: int  # 0: never more than the LSTM
    fused_memory: Literal["never_larger", "larger"]
    lstm_quicker: Literal["everywhere", "not_everywhere"]  # for the at-a-glance note
    hidden: int
    width: int
    heads: int
    batch: int
    timed_steps: int
    rounds: int
    repeats: int
    warmup: int
    lstm_ms: float
    lstm_ms_low: float
    lstm_ms_high: float
    fused_ms: float
    fused_ms_low: float
    fused_ms_high: float
    paper: str


def compute_cost(result: Any) -> ComputeCost:
    data, found = result.data, result.findings
    cpu, lengths, flops = found["cpu"], data["lengths"], found["flops"]
    fused, explicit, lstm = cpu["attention_fused"], cpu["attention_explicit"], cpu["lstm"]
    measured = data["devices"]["cpu"]["models"]
    gpu = found.get("cuda", {}).get("attention_fused") if found["gpu_measured"] else None
    explicit_fit = explicit["time_fit"]
    if explicit["power_law"]:
        explicit_law = "law"
    elif explicit_fit and explicit_fit["worst_factor"] > data["good_fit_factor"]:
        explicit_law = "misses"
    else:
        explicit_law = "too_few"
    per_op = {"lstm": "lstm", "attention_fused": "attention"}.get(
        fused["more_flops_per_s_longest"], "even"
    )
    return ComputeCost(
        threads=data["threads"],
        shortest=lengths[0],
        longest=lengths[-1],
        lstm_params=data["params"]["lstm"],
        attention_params=data["params"]["attention_fused"],
        speed=_speed(fused, lengths[0]),
        slower_from=fused["slower_from"] or 0,
        faster_at=fused["faster_at"],
        tie_at=fused["tie_at"],
        tie_count=len(fused["tie_at"]),
        ratio_shortest=fused["time_ratio_shortest"],
        ratio_longest=fused["time_ratio_longest"],
        explicit_ratio_longest=explicit["time_ratio_longest"],
        flop_ratio_longest=flops["attention_to_lstm"][-1],
        lstm_gflop=data["rows"][-1]["lstm_gflop"],
        attention_gflop=data["rows"][-1]["attention_gflop"],
        quadratic_share=flops["attention_quadratic_share"][-1],
        table_1="as_table_1" if flops["as_table_1"] else "differs",
        lstm_flops_growth=flops["lstm_exponent"],
        cause="arithmetic" if fused["arithmetic_main_cause"] else "per_flop",
        per_flop_ratio=fused["time_per_flop_ratio"][-1],
        tracks="tracks" if fused["time_follows_flop_ratio"] else "drifts",
        ratio_exponent=fused["time_vs_flop_ratio_exponent"],
        per_op=per_op,
        lstm_gflop_per_s=measured["lstm"]["gflop_per_s"][-1],
        fused_gflop_per_s=measured["attention_fused"]["gflop_per_s"][-1],
        overhead_factor=data["overhead_factor"],
        tolerance=data["good_fit_factor"] - 1,
        laws="both" if lstm["power_law"] and fused["power_law"] else "not_both",
        explicit_law=explicit_law,
        fused_follows="follows" if fused["time_follows_flops"] else "not",
        **_fit("lstm", lstm),
        **_fit("fused", fused),
        **_fit("explicit", explicit),
        gpu="none" if gpu is None else _gpu(_speed(gpu, lengths[0])),
        gpu_device=data["devices"]["cuda"]["device"] if gpu else "",
        gpu_slower_from=(gpu["slower_from"] or 0) if gpu else 0,
        gpu_faster_at=gpu["faster_at"] if gpu else [],
        lstm_memory_exponent=lstm["memory_exponent"],
        fused_memory_exponent=fused["memory_exponent"],
        explicit_memory_exponent=explicit["memory_exponent"],
        explicit_table_share=explicit["memory_quadratic_share"][-1],
        explicit_table_share_shortest=explicit["memory_quadratic_share"][0],
        explicit_larger_from=explicit["larger_from"] or 0,
        fused_memory="never_larger" if fused["larger_from"] is None else "larger",
        lstm_quicker="everywhere" if found["fused_slower_everywhere_cpu"] else "not_everywhere",
        hidden=data["hidden_size"],
        width=data["width"],
        heads=data["heads"],
        batch=data["batch_size"],
        timed_steps=data["timed_steps"],
        rounds=data["rounds"],
        repeats=data["repeats"],
        warmup=data["warmup"],
        lstm_ms=measured["lstm"]["step_ms"][-1],
        lstm_ms_low=measured["lstm"]["step_ms_min"][-1],
        lstm_ms_high=measured["lstm"]["step_ms_max"][-1],
        fused_ms=measured["attention_fused"]["step_ms"][-1],
        fused_ms_low=measured["attention_fused"]["step_ms_min"][-1],
        fused_ms_high=measured["attention_fused"]["step_ms_max"][-1],
        paper=found["paper"],
    )


def _gpu(speed: _SPEED) -> Literal["slower_everywhere", "slower_from", "faster_at", "tie"]:
    """On a GPU the page names fewer cases: a win anywhere is the news."""
    return "faster_at" if speed == "faster_then_slower" else speed


@dataclass(frozen=True)
class DataEfficiency:
    """Card recall from training sets of growing size: who is ahead where."""

    cards: int
    smallest: int  # training examples
    largest: int
    seeds: int
    seed_list: list[int]
    chance: float
    lstm_params: int
    transformer_params: int
    margin: float  # "ahead" means every seed beat every other seed by more than this
    margin_points: float
    learned_from: float  # halfway from guessing to 100%
    advice: Literal["not_held", "held", "depends"]  # "an LSTM is steadier with little data"
    transformer_sizes: list[int]
    transformer_count: int
    lstm_sizes: list[int]
    lstm_count: int
    tie_sizes: list[int]
    tie_count: int
    unlearned_sizes: list[int]  # no seed of either model learned the lookup
    unlearned_count: int
    lstm_learned: Literal["never", "somewhere"]
    # the seed ranges at the largest size the Transformer won and the smallest the LSTM won
    transformer_size: int
    transformer_low: float
    transformer_high: float
    transformer_lstm_low: float
    transformer_lstm_high: float
    lstm_size: int
    lstm_low: float
    lstm_high: float
    lstm_transformer_low: float
    lstm_transformer_high: float
    # the at-a-glance row: the smallest size someone won, else the largest
    row_size: int
    row_lstm: float
    row_transformer: float
    rows: list[dict[str, Any]]


def data_efficiency(result: Any) -> DataEfficiency:
    data, found = result.data, result.findings
    recall, sizes = found["recall"], data["train_sizes"]
    models = data["recall"]["models"]
    learned = recall["learned_seeds"]
    unlearned = [
        n for i, n in enumerate(sizes) if learned["lstm"][i] == learned["transformer"][i] == 0
    ]
    if not recall["lstm_better_sizes"]:
        advice = "not_held"
    elif not recall["transformer_better_sizes"]:
        advice = "held"
    else:
        advice = "depends"

    def seeds_at(size: int | None, model: str) -> list[float]:
        return models[model]["accuracy"][sizes.index(size)] if size else [0.0]

    won = recall["transformer_better_sizes"][-1] if recall["transformer_better_sizes"] else None
    lost = recall["lstm_better_sizes"][0] if recall["lstm_better_sizes"] else None
    decided = sorted(recall["lstm_better_sizes"] + recall["transformer_better_sizes"])
    row = sizes.index(decided[0] if decided else sizes[-1])
    return DataEfficiency(
        cards=data["cards"],
        smallest=sizes[0],
        largest=sizes[-1],
        seeds=found["seeds_n"],
        seed_list=data["seeds"],
        chance=data["recall"]["chance"],
        lstm_params=models["lstm"]["params"],
        transformer_params=models["transformer"]["params"],
        margin=found["win_margin"],
        margin_points=100 * found["win_margin"],
        learned_from=recall["learned_from"],
        advice=advice,
        transformer_sizes=recall["transformer_better_sizes"],
        transformer_count=len(recall["transformer_better_sizes"]),
        lstm_sizes=recall["lstm_better_sizes"],
        lstm_count=len(recall["lstm_better_sizes"]),
        tie_sizes=recall["tie_sizes"],
        tie_count=len(recall["tie_sizes"]),
        unlearned_sizes=unlearned,
        unlearned_count=len(unlearned),
        lstm_learned="never" if max(learned["lstm"]) == 0 else "somewhere",
        transformer_size=won or 0,
        transformer_low=_low(seeds_at(won, "transformer")),
        transformer_high=_high(seeds_at(won, "transformer")),
        transformer_lstm_low=_low(seeds_at(won, "lstm")),
        transformer_lstm_high=_high(seeds_at(won, "lstm")),
        lstm_size=lost or 0,
        lstm_low=_low(seeds_at(lost, "lstm")),
        lstm_high=_high(seeds_at(lost, "lstm")),
        lstm_transformer_low=_low(seeds_at(lost, "transformer")),
        lstm_transformer_high=_high(seeds_at(lost, "transformer")),
        row_size=sizes[row],
        row_lstm=models["lstm"]["median_accuracy"][row],
        row_transformer=models["transformer"]["median_accuracy"][row],
        rows=data["rows"],
    )


_PARITY = Literal["generalises", "fits_but_fails_longer", "does_not_fit", "mixed"]


@dataclass(frozen=True)
class Parity:
    """Parity trained on short strings, tested on longer ones, per model."""

    max_length: int  # the longest training string, in bits
    test_lengths: list[int]
    longest: int
    test_size: int
    seeds: int
    seed_list: list[int]
    chance: float
    generalises_from: float
    lstm_params: int
    transformer_params: int
    story: Literal["lstm_only", "other"]  # LSTM generalised, Transformer fitted but failed
    lstm: _PARITY
    lstm_train: float  # medians: training strings, held-out strings, the longest strings
    lstm_held_out: float
    lstm_at_longest: float
    lstm_best_seed: float
    lstm_fits: int  # seeds that fitted their training strings
    lstm_generalises: int  # seeds at or above generalises_from at the longest
    transformer: _PARITY
    transformer_train: float
    transformer_held_out: float
    transformer_at_longest: float
    transformer_best_seed: float
    transformer_fits: int
    transformer_generalises: int
    paper: Literal["agrees", "partly", "disagrees"]
    rows: list[dict[str, Any]]


def length_generalisation(result: Any) -> Parity:
    data, found = result.data, result.findings
    lstm, transformer = found["lstm"], found["transformer"]
    lstm_only = lstm["verdict"] == "generalises" and (
        transformer["verdict"] == "fits_but_fails_longer"
    )

    def model(name: str, seen: dict[str, Any]) -> dict[str, Any]:
        return {
            name: seen["verdict"],
            f"{name}_train": seen["train_median"],
            f"{name}_held_out": seen["held_out_median"],
            f"{name}_at_longest": seen["at_longest"],
            f"{name}_best_seed": seen["best_seed_at_longest"],
            f"{name}_fits": seen["fits_seeds"],
            f"{name}_generalises": seen["generalises_seeds"][-1],
        }

    return Parity(
        max_length=data["max_length"],
        test_lengths=data["test_lengths"],
        longest=data["test_lengths"][-1],
        test_size=data["test_size"],
        seeds=found["seeds_n"],
        seed_list=data["seeds"],
        chance=data["chance"],
        generalises_from=data["generalises_from"],
        lstm_params=data["models"]["lstm"]["params"],
        transformer_params=data["models"]["transformer"]["params"],
        story="lstm_only" if lstm_only else "other",
        **model("lstm", lstm),
        **model("transformer", transformer),
        paper=found["paper"],
        rows=data["rows"],
    )


@dataclass(frozen=True)
class HeadsLayers:
    """A two-step lookup tried with Transformers of several shapes."""

    pairs: int
    length: int
    width: int
    steps: int
    seeds: int
    seed_list: list[int]
    chance: float
    solved_from: float
    depth: Literal["matters", "one_layer_enough", "unclear"]
    one_layer_solved: int  # seeds of one-layer shapes that solved it
    one_layer_best: float
    one_layer_max_seed: float
    deeper_best: float
    best_layers: int  # the best deeper shape
    best_heads: int
    deep_enough: Literal["every_seed", "not_every_seed"]  # across the deeper shapes
    deep_solved: int
    deep_seeds: int
    deep_worst: float
    heads: Literal["one_count", "matter", "no"]
    heads_layers: list[int]  # depths at which one head count beat another in every seed
    heads_spread: float
    smallest: Literal["found", "none"]  # the smallest shape solved in every seed
    smallest_layers: int
    smallest_heads: int
    smallest_params: int
    paper: str
    rows: list[dict[str, Any]]


def heads_layers(result: Any) -> HeadsLayers:
    data, found = result.data, result.findings
    rows = data["rows"]
    deep = [row for row in rows if row["layers"] > 1]
    deep_scores = [score for row in deep for score in row["accuracy"]]
    deep_solved = sum(row["solved_seeds"] for row in deep)
    if found["depth_matters"]:
        depth = "matters"
    elif found["one_layer_enough"]:
        depth = "one_layer_enough"
    else:
        depth = "unclear"
    if len({row["heads"] for row in rows}) < 2:
        heads = "one_count"
    else:
        heads = "matter" if found["heads_matter"] else "no"
    best, smallest = found["best_deeper"] or {}, found["smallest_solving"] or {}
    return HeadsLayers(
        pairs=data["pairs"],
        length=data["length"],
        width=data["d_model"],
        steps=data["steps"],
        seeds=found["seeds_n"],
        seed_list=data["seeds"],
        chance=data["chance"],
        solved_from=data["solved_from"],
        depth=depth,
        one_layer_solved=sum(found["one_layer_solved_seeds"]),
        one_layer_best=found["one_layer_best"],
        one_layer_max_seed=found["one_layer_max_seed"],
        deeper_best=found["deeper_best"] or 0.0,
        best_layers=best.get("layers", 0),
        best_heads=best.get("heads", 0),
        deep_enough="every_seed" if deep_solved == len(deep_scores) else "not_every_seed",
        deep_solved=deep_solved,
        deep_seeds=len(deep_scores),
        deep_worst=min(deep_scores, default=0.0),
        heads=heads,
        heads_layers=sorted({h["layers"] for h in found["heads_better"]}),
        heads_spread=found["heads_spread"],
        smallest="found" if smallest else "none",
        smallest_layers=smallest.get("layers", 0),
        smallest_heads=smallest.get("heads", 0),
        smallest_params=smallest.get("params", 0),
        paper=found["paper"],
        rows=rows,
    )
