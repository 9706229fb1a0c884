"""One training loop for every experiment: seeds, progress, NaN guard.

The loop knows nothing about the task. It follows the habits that keep a small PyTorch
loop at the speed of its kernels: data and batch indices are built before the loop, and
the loss is read back to the host (a device sync) only every `check_every` steps.
"""

import math
import random
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

import numpy as np
import torch
from torch import nn


class Diverged(RuntimeError):
    """The loss became NaN or infinite: the run is stopped and its result discarded."""

    def __init__(self, step: int, loss: float, last_finite: float | None):
        self.step, self.loss, self.last_finite = step, loss, last_finite
        super().__init__(
            f"loss became {loss} at step {step} (last finite loss: {last_finite}); "
            "lower the learning rate or add gradient clipping in the preset"
        )


class Progress(Protocol):
    def update(self, n: int) -> object: ...


def set_seed(seed: int) -> None:
    """Seed Python, NumPy and torch together, so one number fixes a run."""
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def configure_torch() -> None:
    """Process-wide settings that change what a CPU run computes (and how fast)."""
    # A tanh RNN's values decay into denormal floats, which made CPU runs 30x slower.
    torch.set_flush_denormal(True)


@dataclass(frozen=True)
class TrainSettings:
    steps: int
    batch_size: int
    lr: float
    grad_clip: float = 1.0
    check_every: int = 50  # how often the loss is read back (a device sync) and checked


def train(
    model: nn.Module,
    inputs: torch.Tensor,
    targets: torch.Tensor,
    settings: TrainSettings,
    *,
    loss_fn: Callable[[torch.Tensor, torch.Tensor], torch.Tensor],
    generator: torch.Generator,
    progress: Progress | None = None,
) -> list[float]:
    """Train with Adam on random minibatches; return the loss at each check.

    Raises Diverged as soon as a checked loss is not finite.
    """
    optimizer = torch.optim.Adam(model.parameters(), lr=settings.lr)
    batches = torch.randint(
        0, inputs.shape[0], (settings.steps, settings.batch_size), generator=generator
    ).to(inputs.device)
    losses: list[float] = []
    reported = 0
    model.train()
    for step in range(settings.steps):
        batch = batches[step]
        loss = loss_fn(model(inputs[batch]), targets[batch])
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        nn.utils.clip_grad_norm_(model.parameters(), settings.grad_clip)
        optimizer.step()
        done = step + 1
        if done % settings.check_every == 0 or done == settings.steps:
            value = loss.item()
            if not math.isfinite(value):
                raise Diverged(done, value, losses[-1] if losses else None)
            losses.append(value)
            if progress is not None:
                progress.update(done - reported)
            reported = done
    return losses


class Recipe(Protocol):
    """A preset's training settings (every training experiment's Config has them); the
    learning rate is a grid axis (chigai.tuning), so it comes with each trial's point."""

    steps: int
    batch_size: int


def fit(
    model: nn.Module,
    inputs: torch.Tensor,
    targets: torch.Tensor,
    recipe: Recipe,
    *,
    seed: int,
    lr: float,
    loss_fn: Callable[[torch.Tensor, torch.Tensor], torch.Tensor],
) -> list[float]:
    """`train` with a preset's recipe at rate `lr`, on the model's device, minibatches
    drawn from `seed`."""
    device = next(model.parameters()).device
    settings = TrainSettings(steps=recipe.steps, batch_size=recipe.batch_size, lr=lr)
    generator = torch.Generator().manual_seed(seed)
    return train(
        model,
        inputs.to(device),
        targets.to(device),
        settings,
        loss_fn=loss_fn,
        generator=generator,
    )


@torch.no_grad()
def evaluate(
    model: nn.Module,
    inputs: torch.Tensor,
    targets: torch.Tensor,
    loss_fn: Callable[[torch.Tensor, torch.Tensor], torch.Tensor],
    batch_size: int = 1024,
) -> float:
    """Mean loss over a held-out set, in batches so long sequences fit in memory."""
    model.eval()
    total = 0.0
    for start in range(0, inputs.shape[0], batch_size):
        chunk = slice(start, start + batch_size)
        total += loss_fn(model(inputs[chunk]), targets[chunk]).item() * inputs[chunk].shape[0]
    return total / inputs.shape[0]
