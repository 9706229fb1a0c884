"""Parity on longer strings: disjoint splits, matched sizes, and findings that follow the
data (made-up trials, so each rule is checked without training anything)."""

from pathlib import Path

import pytest
import torch
from helpers import assert_disjoint

from chigai.experiment import read_spec
from chigai.models.recurrent import parameter_count
from chigai.run.loading import prepare
from chigai.tasks.parity import PAD
from chigai.trials import Done, Trial

SPEC = read_spec(
    Path(__file__).parents[3] / "experiments" / "attention_vs_lstm" / "length_generalisation.py"
)


@pytest.mark.parametrize("preset", ["quick", "full"])
def test_no_validation_or_test_input_was_trained_on(preset):
    module, config = prepare(SPEC, preset)
    drawn = module.splits(config, {"seed": config.seeds[0]})
    assert_disjoint(drawn)
    # the most collision-prone: every string of length <= L is known
    assert drawn["train"][0].shape == (config.train_size, config.max_length)
    assert drawn["validation"][0].shape[0] == config.validation_size
    for length in module.longer_lengths(config):
        tokens = drawn[f"test_{length}"][0]
        assert tokens.shape == (config.test_size, length)
        assert length > config.max_length and not (tokens == PAD).any()


@pytest.mark.parametrize("preset", ["quick", "full"])
def test_the_lstm_has_the_transformers_parameter_count(preset):
    module, config = prepare(SPEC, preset)
    lstm, transformer = (parameter_count(module.build(m, config)) for m in module.MODELS)
    assert abs(lstm - transformer) / transformer <= module.MATCHED


def test_the_transformer_runs_on_strings_longer_than_any_it_trained_on():
    module, config = prepare(SPEC, "quick")
    model = module.build("transformer", config)
    longest = max(module.longer_lengths(config))
    assert model(torch.zeros(3, longest, dtype=torch.long)).shape == (3, 2)


def _summary(scores: dict) -> dict:
    """summarize() over made-up trials: scores[model] = (train, held-out, at each length);
    every rate and seed scores the same."""
    module, config = prepare(SPEC, "quick")
    trials = []
    for point in module.grid(config):
        train, held_out, tests = scores[point["model"]]
        output = {"train_accuracy": train, "val_accuracy": held_out, "accuracy": tests}
        trials.append(Trial(point, output, 0.0))
    return module.summarize(config, Done(trials))


def test_the_paper_agrees_only_when_the_lstm_generalises_and_the_fitted_transformer_does_not():
    data = _summary({"lstm": (1.0, 1.0, [1.0, 0.99]), "transformer": (1.0, 0.99, [0.6, 0.5])})
    found = data["findings"]
    assert found["lstm"]["verdict"] == "generalises"
    assert found["transformer"]["verdict"] == "fits_but_fails_longer"
    assert found["lstm_better_lengths"] == data["test_lengths"]
    assert found["paper"] == "agrees"


def test_a_transformer_that_never_fitted_is_named_and_the_paper_only_partly_checked():
    data = _summary({"lstm": (1.0, 1.0, [1.0, 1.0]), "transformer": (0.6, 0.5, [0.5, 0.5])})
    assert data["findings"]["transformer"]["verdict"] == "does_not_fit"
    assert data["findings"]["paper"] == "partly"


def test_the_opposite_result_disagrees_and_near_chance_is_a_tie():
    data = _summary({"lstm": (1.0, 1.0, [0.52, 0.5]), "transformer": (1.0, 1.0, [0.97, 0.95])})
    found = data["findings"]
    assert found["paper"] == "disagrees"
    assert found["transformer_better_lengths"] == data["test_lengths"]
    tied = _summary({"lstm": (1.0, 1.0, [0.55, 0.5]), "transformer": (1.0, 1.0, [0.5, 0.5])})
    assert tied["findings"]["tie_lengths"] == [16, 32]


def test_check_trained_refuses_a_run_where_no_model_learned_the_held_out_short_strings():
    module, _ = prepare(SPEC, "quick")
    fine = _summary({"lstm": (1.0, 1.0, [1.0, 1.0]), "transformer": (1.0, 1.0, [0.5, 0.5])})
    assert module.check_trained(fine) is None
    at_chance = _summary({m: (0.6, 0.5, [0.5, 0.5]) for m in module.MODELS})
    assert "parity" in module.check_trained(at_chance)
