"""What a GRU saves: weights, arithmetic and time per training step, against an LSTM.

At one width (hidden size) a GRU has three gate blocks where an LSTM has four, so it has
about 3/4 of the weights and does about 3/4 of the matrix arithmetic. Whether that makes
a training step faster depends on the code that runs them, so we time two kinds: torch's
own nn.GRU and nn.LSTM (what a user gets),
and one hand-written loop of the textbook equations for both cells (`_gru_lstm.
loop_states`), which compares the cells rather than two kernels. Both models get the
same batch of random sequences at several widths; each step's FLOPs are counted with
FlopCounterMode (chigai.costs.step_flops), and every timed step after a warm-up is kept,
in independent rounds (one per seed) so that medians come with ranges.

Paper: Cho et al. 2014 and Chung et al. 2014 present the GRU as the simpler unit, with
fewer parameters than an LSTM of the same size; `findings["paper"]` checks the weights and
the arithmetic. Time per step is our own question: neither paper makes a claim about it.
"""

import statistics
from dataclasses import dataclass

import torch
from _gru_lstm import Recurrent
from torch import nn

from chigai.costs import step_flops, step_times
from chigai.device import describe_device
from chigai.experiment import PresetConfig
from chigai.models.recurrent import parameter_count
from chigai.seeds import spread
from chigai.trials import Done, product

PRESETS = {
    "quick": {
        "widths": [32, 128],
        "length": 50,
        "inputs": 16,
        "batch_size": 16,
        "warmup": 2,
        "repeats": 5,
        "seeds": [1],
    },
    "full": {
        "widths": [32, 64, 128, 256, 512],
        "length": 100,
        "inputs": 16,
        "batch_size": 32,
        "warmup": 5,
        "repeats": 20,
        "seeds": [1, 2, 3],
    },
}
FIGURES = {"step_time": "step_time_vs_width"}
NAME = {"ja": "1 ステップの重み・計算量・時間", "en": "Weights, arithmetic and time per step"}
ALT = {
    "step_time": {
        "ja": "折れ線グラフ。横軸は隠れ状態の幅（対数目盛）、縦軸は学習 1 ステップの時間"
        "（ミリ秒、対数目盛）。同じ幅の GRU と LSTM を、PyTorch の実装（実線）と"
        "同じ手書きのループ（破線）で比べ、帯は測定のばらつきを示す。",
        "en": "Line chart of the time of one training step (milliseconds, log scale) against "
        "the hidden width (log scale) for a GRU and an LSTM of the same width, run by "
        "PyTorch's own layers (solid) and by one hand-written loop (dashed), with bands "
        "showing the spread of the timed steps.",
    }
}

MODELS = ("gru", "lstm")
KERNELS = ("torch", "loop")  # torch's own layers; the same hand-written loop for both
RUN_ALONE = True  # timings: no other trial beside them
# The GRU is faster at a width when its step is quicker in every round (median of the
# round's timed steps) by more than 5%, slower when it is slower by more than 5% in every
# round: rounds on a quiet CPU differ by a few percent.
FASTER_BY = 0.05


@dataclass(frozen=True)
class Config(PresetConfig):
    widths: tuple[int, ...]
    length: int
    inputs: int
    batch_size: int
    warmup: int
    repeats: int


def grid(config: Config) -> list[dict]:
    return product(kernel=KERNELS, width=config.widths, seed=config.seeds, model=MODELS)


def trial(config: Config, point: dict, device: torch.device) -> dict:
    """One round: a model of one width run by one kernel, timed over `repeats` forward +
    backward steps on one batch of random sequences after `warmup` untimed ones; its
    weights and FLOPs."""
    torch.manual_seed(point["seed"])
    loop = point["kernel"] == "loop"
    model = Recurrent(point["model"], config.inputs, point["width"], 1, loop=loop).to(device)
    x = torch.randn(config.batch_size, config.length, config.inputs, device=device)
    y = torch.randn(config.batch_size, 1, device=device)
    seconds = step_times(
        model, lambda: nn.functional.mse_loss(model(x), y), device, config.warmup, config.repeats
    )
    cpu_model, cpu_x, cpu_y = model.cpu(), x.cpu(), y.cpu()
    flops = step_flops(cpu_model, lambda: nn.functional.mse_loss(cpu_model(cpu_x), cpu_y))
    return {
        "step_ms": [1000 * s for s in seconds],
        "params": parameter_count(model),
        "flops": flops,
        "device": describe_device(device),
    }


def summarize(config: Config, done: Done) -> dict:
    widths = list(config.widths)
    kernels = {kernel: _kernel(done, kernel, widths) for kernel in KERNELS}
    return {
        "widths": widths,
        "kernels": list(KERNELS),
        "length": config.length,
        "batch_size": config.batch_size,
        "repeats": config.repeats,
        "warmup": config.warmup,
        "rounds": len(config.seeds),
        "device": done.values("device", model="lstm", kernel="torch", width=widths[0])[0],
        "timings": kernels,
        "rows": [
            {
                "width": w,
                "params_ratio": kernels["torch"]["params_ratio"][i],
                "flops_ratio": kernels["torch"]["flops_ratio"][i],
                **{f"{k}_time_ratio": kernels[k]["time_ratio"][i] for k in KERNELS},
            }
            for i, w in enumerate(widths)
        ],
        "findings": _findings(widths, kernels),
    }


def _kernel(done: Done, kernel: str, widths: list[int]) -> dict:
    """One kernel's timings per model and width, and the GRU/LSTM ratios per round."""
    models = {}
    for name in MODELS:
        rounds = [done.values("step_ms", model=name, kernel=kernel, width=w) for w in widths]
        pooled = [[ms for steps in per_width for ms in steps] for per_width in rounds]
        models[name] = {
            "params": [
                done.values("params", model=name, kernel=kernel, width=w)[0] for w in widths
            ],
            "flops": [done.values("flops", model=name, kernel=kernel, width=w)[0] for w in widths],
            "round_ms": [[statistics.median(steps) for steps in per_width] for per_width in rounds],
            "step_ms": [statistics.median(steps) for steps in pooled],
            "step_ms_min": [min(steps) for steps in pooled],
            "step_ms_max": [max(steps) for steps in pooled],
        }
    gru, lstm = models["gru"], models["lstm"]
    rounds = [
        [g / lstm_ms for g, lstm_ms in zip(gru_rounds, lstm_rounds, strict=True)]
        for gru_rounds, lstm_rounds in zip(gru["round_ms"], lstm["round_ms"], strict=True)
    ]
    ratio = lambda key: [g / n for g, n in zip(gru[key], lstm[key], strict=True)]  # noqa: E731
    return {
        "models": models,
        "round_ratios": rounds,
        "time_ratio": [statistics.median(r) for r in rounds],
        "params_ratio": ratio("params"),
        "flops_ratio": ratio("flops"),
    }


def _verdict(ratios: list[float]) -> str:
    """'faster', 'slower' or 'neither': the GRU against the LSTM in every round."""
    if max(ratios) < 1 - FASTER_BY:
        return "faster"
    if min(ratios) > 1 + FASTER_BY:
        return "slower"
    return "neither"


def _findings(widths: list[int], kernels: dict) -> dict:
    """Per kernel and width: is the GRU's step faster, slower or neither; the weight and
    FLOP ratios; and the paper's verdict."""
    found: dict = {"faster_by": FASTER_BY}
    for kernel, measured in kernels.items():
        verdicts = [_verdict(r) for r in measured["round_ratios"]]
        found[kernel] = {
            "gru_step": verdicts,
            "faster_widths": [w for w, v in zip(widths, verdicts, strict=True) if v == "faster"],
            "slower_widths": [w for w, v in zip(widths, verdicts, strict=True) if v == "slower"],
            "neither_widths": [w for w, v in zip(widths, verdicts, strict=True) if v == "neither"],
            "time_ratio": spread(measured["time_ratio"]),
            "time_ratio_range": [
                min(map(min, measured["round_ratios"])),
                max(map(max, measured["round_ratios"])),
            ],
        }
    params, flops = kernels["torch"]["params_ratio"], kernels["torch"]["flops_ratio"]
    found |= {"params_ratio": spread(params), "flops_ratio": spread(flops)}
    # Cho et al. 2014 / Chung et al. 2014 present the GRU as the simpler unit: fewer
    # weights and less computation than an LSTM of the same size (they make no claim about
    # time per step, which is our own measurement). agrees: fewer weights and fewer FLOPs
    # at every width; disagrees: neither at any width; partly: anything else.
    fewer = [p < 1 and f < 1 for p, f in zip(params, flops, strict=True)]
    paper = "agrees" if all(fewer) else "disagrees" if not any(fewer) else "partly"
    return found | {"paper": paper}


def check_trained(data: dict) -> str | None:
    """Nothing is trained; a timing run is usable when every step took measurable time."""
    for kernel, measured in data["timings"].items():
        for name, model in measured["models"].items():
            if min(model["step_ms_min"]) <= 0:
                return f"{name} ({kernel}): a timed step took no measurable time"
    return None
