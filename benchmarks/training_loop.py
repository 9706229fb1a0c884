"""Steps per second of chigai's training loop against a bare PyTorch loop on the same model."""

import statistics
import time
from collections.abc import Callable

import torch
from torch import nn

from chigai.models.attention import TransformerClassifier
from chigai.models.recurrent import RecurrentRegressor
from chigai.tasks.adding import adding_problem
from chigai.tasks.recall import associative_recall
from chigai.training import TrainSettings, configure_torch, set_seed, train

BATCH, LR = 64, 0.003


def bare_loop(model: nn.Module, inputs, targets, steps: int, loss_fn) -> None:
    """The least a PyTorch training loop can do: sample, forward, backward, step."""
    optimizer = torch.optim.Adam(model.parameters(), lr=LR)
    for _ in range(steps):
        batch = torch.randint(0, inputs.shape[0], (BATCH,))
        loss = loss_fn(model(inputs[batch]), targets[batch])
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        optimizer.step()


def chigai_loop(model: nn.Module, inputs, targets, steps: int, loss_fn) -> None:
    settings = TrainSettings(steps=steps, batch_size=BATCH, lr=LR)
    train(
        model,
        inputs,
        targets,
        settings,
        loss_fn=loss_fn,
        generator=torch.Generator().manual_seed(0),
    )


def rates(make_model: Callable, inputs, targets, steps: int, loss_fn, repeats: int) -> dict:
    """Median steps per second of each loop, runs interleaved (bare, chigai, bare, …).

    Interleaving matters: timed back to back in blocks, a passing load on a 2-core
    machine fell on one loop only and moved the ratio from 0.9 to 0.66 between runs.
    """
    timings: dict[str, list[float]] = {"bare": [], "chigai": []}
    for attempt in range(repeats + 1):
        for name, loop in (("bare", bare_loop), ("chigai", chigai_loop)):
            set_seed(0)
            model = make_model()
            start = time.perf_counter()
            loop(model, inputs, targets, steps, loss_fn)
            if attempt:  # the first round warms up allocators and kernels
                timings[name].append(steps / (time.perf_counter() - start))
    return {name: statistics.median(values) for name, values in timings.items()}


def overhead(steps: int, repeats: int) -> dict:
    configure_torch()
    data = torch.Generator().manual_seed(0)
    lstm_data = adding_problem(4000, 50, data)
    recall_data = associative_recall(4000, 8, 16, 8, data)
    cases = {
        "lstm": (lambda: RecurrentRegressor("lstm", 2, 64), lstm_data, nn.functional.mse_loss),
        "transformer": (
            lambda: TransformerClassifier(
                vocab=24, d_model=32, heads=2, layers=2, max_len=17, classes=8
            ),
            recall_data,
            nn.functional.cross_entropy,
        ),
    }
    report = {}
    for name, (make_model, (inputs, targets), loss_fn) in cases.items():
        measured = rates(make_model, inputs, targets, steps, loss_fn, repeats)
        bare, ours = measured["bare"], measured["chigai"]
        report[name] = {"bare_steps_per_s": bare, "chigai_steps_per_s": ours, "ratio": ours / bare}
    return report
