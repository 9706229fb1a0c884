"""Counting: can a GRU and an LSTM recognise aⁿbⁿ for larger n than they trained on?

Weiss, Goldberg & Yahav 2018 ("On the Practical Computational Power of Finite Precision
RNNs for Language Recognition", ACL): an LSTM's cell state is unbounded, so it can keep
a count (add one per a, take one away per b); a GRU's state is bounded, an interpolation
between old state and a squashed candidate, so it cannot. In their runs the LSTM,
trained on aⁿbⁿ for small n, still recognised it for larger n, while the GRU did not.
Here one string aⁿbⁿ⁺² asks every question at once: after each symbol the model says
whether the prefix read so far is aᵏbᵏ (k ≥ 1), so it must say yes exactly where the b's
balance the a's, and no one and two b's later (the near misses). Both models have one
layer and the same number of weights (`_gru_lstm.matched_models`). Every model trains at
every rate of `lrs`; the rate is chosen on held-out n's inside the training range (by
their loss), and only then is every n up to `test_factor` times the largest trained n
read.
"""

import functools
import statistics
from collections.abc import Sequence
from dataclasses import dataclass

import torch
from _gru_lstm import Recurrent, matched_models
from torch import nn

from chigai.experiment import PresetConfig
from chigai.models.recurrent import parameter_count
from chigai.seeds import solved_in, spread, winner
from chigai.training import fit, set_seed
from chigai.trials import Done, product
from chigai.tuning import chosen_lr, tuning_record

PRESETS = {
    "quick": {
        "max_n": 8,
        "held_out_every": 4,
        "test_factor": 8,
        "lstm_width": 10,
        "steps": 400,
        "batch_size": 16,
        "lrs": [0.01, 0.03],
        "seeds": [1],
    },
    "full": {
        "max_n": 16,
        "held_out_every": 4,
        "test_factor": 8,
        "lstm_width": 10,
        "steps": 3000,
        "batch_size": 16,
        "lrs": [0.003, 0.01, 0.03],
        "seeds": [1, 2, 3, 4, 5],
    },
}
FIGURES = {"anbn_counting": "recognised_vs_n"}
NAME = {"ja": "aⁿbⁿ を数えられるか", "en": "Counting: recognising aⁿbⁿ"}
ALT = {
    "anbn_counting": {
        "ja": "階段状の折れ線グラフ。横軸は n（a の数と b の数）、縦軸は aⁿbⁿ を正しく"
        "判定できたシードの割合。重みの数をほぼそろえた GRU と LSTM の線を比べている。"
        "左端の網かけは学習に使った n の範囲で、線はその右、学習より大きな n だけを描いている。",
        "en": "Step chart of the share of seeds that recognise aⁿbⁿ against n, for a GRU "
        "and an LSTM with about the same number of weights. The shaded band on the left marks "
        "the n's seen in training; the lines cover only the larger n's to its right.",
    }
}

MODELS = ("lstm", "gru")
A, B, PAD = 0, 1, 2  # one-hot channels; pads follow a string's end and are never scored
MATCHED = 0.1  # the GRU's weight count is within 10% of the LSTM's (tested)
# A seed generalises to k times its largest trained n when it recognises every n up to
# it. Twice is the bar for "counts": half of those n's were never seen, and no string
# that long was, so remembering training strings cannot get there; only a count can.
MILESTONES = (2, 4, 8)
# One model counts further only when its worst seed's largest correct n beats the
# other's best seed by more than a quarter of the training range (chigai.seeds.winner).
WIN_MARGIN = 0.25


@dataclass(frozen=True)
class Config(PresetConfig):
    max_n: int  # training and validation strings have n = 1 … max_n
    held_out_every: int  # every such n-th n (3, 7, 11, … for 4) is held out for validation
    test_factor: int  # test strings: every n from max_n + 1 to test_factor * max_n
    lstm_width: int
    steps: int
    batch_size: int
    lrs: tuple[float, ...]


def split_ns(config: Config) -> dict[str, list[int]]:
    """The n's of each split. Validation n's lie strictly inside the training range
    (3, 7, 11, … for every 4th), so 1, 2 and max_n stay trained and validation asks
    about unseen n's between seen ones; test n's lie beyond it."""
    inside = range(1, config.max_n + 1)
    held = [n for n in inside if n % config.held_out_every == config.held_out_every - 1]
    return {
        "train": [n for n in inside if n not in held],
        "validation": held,
        "test": list(range(config.max_n + 1, config.test_factor * config.max_n + 1)),
    }


def anbn(ns: Sequence[int]) -> tuple[torch.Tensor, torch.Tensor]:
    """aⁿbⁿ⁺² for each n, one-hot (batch, time, 3), and the per-step targets (batch, time):
    1 where the prefix read so far is aⁿbⁿ, 0 elsewhere, -1 on pads. Strings end in pads
    up to the longest; torch's layers read left to right, so pads never change an earlier
    output, and they are left out of loss and scores."""
    length = 2 * max(ns) + 2
    tokens = torch.full((len(ns), length), PAD)
    targets = torch.full((len(ns), length), -1.0)
    for i, n in enumerate(ns):
        tokens[i, :n], tokens[i, n : 2 * n + 2] = A, B
        targets[i, : 2 * n + 2] = 0.0
        targets[i, 2 * n - 1] = 1.0  # after the n-th b: balanced
    return nn.functional.one_hot(tokens, 3).float(), targets


def masked_bce(outputs: torch.Tensor, targets: torch.Tensor) -> torch.Tensor:
    """Binary cross-entropy with logits over the scored steps. A string has one yes among
    2n + 2 steps, but the hard steps are the no's beside it (one b short, one and two b's
    over), so the yes is not weighted up: a heavier yes buys fewer missed yeses with more
    yeses at the near misses, and both cost the string alike."""
    scored = targets >= 0
    return nn.functional.binary_cross_entropy_with_logits(
        outputs.squeeze(-1)[scored], targets[scored]
    )


def recognised(outputs: torch.Tensor, targets: torch.Tensor) -> list[bool]:
    """A string is recognised when every scored step is right (logit > 0 means yes):
    one wrong step, a yes too early or too late or a missed yes, and it is not."""
    right = ((outputs.squeeze(-1) > 0) == (targets == 1)) | (targets < 0)
    return right.all(dim=1).tolist()


def largest_correct(flags: Sequence[bool]) -> int:
    """The largest n such that every n from 1 up to it is recognised (flags[n - 1] for n)."""
    return next((n for n, ok in enumerate(flags) if not ok), len(flags))


@functools.cache  # matching scans a thousand widths per cell: once per process is enough
def widths(lstm_width: int) -> dict[str, int]:
    return matched_models(3, lstm_width, 1, MODELS)


def build(name: str, config: Config) -> Recurrent:
    """One layer and a head on every step's state: a yes/no logit after each symbol."""
    return Recurrent(name, 3, widths(config.lstm_width)[name], 1, every_step=True)


def grid(config: Config) -> list[dict]:
    return product(seed=config.seeds, model=MODELS, lr=config.lrs)


def trial(config: Config, point: dict, device: torch.device) -> dict:
    """Train one model at one rate from one seed on the training n's; then read every n
    from 1 to test_factor * max_n in one padded batch (pads come after each string)."""
    seed, ns = point["seed"], split_ns(config)
    set_seed(seed)
    model = build(point["model"], config).to(device)
    fit(model, *anbn(ns["train"]), config, seed=seed, lr=point["lr"], loss_fn=masked_bce)
    model.eval()
    every = list(range(1, config.test_factor * config.max_n + 1))
    with torch.no_grad():
        inputs, targets = (t.to(device) for t in anbn(every))
        outputs = model(inputs)
        held = [n - 1 for n in ns["validation"]]
        val_loss = masked_bce(outputs[held], targets[held]).item()
    return {"recognised": recognised(outputs, targets), "val_loss": val_loss}


def summarize(config: Config, done: Done) -> dict:
    ns = split_ns(config)
    chosen = {
        m: chosen_lr(done, config.lrs, "val_loss", higher_is_better=False, model=m) for m in MODELS
    }
    width = widths(config.lstm_width)
    models = {}
    for name in MODELS:
        flags = done.values("recognised", model=name, lr=chosen[name])  # one list per seed
        tests = [[seed[n - 1] for n in ns["test"]] for seed in flags]
        models[name] = {
            "params": parameter_count(build(name, config)),
            "width": width[name],
            "lr": chosen[name],
            "fitted": [all(seed[n - 1] for n in ns["train"]) for seed in flags],
            "val_recognised": [
                statistics.fmean(seed[n - 1] for n in ns["validation"]) for seed in flags
            ],
            "val_loss": done.values("val_loss", model=name, lr=chosen[name]),
            "largest_correct_n": [largest_correct(seed) for seed in flags],
            "recognised": tests,
            "recognised_share": [statistics.fmean(at) for at in zip(*tests, strict=True)],
        }
    data = {
        "seeds": list(config.seeds),
        "max_train_n": config.max_n,
        "train_ns": ns["train"],
        "validation_ns": ns["validation"],
        "test_ns": ns["test"],
        "milestones": [k * config.max_n for k in MILESTONES],
        "models": models,
    }
    return data | {
        "rows": _rows(data),
        "tuning": tuning_record(config.lrs, "val_loss", {m: [lr] for m, lr in chosen.items()}),
        "findings": _findings(data),
    }


def _rows(data: dict) -> list[dict]:
    """Table rows: for the largest trained n and each milestone, how many seeds of each
    model recognise every n up to it."""
    reach = {name: model["largest_correct_n"] for name, model in data["models"].items()}
    return [
        {"n": n, **{name: solved_in(seeds, above=n - 1) for name, seeds in reach.items()}}
        for n in [data["max_train_n"], *data["milestones"]]
    ]


def _findings(data: dict) -> dict:
    """Per model: seeds that fitted, held out and generalised to each milestone, a verdict,
    the spread of the largest correct n; who counts further; sizes; the paper."""
    models, trained = data["models"], data["max_train_n"]
    found: dict = {name: _model_findings(models[name], data) for name in MODELS}
    margin = WIN_MARGIN * trained
    reach = {name: models[name]["largest_correct_n"] for name in MODELS}
    found["winner"] = winner(reach, higher_is_better=True, margin=margin) or "tie"
    lstm, gru = (models[name]["params"] for name in MODELS)
    gap = abs(lstm - gru) / max(lstm, gru)
    return found | {
        "seeds_n": len(data["seeds"]),
        "win_margin_n": margin,
        "params_gap": gap,
        "params_matched": gap <= MATCHED,
        "paper": _paper(found),
    }


def _model_findings(model: dict, data: dict) -> dict:
    """One model's seeds: how many fitted, held out and generalised, and its verdict."""
    seeds, reach = len(model["fitted"]), model["largest_correct_n"]
    fits = sum(model["fitted"])
    generalises = [solved_in(reach, above=n - 1) for n in data["milestones"]]
    if generalises[0] == seeds:
        verdict = "generalises"  # every seed counts correctly to twice the training range
    elif fits == 0:
        verdict = "does_not_fit"  # no seed recognises all of its training strings
    elif fits == seeds and generalises[0] == 0:
        verdict = "fits_but_fails_longer"  # every seed fitted, none reached twice as far
    else:
        verdict = "mixed"  # the text gives k of N
    return {
        "fits_seeds": fits,
        "held_out_seeds": sum(share == 1 for share in model["val_recognised"]),
        "generalises_seeds": generalises,
        "verdict": verdict,
        "largest_n": spread(reach),
        "reach_over_trained": statistics.median(reach) / data["max_train_n"],
    }


def _paper(found: dict) -> str:
    """Weiss et al. 2018: the LSTM learns to count and recognises aⁿbⁿ beyond its training
    n; the GRU does not. agrees: every LSTM seed counts correctly to twice the largest
    trained n (verdict "generalises"), no GRU seed does, and the LSTM wins (its worst seed
    counts further than the GRU's best by the margin). disagrees: the GRU wins (its worst
    seed counts further than the LSTM's best by the margin). partly: anything else: a
    tie, or an LSTM that wins without every seed reaching twice the training range."""
    lstm, gru = found["lstm"], found["gru"]
    if (
        lstm["verdict"] == "generalises"
        and gru["generalises_seeds"][0] == 0
        and found["winner"] == "lstm"
    ):
        return "agrees"
    return "disagrees" if found["winner"] == "gru" else "partly"


def check_trained(data: dict) -> str | None:
    """Trained: some model recognises every one of its training strings in some seed
    (failing beyond them is a finding; failing on them, a run that did not train)."""
    if any(any(model["fitted"]) for model in data["models"].values()):
        return None
    n = data["max_train_n"]
    return f"no model recognised all of its training strings aⁿbⁿ (n ≤ {n}) in any seed"
