"""Heads and layers: disjoint splits, every shape tuned alike, findings that count seeds."""

import json
from pathlib import Path

import pytest
from helpers import assert_disjoint

from chigai.experiment import read_spec
from chigai.run.loading import prepare

SPEC = read_spec(
    Path(__file__).parents[3] / "experiments" / "attention_vs_lstm" / "heads_layers.py"
)


@pytest.mark.parametrize("preset", ["quick", "full"])
def test_train_validation_and_test_share_no_sequence(preset):
    module, config = prepare(SPEC, preset)
    drawn = module.splits(config, {"seed": config.seeds[0]})
    assert_disjoint(drawn)
    assert drawn["test"][0].shape[0] == config.test_size


@pytest.mark.parametrize("preset", ["quick", "full"])
def test_every_shape_tries_every_rate_with_every_seed(preset):
    module, config = prepare(SPEC, preset)
    points = module.grid(config)
    shapes = {(p["heads"], p["layers"]) for p in points}
    assert len(shapes) == len(config.heads) * len(config.layers)
    for heads, layers in shapes:
        tried = {
            (p["seed"], p["lr"]) for p in points if (p["heads"], p["layers"]) == (heads, layers)
        }
        assert tried == {(seed, lr) for seed in config.seeds for lr in config.lrs}


def _row(heads: int, layers: int, accuracy: list[float], params: int) -> dict:
    solved = sum(a > 0.9 for a in accuracy)
    median = sorted(accuracy)[len(accuracy) // 2]
    return {
        "heads": heads,
        "layers": layers,
        "params": params,
        "accuracy": accuracy,
        "val_accuracy": accuracy,
        "median_accuracy": median,
        "solved_seeds": solved,
    }


def test_two_layers_agree_with_olsson_only_when_every_seed_says_so():
    module, _ = prepare(SPEC, "full")
    rows = [
        _row(1, 1, [0.44, 0.45, 0.43], 100),
        _row(4, 1, [0.45, 0.46, 0.44], 100),
        _row(1, 2, [1.0, 0.99, 1.0], 200),
        _row(4, 2, [1.0, 1.0, 0.5], 200),  # one seed failed: no "heads matter" from it
    ]
    found = module._findings(rows, 3, 0.125)
    assert found["depth_matters"] and not found["one_layer_enough"]
    assert found["paper"] == "agrees"
    assert found["smallest_solving"] == {"heads": 1, "layers": 2, "params": 200}
    assert found["heads_better"] == [] and not found["heads_matter"]
    rows[2] = _row(1, 2, [1.0, 0.99, 0.6], 200)  # no two-layer shape solves in 3 of 3 seeds
    assert module._findings(rows, 3, 0.125)["paper"] == "partly"  # deeper still wins
    rows[2:] = [_row(1, 2, [0.9, 0.44, 0.5], 200), _row(4, 2, [0.45, 0.8, 0.47], 200)]
    found = module._findings(rows, 3, 0.125)
    assert not found["depth_matters"] and found["paper"] == "disagrees"


@pytest.fixture(scope="module")
def data(quick_project) -> dict:
    path = quick_project / "results" / "heads_layers.quick.json"
    return json.loads(path.read_text())["data"]


def test_each_shape_has_its_own_rate_from_the_grid(data):
    tuning = data["tuning"]
    assert tuning["per"] == "shape" and len(tuning["settings"]) == len(data["rows"])
    assert [row["lr"] for row in data["rows"]] == tuning["chosen"]["transformer"]
    assert all(lr in tuning["lrs"] for lr in tuning["chosen"]["transformer"])
    for row in data["rows"]:
        assert row["solved_seeds"] == sum(a > data["solved_from"] for a in row["accuracy"])
