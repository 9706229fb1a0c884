"""Small data: which model learns more from fewer examples?

An LSTM and a small Transformer learn two tasks from training sets of growing size, with
the same number of steps: card recall (a lookup, where attention has the easier job) and
parity (is the number of ones odd? a running tally, which suits recurrence: Delétang et
al. 2023). Parity is tested on every possible string of its length, so a model trained
on a few dozen strings is scored on hundreds it never saw.
"""

import itertools
import statistics
from dataclasses import dataclass

import torch
from torch import nn

from chigai.experiment import PresetConfig, clearly_learned
from chigai.models.attention import TokenLSTM, TransformerClassifier
from chigai.models.recurrent import parameter_count
from chigai.tasks.parity import every_string, parity
from chigai.tasks.recall import card_recall, card_vocabulary
from chigai.training import fit, set_seed
from chigai.trials import Done, product

PRESETS = {
    "quick": {
        "train_sizes": [10, 100, 1000],
        "cards": 6,
        "keys": 8,
        "values": 8,
        "parity_length": 8,
        "hidden_size": 32,
        "d_model": 32,
        "heads": 4,
        "layers": 2,
        "steps": 600,
        "batch_size": 32,
        "lr": 0.005,
        "test_size": 1000,
        "seeds": [1],
    },
    "full": {
        "train_sizes": [10, 30, 100, 300, 1000],
        "cards": 6,
        "keys": 8,
        "values": 8,
        "parity_length": 8,
        "hidden_size": 32,
        "d_model": 32,
        "heads": 4,
        "layers": 2,
        "steps": 1500,
        "batch_size": 32,
        "lr": 0.005,
        "test_size": 2000,
        "seeds": [1, 2, 3],
    },
}
FIGURES = {"data_efficiency": "data_efficiency"}

MODELS = ("lstm", "transformer")
TASKS = ("recall", "parity")
MARGIN = 0.02  # accuracy differences smaller than this are called a tie


@dataclass(frozen=True)
class Config(PresetConfig):
    train_sizes: tuple[int, ...]
    cards: int
    keys: int
    values: int
    parity_length: int
    hidden_size: int
    d_model: int
    heads: int
    layers: int
    steps: int
    batch_size: int
    lr: float
    test_size: int


def build(name: str, task: str, config: Config) -> nn.Module:
    if task == "recall":
        vocab, classes = card_vocabulary(config.keys, config.values), config.values
        length = config.cards + 1
    else:
        vocab, classes, length = 2, 2, config.parity_length
    if name == "transformer":
        return TransformerClassifier(
            vocab, config.d_model, config.heads, config.layers, length, classes
        )
    return TokenLSTM(vocab, config.hidden_size, classes)


def make_data(task: str, config: Config, n: int, generator: torch.Generator):
    if task == "recall":
        return card_recall(n, config.cards, config.keys, config.values, 0, generator)
    return parity(n, config.parity_length, generator)


def test_data(task: str, config: Config, generator: torch.Generator):
    if task == "recall":
        return make_data(task, config, config.test_size, generator)
    return every_string(config.parity_length)


def _accuracy(model: nn.Module, x: torch.Tensor, y: torch.Tensor) -> float:
    model.eval()
    with torch.no_grad():
        return (model(x).argmax(dim=-1) == y).float().mean().item()


def grid(config: Config) -> list[dict]:
    return product(task=TASKS, size=config.train_sizes, seed=config.seeds, model=MODELS)


def trial(config: Config, point: dict, device: torch.device) -> dict:
    """Train one model on one task and size from one seed, on that (task, size, seed)'s data."""
    task, size, seed = point["task"], point["size"], point["seed"]
    data = torch.Generator().manual_seed(seed * 100_003 + size)
    test_x, test_y = test_data(task, config, data)
    train_x, train_y = make_data(task, config, size, data)
    set_seed(seed)
    model = build(point["model"], task, config).to(device)
    fit(model, train_x, train_y, config, seed=seed, loss_fn=nn.functional.cross_entropy)
    return {"accuracy": _accuracy(model, test_x.to(device), test_y.to(device))}


def summarize(config: Config, done: Done) -> dict:
    sizes, seeds = config.train_sizes, config.seeds
    scores = {
        task: {
            name: [done.values("accuracy", task=task, size=size, model=name) for size in sizes]
            for name in MODELS
        }
        for task in TASKS
    }
    median = {
        task: {name: [statistics.median(s) for s in scores[task][name]] for name in MODELS}
        for task in TASKS
    }
    chance = {"recall": 1 / config.values, "parity": 0.5}
    return {
        "train_sizes": list(sizes),
        "seeds": list(seeds),
        "cards": config.cards,
        "parity_length": config.parity_length,
        "tasks": {
            task: {
                "chance": chance[task],
                "models": {
                    name: {
                        "params": parameter_count(build(name, task, config)),
                        "accuracy": scores[task][name],
                        "median_accuracy": median[task][name],
                    }
                    for name in MODELS
                },
            }
            for task in TASKS
        },
        "rows": [
            {
                "size": size,
                **{f"{task}_{name}": median[task][name][i] for task in TASKS for name in MODELS},
            }
            for i, size in enumerate(sizes)
        ],
        "findings": {task: _compare(sizes, median[task]) for task in TASKS},
    }


def _compare(sizes: tuple[int, ...], median: dict) -> dict:
    """Who wins at each size, and the size from which the winner changes (if it does)."""
    winners = []
    for lstm, transformer in zip(median["lstm"], median["transformer"], strict=True):
        gap = lstm - transformer
        winners.append("tie" if abs(gap) <= MARGIN else "lstm" if gap > 0 else "transformer")
    decided = [(size, w) for size, w in zip(sizes, winners, strict=True) if w != "tie"]
    crossover = next((size for (_, a), (size, b) in itertools.pairwise(decided) if a != b), None)
    return {
        "lstm_better_sizes": [s for s, w in zip(sizes, winners, strict=True) if w == "lstm"],
        "transformer_better_sizes": [
            s for s, w in zip(sizes, winners, strict=True) if w == "transformer"
        ],
        "tie_sizes": [s for s, w in zip(sizes, winners, strict=True) if w == "tie"],
        "crossover": crossover,
        "winner_smallest": winners[0],
        "winner_largest": winners[-1],
        "at_smallest": {name: median[name][0] for name in MODELS},
        "at_largest": {name: median[name][-1] for name in MODELS},
    }


def check_trained(data: dict) -> str | None:
    """Trained: on each task, some model at some size is halfway from chance to 100%."""
    for task in TASKS:
        chance = data["tasks"][task]["chance"]
        best = max(row[f"{task}_{name}"] for row in data["rows"] for name in MODELS)
        if not clearly_learned(best, chance):
            return f"on {task} the best median accuracy is {best:.3f} (chance {chance:.3f})"
    return None
