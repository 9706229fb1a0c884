"""Small data: what an LSTM and a small Transformer learn about card recall from little.

Card recall is a lookup, where attention has the easier job. Both models learn from
training sets of growing size, with the same number of steps. The LSTM is as wide as it
takes to match the Transformer's parameter count (within MATCHED). Every model trains at
every rate of `lrs`; its rate is chosen per size on a validation split that shares no
input with training. Training accuracy is kept, so a model that failed to fit its own
training set is named as such, not mistaken for one that failed to generalise. (Parity
and longer strings, the other small-data question, is length_generalisation.)
"""

import functools
import itertools
import statistics
from dataclasses import dataclass

import torch
from torch import nn

from chigai.experiment import PresetConfig, clearly_learned
from chigai.models.attention import TokenLSTM, TransformerClassifier
from chigai.models.recurrent import parameter_count
from chigai.seeds import solved_in, winner
from chigai.tasks.recall import card_recall, card_vocabulary
from chigai.tasks.splits import disjoint_splits
from chigai.training import fit, set_seed
from chigai.trials import Done, product
from chigai.tuning import chosen_lr, tuning_record

PRESETS = {
    "quick": {
        "train_sizes": [10, 100, 1000],
        "cards": 6,
        "keys": 8,
        "values": 8,
        "d_model": 32,
        "heads": 4,
        "layers": 2,
        "steps": 600,
        "batch_size": 32,
        "lrs": [0.003, 0.01],
        "validation_size": 500,
        "test_size": 1000,
        "seeds": [1],
    },
    "full": {
        "train_sizes": [10, 30, 100, 300, 1000],
        "cards": 6,
        "keys": 8,
        "values": 8,
        "d_model": 32,
        "heads": 4,
        "layers": 2,
        "steps": 1500,
        "batch_size": 32,
        "lrs": [0.001, 0.003, 0.01],
        "validation_size": 500,
        "test_size": 2000,
        "seeds": [1, 2, 3],
    },
}
FIGURES = {"data_efficiency": "data_efficiency"}
ALT = {
    "data_efficiency": {
        "ja": "折れ線グラフ。横軸は学習に使った例の数、縦軸はカードの読み出しの正解率。"
        "LSTM と Transformer を比べている。",
        "en": "Line chart of card-recall test accuracy against the number of training "
        "examples, for an LSTM and a Transformer.",
    },
}
NAME = {"ja": "少ないデータでカードを読み出す", "en": "Card recall from little data"}

MODELS = ("lstm", "transformer")
MATCHED = 0.1  # the LSTM's parameter count is within 10% of the Transformer's (tested)
# A seed is clearly above chance 10 points over it: at chance (1/8) a model scores within
# about 2 points of it on 1,000 test cards (two standard errors), so 10 points is no accident.
ABOVE_CHANCE = 0.1
# A model is better only when its worst seed beats the other's best seed by more than 2
# points (chigai.seeds.winner); two models with no seed clearly above chance tie.
WIN_MARGIN = 0.02
SCORES = ("accuracy", "val_accuracy", "train_accuracy")  # what each trial returns


@dataclass(frozen=True)
class Config(PresetConfig):
    train_sizes: tuple[int, ...]
    cards: int
    keys: int
    values: int
    d_model: int
    heads: int
    layers: int
    steps: int
    batch_size: int
    lrs: tuple[float, ...]
    validation_size: int
    test_size: int


def build(name: str, config: Config) -> nn.Module:
    """A model for card recall; the LSTM gets the width that matches the Transformer's size."""
    vocab, classes = card_vocabulary(config.keys, config.values), config.values
    shape = (vocab, config.d_model, config.heads, config.layers, config.cards + 1, classes)
    if name == "transformer":
        return TransformerClassifier(*shape, positions="learned")
    with torch.device("meta"):  # counting only: no memory used, no random numbers drawn
        target = parameter_count(TransformerClassifier(*shape, positions="learned"))
        counts = {
            w: parameter_count(TokenLSTM(vocab, w, classes)) for w in range(2, 4 * config.d_model)
        }
    return TokenLSTM(vocab, min(counts, key=lambda w: abs(counts[w] - target)), classes)


def grid(config: Config) -> list[dict]:
    """Every size x seed x model x rate."""
    return product(size=config.train_sizes, seed=config.seeds, model=MODELS, lr=config.lrs)


def splits(config: Config, point: dict) -> dict[str, tuple[torch.Tensor, ...]]:
    """One trial's data, the same for every model and rate of its size and seed. Card
    sequences come from a finite set: no validation or test input was trained on."""
    generator = torch.Generator().manual_seed(point["seed"] * 100_003 + point["size"])
    sizes = {"train": point["size"], "validation": config.validation_size, "test": config.test_size}
    draw = lambda n, g: card_recall(n, config.cards, config.keys, config.values, 0, g)  # noqa: E731
    return disjoint_splits(draw, sizes, generator)


def trial(config: Config, point: dict, device: torch.device) -> dict:
    """Train one model on one training-set size at one rate from one seed; score it on
    its training, validation and test data."""
    seed = point["seed"]
    data = splits(config, point)
    set_seed(seed)
    model = build(point["model"], config).to(device)
    fit(
        model,
        *data["train"],
        config,
        seed=seed,
        lr=point["lr"],
        loss_fn=nn.functional.cross_entropy,
    )
    model.eval()
    with torch.no_grad():
        scores = {
            name: (model(x.to(device)).argmax(dim=-1) == y.to(device)).float().mean().item()
            for name, (x, y) in data.items()
        }
    return {
        "train_accuracy": scores["train"],
        "val_accuracy": scores["validation"],
        "accuracy": scores["test"],
    }


def summarize(config: Config, done: Done) -> dict:
    lrs, sizes = list(config.lrs), list(config.train_sizes)
    pick = functools.partial(chosen_lr, done, lrs, "val_accuracy", higher_is_better=True)
    chosen = {m: [pick(size=n, model=m) for n in sizes] for m in MODELS}

    def model_data(name: str) -> dict:
        """Every score as one list of seeds per size, at the rate chosen for that size."""
        at = list(zip(sizes, chosen[name], strict=True))
        runs = {k: [done.values(k, size=n, model=name, lr=lr) for n, lr in at] for k in SCORES}
        return {"params": parameter_count(build(name, config)), "lr": chosen[name], **runs}

    recall = {"train_sizes": sizes, "chance": 1 / config.values}
    recall["models"] = {name: model_data(name) for name in MODELS}
    for model in recall["models"].values():
        model["median_accuracy"] = [statistics.median(s) for s in model["accuracy"]]
    return {
        "seeds": list(config.seeds),
        "cards": config.cards,
        "train_sizes": sizes,
        "recall": recall,
        "rows": _rows(sizes, recall),
        "tuning": tuning_record(lrs, "val_accuracy", chosen, per="size", settings=sizes),
        "findings": _findings(recall),
    }


def _rows(sizes: list[int], recall: dict) -> list[dict]:
    """Table rows: one per size, each model's median test accuracy over the seeds."""
    models = recall["models"]
    return [
        {"size": n, **{name: models[name]["median_accuracy"][i] for name in MODELS}}
        for i, n in enumerate(sizes)
    ]


def _better(runs: dict[str, list[float]], chance: float) -> str:
    """'lstm', 'transformer' or 'tie': a win needs seed ranges apart by WIN_MARGIN and
    some seed clearly above chance; two models near chance tie."""
    if all(solved_in(seeds, above=chance + ABOVE_CHANCE) == 0 for seeds in runs.values()):
        return "tie"
    return winner(runs, higher_is_better=True, margin=WIN_MARGIN) or "tie"


def _findings(recall: dict) -> dict:
    """Judgements over seeds and the parameter match (no published result to compare)."""
    lstm, transformer = (recall["models"][name]["params"] for name in MODELS)
    gap = abs(lstm - transformer) / max(lstm, transformer)
    return {
        "seeds_n": len(recall["models"]["lstm"]["accuracy"][0]),
        "win_margin": WIN_MARGIN,
        "params_gap": gap,
        "params_matched": gap <= MATCHED,
        "recall": _recall_findings(recall),
    }


def _recall_findings(recall: dict) -> dict:
    """Who wins at each size, where the winner changes, and how many seeds learned."""
    sizes, chance, models = recall["train_sizes"], recall["chance"], recall["models"]
    won = [
        _better({name: models[name]["accuracy"][i] for name in MODELS}, chance)
        for i in range(len(sizes))
    ]

    def won_by(who: str) -> list[int]:
        return [n for n, w in zip(sizes, won, strict=True) if w == who]

    decided = [(n, w) for n, w in zip(sizes, won, strict=True) if w != "tie"]
    halfway = chance + 0.5 * (1 - chance)  # chigai.experiment.clearly_learned's bar
    return {
        "winners": won,
        "lstm_better_sizes": won_by("lstm"),
        "transformer_better_sizes": won_by("transformer"),
        "tie_sizes": won_by("tie"),
        "crossover": next((n for (_, a), (n, b) in itertools.pairwise(decided) if a != b), None),
        "winner_smallest": won[0],
        "winner_largest": won[-1],
        "at_smallest": {name: models[name]["median_accuracy"][0] for name in MODELS},
        "at_largest": {name: models[name]["median_accuracy"][-1] for name in MODELS},
        "learned_from": halfway,
        "learned_seeds": {
            name: [solved_in(s, above=halfway) for s in models[name]["accuracy"]] for name in MODELS
        },
    }


def check_trained(data: dict) -> str | None:
    """Trained: some model at some size is halfway from chance to 100% (median test
    accuracy)."""
    recall = data["recall"]
    best = max(max(m["median_accuracy"]) for m in recall["models"].values())
    if not clearly_learned(best, recall["chance"]):
        return f"on recall the best median accuracy is {best:.3f} (chance {recall['chance']:.3f})"
    return None
