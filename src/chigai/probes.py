"""Probes: measurements taken inside a recurrent model, for the figures that explain it.

- hidden_gradient_norms: ‖∂loss/∂h_t‖ per step, the vanishing-gradient picture
  (Bengio, Simard & Frasconi 1994; Pascanu, Mikolov & Bengio 2013).
- input_sensitivity: ‖∂loss/∂x_t‖ per input position: which inputs the answer depends on.
- gate_trace: an LSTM's gates and cell state on one sequence.
- answer_cells, cell_drift: which LSTM cells carry the answer, and whether they hold their
  value from the mark to the question or drift (the words "held" and "ramped" come from
  here, not from the eye).
"""

import math
from collections.abc import Callable

import torch

from chigai.models.recurrent import RecurrentRegressor
from chigai.models.stepwise import unroll

LossFn = Callable[[torch.Tensor, torch.Tensor], torch.Tensor]


def hidden_gradient_norms(
    model: RecurrentRegressor, inputs: torch.Tensor, targets: torch.Tensor, loss_fn: LossFn
) -> list[float]:
    """Mean over the batch of ‖∂loss/∂h_t‖ for t = 0 … T-1 (the loss reads h_{T-1})."""
    steps = unroll(model.recurrent, inputs)
    loss = loss_fn(model.head(steps.hidden[-1]), targets)
    grads = torch.autograd.grad(loss, steps.hidden)
    return [grad.norm(dim=1).mean().item() for grad in grads]


def fit_distances(norms: list[float]) -> int:
    """How many distances back (0, 1, ...) decay_per_step fits: up to the first zero norm
    (a flushed denormal), past which nothing is left to measure."""
    for distance, norm in enumerate(reversed(norms)):
        if norm <= 0:
            return distance
    return len(norms)


def decay_per_step(norms: list[float]) -> float:
    """Geometric-mean factor by which the gradient shrinks per step back in time.

    A least-squares line through log‖∂loss/∂h_t‖ against the distance T-1-t; exp(slope),
    over the distances 0 … fit_distances(norms) - 1.
    """
    kept = list(reversed(norms))[: fit_distances(norms)]
    points = [(distance, math.log(norm)) for distance, norm in enumerate(kept)]
    if len(points) < 2:
        return 0.0
    mean_x = sum(x for x, _ in points) / len(points)
    mean_y = sum(y for _, y in points) / len(points)
    slope = sum((x - mean_x) * (y - mean_y) for x, y in points) / sum(
        (x - mean_x) ** 2 for x, _ in points
    )
    return math.exp(slope)


def input_sensitivity(
    model: RecurrentRegressor, inputs: torch.Tensor, targets: torch.Tensor, loss_fn: LossFn
) -> list[float]:
    """Share of the total ‖∂loss/∂x_t‖ that falls on each input position (sums to 1)."""
    inputs = inputs.clone().requires_grad_(True)
    (grad,) = torch.autograd.grad(loss_fn(model(inputs), targets), inputs)
    per_position = grad.norm(dim=2).mean(dim=0)  # (time,)
    return (per_position / per_position.sum()).tolist()


@torch.no_grad()
def gate_trace(
    model: RecurrentRegressor,
    sequence: torch.Tensor,
    cells: int = 3,
    units: list[int] | None = None,
) -> dict:
    """Gates (mean over units) and cell states over one sequence (1, T, F): the given
    `units`, or else the `cells` largest at the last step."""
    steps = unroll(model.recurrent, sequence)
    cell = torch.cat(steps.cell)  # (time, hidden)
    if units is None:
        busiest = cell[-1].abs().argsort(descending=True)[:cells]
    else:
        busiest = torch.tensor(units, dtype=torch.long)
    return {
        "input_gate": torch.cat(steps.input_gate).mean(dim=1).tolist(),
        "forget_gate": torch.cat(steps.forget_gate).mean(dim=1).tolist(),
        "output_gate": torch.cat(steps.output_gate).mean(dim=1).tolist(),
        "cells": cell[:, busiest].T.tolist(),  # (cells, time)
        "cell_units": busiest.tolist(),
    }


def _cells(model: RecurrentRegressor, inputs: torch.Tensor) -> torch.Tensor:
    """An LSTM's cell states, (batch, time, hidden)."""
    return torch.stack(unroll(model.recurrent, inputs).cell, dim=1)


@torch.no_grad()
def answer_cells(
    model: RecurrentRegressor, inputs: torch.Tensor, answers: torch.Tensor, cells: int = 3
) -> tuple[list[int], list[float]]:
    """The `cells` units that carry the answer: those whose value just before the question
    (step T-2) the answer explains best, as the between-class share of their variance over
    the batch (1: the value tells the answer exactly). Returns the units and their shares."""
    end = _cells(model, inputs)[:, -2]  # (batch, hidden)
    mean = end.mean(dim=0)
    between = sum(
        (answers == k).float().mean() * (end[answers == k].mean(dim=0) - mean) ** 2
        for k in answers.unique()
    )
    share = between / end.var(dim=0, unbiased=False).clamp_min(1e-12)  # (hidden,)
    top = share.topk(cells)
    return top.indices.tolist(), top.values.tolist()


@torch.no_grad()
def cell_drift(
    model: RecurrentRegressor, inputs: torch.Tensor, marked: torch.Tensor, units: list[int]
) -> list[float]:
    """Per sequence, how far the cells `units` move over the hold, relative to their value
    at the marked step m: sum |c_{T-2} - c_m| / sum |c_m| over the units (T-2: the last step
    before the question at T-1). 0 means held exactly; 1, moved by as much as was stored."""
    cell = _cells(model, inputs)[:, :, units]  # (batch, time, units)
    stored = cell[torch.arange(inputs.shape[0]), marked]  # (batch, units)
    moved = (cell[:, -2] - stored).abs().sum(dim=1)
    return (moved / stored.abs().sum(dim=1).clamp_min(1e-12)).tolist()
