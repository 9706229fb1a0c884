"""Sequential vs parallel: what one training step costs as sequences get longer.

An LSTM layer and one Transformer block with (almost) the same number of weights get the
same batch of random vectors, and we time forward + backward at growing lengths, count
its floating-point operations (FLOPs), and measure the activations kept for backward.
Self-attention runs two ways: PyTorch's fused `scaled_dot_product_attention` and the
explicit softmax(QKᵀ/√d)V of the textbook. CPU is always measured; when the run's device
is a GPU, it is measured too. A GPU section measured earlier with the same code is kept
when a later run has no GPU.

Every timed step (after warm-up) is kept, in independent rounds (one per seed), so that
medians come with their min-max; growth exponents are least-squares fits on log-log over
the lengths past the fixed per-step overhead (and, for comparison, over every length);
FLOPs are counted with torch's FlopCounterMode (chigai.costs.step_flops).

Paper: Vaswani et al. 2017, Table 1: per layer, self-attention costs O(n²·d) operations
and a recurrent layer O(n·d²); self-attention needs O(1) sequential operations, a
recurrent layer O(n). `findings["paper"]` checks the first in our FLOP counts and CPU
times, and the second only where a GPU was measured (one CPU thread runs nothing in
parallel).
"""

from dataclasses import dataclass
from datetime import UTC, datetime

import torch
from torch import nn

from chigai.costs import (
    Step,
    crossover,
    growth,
    local_exponents,
    peak_cuda_bytes,
    pooled,
    power_fit,
    quadratic_share,
    race,
    saved_activation_bytes,
    step_flops,
    step_times,
)
from chigai.device import describe_device
from chigai.experiment import PresetConfig
from chigai.models.attention import Block
from chigai.models.recurrent import parameter_count
from chigai.seeds import winner
from chigai.trials import Done

PRESETS = {
    "quick": {
        "lengths": [16, 64, 256, 1024],
        "hidden_size": 64,
        "heads": 4,
        "batch_size": 8,
        "warmup": 1,
        "repeats": 3,
        "seeds": [1],
    },
    "full": {
        "lengths": [16, 32, 64, 128, 256, 512, 1024, 2048],
        "hidden_size": 64,
        "heads": 4,
        "batch_size": 8,
        "warmup": 3,
        "repeats": 5,
        # Three independent rounds (a fresh model and inputs each, warmed up again): the
        # spread between rounds shows what a rerun would change, not only step-to-step noise.
        "seeds": [1, 2, 3],
    },
}
FIGURES = {"step_time": "time_vs_length", "step_memory": "memory_vs_length"}
ALT = {
    "step_time": {
        "ja": "両対数の折れ線グラフ。横軸は列の長さ、縦軸は学習 1 ステップの時間。"
        "LSTM と 2 通りの Self-Attention を比べている。",
        "en": "Log-log line chart of the time of one training step against sequence length, "
        "for an LSTM and two kinds of self-attention.",
    },
    "step_memory": {
        "ja": "両対数の折れ線グラフ。横軸は列の長さ、縦軸は逆伝播のために取っておくメモリ。"
        "LSTM と 2 通りの Self-Attention を比べている。",
        "en": "Log-log line chart of the memory kept for the backward pass against sequence "
        "length, for an LSTM and two kinds of self-attention.",
    },
}
NAME = {"ja": "列の長さと計算時間・メモリ", "en": "Time and memory against sequence length"}

MODELS = ("lstm", "attention_fused", "attention_explicit")
DEVICES = ("cpu", "cuda")  # CPU always; a GPU when the run has one
RUN_ALONE = True  # it times steps: one trial at a time, on an otherwise idle machine

# Time fits start where a step takes at least this many times the shortest length's step:
# that bounds the part that does not grow with length to 1/8 (chigai.costs.past_overhead).
OVERHEAD_FACTOR = 8.0
# "Grows like n^k" needs >= 3 lengths and every one within 20% of the fitted line: over
# the 3 doublings a fit spans, n^(k±0.1) drifts 2^0.3 ≈ 23% from n^k, so k holds to ±0.1.
GOOD_FIT_FACTOR = 1.2
MIN_FIT_POINTS = 3
# Time grows as its FLOPs do when the two exponents (same lengths) differ by at most
# twice the ±0.1 a good fit pins; and the attention/LSTM time ratio follows the FLOP
# ratio when, past both overheads, it grows as the FLOP ratio's power 1 ± the same.
EXPONENT_TOLERANCE = 0.2
# Attention's n² term "dominates" when it is more than half of its FLOPs.
DOMINANT_SHARE = 0.5
# The LSTM's FLOPs are linear (Table 1's O(n·d²)) when their exponent is within this of 1.
LINEAR_TOLERANCE = 0.05


@dataclass(frozen=True)
class Config(PresetConfig):
    lengths: tuple[int, ...]
    hidden_size: int
    heads: int
    batch_size: int
    warmup: int
    repeats: int


def matched_width(target: int, heads: int, widest: int) -> int:
    """The block width (a multiple of `heads`, up to `widest`) with the weight count closest
    to `target`."""
    widths = range(heads, widest + 1, heads)
    return min(widths, key=lambda d: abs(parameter_count(Block(d, heads)) - target))


def build(name: str, config: Config, width: int) -> nn.Module:
    if name == "lstm":
        return nn.LSTM(config.hidden_size, config.hidden_size, batch_first=True)
    return Block(width, config.heads, fused=name == "attention_fused")


def loss_of(model: nn.Module, inputs: torch.Tensor) -> torch.Tensor:
    out = model(inputs)[0]  # LSTM: (states, (h, c)); Block: (x, weights)
    return out.square().mean()


def grid(config: Config) -> list[dict]:
    """Every length x model, once per round (seed); rounds run one after another, so a
    drift of the machine shows as spread between rounds. FLOPs are counted once."""
    return [
        {"length": n, "model": name, "seed": seed, "count_flops": seed == config.seeds[0]}
        for seed in config.seeds
        for n in config.lengths
        for name in MODELS
    ]


def trial(config: Config, point: dict, device: torch.device) -> dict:
    """Time one model at one length: on the CPU always, and on the run's GPU when it has one."""
    devices = [torch.device("cpu")] + ([device] if device.type == "cuda" else [])
    found = {"threads": torch.get_num_threads()}
    found |= {kind.type: _measure(config, point, kind) for kind in devices}
    if point["count_flops"]:  # the same arithmetic on every device: counted on the CPU
        model, forward = _setup(config, point, torch.device("cpu"))
        found["flops"] = step_flops(model, forward)
    return found


def _setup(config: Config, point: dict, device: torch.device) -> tuple[nn.Module, Step]:
    """The model of a point and its forward pass on a fixed random batch."""
    name, n = point["model"], point["length"]
    width = _width(config)
    torch.manual_seed(point["seed"])
    model = build(name, config, width).to(device)
    size = config.hidden_size if name == "lstm" else width
    inputs = torch.randn(config.batch_size, n, size, device=device)
    return model, lambda: loss_of(model, inputs)


def _measure(config: Config, point: dict, device: torch.device) -> dict:
    """Every timed step and the saved activations of one model at one length, on one device."""
    model, forward = _setup(config, point, device)
    seconds = step_times(model, forward, device, config.warmup, config.repeats)
    found = {
        "device": describe_device(device),
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "step_ms": [1000 * s for s in seconds],
        "activation_mb": saved_activation_bytes(model, forward) / 2**20,
    }
    if device.type == "cuda":
        found["peak_mb"] = peak_cuda_bytes(model, forward, device) / 2**20
    return found


def _width(config: Config) -> int:
    lstm_params = parameter_count(build("lstm", config, 0))
    return matched_width(lstm_params, config.heads, widest=2 * config.hidden_size)


def summarize(config: Config, done: Done) -> dict:
    width = _width(config)
    lengths = list(config.lengths)
    first = done.trials[0].output
    flops = {
        name: [done.one(length=n, model=name, count_flops=True)["flops"] for n in lengths]
        for name in MODELS
    }
    measured = {kind: _section(config, done, kind, flops) for kind in DEVICES if kind in first}
    earlier = (done.previous or {}).get("devices", {})
    measured |= {kind: section for kind, section in earlier.items() if kind not in measured}
    params = {name: parameter_count(build(name, config, width)) for name in MODELS}
    cpu = measured["cpu"]["findings"]
    arithmetic = _flop_findings(lengths, flops)
    checks = {  # the counts scale as Table 1 says, and the measured time ratio with them
        "flops_as_table_1": arithmetic["as_table_1"],
        "cpu_time_follows_flops": cpu["attention_fused"]["time_follows_flop_ratio"],
    }
    if "cuda" in measured:  # Table 1's O(1) sequential operations pay off on parallel hardware
        checks["gpu_attention_more_flops_per_s"] = (
            measured["cuda"]["findings"]["attention_fused"]["more_flops_per_s_longest"]
            == "attention_fused"
        )
    # agrees: every check holds; disagrees: none does; partly: some do.
    paper = "agrees" if all(checks.values()) else "partly" if any(checks.values()) else "disagrees"
    return {
        "lengths": lengths,
        "batch_size": config.batch_size,
        "hidden_size": config.hidden_size,
        "width": width,
        "heads": config.heads,
        "params": params,
        "warmup": config.warmup,
        "repeats": config.repeats,
        "rounds": len(config.seeds),
        "timed_steps": config.repeats * len(config.seeds),
        "threads": first["threads"],
        "overhead_factor": OVERHEAD_FACTOR,  # the page states the rules its words follow
        "good_fit_factor": GOOD_FIT_FACTOR,
        "flops": flops,
        "devices": measured,
        "rows": [
            {
                "length": n,
                **{name: measured["cpu"]["models"][name]["step_ms"][i] for name in MODELS},
                "lstm_gflop": flops["lstm"][i] / 1e9,
                "attention_gflop": flops["attention_fused"][i] / 1e9,
            }
            for i, n in enumerate(lengths)
        ],
        "findings": {
            "gpu_measured": "cuda" in measured,
            "fused_slower_everywhere_cpu": cpu["attention_fused"]["slower_from"] == lengths[0],
            "params_gap": abs(params["attention_fused"] - params["lstm"]) / params["lstm"],
            "flops": arithmetic,
            "paper": paper,
            "paper_checks": checks,
            **{kind: section["findings"] for kind, section in measured.items()},
        },
    }


def _flop_findings(lengths: list[int], flops: dict[str, list[int]]) -> dict:
    """How the counted arithmetic grows, against Table 1's O(n·d²) and O(n²·d)."""
    lstm, attention = flops["lstm"], flops["attention_fused"]
    share = quadratic_share(lengths, attention)
    lstm_exponent = power_fit(lengths, lstm)["exponent"]
    return {
        "attention_to_lstm": _ratios(attention, lstm),
        "attention_larger_from": crossover(lengths, attention, lstm),
        "attention_quadratic_share": share,
        "lstm_exponent": lstm_exponent,
        "attention_exponent_longest": local_exponents(lengths, attention)[-1],
        # Table 1 holds in our counts: the LSTM's are linear in n, and attention's n² part
        # is most of its arithmetic at the longest length.
        "as_table_1": abs(lstm_exponent - 1) <= LINEAR_TOLERANCE and share[-1] > DOMINANT_SHARE,
    }


def _section(config: Config, done: Done, kind: str, flops: dict[str, list[int]]) -> dict:
    """One device's series per model over the lengths (every timed step kept), and findings."""
    lengths = list(config.lengths)
    per_model = {}
    for name in MODELS:
        at = [[t.output[kind] for t in done.matching(length=n, model=name)] for n in lengths]
        times = pooled([[one["step_ms"] for one in rounds] for rounds in at])
        per_model[name] = times | {
            "gflop_per_s": [r / 1e6 for r in _ratios(flops[name], times["step_ms"])],
            **{
                key: [r[0][key] for r in at]
                for key in ("activation_mb", "peak_mb")
                if key in at[0][0]
            },
        }
    trials = [t.output[kind] for t in done.trials if kind in t.output]
    return {
        "device": trials[0]["device"],
        "measured_at": max(one["measured_at"] for one in trials),
        "models": per_model,
        "findings": _section_findings(lengths, per_model, flops),
    }


def _section_findings(lengths: list[int], models: dict, flops: dict[str, list[int]]) -> dict:
    """Fits of time and memory per model, and each attention form against the LSTM."""
    findings: dict = {"lengths": lengths}
    for name, series in models.items():
        grew = growth(lengths, series["step_ms"], flops[name], OVERHEAD_FACTOR)
        fit, flop_fit = grew["time_fit"], grew.pop("flop_fit")
        memory = power_fit(lengths, series["activation_mb"])  # no fixed part to wait out
        findings[name] = grew | {
            "time_exponent": fit and fit["exponent"],
            "flop_exponent": flop_fit and flop_fit["exponent"],
            "power_law": bool(fit)
            and fit["points"] >= MIN_FIT_POINTS
            and fit["worst_factor"] <= GOOD_FIT_FACTOR,
            "time_follows_flops": bool(fit)
            and abs(fit["exponent"] - flop_fit["exponent"]) <= EXPONENT_TOLERANCE,
            "memory_exponent": memory["exponent"],
            "memory_fit": memory,
            "memory_quadratic_share": quadratic_share(lengths, series["activation_mb"]),
        }
    lstm = models["lstm"]
    for name in MODELS[1:]:
        series, fits = models[name], [findings[m]["time_fit"] for m in ("lstm", name)]
        time_ratio = _ratios(series["step_ms"], lstm["step_ms"])
        flop_ratio = _ratios(flops[name], flops["lstm"])
        per_flop = _ratios(time_ratio, flop_ratio)  # time ratio = flop ratio x per_flop
        start = max(fit["from"] for fit in fits) if all(fits) else lengths[-1]  # both past
        past = [i for i, n in enumerate(lengths) if n >= start]
        follows = (  # how the time ratio grows with the FLOP ratio
            power_fit([flop_ratio[i] for i in past], [time_ratio[i] for i in past])["exponent"]
            if len(past) > 1
            else None
        )
        rates = {  # FLOP/s of every timed step at the longest length
            key: [flops[key][-1] / ms for ms in models[key]["step_ms_repeats"][-1]]
            for key in ("lstm", name)
        }
        findings[name] |= race(
            lengths, {"lstm": lstm["step_ms_repeats"], name: series["step_ms_repeats"]}
        ) | {
            "larger_from": crossover(lengths, series["activation_mb"], lstm["activation_mb"]),
            "time_ratio": time_ratio,
            "flop_ratio": flop_ratio,
            "time_per_flop_ratio": per_flop,
            "time_vs_flop_ratio_exponent": follows,
            "time_follows_flop_ratio": follows is not None
            and abs(follows - 1) <= EXPONENT_TOLERANCE,
            # The extra arithmetic is the main cause of the slowdown when, of the two
            # factors of the time ratio, the FLOP ratio is the larger one.
            "arithmetic_main_cause": time_ratio[-1] > 1 and flop_ratio[-1] >= per_flop[-1],
            "time_ratio_longest": time_ratio[-1],
            "time_ratio_shortest": time_ratio[0],
            "more_flops_per_s_longest": winner(rates, higher_is_better=True),
        }
    return findings


def _ratios(ours: list[float], theirs: list[float]) -> list[float]:
    return [a / b for a, b in zip(ours, theirs, strict=True)]


def check_trained(data: dict) -> str | None:
    """Nothing trains here; a measurement is usable when every step took a positive time."""
    for row in data["rows"]:
        for name in MODELS:
            if not row[name] > 0:
                return f"{name} at length {row['length']} measured {row[name]} ms per step"
    return None
