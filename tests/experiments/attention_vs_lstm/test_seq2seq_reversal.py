"""Sentence reversal: disjoint splits, matched sizes, and findings that count seeds."""

import json
from pathlib import Path

import pytest
import torch
from helpers import assert_disjoint

from chigai.experiment import read_spec
from chigai.models.recurrent import parameter_count
from chigai.run.loading import prepare
from chigai.tasks.reversal import reversal
from chigai.tasks.splits import overlap

SPEC = read_spec(
    Path(__file__).parents[3] / "experiments" / "attention_vs_lstm" / "seq2seq_reversal.py"
)


@pytest.mark.parametrize("preset", ["quick", "full"])
def test_train_validation_and_test_share_no_sentence(preset):
    module, config = prepare(SPEC, preset)
    drawn = module.splits(config, {"length": min(config.lengths), "seed": config.seeds[0]})
    sizes = {name: drawn[name][0].shape[0] for name in drawn}
    assert sizes == {
        "train": config.train_size,
        "validation": config.validation_size,
        "test": config.test_size,
    }
    assert_disjoint(drawn)
    source, target = drawn["test"]
    assert torch.equal(target, source.flip(dims=[1]))


def test_plain_draws_would_have_tested_on_trained_sentences():
    """Why the splits matter: 8⁵ = 32,768 five-word sentences, 20,000 drawn for training."""
    _, config = prepare(SPEC, "full")
    generator = torch.Generator().manual_seed(0)
    train, _ = reversal(config.train_size, 5, config.vocab, generator)
    test, _ = reversal(config.test_size, 5, config.vocab, generator)
    assert overlap(train, test) > 0.3 * config.test_size


@pytest.mark.parametrize("preset", ["quick", "full"])
def test_both_models_have_the_same_parameter_count_within_ten_percent(preset):
    module, config = prepare(SPEC, preset)
    plain, attended = (parameter_count(module.build(name, config)) for name in module.MODELS)
    assert abs(plain / attended - 1) <= module.MATCHED <= 0.1


def test_a_win_needs_seed_ranges_apart_and_holding_needs_every_seed():
    module, _ = prepare(SPEC, "full")
    scores = {
        "seq2seq": [[1.0, 1.0, 1.0], [0.5, 0.55, 0.52], [0.0, 0.01, 0.0]],
        "seq2seq_attention": [[1.0, 1.0, 1.0], [0.99, 1.0, 0.98], [0.95, 0.5, 0.96]],
    }
    found = module._findings([5, 15, 20], scores, {"peak_near_copied_word": 0.9})
    assert found["better_per_length"] == [None, "seq2seq_attention", "seq2seq_attention"]
    assert found["solved_seeds"]["seq2seq_attention"] == [3, 3, 2]
    assert found["longest_handled"] == {"seq2seq": 5, "seq2seq_attention": 15}
    assert found["plain_drops"] and not found["attention_holds"]
    assert found["tie_lengths"] == [5] and found["paper"] == "partly"


@pytest.fixture(scope="module")
def data(quick_project) -> dict:
    path = quick_project / "results" / "seq2seq_reversal.quick.json"
    return json.loads(path.read_text())["data"]


def test_the_alignment_names_its_seed_and_the_chosen_rate(data):
    alignment = data["alignment"]
    assert alignment["seed"] == data["seeds"][0] and alignment["length"] == data["lengths"][-1]
    assert alignment["lr"] == data["models"]["seq2seq_attention"]["lr"][-1]
    assert len(alignment["weights"]) == len(alignment["source"]) == data["lengths"][-1]


def test_rates_are_chosen_per_length_and_each_models_width_is_kept(data):
    tuning = data["tuning"]
    assert tuning["chosen_on"] == "val_accuracy" and tuning["per"] == "length"
    models = data["models"]
    for model in models.values():
        assert len(model["lr"]) == len(data["lengths"]) and set(model["lr"]) <= set(tuning["lrs"])
    assert models["seq2seq"]["hidden_size"] > models["seq2seq_attention"]["hidden_size"]
