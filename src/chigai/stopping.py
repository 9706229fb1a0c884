"""Training that converges: stop when validation stops improving, and say where (issue 22,
item 5).

A fixed step budget reads a slow learner as a weak one. Here a run evaluates its
validation score every `every` steps and stops once `patience` evaluations in a row have
not improved on the best by more than `min_delta`, or at `cap` steps; the weights of the
best evaluation are kept. Its record says where it stopped and why, so that a page can
report a run that hit the cap while still improving.

`min_delta` is *relative* to the best score: a new score improves only when it beats the
best by more than min_delta * |best|. One preset value then serves losses that fall over
orders of magnitude (an adding-problem error going from 1e-3 to 1e-4 still improves,
where an absolute 1e-3 would call it converged) as well as accuracies near 1.

`train_until_converged` runs chigai.training.train unchanged: the stopper watches the
loop as its `progress` and ends it by raising at the step it decides to stop.
"""

import contextlib
import math
from collections.abc import Callable
from dataclasses import dataclass

import torch
from torch import nn

from chigai.training import TrainSettings, train


@dataclass(frozen=True)
class Patience:
    """A preset's stopping rule: evaluate every `every` steps, stop after `patience`
    evaluations without improvement, or at `cap` steps."""

    every: int
    patience: int
    cap: int
    min_delta: float = 0.0  # relative to the best score (see the module docstring)

    def __post_init__(self) -> None:
        for key in ("every", "patience", "cap"):
            value = getattr(self, key)
            if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                raise ValueError(f"stopping: {key} must be a whole number >= 1, got {value!r}")
        if self.cap < self.every:
            raise ValueError(f"stopping: cap ({self.cap}) must be at least every ({self.every})")
        delta = self.min_delta
        if not isinstance(delta, (int, float)) or isinstance(delta, bool):
            raise ValueError(f"stopping: min_delta must be a number, got {delta!r}")
        if not (math.isfinite(delta) and delta >= 0):
            raise ValueError(f"stopping: min_delta must be finite and >= 0, got {delta!r}")


class Stopper:
    """Decides, one validation score at a time, whether a run should stop; keeps the
    weights of the best score when given the model."""

    def __init__(self, rule: Patience, *, higher_is_better: bool):
        self.rule, self.higher_is_better = rule, higher_is_better
        self.best: float | None = None
        self.best_at = self.last_step = 0
        self.since_best = 0  # evaluations since the best one
        self.reason: str | None = None
        self._best_weights: dict[str, torch.Tensor] | None = None

    def should_stop(self, step: int, score: float, model: nn.Module | None = None) -> bool:
        """Take the validation score at `step`; True when the run should stop here.

        At the cap the run stops whatever the scores say (reason "cap"); otherwise it stops
        when `patience` evaluations in a row did not improve (reason "converged").
        """
        if self.reason is not None:
            raise ValueError(f"the run already stopped at step {self.last_step}")
        if step <= self.last_step:
            raise ValueError(f"steps must increase: {step} after {self.last_step}")
        if not math.isfinite(score):
            raise ValueError(f"validation score at step {step} is {score}")
        self.last_step = step
        if self._improves(score):
            self.best, self.best_at, self.since_best = score, step, 0
            if model is not None:
                self._best_weights = {k: v.detach().clone() for k, v in model.state_dict().items()}
        else:
            self.since_best += 1
        if step >= self.rule.cap:
            self.reason = "cap"
        elif self.since_best >= self.rule.patience:
            self.reason = "converged"
        return self.reason is not None

    def _improves(self, score: float) -> bool:
        if self.best is None:
            return True
        gain = score - self.best if self.higher_is_better else self.best - score
        return gain > self.rule.min_delta * abs(self.best)

    def restore(self, model: nn.Module) -> None:
        """Put the best evaluation's weights back into `model`."""
        if self._best_weights is None:
            raise ValueError("no weights kept: pass the model to should_stop()")
        model.load_state_dict(self._best_weights)

    def record(self) -> dict:
        """Where the run stopped and why, for the result. `still_improving`: it hit the cap
        while its last `patience` evaluations still held an improvement, so more steps
        might have helped; the page must say so."""
        if self.reason is None:
            raise ValueError("the run has not stopped yet")
        return {
            "stopped_at": self.last_step,
            "best_at": self.best_at,
            "reason": self.reason,
            "still_improving": self.reason == "cap" and self.since_best < self.rule.patience,
        }


class _Stop(Exception):
    """Ends chigai.training.train from inside its progress callback."""


class _Watch:
    """A `progress` for chigai.training.train: scores the model at each check."""

    def __init__(self, stopper: Stopper, model: nn.Module, score: Callable[[nn.Module], float]):
        self.stopper, self.model, self.score = stopper, model, score
        self.step = 0

    def update(self, n: int) -> None:
        self.step += n
        value = self.score(self.model)
        self.model.train()  # scoring may switch to eval mode; training goes on in train mode
        if self.stopper.should_stop(self.step, value, self.model):
            raise _Stop


def train_until_converged(
    model: nn.Module,
    inputs: torch.Tensor,
    targets: torch.Tensor,
    rule: Patience,
    *,
    batch_size: int,
    lr: float,
    loss_fn: Callable[[torch.Tensor, torch.Tensor], torch.Tensor],
    generator: torch.Generator,
    score: Callable[[nn.Module], float],
    higher_is_better: bool,
) -> dict:
    """chigai.training.train for at most `rule.cap` steps, scored on validation by
    `score(model)` every `rule.every` steps; leaves the best weights in `model` and
    returns the Stopper's record. Diverged propagates as from `train`."""
    stopper = Stopper(rule, higher_is_better=higher_is_better)
    settings = TrainSettings(steps=rule.cap, batch_size=batch_size, lr=lr, check_every=rule.every)
    with contextlib.suppress(_Stop):  # the stopper ended the loop: a normal end
        train(
            model,
            inputs,
            targets,
            settings,
            loss_fn=loss_fn,
            generator=generator,
            progress=_Watch(stopper, model, score),
        )
    stopper.restore(model)
    return stopper.record()
