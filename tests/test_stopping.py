"""Early stopping: where a run stops, why, and which weights it keeps."""

import pytest
import torch
from torch import nn

from chigai.stopping import Patience, Stopper, train_until_converged
from chigai.training import Diverged


def _run(scores: list[float], rule: Patience, *, higher_is_better: bool = True) -> dict:
    """Feed a made-up validation curve, one score per `every` steps, until it stops."""
    stopper = Stopper(rule, higher_is_better=higher_is_better)
    for i, score in enumerate(scores, start=1):
        if stopper.should_stop(i * rule.every, score):
            return {**stopper.record(), "evaluations": i}
    raise AssertionError("the curve ended before the run stopped")


def test_stops_after_patience_evaluations_without_improvement():
    rule = Patience(every=10, patience=3, cap=1000)
    record = _run([0.2, 0.5, 0.7, 0.69, 0.7, 0.6, 0.9], rule)
    assert record == {
        "stopped_at": 60,
        "best_at": 30,
        "reason": "converged",
        "still_improving": False,
        "evaluations": 6,
    }


def test_the_cap_stops_a_run_that_is_still_improving_and_says_so():
    record = _run([0.1, 0.2, 0.3, 0.4, 0.5], Patience(every=10, patience=3, cap=50))
    assert record["reason"] == "cap"
    assert record["stopped_at"] == record["best_at"] == 50
    assert record["still_improving"]


def test_a_cap_reached_on_a_plateau_is_not_still_improving():
    """The patience window runs out exactly at the cap: no improvement in it."""
    record = _run([0.1, 0.5, 0.5, 0.5, 0.5], Patience(every=10, patience=3, cap=50))
    assert record["reason"] == "cap"
    assert record["best_at"] == 20
    assert not record["still_improving"]


def test_min_delta_is_relative_so_falling_losses_keep_improving_across_magnitudes():
    """An error falling tenfold per evaluation improves; an absolute 1e-3 would stop it."""
    rule = Patience(every=1, patience=2, cap=100, min_delta=0.01)
    falling = [1e-2, 1e-3, 1e-4, 1e-5, 1e-6, 1e-6, 1e-6]
    record = _run(falling, rule, higher_is_better=False)
    assert record["best_at"] == 5
    assert record["stopped_at"] == 7


def test_gains_within_min_delta_do_not_count():
    rule = Patience(every=1, patience=2, cap=100, min_delta=0.01)
    record = _run([0.5, 0.504, 0.503, 0.6], rule)  # +0.8% and +0.6% of the best: not > 1%
    assert record["best_at"] == 1
    assert record["stopped_at"] == 3


@pytest.mark.parametrize(
    ("values", "key"),
    [
        ({"every": 0, "patience": 3, "cap": 100}, "every"),
        ({"every": 10, "patience": 0, "cap": 100}, "patience"),
        ({"every": 10, "patience": 2.5, "cap": 100}, "patience"),
        ({"every": 10, "patience": 3, "cap": True}, "cap"),
        ({"every": 10, "patience": 3, "cap": 5}, "cap"),
        ({"every": 10, "patience": 3, "cap": 100, "min_delta": -0.1}, "min_delta"),
        ({"every": 10, "patience": 3, "cap": 100, "min_delta": float("nan")}, "min_delta"),
        ({"every": 10, "patience": 3, "cap": 100, "min_delta": "0.1"}, "min_delta"),
    ],
)
def test_a_bad_rule_names_its_key(values, key):
    with pytest.raises(ValueError, match=key):
        Patience(**values)


def test_a_stopped_run_takes_no_more_scores_and_steps_must_increase():
    stopper = Stopper(Patience(every=10, patience=1, cap=100), higher_is_better=True)
    stopper.should_stop(10, 0.5)
    with pytest.raises(ValueError, match="increase"):
        stopper.should_stop(10, 0.6)
    assert stopper.should_stop(20, 0.4)
    with pytest.raises(ValueError, match="already stopped"):
        stopper.should_stop(30, 0.9)


class _ScriptedScore:
    """A validation score that follows a script, keeping the weights it saw each time."""

    def __init__(self, script: list[float]):
        self.script, self.seen = script, []

    def __call__(self, model: nn.Module) -> float:
        self.seen.append(model.weight.detach().clone())
        return self.script[len(self.seen) - 1]


def _fit_line(score, rule: Patience, seed: int = 0, broken: bool = False) -> tuple[nn.Linear, dict]:
    torch.manual_seed(seed)
    inputs = torch.randn(64, 3)
    targets = inputs @ torch.tensor([[1.0], [-2.0], [0.5]]) * (float("nan") if broken else 1.0)
    model = nn.Linear(3, 1)
    record = train_until_converged(
        model,
        inputs,
        targets,
        rule,
        batch_size=8,
        lr=0.05,
        loss_fn=nn.functional.mse_loss,
        generator=torch.Generator().manual_seed(seed),
        score=score,
        higher_is_better=True,
    )
    return model, record


def test_training_stops_early_and_keeps_the_best_weights():
    score = _ScriptedScore([0.5, 0.9, 0.6, 0.6, 0.6, 0.95])
    model, record = _fit_line(score, Patience(every=5, patience=3, cap=100))
    assert record == {
        "stopped_at": 25,
        "best_at": 10,
        "reason": "converged",
        "still_improving": False,
    }
    assert len(score.seen) == 5  # the loop really ended at step 25
    assert not torch.equal(score.seen[1], score.seen[4])  # training moved the weights on
    assert torch.equal(model.weight, score.seen[1])  # and the best ones came back


def test_training_to_the_cap_is_deterministic():
    def loss_score(model: nn.Module) -> float:
        return -model.weight.detach().abs().sum().item()  # any function of the weights will do

    rule = Patience(every=5, patience=50, cap=30)
    (first, a), (second, b) = _fit_line(loss_score, rule), _fit_line(loss_score, rule)
    assert a == b and a["reason"] == "cap"
    assert torch.equal(first.weight, second.weight)


def test_divergence_still_raises():
    with pytest.raises(Diverged):
        _fit_line(_ScriptedScore([0.5] * 10), Patience(every=5, patience=3, cap=20), broken=True)
