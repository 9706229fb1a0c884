"""Probes: measurements taken inside a recurrent model, for the figures that explain it.

- hidden_gradient_norms: ‖∂loss/∂h_t‖ per step, the vanishing-gradient picture
  (Bengio, Simard & Frasconi 1994; Pascanu, Mikolov & Bengio 2013).
- input_sensitivity: ‖∂loss/∂x_t‖ per input position: which inputs the answer depends on.
- gate_trace: an LSTM's gates and cell state on one sequence.
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


def decay_per_step(norms: list[float]) -> float:
    """Geometric-mean factor by which the gradient shrinks per step back in time.

    A least-squares line through log‖∂loss/∂h_t‖ against the distance T-1-t; exp(slope).
    Zero norms (flushed denormals) end the fit: past them nothing is left to measure.
    """
    points = []
    for distance, norm in enumerate(reversed(norms)):
        if norm <= 0:
            break
        points.append((distance, math.log(norm)))
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
def gate_trace(model: RecurrentRegressor, sequence: torch.Tensor, cells: int = 3) -> dict:
    """Gates (mean over units) and the `cells` most-used cell states over one sequence (1, T, F)."""
    steps = unroll(model.recurrent, sequence)
    cell = torch.cat(steps.cell)  # (time, hidden)
    busiest = cell[-1].abs().argsort(descending=True)[:cells]
    return {
        "input_gate": torch.cat(steps.input_gate).mean(dim=1).tolist(),
        "forget_gate": torch.cat(steps.forget_gate).mean(dim=1).tolist(),
        "output_gate": torch.cat(steps.output_gate).mean(dim=1).tolist(),
        "cells": cell[:, busiest].T.tolist(),  # (cells, time)
        "cell_units": busiest.tolist(),
    }
