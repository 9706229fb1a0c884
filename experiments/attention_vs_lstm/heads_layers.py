"""How many heads, how many layers? A small sweep of Transformer shapes on one lookup task.

Associative recall with keys and values as separate tokens ("A 3 B 7 … B?") takes two
steps of attention: first each value must learn which key came just before it, then the
question can find that value. The paper this echoes: Olsson et al. 2022 ("In-context
learning and induction heads"), where this two-step lookup (an induction head) needs two
layers of attention; one layer should not be enough, whatever its heads. Every shape
trains with the same budget at every rate of `lrs`, its rate chosen on a validation split,
and we report test accuracy and size.
"""

import statistics
from dataclasses import dataclass

import torch
from torch import nn

from chigai.experiment import PresetConfig, clearly_learned
from chigai.models.attention import TransformerClassifier
from chigai.models.recurrent import parameter_count
from chigai.seeds import solved_in, winner
from chigai.tasks.recall import associative_recall
from chigai.tasks.splits import disjoint_splits
from chigai.training import fit, set_seed
from chigai.trials import Done
from chigai.tuning import chosen_lr, tuning_record

PRESETS = {
    "quick": {
        "heads": [4],
        "layers": [1, 2],
        "pairs": 3,
        "keys": 8,
        "values": 8,
        "d_model": 32,
        "steps": 700,
        "batch_size": 64,
        "lrs": [0.003, 0.01],
        "train_size": 10000,
        "validation_size": 1000,
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
        "steps": 1200,  # not 1,500: pays for three rates per shape
        "batch_size": 64,
        "lrs": [0.001, 0.003, 0.01],
        "train_size": 20000,
        "validation_size": 2000,
        "test_size": 2000,
        "seeds": [1, 2, 3],
    },
}
FIGURES = {}  # a table, no figure
NAME = {"ja": "ヘッドの数と層の数", "en": "Number of heads and layers"}

SOLVED_FROM = 0.9  # a seed solved a shape: over 90% of the questions right
# One shape is better than another only when its worst seed beats the other's best seed by
# more than 2 points (chigai.seeds.winner), and is itself clearly above chance (10 points
# over it: a model at chance scores within 1.5 points of it on 2,000 questions); otherwise
# the two tie.
WIN_MARGIN = 0.02
ABOVE_CHANCE = 0.1


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
    lrs: tuple[float, ...]
    train_size: int
    validation_size: int
    test_size: int


def _shapes(config: Config) -> list[dict]:
    return [
        {"heads": heads, "layers": layers} for layers in config.layers for heads in config.heads
    ]


def grid(config: Config) -> list[dict]:
    return [
        {**shape, "seed": seed, "lr": lr}
        for shape in _shapes(config)
        for seed in config.seeds
        for lr in config.lrs
    ]


def splits(config: Config, point: dict) -> dict[str, tuple[torch.Tensor, ...]]:
    """Train, validation and test sets of one seed, shared by every shape and rate; keys
    and values come from small sets, so no validation or test sequence was trained on."""
    data = torch.Generator().manual_seed(point["seed"])
    sizes = {
        "train": config.train_size,
        "validation": config.validation_size,
        "test": config.test_size,
    }
    make = (config.pairs, config.keys, config.values)
    return disjoint_splits(lambda n, g: associative_recall(n, *make, g), sizes, data)


def trial(config: Config, point: dict, device: torch.device) -> dict:
    """Train one shape at one rate from one seed; score validation and test accuracy."""
    seed = point["seed"]
    data = splits(config, point)
    set_seed(seed)
    model = TransformerClassifier(
        config.keys + config.values,
        config.d_model,
        point["heads"],
        point["layers"],
        2 * config.pairs + 1,
        config.values,
    ).to(device)
    train_x, train_y = data["train"]
    loss = nn.functional.cross_entropy
    fit(model, train_x, train_y, config, seed=seed, lr=point["lr"], loss_fn=loss)
    model.eval()
    output: dict = {"params": parameter_count(model)}
    for key, name in (("val_accuracy", "validation"), ("accuracy", "test")):
        x, y = (t.to(device) for t in data[name])
        with torch.no_grad():
            output[key] = (model(x).argmax(dim=-1) == y).float().mean().item()
    return output


def summarize(config: Config, done: Done) -> dict:
    rows = []
    for shape in _shapes(config):
        lr = chosen_lr(done, config.lrs, "val_accuracy", higher_is_better=True, **shape)
        accuracy = done.values("accuracy", lr=lr, **shape)
        rows.append(
            {
                **shape,
                "params": done.values("params", **shape)[0],
                "lr": lr,
                "accuracy": accuracy,
                "val_accuracy": done.values("val_accuracy", lr=lr, **shape),
                "median_accuracy": statistics.median(accuracy),
                "solved_seeds": solved_in(accuracy, above=SOLVED_FROM),
            }
        )
    return {
        "pairs": config.pairs,
        "length": 2 * config.pairs + 1,
        "d_model": config.d_model,
        "steps": config.steps,
        "seeds": list(config.seeds),
        "chance": 1 / config.values,
        "solved_from": SOLVED_FROM,
        "rows": rows,
        "tuning": tuning_record(
            config.lrs,
            "val_accuracy",
            {"transformer": [row["lr"] for row in rows]},
            per="shape",
            settings=[f"{row['layers']}×{row['heads']}" for row in rows],  # layers × heads
        ),
        "findings": _findings(rows, len(config.seeds), 1 / config.values),
    }


def _findings(rows: list[dict], seeds: int, chance: float) -> dict:
    """Judgements over seeds: a shape solves the task only when every seed does, and one
    shape beats another only when their seed ranges are apart."""

    def better(a: dict, b: dict) -> bool:
        if min(a["accuracy"]) <= chance + ABOVE_CHANCE:
            return False  # near chance beats nothing: a tie
        runs = {"a": a["accuracy"], "b": b["accuracy"]}
        return winner(runs, higher_is_better=True, margin=WIN_MARGIN) == "a"

    def picked(candidates: list[dict]) -> dict:
        """The shape a practitioner would pick: best median validation score, then fewest
        weights (the test set picks nothing)."""
        return max(candidates, key=lambda r: (statistics.median(r["val_accuracy"]), -r["params"]))

    def shape(row: dict) -> dict:
        keys = ("heads", "layers", "params", "median_accuracy", "solved_seeds")
        return {key: row[key] for key in keys}

    one = [row for row in rows if row["layers"] == 1]
    deeper = [row for row in rows if row["layers"] > 1]
    best_deeper = picked(deeper) if deeper else None
    depth_matters = bool(one and deeper) and all(better(best_deeper, row) for row in one)
    one_solves = any(row["solved_seeds"] == seeds for row in one)
    two = [row for row in rows if row["layers"] == 2]
    two_solves = any(row["solved_seeds"] == seeds for row in two)
    heads_better = [
        {"layers": a["layers"], "better": a["heads"], "worse": b["heads"]}
        for a in rows
        for b in rows
        if a["layers"] == b["layers"] and a is not b and better(a, b)
    ]
    spreads = [
        max(r["median_accuracy"] for r in rows if r["layers"] == layers)
        - min(r["median_accuracy"] for r in rows if r["layers"] == layers)
        for layers in {row["layers"] for row in rows}
    ]
    solving = [row for row in rows if row["solved_seeds"] == seeds]
    smallest = min(solving, key=lambda row: row["params"]) if solving else None
    # Olsson et al. 2022: the two-step lookup needs two layers. agrees: no one-layer shape
    # solves it in any seed and some two-layer shape in every seed; partly: the deeper shapes
    # beat every one-layer shape (seed ranges apart) without both of those; else disagrees.
    one_any = any(row["solved_seeds"] > 0 for row in one)
    if one and not one_any and two_solves:
        paper = "agrees"
    else:
        paper = "partly" if depth_matters else "disagrees"
    return {
        "seeds_n": seeds,
        "best": shape(picked(rows)),
        "one_layer_best": max((r["median_accuracy"] for r in one), default=None),
        "one_layer_max_seed": max((max(r["accuracy"]) for r in one), default=None),
        "one_layer_solved_seeds": [row["solved_seeds"] for row in one],
        "one_layer_enough": one_solves,
        "deeper_best": max((r["median_accuracy"] for r in deeper), default=None),
        "best_deeper": shape(best_deeper) if best_deeper else None,
        "depth_matters": depth_matters,
        "heads_spread": max(spreads),
        "heads_better": heads_better,
        "heads_matter": bool(heads_better),
        "win_margin": WIN_MARGIN,
        "smallest_solving": (
            {key: smallest[key] for key in ("heads", "layers", "params")} if smallest else None
        ),
        "paper": paper,
    }


def check_trained(data: dict) -> str | None:
    """Trained: the best heads x layers pair is at least halfway from chance to 100%."""
    best = max(row["median_accuracy"] for row in data["rows"])
    if clearly_learned(best, data["chance"]):
        return None
    return f"the best median accuracy is {best:.3f} (chance {data['chance']:.3f})"
