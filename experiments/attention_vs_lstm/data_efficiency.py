"""Small data and longer strings: what an LSTM and a small Transformer learn from little.

Two halves. Card recall (a lookup, where attention has the easier job): both models learn
from training sets of growing size, with the same number of steps. Parity (is the number
of ones odd?): both learn from strings of length 1…L and are tested on strings 2, 4, 8
times longer, the length-generalisation test of the paper this echoes: Delétang et al.
2023, "Neural networks and the Chomsky hierarchy" (ICLR), whose LSTM generalises on
parity while the Transformer stays near chance on longer strings (their Table 2, best of
several position encodings). Our Transformer uses Vaswani et al.'s sinusoidal positions,
which exist at every length. The LSTM is as wide as it takes to match the Transformer's
parameter count (within MATCHED). Every model trains at every rate of `lrs`; its rate is
chosen per size (recall) or once (parity) on a validation split that shares no input
with training. Training accuracy is kept, so a model that failed to fit its own training
set is named as such, not mistaken for one that failed to generalise.
"""

import dataclasses
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
from chigai.tasks.parity import PAD, parity, short_strings
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
        "parity_max_length": 8,
        "parity_doublings": 2,
        "parity_train_size": 1000,
        "parity_validation_size": 200,
        "parity_test_size": 1000,
        "parity_steps": 600,
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
        # Strings of length 1…10 (2,046 of them) to learn from; tests at 20, 40 and 80.
        "parity_max_length": 10,
        "parity_doublings": 3,
        "parity_train_size": 1000,
        # Training draws cover nearly every short string, so validation strings are the
        # unseen ones: mostly of length 9 and 10.
        "parity_validation_size": 200,
        "parity_test_size": 1000,
        "parity_steps": 2000,  # the Transformer fits its training strings at 0.001 by then
        "seeds": [1, 2, 3],
    },
}
FIGURES = {"data_efficiency": "data_efficiency", "parity_length": "length_generalisation"}

MODELS = ("lstm", "transformer")
MATCHED = 0.1  # the LSTM's parameter count is within 10% of the Transformer's (tested)
# A seed is clearly above chance 10 points over it: at chance a model scores within about
# 3 points of it on 1,000 strings (two standard errors), so 10 points is no accident.
ABOVE_CHANCE = 0.1
# A model is better only when its worst seed beats the other's best seed by more than 2
# points (chigai.seeds.winner); two models with no seed clearly above chance tie.
WIN_MARGIN = 0.02
FITS = 0.95  # a seed fitted its training set: right on 95% of the strings it trained on
# A seed generalises to a length: 90% right there. Computing parity gets every string
# right, chance gets half; 90% leaves room for a few slips, not for guessing.
GENERALISES = 0.9
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
    parity_max_length: int
    parity_doublings: int
    parity_train_size: int
    parity_validation_size: int
    parity_test_size: int
    parity_steps: int


def longer_lengths(config: Config) -> list[int]:
    """The parity test lengths: the longest training length doubled, again and again."""
    return [config.parity_max_length * 2**k for k in range(1, config.parity_doublings + 1)]


def build(name: str, task: str, config: Config) -> nn.Module:
    """A model for one task; the LSTM gets the width that matches the Transformer's size."""
    if task == "recall":
        vocab, classes = card_vocabulary(config.keys, config.values), config.values
        length, positions = config.cards + 1, "learned"
    else:  # parity runs past its training lengths: positions that exist at every length
        vocab, classes, length, positions = PAD + 1, 2, config.parity_max_length, "sinusoidal"
    shape = (vocab, config.d_model, config.heads, config.layers, length, classes)
    if name == "transformer":
        return TransformerClassifier(*shape, positions=positions)
    with torch.device("meta"):  # counting only: no memory used, no random numbers drawn
        target = parameter_count(TransformerClassifier(*shape, positions=positions))
        counts = {
            w: parameter_count(TokenLSTM(vocab, w, classes)) for w in range(2, 4 * config.d_model)
        }
    return TokenLSTM(vocab, min(counts, key=lambda w: abs(counts[w] - target)), classes)


def grid(config: Config) -> list[dict]:
    """Recall: every size x seed x model x rate. Parity: every seed x model x rate."""
    recall = product(
        task=["recall"], size=config.train_sizes, seed=config.seeds, model=MODELS, lr=config.lrs
    )
    return recall + product(task=["parity"], seed=config.seeds, model=MODELS, lr=config.lrs)


def splits(config: Config, point: dict) -> dict[str, tuple[torch.Tensor, ...]]:
    """One trial's data, the same for every model and rate of its (size,) seed. Card
    sequences and short bit strings come from finite sets: no validation or test input
    was trained on. Parity's test strings are longer than any training string."""
    seed = point["seed"]
    if point["task"] == "recall":
        generator = torch.Generator().manual_seed(seed * 100_003 + point["size"])
        sizes = {
            "train": point["size"],
            "validation": config.validation_size,
            "test": config.test_size,
        }
        draw = lambda n, g: card_recall(n, config.cards, config.keys, config.values, 0, g)  # noqa: E731
        return disjoint_splits(draw, sizes, generator)
    generator = torch.Generator().manual_seed(seed * 100_003)
    sizes = {"train": config.parity_train_size, "validation": config.parity_validation_size}
    draw = lambda n, g: short_strings(n, config.parity_max_length, g)  # noqa: E731
    data = disjoint_splits(draw, sizes, generator)
    for length in longer_lengths(config):
        data[f"test_{length}"] = parity(config.parity_test_size, length, generator)
    return data


def trial(config: Config, point: dict, device: torch.device) -> dict:
    """Train one model on one task (and size) at one rate from one seed; score it on its
    training, validation and test data (parity: one test score per longer length)."""
    task, seed = point["task"], point["seed"]
    data = splits(config, point)
    set_seed(seed)
    model = build(point["model"], task, config).to(device)
    recipe = config if task == "recall" else dataclasses.replace(config, steps=config.parity_steps)
    fit(
        model,
        *data["train"],
        recipe,
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
    output = {"train_accuracy": scores["train"], "val_accuracy": scores["validation"]}
    if task == "recall":
        return output | {"accuracy": scores["test"]}
    return output | {"accuracy": [scores[f"test_{n}"] for n in longer_lengths(config)]}


def summarize(config: Config, done: Done) -> dict:
    lrs, sizes = list(config.lrs), list(config.train_sizes)
    pick = functools.partial(chosen_lr, done, lrs, "val_accuracy", higher_is_better=True)
    recall_lr = {m: [pick(task="recall", size=n, model=m) for n in sizes] for m in MODELS}
    parity_lr = {m: pick(task="parity", model=m) for m in MODELS}

    def recall_model(name: str) -> dict:
        """Every score as one list of seeds per size, at the rate chosen for that size."""
        at = list(zip(sizes, recall_lr[name], strict=True))
        runs = {
            k: [done.values(k, task="recall", size=n, model=name, lr=lr) for n, lr in at]
            for k in SCORES
        }
        return {
            "params": parameter_count(build(name, "recall", config)),
            "lr": recall_lr[name],
            **runs,
        }

    def parity_model(name: str) -> dict:
        """Train and held-out scores per seed; test scores per length, then per seed."""
        runs = {k: done.values(k, task="parity", model=name, lr=parity_lr[name]) for k in SCORES}
        runs["accuracy"] = [list(s) for s in zip(*runs["accuracy"], strict=True)]
        return {
            "params": parameter_count(build(name, "parity", config)),
            "lr": parity_lr[name],
            **runs,
        }

    recall = {"train_sizes": sizes, "chance": 1 / config.values}
    recall["models"] = {name: recall_model(name) for name in MODELS}
    parity_data = {
        "max_length": config.parity_max_length,
        "test_lengths": longer_lengths(config),
        "chance": 0.5,
        "generalises_from": GENERALISES,
        "models": {name: parity_model(name) for name in MODELS},
    }
    for half in (recall, parity_data):
        for model in half["models"].values():
            model["median_accuracy"] = [statistics.median(s) for s in model["accuracy"]]
    # The provenance box lists each model's rate per recall size, then its parity rate.
    tuned = recall_lr | {f"parity_{name}": [lr] for name, lr in parity_lr.items()}
    return {
        "seeds": list(config.seeds),
        "cards": config.cards,
        "train_sizes": sizes,
        "recall": recall,
        "parity": parity_data,
        "rows": _rows("size", sizes, recall),
        "parity_rows": _rows("length", parity_data["test_lengths"], parity_data),
        "tuning": tuning_record(lrs, "val_accuracy", tuned, per="size", settings=sizes),
        "findings": _findings(recall, parity_data),
    }


def _rows(key: str, settings: list[int], half: dict) -> list[dict]:
    """Table rows: one per setting, each model's median test accuracy over the seeds."""
    models = half["models"]
    return [
        {key: n, **{name: models[name]["median_accuracy"][i] for name in MODELS}}
        for i, n in enumerate(settings)
    ]


def _better(runs: dict[str, list[float]], chance: float) -> str:
    """'lstm', 'transformer' or 'tie': a win needs seed ranges apart by WIN_MARGIN and
    some seed clearly above chance; two models near chance tie."""
    if all(solved_in(seeds, above=chance + ABOVE_CHANCE) == 0 for seeds in runs.values()):
        return "tie"
    return winner(runs, higher_is_better=True, margin=WIN_MARGIN) or "tie"


def _winners(settings: list[int], half: dict, unit: str) -> dict:
    """The winner at each setting, and the settings each model won or tied."""
    models = half["models"]
    won = [
        _better({name: models[name]["accuracy"][i] for name in MODELS}, half["chance"])
        for i in range(len(settings))
    ]

    def won_by(who: str) -> list[int]:
        return [n for n, w in zip(settings, won, strict=True) if w == who]

    return {
        "winners": won,
        f"lstm_better_{unit}": won_by("lstm"),
        f"transformer_better_{unit}": won_by("transformer"),
        f"tie_{unit}": won_by("tie"),
    }


def _findings(recall: dict, parity_data: dict) -> dict:
    """Judgements over seeds for both halves, the parameter match, and the paper."""
    counts = {
        task: [half["models"][name]["params"] for name in MODELS]
        for task, half in (("recall", recall), ("parity", parity_data))
    }
    gaps = {task: abs(a - b) / max(a, b) for task, (a, b) in counts.items()}
    parity_found = _parity_findings(parity_data)
    return {
        "seeds_n": len(recall["models"]["lstm"]["accuracy"][0]),
        "win_margin": WIN_MARGIN,
        "params_gap": gaps,
        "params_matched": all(gap <= MATCHED for gap in gaps.values()),
        "recall": _recall_findings(recall),
        "parity": parity_found,
        "paper": _paper(parity_found),
    }


def _recall_findings(recall: dict) -> dict:
    """Who wins at each size, where the winner changes, and how many seeds learned."""
    sizes, chance, models = recall["train_sizes"], recall["chance"], recall["models"]
    found = _winners(sizes, recall, "sizes")
    decided = [(n, w) for n, w in zip(sizes, found["winners"], strict=True) if w != "tie"]
    halfway = chance + 0.5 * (1 - chance)  # chigai.experiment.clearly_learned's bar
    return found | {
        "crossover": next((n for (_, a), (n, b) in itertools.pairwise(decided) if a != b), None),
        "winner_smallest": found["winners"][0],
        "winner_largest": found["winners"][-1],
        "at_smallest": {name: models[name]["median_accuracy"][0] for name in MODELS},
        "at_largest": {name: models[name]["median_accuracy"][-1] for name in MODELS},
        "learned_from": halfway,
        "learned_seeds": {
            name: [solved_in(s, above=halfway) for s in models[name]["accuracy"]] for name in MODELS
        },
    }


def _parity_findings(parity_data: dict) -> dict:
    """Per model: k of N seeds that fitted the training strings, learned the held-out
    short ones and generalised to each longer length, and a verdict; winners per length."""
    lengths, models = parity_data["test_lengths"], parity_data["models"]
    found: dict = _winners(lengths, parity_data, "lengths")
    for name in MODELS:
        model = models[name]
        seeds = len(model["train_accuracy"])
        fits = solved_in(model["train_accuracy"], above=FITS)
        generalises = [solved_in(s, above=GENERALISES) for s in model["accuracy"]]
        if all(k == seeds for k in generalises):
            verdict = "generalises"  # every seed, at every longer length
        elif fits == 0:
            verdict = "does_not_fit"  # no seed fitted its training strings
        elif fits == seeds and generalises[-1] == 0:
            verdict = "fits_but_fails_longer"  # every seed fitted, none held at the longest
        else:
            verdict = "mixed"  # the text gives k of N
        found[name] = {
            "fits_seeds": fits,
            "held_out_seeds": solved_in(model["val_accuracy"], above=GENERALISES),
            "generalises_seeds": generalises,
            "verdict": verdict,
            "train_median": statistics.median(model["train_accuracy"]),
            "held_out_median": statistics.median(model["val_accuracy"]),
            "at_longest": model["median_accuracy"][-1],
            "best_seed_at_longest": max(model["accuracy"][-1]),
        }
    return found


def _paper(parity_found: dict) -> str:
    """Delétang et al. 2023 on parity: the LSTM generalises to longer strings; the
    Transformer, though it fits its training strings, does not. A claim is confirmed when
    every seed says so (verdicts "generalises" and "fits_but_fails_longer"), contradicted
    when every seed says the opposite (no LSTM seed generalises at the longest length;
    every Transformer seed generalises). agrees: both confirmed; disagrees: both
    contradicted; partly: anything else. Stricter than the paper's score, its best seed."""
    lstm, transformer = parity_found["lstm"], parity_found["transformer"]
    confirmed = (
        lstm["verdict"] == "generalises",
        transformer["verdict"] == "fits_but_fails_longer",
    )
    contradicted = (lstm["generalises_seeds"][-1] == 0, transformer["verdict"] == "generalises")
    return "agrees" if all(confirmed) else "disagrees" if all(contradicted) else "partly"


def check_trained(data: dict) -> str | None:
    """Trained: on recall, some model at some size is halfway from chance to 100% (median
    test accuracy); on parity, some model is on held-out strings of its training lengths
    (failing on longer strings is a finding; failing on these, a run that did not train)."""
    recall, parity_data = data["recall"], data["parity"]
    best = max(max(m["median_accuracy"]) for m in recall["models"].values())
    if not clearly_learned(best, recall["chance"]):
        return f"on recall the best median accuracy is {best:.3f} (chance {recall['chance']:.3f})"
    held_out = max(statistics.median(m["val_accuracy"]) for m in parity_data["models"].values())
    if not clearly_learned(held_out, parity_data["chance"]):
        return f"on parity the best median held-out accuracy is {held_out:.3f} (chance 0.5)"
    return None
