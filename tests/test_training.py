import math

import pytest
import torch
from torch import nn

from chigai.models.recurrent import RecurrentRegressor
from chigai.tasks.adding import adding_problem
from chigai.training import Diverged, TrainSettings, evaluate, set_seed, train


class Counter:
    def __init__(self):
        self.total = 0

    def update(self, n: int) -> None:
        self.total += n


def test_lstm_learns_a_short_adding_problem_on_cpu():
    set_seed(0)
    inputs, targets = adding_problem(2000, 8, torch.Generator().manual_seed(0))
    model = RecurrentRegressor("lstm", 2, 32)
    before = evaluate(model, inputs, targets, nn.functional.mse_loss)
    progress = Counter()
    settings = TrainSettings(steps=300, batch_size=64, lr=0.01, check_every=25)
    losses = train(
        model,
        inputs,
        targets,
        settings,
        loss_fn=nn.functional.mse_loss,
        generator=torch.Generator().manual_seed(0),
        progress=progress,
    )
    after = evaluate(model, inputs, targets, nn.functional.mse_loss)
    assert after < 0.1 * before and after < 0.02
    assert len(losses) == 12 and losses[-1] < losses[0]
    assert progress.total == 300


def test_a_nan_loss_stops_training_with_step_and_last_loss():
    inputs, targets = adding_problem(64, 6, torch.Generator().manual_seed(0))
    targets[5] = math.inf  # a poisoned example makes the loss infinite, then NaN
    settings = TrainSettings(steps=200, batch_size=64, lr=0.01, check_every=10)
    with pytest.raises(Diverged, match=r"at step 10 ") as caught:
        train(
            RecurrentRegressor("rnn", 2, 4),
            inputs,
            targets,
            settings,
            loss_fn=nn.functional.mse_loss,
            generator=torch.Generator().manual_seed(0),
        )
    assert not math.isfinite(caught.value.loss)


def test_same_seed_gives_bit_identical_weights():
    def trained() -> list[torch.Tensor]:
        set_seed(7)
        inputs, targets = adding_problem(256, 6, torch.Generator().manual_seed(7))
        model = RecurrentRegressor("lstm", 2, 8)
        train(
            model,
            inputs,
            targets,
            TrainSettings(steps=20, batch_size=32, lr=0.01),
            loss_fn=nn.functional.mse_loss,
            generator=torch.Generator().manual_seed(7),
        )
        return [p.detach().clone() for p in model.parameters()]

    assert all(torch.equal(a, b) for a, b in zip(trained(), trained(), strict=True))
