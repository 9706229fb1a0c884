"""Longer strings: does an LSTM or a small Transformer learn parity at lengths it never saw?

Parity (is the number of ones odd?): both models learn from strings of length 1…L and are
tested on strings 2, 4, 8 times longer, the length-generalisation test of the paper this
echoes: Delétang et al. 2023, "Neural networks and the Chomsky hierarchy" (ICLR), whose
LSTM generalises on parity while the Transformer stays near chance on longer strings
(their Table 2, best of several position encodings). Our Transformer uses Vaswani et al.'s
sinusoidal positions, which exist at every length. The LSTM is as wide as it takes to
match the Transformer's parameter count (within MATCHED). Every model trains at every
rate of `lrs`; its rate is chosen once on a validation split of short strings that shares
no input with training. Training accuracy is kept, so a model that failed to fit its own
training set is named as such, not mistaken for one that failed to generalise.
"""

import functools
import statistics
from dataclasses import dataclass

import torch
from torch import nn

from chigai.experiment import PresetConfig, clearly_learned
from chigai.models.attention import TokenLSTM, TransformerClassifier
from chigai.models.recurrent import parameter_count
from chigai.seeds import solved_in, winner
from chigai.tasks.parity import PAD, parity, short_strings
from chigai.tasks.splits import disjoint_splits
from chigai.training import fit, set_seed
from chigai.trials import Done, product
from chigai.tuning import chosen_lr, tuning_record

PRESETS = {
    "quick": {
        "d_model": 32,
        "heads": 4,
        "layers": 2,
        "steps": 600,
        "batch_size": 32,
        "lrs": [0.003, 0.01],
        "max_length": 8,
        "doublings": 2,
        "train_size": 1000,
        "validation_size": 200,
        "test_size": 1000,
        "seeds": [1],
    },
    "full": {
        "d_model": 32,
        "heads": 4,
        "layers": 2,
        "steps": 2000,  # the Transformer fits its training strings at 0.001 by then
        "batch_size": 32,
        "lrs": [0.001, 0.003, 0.01],
        # Strings of length 1…10 (2,046 of them) to learn from; tests at 20, 40 and 80.
        "max_length": 10,
        "doublings": 3,
        "train_size": 1000,
        # Training draws cover nearly every short string, so validation strings are the
        # unseen ones: mostly of length 9 and 10.
        "validation_size": 200,
        "test_size": 1000,
        "seeds": [1, 2, 3],
    },
}
FIGURES = {"parity_length": "length_generalisation"}
ALT = {
    "parity_length": {
        "ja": "折れ線グラフ。横軸は文字列の長さ、縦軸は正解率。"
        "長さ 1〜L の文字列でパリティを学んだ LSTM と Transformer を、"
        "学習に使わなかった同じ長さの文字列（左端）と、2 倍以上長い文字列で比べている。",
        "en": "Line chart of accuracy against string length for an LSTM and a Transformer that "
        "learned parity from strings of length 1 to L: held-out strings of those lengths at the "
        "left, strings two or more times longer to the right.",
    },
}
NAME = {"ja": "長さの汎化（パリティ）", "en": "Length generalisation (parity)"}

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
    d_model: int
    heads: int
    layers: int
    steps: int
    batch_size: int
    lrs: tuple[float, ...]
    max_length: int
    doublings: int
    train_size: int
    validation_size: int
    test_size: int


def longer_lengths(config: Config) -> list[int]:
    """The test lengths: the longest training length doubled, again and again."""
    return [config.max_length * 2**k for k in range(1, config.doublings + 1)]


def build(name: str, config: Config) -> nn.Module:
    """A model for parity; the LSTM gets the width that matches the Transformer's size.
    Parity runs past its training lengths: positions that exist at every length."""
    vocab, classes = PAD + 1, 2
    shape = (vocab, config.d_model, config.heads, config.layers, config.max_length, classes)
    if name == "transformer":
        return TransformerClassifier(*shape, positions="sinusoidal")
    with torch.device("meta"):  # counting only: no memory used, no random numbers drawn
        target = parameter_count(TransformerClassifier(*shape, positions="sinusoidal"))
        counts = {
            w: parameter_count(TokenLSTM(vocab, w, classes)) for w in range(2, 4 * config.d_model)
        }
    return TokenLSTM(vocab, min(counts, key=lambda w: abs(counts[w] - target)), classes)


def grid(config: Config) -> list[dict]:
    """Every seed x model x rate."""
    return product(seed=config.seeds, model=MODELS, lr=config.lrs)


def splits(config: Config, point: dict) -> dict[str, tuple[torch.Tensor, ...]]:
    """One trial's data, the same for every model and rate of its seed. Short bit strings
    come from a finite set: no validation input was trained on. The test strings are
    longer than any training string."""
    generator = torch.Generator().manual_seed(point["seed"] * 100_003)
    sizes = {"train": config.train_size, "validation": config.validation_size}
    draw = lambda n, g: short_strings(n, config.max_length, g)  # noqa: E731
    data = disjoint_splits(draw, sizes, generator)
    for length in longer_lengths(config):
        data[f"test_{length}"] = parity(config.test_size, length, generator)
    return data


def trial(config: Config, point: dict, device: torch.device) -> dict:
    """Train one model at one rate from one seed; score it on its training and validation
    strings, and on each longer length."""
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
        "accuracy": [scores[f"test_{n}"] for n in longer_lengths(config)],
    }


def summarize(config: Config, done: Done) -> dict:
    lrs = list(config.lrs)
    pick = functools.partial(chosen_lr, done, lrs, "val_accuracy", higher_is_better=True)
    chosen = {m: pick(model=m) for m in MODELS}

    def model_data(name: str) -> dict:
        """Train and held-out scores per seed; test scores per length, then per seed."""
        runs = {k: done.values(k, model=name, lr=chosen[name]) for k in SCORES}
        runs["accuracy"] = [list(s) for s in zip(*runs["accuracy"], strict=True)]
        return {"params": parameter_count(build(name, config)), "lr": chosen[name], **runs}

    data = {
        "seeds": list(config.seeds),
        "max_length": config.max_length,
        "test_lengths": longer_lengths(config),
        "test_size": config.test_size,
        "chance": 0.5,
        "generalises_from": GENERALISES,
        "models": {name: model_data(name) for name in MODELS},
    }
    for model in data["models"].values():
        model["median_accuracy"] = [statistics.median(s) for s in model["accuracy"]]
    tuned = {name: [lr] for name, lr in chosen.items()}
    return data | {
        "rows": _rows(data),
        "tuning": tuning_record(lrs, "val_accuracy", tuned),
        "findings": _findings(data),
    }


def _rows(data: dict) -> list[dict]:
    """Table rows: one per longer length, each model's median test accuracy over the seeds."""
    models = data["models"]
    return [
        {"length": n, **{name: models[name]["median_accuracy"][i] for name in MODELS}}
        for i, n in enumerate(data["test_lengths"])
    ]


def _better(runs: dict[str, list[float]], chance: float) -> str:
    """'lstm', 'transformer' or 'tie': a win needs seed ranges apart by WIN_MARGIN and
    some seed clearly above chance; two models near chance tie."""
    if all(solved_in(seeds, above=chance + ABOVE_CHANCE) == 0 for seeds in runs.values()):
        return "tie"
    return winner(runs, higher_is_better=True, margin=WIN_MARGIN) or "tie"


def _findings(data: dict) -> dict:
    """Per model: k of N seeds that fitted the training strings, learned the held-out
    short ones and generalised to each longer length, and a verdict; winners per length;
    the parameter match; the paper."""
    lengths, models = data["test_lengths"], data["models"]
    won = [
        _better({name: models[name]["accuracy"][i] for name in MODELS}, data["chance"])
        for i in range(len(lengths))
    ]

    def won_by(who: str) -> list[int]:
        return [n for n, w in zip(lengths, won, strict=True) if w == who]

    found: dict = {
        "winners": won,
        "lstm_better_lengths": won_by("lstm"),
        "transformer_better_lengths": won_by("transformer"),
        "tie_lengths": won_by("tie"),
    }
    for name in MODELS:
        found[name] = _model_findings(models[name])
    lstm, transformer = (models[name]["params"] for name in MODELS)
    gap = abs(lstm - transformer) / max(lstm, transformer)
    return found | {
        "seeds_n": len(models["lstm"]["train_accuracy"]),
        "win_margin": WIN_MARGIN,
        "params_gap": gap,
        "params_matched": gap <= MATCHED,
        "paper": _paper(found),
    }


def _model_findings(model: dict) -> dict:
    """One model's seeds: how many fitted, held out and generalised, and its verdict."""
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
    return {
        "fits_seeds": fits,
        "held_out_seeds": solved_in(model["val_accuracy"], above=GENERALISES),
        "generalises_seeds": generalises,
        "verdict": verdict,
        "train_median": statistics.median(model["train_accuracy"]),
        "held_out_median": statistics.median(model["val_accuracy"]),
        "at_longest": model["median_accuracy"][-1],
        "best_seed_at_longest": max(model["accuracy"][-1]),
    }


def _paper(found: dict) -> str:
    """Delétang et al. 2023 on parity: the LSTM generalises to longer strings; the
    Transformer, though it fits its training strings, does not. A claim is confirmed when
    every seed says so (verdicts "generalises" and "fits_but_fails_longer"), contradicted
    when every seed says the opposite (no LSTM seed generalises at the longest length;
    every Transformer seed generalises). agrees: both confirmed; disagrees: both
    contradicted; partly: anything else. Stricter than the paper's score, its best seed."""
    lstm, transformer = found["lstm"], found["transformer"]
    confirmed = (
        lstm["verdict"] == "generalises",
        transformer["verdict"] == "fits_but_fails_longer",
    )
    contradicted = (lstm["generalises_seeds"][-1] == 0, transformer["verdict"] == "generalises")
    return "agrees" if all(confirmed) else "disagrees" if all(contradicted) else "partly"


def check_trained(data: dict) -> str | None:
    """Trained: some model is right on held-out strings of its training lengths (failing
    on longer strings is a finding; failing on these, a run that did not train)."""
    held_out = max(statistics.median(m["val_accuracy"]) for m in data["models"].values())
    if not clearly_learned(held_out, data["chance"]):
        return f"on parity the best median held-out accuracy is {held_out:.3f} (chance 0.5)"
    return None
