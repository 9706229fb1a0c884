"""Card recall from little data: disjoint splits, matched sizes, and findings that follow
the data (made-up trials, so each rule is checked without training anything)."""

from pathlib import Path

import pytest
from helpers import assert_disjoint

from chigai.experiment import read_spec
from chigai.models.recurrent import parameter_count
from chigai.run.loading import prepare
from chigai.trials import Done, Trial

SPEC = read_spec(
    Path(__file__).parents[3] / "experiments" / "attention_vs_lstm" / "data_efficiency.py"
)


@pytest.mark.parametrize("preset", ["quick", "full"])
def test_no_validation_or_test_input_was_trained_on(preset):
    module, config = prepare(SPEC, preset)
    for size in (min(config.train_sizes), max(config.train_sizes)):
        drawn = module.splits(config, {"size": size, "seed": config.seeds[0]})
        assert_disjoint(drawn)


@pytest.mark.parametrize("preset", ["quick", "full"])
def test_the_lstm_has_the_transformers_parameter_count(preset):
    module, config = prepare(SPEC, preset)
    lstm, transformer = (parameter_count(module.build(m, config)) for m in module.MODELS)
    assert abs(lstm - transformer) / transformer <= module.MATCHED


def _summary(recall: dict) -> dict:
    """summarize() over made-up trials: recall[model] = test accuracy at every size (every
    rate and seed scores the same; 0.9 for a model not named)."""
    module, config = prepare(SPEC, "quick")
    trials = []
    for point in module.grid(config):
        score = recall.get(point["model"], 0.9)
        output = {"train_accuracy": 1.0, "val_accuracy": score, "accuracy": score}
        trials.append(Trial(point, output, 0.0))
    return module.summarize(config, Done(trials))


def test_the_better_model_wins_every_size_and_near_chance_is_a_tie():
    found = _summary({"lstm": 0.5, "transformer": 0.9})["findings"]
    assert found["recall"]["transformer_better_sizes"] == [10, 100, 1000]
    assert found["recall"]["winner_smallest"] == found["recall"]["winner_largest"]
    assert "paper" not in found  # no published result on card recall to compare with
    tied = _summary({"lstm": 0.13, "transformer": 0.2})["findings"]  # 1/8 is chance
    assert tied["recall"]["tie_sizes"] == [10, 100, 1000]


def test_check_trained_refuses_a_run_where_no_model_learned_recall():
    module, _ = prepare(SPEC, "quick")
    assert module.check_trained(_summary({})) is None
    no_recall = _summary({})
    no_recall["recall"]["models"]["lstm"]["median_accuracy"] = [0.13] * 3
    no_recall["recall"]["models"]["transformer"]["median_accuracy"] = [0.13] * 3
    assert "recall" in module.check_trained(no_recall)
