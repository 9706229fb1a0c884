"""Card recall: disjoint splits, matched sizes, and findings that count seeds."""

import json
from pathlib import Path

import pytest
from helpers import assert_disjoint

from chigai.experiment import read_spec
from chigai.models.recurrent import parameter_count
from chigai.run.loading import prepare

SPEC = read_spec(Path(__file__).parents[3] / "experiments" / "attention_vs_lstm" / "far_recall.py")


@pytest.mark.parametrize("preset", ["quick", "full"])
def test_train_validation_and_test_share_no_sequence(preset):
    module, config = prepare(SPEC, preset)
    drawn = module.splits(config, {"length": min(config.lengths), "seed": config.seeds[0]})
    sizes = {name: drawn[name][0].shape[0] for name in drawn}
    assert sizes == {
        "train": config.train_size,
        "validation": config.validation_size,
        "test": config.test_size,
    }
    assert_disjoint(drawn)


@pytest.mark.parametrize("preset", ["quick", "full"])
def test_each_lstm_has_the_transformers_parameter_count_within_ten_percent(preset):
    module, config = prepare(SPEC, preset)
    counts = {name: parameter_count(module.build(name, config)) for name in module.MODELS}
    for name in ("lstm", "lstm_attention"):
        assert abs(counts[name] / counts["transformer"] - 1) <= module.MATCHED, counts
    assert module.MATCHED <= 0.1


def _scores(**per_length: list[list[float]]) -> dict:
    return {name: per_length[name] for name in ("lstm", "lstm_attention", "transformer")}


def test_one_seed_at_chance_makes_a_length_unsolved_and_near_chance_models_tie():
    module, _ = prepare(SPEC, "full")
    scores = _scores(
        lstm=[[0.95, 0.97, 0.96], [0.13, 0.12, 0.14]],
        lstm_attention=[[0.95, 0.94, 0.93], [0.15, 0.11, 0.12]],  # near chance too: a tie
        transformer=[[1.0, 1.0, 1.0], [1.0, 0.99, 0.12]],  # one seed fails at the longest
    )
    attention = {"peak_on_answer": {"transformer": 0.8, "lstm_attention": 0.1}}
    found = module._findings([9, 65], scores, 0.125, attention)
    assert found["solved_seeds"]["transformer"] == [3, 2]
    assert found["longest_solved"] == {"lstm": 9, "lstm_attention": 9, "transformer": 9}
    assert not found["transformer_holds"]
    # the failed Transformer seed overlaps the LSTM's range: no win at the longest length
    assert found["better_per_length"]["transformer_vs_lstm"] == ["transformer", None]
    assert found["better_per_length"]["lstm_attention_vs_lstm"] == [None, None]
    assert found["lstm_drops"] and found["paper"] == "disagrees"
    row = found["informative_row"]
    assert row["length"] == 9 and row["above_chance"] == "both"
    assert row["seeds"]["lstm"] == [0.95, 0.97, 0.96]


def test_the_paper_agrees_when_every_transformer_seed_holds_and_wins():
    module, _ = prepare(SPEC, "full")
    scores = _scores(
        lstm=[[0.9, 0.92, 0.91], [0.4, 0.45, 0.5], [0.12, 0.13, 0.14]],
        lstm_attention=[[0.9, 0.9, 0.9], [0.5, 0.5, 0.5], [0.3, 0.35, 0.33]],
        transformer=[[1.0, 1.0, 1.0], [1.0, 1.0, 1.0], [0.99, 1.0, 0.98]],
    )
    attention = {"peak_on_answer": {"transformer": 0.8, "lstm_attention": 0.1}}
    found = module._findings([9, 33, 65], scores, 0.125, attention)
    assert found["paper"] == "agrees" and found["lstm_attention_helps"]
    assert found["longest_above_chance"]["lstm"] == 33
    assert found["informative_row"] | {"seeds": None} == {
        "length": 33,
        "above_chance": "both",
        "lstm": 0.45,
        "transformer": 1.0,
        "seeds": None,
        "better": "transformer",
    }


@pytest.fixture(scope="module")
def data(quick_project) -> dict:
    path = quick_project / "results" / "far_recall.quick.json"
    return json.loads(path.read_text())["data"]


def test_the_attention_map_names_its_seed_and_the_chosen_rates(data):
    example = data["attention"]
    assert example["seed"] == data["seeds"][0] and example["length"] == data["lengths"][-1]
    for name, lr in example["lr"].items():
        assert lr == data["models"][name]["lr"][-1] == data["tuning"]["chosen"][name][-1]


def test_rates_are_chosen_per_length_from_the_grid_and_params_kept(data):
    tuning = data["tuning"]
    assert tuning["chosen_on"] == "val_accuracy" and tuning["per"] == "length"
    for name, model in data["models"].items():
        assert len(model["lr"]) == len(data["lengths"]) and set(model["lr"]) <= set(tuning["lrs"])
        assert len(model["accuracy"]) == len(model["val_accuracy"]) == len(data["lengths"])
        assert abs(model["params"] / data["models"]["transformer"]["params"] - 1) <= 0.1, name
