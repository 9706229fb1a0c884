"""Sequential vs parallel: what one training step costs as sequences get longer.

An LSTM layer and one Transformer block with (almost) the same number of weights get the
same batch of random vectors, and we time forward + backward at growing lengths and
measure the activations kept for backward. Self-attention runs two ways: PyTorch's
fused `scaled_dot_product_attention` and the explicit softmax(QKᵀ/√d)V of the textbook.
CPU is always measured; when the run's device is a GPU, it is measured too. A GPU
section measured earlier with the same code is kept when a later run has no GPU.
"""

from dataclasses import dataclass
from datetime import UTC, datetime

import torch
from torch import nn

from chigai.costs import (
    crossover,
    growth_exponent,
    peak_cuda_bytes,
    saved_activation_bytes,
    step_seconds,
)
from chigai.device import describe_device
from chigai.experiment import PresetConfig
from chigai.models.attention import Block
from chigai.models.recurrent import parameter_count
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
        "repeats": 9,
        "seeds": [1],
    },
}
FIGURES = {"step_time": "time_vs_length", "step_memory": "memory_vs_length"}

MODELS = ("lstm", "attention_fused", "attention_explicit")
DEVICES = ("cpu", "cuda")  # CPU always; a GPU when the run has one
SERIES = ("step_ms", "activation_mb", "peak_mb")  # peak_mb: CUDA only
RUN_ALONE = True  # it times steps: one trial at a time, on an otherwise idle machine


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
    """Every length x model, each timed from the first seed (the inputs are random vectors)."""
    return [
        {"length": n, "model": name, "seed": config.seeds[0]}
        for n in config.lengths
        for name in MODELS
    ]


def trial(config: Config, point: dict, device: torch.device) -> dict:
    """Time one model at one length: on the CPU always, and on the run's GPU when it has one."""
    devices = [torch.device("cpu")] + ([device] if device.type == "cuda" else [])
    measured = {kind.type: _measure(config, point, kind) for kind in devices}
    return {"threads": torch.get_num_threads(), **measured}


def _measure(config: Config, point: dict, device: torch.device) -> dict:
    """Time per step and saved activations of one model at one length, on one device."""
    name, n = point["model"], point["length"]
    width = _width(config)
    torch.manual_seed(point["seed"])
    model = build(name, config, width).to(device)
    size = config.hidden_size if name == "lstm" else width
    inputs = torch.randn(config.batch_size, n, size, device=device)

    def forward() -> torch.Tensor:
        return loss_of(model, inputs)

    seconds = step_seconds(model, forward, device, config.warmup, config.repeats)
    found = {
        "device": describe_device(device),
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "step_ms": 1000 * seconds,
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
    first = done.trials[0].output
    measured = {kind: _section(config, done, kind) for kind in DEVICES if kind in first}
    earlier = (done.previous or {}).get("devices", {})
    measured |= {kind: section for kind, section in earlier.items() if kind not in measured}
    params = {name: parameter_count(build(name, config, width)) for name in MODELS}
    cpu = measured["cpu"]["findings"]
    return {
        "lengths": list(config.lengths),
        "batch_size": config.batch_size,
        "hidden_size": config.hidden_size,
        "width": width,
        "heads": config.heads,
        "params": params,
        "repeats": config.repeats,
        "threads": first["threads"],
        "devices": measured,
        "rows": [
            {
                "length": n,
                **{name: measured["cpu"]["models"][name]["step_ms"][i] for name in MODELS},
            }
            for i, n in enumerate(config.lengths)
        ],
        "findings": {
            "gpu_measured": "cuda" in measured,
            "fused_slower_everywhere_cpu": cpu["attention_fused"]["slower_from"]
            == config.lengths[0],
            "params_gap": abs(params["attention_fused"] - params["lstm"]) / params["lstm"],
            **{kind: section["findings"] for kind, section in measured.items()},
        },
    }


def _section(config: Config, done: Done, kind: str) -> dict:
    """One device's series per model over the lengths, and how they grow."""
    found = {
        name: [done.one(length=n, model=name)[kind] for n in config.lengths] for name in MODELS
    }
    per_model = {
        name: {key: [at[key] for at in found[name]] for key in SERIES if key in found[name][0]}
        for name in MODELS
    }
    lengths = list(config.lengths)
    lstm = per_model["lstm"]
    findings = {"lengths": lengths}
    for name in MODELS:
        series = per_model[name]
        findings[name] = {
            "time_exponent": growth_exponent(lengths, series["step_ms"]),
            "memory_exponent": growth_exponent(lengths, series["activation_mb"]),
        }
        if name != "lstm":
            findings[name] |= {
                "slower_from": crossover(lengths, series["step_ms"], lstm["step_ms"]),
                "larger_from": crossover(lengths, series["activation_mb"], lstm["activation_mb"]),
                "time_ratio_longest": series["step_ms"][-1] / lstm["step_ms"][-1],
                "time_ratio_shortest": series["step_ms"][0] / lstm["step_ms"][0],
            }
    return {
        "device": found["lstm"][0]["device"],
        "measured_at": max(at["measured_at"] for name in MODELS for at in found[name]),
        "models": per_model,
        "findings": findings,
    }


def check_trained(data: dict) -> str | None:
    """Nothing trains here; a measurement is usable when every step took a positive time."""
    for row in data["rows"]:
        for name in MODELS:
            if not row[name] > 0:
                return f"{name} at length {row['length']} measured {row[name]} ms per step"
    return None
