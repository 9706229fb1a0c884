"""What a training step costs: wall time, arithmetic, and the activations kept for backward.

Time is measured the usual way for small kernels: a few warm-up steps (allocator, kernel
selection) are discarded, then every repeated step is kept, so that a spread can be
reported next to the median; on CUDA each step is synchronised. Arithmetic is counted by
`torch.utils.flop_counter.FlopCounterMode` (a multiply-add counts 2 FLOPs). Memory is the
size of the tensors autograd saves for backward (weights excluded), read with saved-tensor
hooks: the same definition on every device, and the quantity that grows with the n×n
attention matrix. On CUDA the allocator's peak is reported as well.

Growth is read from fits over a range of lengths, not from the last jump: `power_fit` is
least squares on log-log with its largest miss, `past_overhead` says where a fit may start,
and `quadratic_share` splits a count into a·n + b·n².
"""

import itertools
import math
import statistics
import time
import warnings
from collections.abc import Callable
from typing import Any

import torch
from torch.nn.attention import SDPBackend, sdpa_kernel
from torch.utils.flop_counter import FlopCounterMode

from chigai.seeds import winner

Step = Callable[[], torch.Tensor]  # runs a forward pass and returns a scalar loss


def _sync(device: torch.device) -> None:
    if device.type == "cuda":
        torch.cuda.synchronize(device)


def step_times(
    model: torch.nn.Module, forward: Step, device: torch.device, warmup: int, repeats: int
) -> list[float]:
    """Wall seconds of each of `repeats` forward + backward steps, after `warmup` steps."""
    times = []
    for i in range(warmup + repeats):
        model.zero_grad(set_to_none=True)
        _sync(device)
        start = time.perf_counter()
        forward().backward()
        _sync(device)
        if i >= warmup:
            times.append(time.perf_counter() - start)
    return times


def step_flops(model: torch.nn.Module, forward: Step) -> int:
    """FLOPs of one forward + backward on the CPU, counted by FlopCounterMode.

    Its table has no entry for PyTorch's fused CPU kernels (oneDNN's LSTM layer, the CPU
    flash attention), which would count as 0; so the step is counted on the unfused
    reference paths, which do the same matrix products one by one. Only matrix products
    are counted; elementwise work (gates, softmax, norms) is a lower-order term.
    """
    model.zero_grad(set_to_none=True)
    counter = FlopCounterMode(display=False)
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="TF32 acceleration on top of oneDNN")
        with torch.backends.mkldnn.flags(enabled=False), sdpa_kernel(SDPBackend.MATH), counter:
            forward().backward()
    model.zero_grad(set_to_none=True)
    return counter.get_total_flops()


def saved_activation_bytes(model: torch.nn.Module, forward: Step) -> int:
    """Bytes of distinct non-parameter storages autograd saves during one forward pass."""
    weights = {p.untyped_storage().data_ptr() for p in model.parameters()}
    saved: dict[int, int] = {}

    def pack(tensor: torch.Tensor) -> torch.Tensor:
        storage = tensor.untyped_storage()
        if storage.data_ptr() not in weights:
            saved[storage.data_ptr()] = storage.nbytes()
        return tensor

    with torch.autograd.graph.saved_tensors_hooks(pack, lambda tensor: tensor):
        loss = forward()
    del loss
    return sum(saved.values())


def peak_cuda_bytes(model: torch.nn.Module, forward: Step, device: torch.device) -> int:
    """Peak CUDA memory allocated during one forward + backward, above what was held before."""
    model.zero_grad(set_to_none=True)
    torch.cuda.synchronize(device)
    before = torch.cuda.memory_allocated(device)
    torch.cuda.reset_peak_memory_stats(device)
    forward().backward()
    torch.cuda.synchronize(device)
    return torch.cuda.max_memory_allocated(device) - before


def pooled(steps: list[list[list[float]]]) -> dict[str, list]:
    """Per length, the median and min-max of every timed step pooled over rounds, every
    step itself, and each round's median (the run-to-run spread); steps[length][round]."""
    every = [[ms for one in rounds for ms in one] for rounds in steps]
    return {
        "step_ms": [statistics.median(ms) for ms in every],
        "step_ms_min": [min(ms) for ms in every],
        "step_ms_max": [max(ms) for ms in every],
        "step_ms_rounds": [[statistics.median(one) for one in rounds] for rounds in steps],
        "step_ms_repeats": every,
    }


def race(lengths: list[int], steps: dict[str, list[list[float]]]) -> dict[str, Any]:
    """Which of two models is faster at each length, from every timed step of each.

    A win only where every step of one beats every step of the other (`winner`), else a
    tie (None). `slower_from`: the shortest length from which the first model wins at
    every longer one; `faster_at`: where the second one wins.
    """
    (ours, mine), (theirs, yours) = steps.items()
    faster = [
        winner({ours: a, theirs: b}, higher_is_better=False)
        for a, b in zip(mine, yours, strict=True)
    ]
    return {
        "faster": faster,
        "slower_from": holds_from(lengths, [w == ours for w in faster]),
        "faster_at": [n for n, w in zip(lengths, faster, strict=True) if w == theirs],
        "tie_at": [n for n, w in zip(lengths, faster, strict=True) if w is None],
    }


def power_fit(lengths: list[int], values: list[float]) -> dict[str, float | int]:
    """value ∝ length^exponent by least squares on log-log over all the points given.

    With it, R² on the log scale and `worst_factor`, the largest miss of the line at any
    point as a factor (1.2 = some point is 20% off): R² stays near 1 even when a curve
    bends, the largest miss does not.
    """
    xs = [math.log(n) for n in lengths]
    ys = [math.log(v) for v in values]
    line = statistics.linear_regression(xs, ys)
    misses = [y - (line.intercept + line.slope * x) for x, y in zip(xs, ys, strict=True)]
    spread = sum((y - statistics.fmean(ys)) ** 2 for y in ys)
    return {
        "exponent": line.slope,
        "r2": 1 - sum(m * m for m in misses) / spread if spread else 1.0,
        "worst_factor": math.exp(max(abs(m) for m in misses)),
        "points": len(lengths),
        "from": lengths[0],
        "to": lengths[-1],
    }


def local_exponents(lengths: list[int], values: list[float]) -> list[float]:
    """The growth exponent between each pair of neighbouring lengths (where a curve bends)."""
    points = zip(lengths, values, strict=True)
    return [math.log(b / a) / math.log(m / n) for (n, a), (m, b) in itertools.pairwise(points)]


def past_overhead(values: list[float], factor: float) -> int | None:
    """Index of the first value at least `factor` times the first one; None if none is.

    The cost at the shortest length bounds from above the part of a step that does not
    grow with length (dispatch, allocation, Python); from a step `factor` times longer,
    that part is at most 1/factor of it and bends a fitted exponent by at most about that.
    """
    return next((i for i, v in enumerate(values) if v >= factor * values[0]), None)


def growth(lengths: list[int], times: list[float], flops: list[int], factor: float) -> dict:
    """How a step time grows once past its fixed overhead, beside its FLOPs' growth.

    Both are fitted over the same lengths, from `past_overhead(times, factor)` on; the
    fits are None when fewer than two lengths are that far. `time_fit_all` fits every
    length, and the local exponents show where the curve bends.
    """
    start = past_overhead(times, factor)
    past = start is not None and len(lengths) - start >= 2
    return {
        "time_fit": power_fit(lengths[start:], times[start:]) if past else None,
        "time_fit_all": power_fit(lengths, times),
        "flop_fit": power_fit(lengths[start:], flops[start:]) if past else None,
        "local_time_exponents": local_exponents(lengths, times),
    }


def quadratic_share(lengths: list[int], values: list[float]) -> list[float]:
    """The share of b·n² in value ≈ a·n + b·n² at each length (least squares, relative).

    Self-attention's cost has exactly these two parts (Vaswani et al. 2017, Table 1): the
    linear layers' n·d² and the attention table's n²·d; an LSTM's share is about 0.
    """
    rows = [[1 / v * n, 1 / v * n * n] for n, v in zip(lengths, values, strict=True)]
    a, b = torch.linalg.lstsq(
        torch.tensor(rows, dtype=torch.float64), torch.ones(len(rows), 1, dtype=torch.float64)
    ).solution.flatten()
    return [float(b * n * n / (a * n + b * n * n)) for n in lengths]


def crossover(lengths: list[int], ours: list[float], theirs: list[float]) -> int | None:
    """The shortest length from which `ours` stays above `theirs`; None if it never does."""
    return holds_from(lengths, [a > b for a, b in zip(ours, theirs, strict=True)])


def holds_from(lengths: list[int], holds: list[bool]) -> int | None:
    """The shortest length from which `holds` is true at every longer length; None if never."""
    found = None
    for n, ok in zip(reversed(lengths), reversed(holds), strict=True):
        if not ok:
            break
        found = n
    return found
