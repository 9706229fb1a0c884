"""Small data and longer strings: disjoint splits, matched sizes, and findings that follow
the data (made-up trials, so each rule is checked without training anything)."""

import itertools
from pathlib import Path

import pytest
import torch

from chigai.experiment import read_spec
from chigai.loading import prepare
from chigai.models.recurrent import parameter_count
from chigai.tasks.parity import PAD
from chigai.tasks.splits import overlap
from chigai.trials import Done, Trial

SPEC = read_spec(
    Path(__file__).parents[3] / "experiments" / "attention_vs_lstm" / "data_efficiency.py"
)


@pytest.mark.parametrize("preset", ["quick", "full"])
@pytest.mark.parametrize("task", ["recall", "parity"])
def test_no_validation_or_test_input_was_trained_on(preset, task):
    module, config = prepare(SPEC, preset)
    sizes = (min(config.train_sizes), max(config.train_sizes)) if task == "recall" else (0,)
    for size in sizes:
        drawn = module.splits(config, {"task": task, "size": size, "seed": config.seeds[0]})
        for first, second in itertools.combinations(drawn, 2):
            assert overlap(drawn[first][0], drawn[second][0]) == 0, (first, second)
    if task == "parity":  # the most collision-prone: every string of length <= L is known
        assert drawn["train"][0].shape == (config.parity_train_size, config.parity_max_length)
        assert drawn["validation"][0].shape[0] == config.parity_validation_size
        for length in module.longer_lengths(config):
            tokens = drawn[f"test_{length}"][0]
            assert tokens.shape == (config.parity_test_size, length)
            assert length > config.parity_max_length and not (tokens == PAD).any()


@pytest.mark.parametrize("preset", ["quick", "full"])
@pytest.mark.parametrize("task", ["recall", "parity"])
def test_the_lstm_has_the_transformers_parameter_count(preset, task):
    module, config = prepare(SPEC, preset)
    lstm, transformer = (parameter_count(module.build(m, task, config)) for m in module.MODELS)
    assert abs(lstm - transformer) / transformer <= module.MATCHED


def test_the_parity_transformer_runs_on_strings_longer_than_any_it_trained_on():
    module, config = prepare(SPEC, "quick")
    model = module.build("transformer", "parity", config)
    longest = max(module.longer_lengths(config))
    assert model(torch.zeros(3, longest, dtype=torch.long)).shape == (3, 2)


def _done(module, config, parity_scores: dict, recall: dict | None = None) -> Done:
    """Trials with made-up scores: parity_scores[model] = (train, held-out, at each length);
    recall[model] = test accuracy at every size. Every rate and seed scores the same."""
    trials = []
    for point in module.grid(config):
        name = point["model"]
        if point["task"] == "parity":
            train, held_out, tests = parity_scores[name]
            output = {"train_accuracy": train, "val_accuracy": held_out, "accuracy": tests}
        else:
            score = (recall or {}).get(name, 0.9)
            output = {"train_accuracy": 1.0, "val_accuracy": score, "accuracy": score}
        trials.append(Trial(point, output, 0.0))
    return Done(trials)


def _summary(parity_scores: dict, recall: dict | None = None) -> dict:
    module, config = prepare(SPEC, "quick")
    return module.summarize(config, _done(module, config, parity_scores, recall))


def test_the_paper_agrees_only_when_the_lstm_generalises_and_the_fitted_transformer_does_not():
    data = _summary({"lstm": (1.0, 1.0, [1.0, 0.99]), "transformer": (1.0, 0.99, [0.6, 0.5])})
    found = data["findings"]
    assert found["parity"]["lstm"]["verdict"] == "generalises"
    assert found["parity"]["transformer"]["verdict"] == "fits_but_fails_longer"
    assert found["parity"]["lstm_better_lengths"] == data["parity"]["test_lengths"]
    assert found["paper"] == "agrees"


def test_a_transformer_that_never_fitted_is_named_and_the_paper_only_partly_checked():
    data = _summary({"lstm": (1.0, 1.0, [1.0, 1.0]), "transformer": (0.6, 0.5, [0.5, 0.5])})
    assert data["findings"]["parity"]["transformer"]["verdict"] == "does_not_fit"
    assert data["findings"]["paper"] == "partly"


def test_the_opposite_result_disagrees_and_near_chance_is_a_tie():
    data = _summary({"lstm": (1.0, 1.0, [0.52, 0.5]), "transformer": (1.0, 1.0, [0.97, 0.95])})
    found = data["findings"]
    assert found["paper"] == "disagrees"
    assert found["parity"]["transformer_better_lengths"] == data["parity"]["test_lengths"]
    tied = _summary(
        {"lstm": (1.0, 1.0, [0.55, 0.5]), "transformer": (1.0, 1.0, [0.5, 0.5])},
        recall={"lstm": 0.13, "transformer": 0.2},  # 1/8 is chance: both near it
    )["findings"]
    assert tied["parity"]["tie_lengths"] == [16, 32]
    assert tied["recall"]["tie_sizes"] == [10, 100, 1000]


def test_check_trained_refuses_a_run_where_no_model_learned_the_held_out_short_strings():
    module, _ = prepare(SPEC, "quick")
    fine = _summary({"lstm": (1.0, 1.0, [1.0, 1.0]), "transformer": (1.0, 1.0, [0.5, 0.5])})
    assert module.check_trained(fine) is None
    at_chance = _summary({m: (0.6, 0.5, [0.5, 0.5]) for m in module.MODELS})
    assert "parity" in module.check_trained(at_chance)
    no_recall = _summary({m: (1.0, 1.0, [1.0, 1.0]) for m in module.MODELS}, recall={})
    no_recall["recall"]["models"]["lstm"]["median_accuracy"] = [0.13] * 3
    no_recall["recall"]["models"]["transformer"]["median_accuracy"] = [0.13] * 3
    assert "recall" in module.check_trained(no_recall)
