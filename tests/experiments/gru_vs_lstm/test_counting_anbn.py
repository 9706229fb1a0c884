"""Counting aⁿbⁿ: the targets, the recognition rule, splits that never train on a held-out
n, matched sizes, and findings that follow the data (made-up trials, nothing trained)."""

from pathlib import Path

import pytest
import torch
from helpers import assert_disjoint

from chigai.experiment import read_spec
from chigai.models.recurrent import parameter_count
from chigai.run.loading import prepare
from chigai.trials import Done, Trial

SPEC = read_spec(Path(__file__).parents[3] / "experiments" / "gru_vs_lstm" / "counting_anbn.py")


def test_the_target_says_yes_exactly_where_the_bs_balance_the_as():
    module, _ = prepare(SPEC, "quick")
    inputs, targets = module.anbn([2, 1])
    # a a b b b b: balanced after the second b only; a b b b: after the first b, then pads
    assert targets.tolist() == [[0, 0, 0, 1, 0, 0], [0, 1, 0, 0, -1, -1]]
    symbols = inputs.argmax(dim=-1).tolist()
    assert symbols == [
        [module.A] * 2 + [module.B] * 4,
        [module.A] + [module.B] * 3 + [module.PAD] * 2,
    ]
    assert inputs.sum(dim=-1).eq(1).all()  # one-hot, pads included


def test_one_wrong_step_and_the_string_is_not_recognised():
    module, _ = prepare(SPEC, "quick")
    _, targets = module.anbn([3, 2])
    right = torch.where(targets == 1, 5.0, -5.0).unsqueeze(-1)  # (batch, time, 1) logits
    assert module.recognised(right, targets) == [True, True]
    for step, what in ((4, "a yes one b early"), (5, "a missed yes"), (6, "a yes one b late")):
        wrong = right.clone()
        wrong[0, step] *= -1
        assert module.recognised(wrong, targets) == [False, True], what
    padded = right.clone()
    padded[1, 6:] = 5.0  # a yes on a pad is not a step of the string
    assert module.recognised(padded, targets) == [True, True]


def test_the_largest_correct_n_stops_at_the_first_miss():
    module, _ = prepare(SPEC, "quick")
    assert module.largest_correct([True, True, False, True]) == 2
    assert module.largest_correct([False, True]) == 0
    assert module.largest_correct([True] * 5) == 5


@pytest.mark.parametrize("preset", ["quick", "full"])
def test_no_validation_or_test_n_is_trained_on(preset):
    module, config = prepare(SPEC, preset)
    ns = module.split_ns(config)
    assert_disjoint({name: (torch.tensor(split).unsqueeze(1),) for name, split in ns.items()})
    trained_on = module.anbn(ns["train"])[0][..., module.A].sum(dim=1)  # each string's n
    assert trained_on.tolist() == ns["train"]
    assert sorted(ns["train"] + ns["validation"]) == list(range(1, config.max_n + 1))
    assert ns["validation"] and max(ns["train"]) == config.max_n  # held out strictly inside
    assert ns["test"] == list(range(config.max_n + 1, config.test_factor * config.max_n + 1))


@pytest.mark.parametrize("preset", ["quick", "full"])
def test_the_gru_has_the_lstms_weight_count(preset):
    module, config = prepare(SPEC, preset)
    lstm, gru = (parameter_count(module.build(name, config)) for name in ("lstm", "gru"))
    assert abs(lstm - gru) / lstm <= module.MATCHED


def test_pads_after_a_string_do_not_change_its_outputs():
    module, config = prepare(SPEC, "quick")
    for name in module.MODELS:
        torch.manual_seed(0)
        model = module.build(name, config).eval()
        alone, _ = module.anbn([3])
        together, _ = module.anbn([3, 9])
        with torch.no_grad():
            assert torch.allclose(model(alone)[0], model(together)[0, :8], atol=1e-6)


def _summary(reach: dict[str, list[int]], preset: str = "quick") -> dict:
    """summarize() over made-up trials: reach[model][i] is seed i's largest correct n
    (every n up to it recognised, none after); every rate scores the same."""
    module, config = prepare(SPEC, preset)
    every = config.test_factor * config.max_n
    trials = []
    for point in module.grid(config):
        largest = reach[point["model"]][config.seeds.index(point["seed"])]
        output = {"recognised": [n <= largest for n in range(1, every + 1)], "val_loss": 0.1}
        trials.append(Trial(point, output, 0.0))
    return module.summarize(config, Done(trials))


@pytest.mark.parametrize("preset", ["quick", "full"])
def test_the_paper_agrees_when_every_lstm_seed_counts_twice_as_far_and_no_gru_seed_does(preset):
    _, config = prepare(SPEC, preset)
    n, seeds = config.max_n, len(config.seeds)
    data = _summary({"lstm": [8 * n] * seeds, "gru": [n + 1] * seeds}, preset)
    found = data["findings"]
    assert found["lstm"]["verdict"] == "generalises"
    assert found["lstm"]["generalises_seeds"] == [seeds] * 3
    assert found["gru"]["verdict"] == "fits_but_fails_longer"
    assert found["gru"]["generalises_seeds"] == [0, 0, 0]
    assert found["winner"] == "lstm" and found["paper"] == "agrees"
    assert data["models"]["lstm"]["recognised_share"] == [1.0] * len(data["test_ns"])
    assert data["models"]["gru"]["recognised_share"][:2] == [1.0, 0.0]
    assert data["rows"][0] == {"n": n, "lstm": seeds, "gru": seeds}
    assert data["rows"][1] == {"n": 2 * n, "lstm": seeds, "gru": 0}


@pytest.mark.slow  # several seconds: chigai check runs the fast tier
def test_the_reverse_disagrees_and_an_lstm_short_of_twice_is_only_partly():
    _, config = prepare(SPEC, "quick")
    n = config.max_n
    found = _summary({"lstm": [n - 3], "gru": [4 * n]})["findings"]
    assert found["winner"] == "gru" and found["paper"] == "disagrees"
    assert found["lstm"]["verdict"] == "does_not_fit"  # recognised some training n's, not all
    short = _summary({"lstm": [2 * n - 1], "gru": [n]})["findings"]
    assert short["winner"] == "lstm" and short["paper"] == "partly"


@pytest.mark.slow  # several seconds: chigai check runs the fast tier
def test_seed_ranges_that_overlap_or_sit_within_the_margin_tie():
    _, config = prepare(SPEC, "full")
    n = config.max_n
    overlap = _summary({"lstm": [8 * n, 8 * n, n, n, n], "gru": [2 * n] * 5}, "full")
    assert overlap["findings"]["winner"] == "tie" and overlap["findings"]["paper"] == "partly"
    assert overlap["findings"]["lstm"]["verdict"] == "mixed"
    close = _summary({"lstm": [2 * n + 1] * 5, "gru": [2 * n - 1] * 5}, "full")["findings"]
    assert close["winner"] == "tie" and close["paper"] == "partly"  # 2 apart, margin n / 4
    assert close["win_margin_n"] == n / 4


@pytest.mark.slow  # several seconds: chigai check runs the fast tier
def test_check_trained_refuses_a_run_where_no_seed_fitted_its_training_strings():
    module, config = prepare(SPEC, "quick")
    assert module.check_trained(_summary({"lstm": [config.max_n], "gru": [0]})) is None
    # the GRU misses only the largest training n: still not fitted
    refused = module.check_trained(_summary({"lstm": [1], "gru": [config.max_n - 1]}))
    assert refused is not None and "training strings" in refused
