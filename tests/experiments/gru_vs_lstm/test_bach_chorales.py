"""Bach chorales, three models: matched weights, a loss that ignores padding, rounds that
tune then train every seed, and every verdict reachable from made-up seeds (no training)."""

import dataclasses
import functools
from pathlib import Path

import pytest
import torch

from chigai.experiment import read_spec
from chigai.models.recurrent import parameter_count
from chigai.run.loading import prepare
from chigai.trials import Done, Trial

SPEC = read_spec(Path(__file__).parents[3] / "experiments" / "gru_vs_lstm" / "bach_chorales.py")


@functools.cache
def loaded(preset: str):
    return prepare(SPEC, preset)


@pytest.mark.slow  # the width search builds a model at every width
def test_every_model_has_the_lstms_weight_count_within_ten_percent():
    module, config = loaded("full")
    counts = {
        name: parameter_count(module.Recurrent(name, 88, width, 88, every_step=True))
        for name, width in module.widths(config).items()
    }
    assert all(abs(n / counts["lstm"] - 1) <= 0.1 for n in counts.values()), counts
    assert 19_000 <= counts["lstm"] <= 23_000  # Chung et al. 2014: about 20K weights


def test_the_loss_reads_only_real_steps_and_sums_the_keys():
    module, _ = loaded("quick")
    outputs = torch.zeros(1, 3, 88)  # every key at probability 1/2
    targets = torch.zeros(1, 3, 89)
    targets[0, :2, 88] = 1.0  # two real steps, one padding step
    padded = outputs.clone()
    padded[0, 2] = 50.0  # whatever the model says after the end
    expected = 88 * torch.log(torch.tensor(2.0)).item()
    assert module.nll(outputs, targets).item() == pytest.approx(expected)
    assert module.nll(padded, targets).item() == pytest.approx(expected)


def made_up(test_nll: dict[str, list[float]]) -> Done:
    """Tuning seeds 1-3 try 0.001, 0.003 and 0.01 (0.003 best, interior); every seed then
    has a trial at 0.003 with the given test NLL."""
    trials = []
    for model, scores in test_nll.items():
        for seed, score in enumerate(scores, start=1):
            rates = (0.001, 0.003, 0.01) if seed <= 3 else (0.003,)
            for lr in rates:
                output = {
                    "val_nll": 8.0 if lr == 0.003 else 9.0,
                    "test_nll": score if lr == 0.003 else 9.5,
                    "stopping": {"stopped_at": 400, "best_at": 200, "reason": "converged"},
                    "shown": {"id": "made-up", "low": 30, "probs": [[0.5, 0.25]]},
                }
                trials.append(Trial({"model": model, "lr": lr, "seed": seed}, output, 0.0))
    return Done(trials)


def test_the_rounds_tune_on_three_seeds_then_train_the_other_seven_at_the_chosen_rate():
    module, config = loaded("full")
    tuned = made_up({m: [8.5] * 10 for m in module.MODELS})
    tuning_only = Done([t for t in tuned.trials if t.point["seed"] <= 3])
    asked = module.next_round(config, tuning_only)
    assert {(p["lr"], p["seed"]) for p in asked if p["model"] == "gru"} >= {
        (0.003, seed) for seed in range(4, 11)
    }
    assert module.next_round(config, tuned) == [
        t.point for t in tuned.trials if t.point["lr"] == 0.003
    ]  # nothing new: the run ends


GAP = [0.3] * 8 + [0.0] * 2  # ahead by more than the margin in 8 of 10 seeds


@pytest.mark.parametrize(
    ("offsets", "paper", "gru_vs_lstm"),
    [
        ({"rnn": GAP, "gru": [0.0] * 10, "lstm": [0.0] * 10}, "agrees", "undecided"),
        ({"rnn": GAP, "gru": [0.0] * 10, "lstm": GAP}, "partly", "a"),
        ({"rnn": [0.0] * 10, "gru": GAP, "lstm": [0.0] * 10}, "disagrees", "b"),
    ],
)
def test_every_verdict_is_reached_from_made_up_seeds(offsets, paper, gru_vs_lstm):
    module, quick = loaded("quick")  # its few chorales: summarize records the corpus
    config = dataclasses.replace(quick, seeds=tuple(range(1, 11)), tuning_seeds=3)
    done = made_up({m: [8.5 + d for d in offsets[m]] for m in module.MODELS})
    found = module.summarize(config, done)["findings"]
    assert found["paper"] == paper
    assert found["gru_vs_lstm"]["outcome"] == gru_vs_lstm
    assert found["gru_vs_lstm"]["seeds"] == 10


def test_a_run_that_did_not_learn_is_refused():
    module, _ = loaded("quick")
    data = {"models": {m: {"test_nll": [8.6, 61.0]} for m in module.MODELS}}
    assert "61.0 nats" in module.check_trained(data)
    data = {"models": {m: {"test_nll": [8.6, 9.1]} for m in module.MODELS}}
    assert module.check_trained(data) is None


def test_the_figure_data_hold_seed_ones_predictions_and_the_notes_bach_wrote():
    module, quick = loaded("quick")
    config = dataclasses.replace(quick, seeds=tuple(range(1, 11)), tuning_seeds=3)
    shown = module.summarize(config, made_up({m: [8.5] * 10 for m in module.MODELS}))["shown"]
    name, _, low = module.shown(config.max_files)
    roll = module.chorales(config.max_files).splits["test"][name]
    assert (shown["id"], shown["low"], len(shown["notes"])) == (name, low, len(roll))
    assert shown["notes"][0] == [int(k) - low for k in roll[0].nonzero()[0]]
    assert 40 <= len(roll) <= 80 and all(min(step) >= 2 for step in shown["notes"] if step)
    assert shown["probs"] == {m: [[0.5, 0.25]] for m in module.MODELS}
