"""compute_cost: time, arithmetic and memory of a training step as sequences grow."""

from dataclasses import dataclass
from typing import Any, Literal

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
    # the time ratio follows the FLOP ratio; unfit: fewer than two lengths past the fixed costs
    tracks: Literal["tracks", "drifts", "trails", "unfit"]
    ratio_exponent: float | None
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
        tracks=_tracks(fused),
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


def _tracks(fused: dict[str, Any]) -> str:
    """Whether the time ratio grew with the FLOP ratio, faster (drifts: attention lost speed
    per operation) or slower (trails: it gained); no fit without two long lengths."""
    exponent = fused["time_vs_flop_ratio_exponent"]
    if exponent is None:
        return "unfit"
    if fused["time_follows_flop_ratio"]:
        return "tracks"
    return "drifts" if exponent > 1 else "trails"
