"""What a training step costs: wall time and the activations kept for the backward pass.

Time is measured the usual way for small kernels: a few warm-up steps (allocator, kernel
selection), then repeated steps, reporting the median; on CUDA each step is
synchronised. Memory is the size of the tensors autograd saves for backward (weights
excluded), read with saved-tensor hooks: the same definition on every device, and the
quantity that grows with the n×n attention matrix. On CUDA the allocator's peak is
reported as well.
"""

import math
import statistics
import time
from collections.abc import Callable

import torch

Step = Callable[[], torch.Tensor]  # runs a forward pass and returns a scalar loss


def _sync(device: torch.device) -> None:
    if device.type == "cuda":
        torch.cuda.synchronize(device)


def step_seconds(
    model: torch.nn.Module, forward: Step, device: torch.device, warmup: int, repeats: int
) -> float:
    """Median wall time of forward + backward over `repeats` steps, after `warmup` steps."""
    times = []
    for i in range(warmup + repeats):
        model.zero_grad(set_to_none=True)
        _sync(device)
        start = time.perf_counter()
        forward().backward()
        _sync(device)
        if i >= warmup:
            times.append(time.perf_counter() - start)
    return statistics.median(times)


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


def growth_exponent(lengths: list[int], values: list[float], points: int = 3) -> float:
    """Slope of log(value) against log(length) over the last `points` lengths (least squares)."""
    xs = [math.log(n) for n in lengths[-points:]]
    ys = [math.log(v) for v in values[-points:]]
    return statistics.linear_regression(xs, ys).slope


def crossover(lengths: list[int], ours: list[float], theirs: list[float]) -> int | None:
    """The shortest length from which `ours` stays above `theirs`; None if it never does."""
    found = None
    for n, a, b in zip(reversed(lengths), reversed(ours), reversed(theirs), strict=True):
        if a <= b:
            break
        found = n
    return found
