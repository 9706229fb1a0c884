"""How many heads, how many layers? A small sweep of Transformer shapes on one lookup task.

Associative recall with keys and values as separate tokens ("A 3 B 7 … B?") takes two
steps of attention: first each value must learn which key came just before it, then the
question can find that value (the "induction head" of Olsson et al. 2022). One layer
should not be enough, whatever its heads. We train every shape in the preset with the
same budget and report test accuracy and size.
"""

import statistics
from dataclasses import dataclass

import torch
from torch import nn

from chigai.experiment import PresetConfig, clearly_learned
from chigai.models.attention import TransformerClassifier
from chigai.models.recurrent import parameter_count
from chigai.tasks.recall import associative_recall
from chigai.training import fit, set_seed
from chigai.trials import Done

PRESETS = {
    "quick": {
        "heads": [4],
        "layers": [1, 2],
        "pairs": 3,
        "keys": 8,
        "values": 8,
        "d_model": 32,
        "steps": 1000,
        "batch_size": 64,
        "lr": 0.003,
        "train_size": 10000,
        "test_size": 1000,
        "seeds": [1],
    },
    "full": {
        "heads": [1, 2, 4],
        "layers": [1, 2, 3],
        "pairs": 3,
        "keys": 8,
        "values": 8,
        "d_model": 32,
        "steps": 1500,
        "batch_size": 64,
        "lr": 0.003,
        "train_size": 20000,
        "test_size": 2000,
        "seeds": [1, 2, 3],
    },
}
FIGURES = {}  # a table, no figure

SOLVED_FROM = 0.9


@dataclass(frozen=True)
class Config(PresetConfig):
    heads: tuple[int, ...]
    layers: tuple[int, ...]
    pairs: int
    keys: int
    values: int
    d_model: int
    steps: int
    batch_size: int
    lr: float
    train_size: int
    test_size: int


def _shapes(config: Config) -> list[dict]:
    return [
        {"heads": heads, "layers": layers} for layers in config.layers for heads in config.heads
    ]


def grid(config: Config) -> list[dict]:
    return [{**shape, "seed": seed} for shape in _shapes(config) for seed in config.seeds]


def trial(config: Config, point: dict, device: torch.device) -> dict:
    """Train one shape from one seed; every shape of a seed sees the same data."""
    seed = point["seed"]
    data = torch.Generator().manual_seed(seed)
    make = (config.pairs, config.keys, config.values, data)
    train_x, train_y = associative_recall(config.train_size, *make)
    test_x, test_y = associative_recall(config.test_size, *make)
    set_seed(seed)
    model = TransformerClassifier(
        config.keys + config.values,
        config.d_model,
        point["heads"],
        point["layers"],
        2 * config.pairs + 1,
        config.values,
    ).to(device)
    fit(model, train_x, train_y, config, seed=seed, loss_fn=nn.functional.cross_entropy)
    model.eval()
    with torch.no_grad():
        hits = model(test_x.to(device)).argmax(dim=-1) == test_y.to(device)
    return {"accuracy": hits.float().mean().item(), "params": parameter_count(model)}


def summarize(config: Config, done: Done) -> dict:
    rows = []
    for shape in _shapes(config):
        accuracy = done.values("accuracy", **shape)
        params, median = done.values("params", **shape)[0], statistics.median(accuracy)
        rows.append({**shape, "params": params, "accuracy": accuracy, "median_accuracy": median})
    return {
        "pairs": config.pairs,
        "length": 2 * config.pairs + 1,
        "d_model": config.d_model,
        "steps": config.steps,
        "seeds": list(config.seeds),
        "chance": 1 / config.values,
        "solved_from": SOLVED_FROM,
        "rows": rows,
        "findings": _findings(rows),
    }


def _findings(rows: list[dict]) -> dict:
    best = max(rows, key=lambda row: (row["median_accuracy"], -row["params"]))
    by_depth = {
        layers: max(row["median_accuracy"] for row in rows if row["layers"] == layers)
        for layers in sorted({row["layers"] for row in rows})
    }
    spreads = [
        max(r["median_accuracy"] for r in rows if r["layers"] == layers)
        - min(r["median_accuracy"] for r in rows if r["layers"] == layers)
        for layers in by_depth
    ]
    solved = [row for row in rows if row["median_accuracy"] >= SOLVED_FROM]
    smallest = min(solved, key=lambda row: row["params"]) if solved else None
    deeper = [acc for layers, acc in by_depth.items() if layers > 1]
    return {
        "best": {key: best[key] for key in ("heads", "layers", "params", "median_accuracy")},
        "one_layer_best": by_depth.get(1),
        "deeper_best": max(deeper) if deeper else None,
        "depth_matters": bool(deeper) and 1 in by_depth and max(deeper) - by_depth[1] > 0.2,
        "heads_spread": max(spreads),
        "heads_matter": max(spreads) > 0.2,
        "smallest_solving": (
            {key: smallest[key] for key in ("heads", "layers", "params")} if smallest else None
        ),
    }


def check_trained(data: dict) -> str | None:
    """Trained: the best heads x layers pair is at least halfway from chance to 100%."""
    best = max(row["median_accuracy"] for row in data["rows"])
    if clearly_learned(best, data["chance"]):
        return None
    return f"the best median accuracy is {best:.3f} (chance {data['chance']:.3f})"
