"""Real music: which unit best predicts the next chord of a Bach chorale? (issue 23)

Next-step prediction on the JSB-style piano rolls of chigai.tasks.chorales (music21's Bach
chorales, derived as Boulanger-Lewandowski et al. 2012 did; split by chorale). At every
step a model reads the notes sounding now and gives each of the 88 keys a probability of
sounding at the next step; the score is the negative log-likelihood (NLL) per time step,
summed over the keys and pooled over every step of every held-out chorale, as the papers
report it. The first step is predicted from silence.

A tanh RNN, a GRU and an LSTM with about the same number of weights (LSTM 36 units, the
others matched to it, as Chung et al. 2014 matched theirs at ~20K). Each model's learning
rate is searched on validation NLL with the first `tuning_seeds` seeds, x3 beyond whichever
edge holds the best until it is interior or a bound stops it (chigai.lr_search); then every
seed trains at the chosen rate. Every run stops once validation NLL has not improved for
`patience` evaluations (chigai.stopping), or at `cap` steps (full: 2,000 steps of 16
chorales, about 150 passes over the 215 training chorales, Greff et al. 2017's limit, with
their patience of about 15 passes), and keeps its best weights. Seed s gives all three
models the same batch order (chigai.streams): the comparison is paired.

What still differs from Chung et al. 2014 (JSB): Adam, not RMSProp; no weight noise; our own
derivation of the chorales (358 kept after duplicates, 215/71/72 by chorale, where JSB has
229/76/77); a tanh RNN of ~21K weights, not 100 units (~28K); early stopping on validation
NLL with a stated patience rather than their schedule.
"""

import dataclasses
import functools
from dataclasses import dataclass
from pathlib import Path

import torch
from _gru_lstm import Recurrent, matched_models
from torch import nn

from chigai.experiment import PresetConfig
from chigai.lr_search import Search
from chigai.models.recurrent import parameter_count
from chigai.paired import compare
from chigai.stopping import Patience, train_until_converged
from chigai.streams import ORDER, derived_seed, streams
from chigai.tasks.chorales import KEYS, Chorales, corpus_files, load_chorales
from chigai.trials import Done

PRESETS = {
    "quick": {
        "seeds": [1, 2],
        "tuning_seeds": 1,
        "lrs": [0.1, 0.3],
        "lstm_width": 12,
        "batch_size": 16,
        "every": 10,
        "patience": 2,
        "cap": 30,
        "max_files": 60,
    },
    "full": {
        "seeds": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
        "tuning_seeds": 3,
        "lrs": [0.001, 0.003, 0.01],
        "lstm_width": 36,
        "batch_size": 16,
        "every": 20,
        "patience": 10,
        "cap": 2000,
        "max_files": 1000,
    },
}
FIGURES = {"chorale_predictions": "chorale_predictions", "nll_by_seed": "nll_by_seed"}
NAME = {
    "ja": "バッハのコラールで次の和音を当てる（3 つのモデル）",
    "en": "Predicting the next chord of Bach chorales, three models",
}
ALT = {
    "chorale_predictions": {
        "ja": "3 段のピアノロール。1 つのコラールを RNN・GRU・LSTM がそれぞれどう予想したかを示す。"
        "横は拍、縦は鍵盤。色が濃いほど、その鍵盤が次に鳴るとモデルが強く予想した。"
        "赤い点はバッハが実際に書いた音。",
        "en": "Three piano rolls of one Bach chorale, one per model (RNN, GRU, LSTM): beats run "
        "left to right and piano keys bottom to top; the darker the shading, the more likely "
        "the model thought a key was to sound next; red dots mark the notes Bach wrote.",
    },
    "nll_by_seed": {
        "ja": "点のグラフ。RNN・GRU・LSTM のテストの NLL（1 拍あたり）を、シードごとの点で示す。"
        "同じシードの 3 つの点は細い線で結び、横棒は中央値、星は Chung ら（2014）の発表値。",
        "en": "Dot chart of test NLL per beat for the RNN, the GRU and the LSTM: one dot per seed, "
        "thin lines joining the three results of each seed, a bar at each median, and stars at "
        "the values Chung et al. (2014) published.",
    },
}

MODELS = ("rnn", "gru", "lstm")
PAIRS = (("gru", "rnn"), ("lstm", "rnn"), ("gru", "lstm"))
MATCHED = 0.1  # "the same size": every weight count within 10% of the LSTM's
BOUNDS = (1e-4, 0.3)  # the rates a search may reach: past them, Adam does not train here
# One model is clearly better than another when it predicts with a lower test NLL by more
# than 0.05 nats per step in enough paired seeds (chigai.paired): Chung et al.'s three units
# differed by 0.13-0.56 nats on JSB.
MARGIN = 0.05
SEARCH = Search(score="val_nll", higher_is_better=False, bounds=BOUNDS)
PUBLISHED = {"rnn": 9.10, "gru": 8.54, "lstm": 8.67}  # Chung et al. 2014, Table 2, JSB test


@dataclass(frozen=True)
class Config(PresetConfig):
    tuning_seeds: int
    lrs: tuple[float, ...]
    lstm_width: int
    batch_size: int
    every: int
    patience: int
    cap: int
    max_files: int  # at most this many of music21's chorale files, in sorted order


def search(config: Config) -> Search:
    return dataclasses.replace(SEARCH, tuning=config.tuning_seeds)


@functools.cache
def chorales(max_files: int) -> Chorales:  # per process
    return load_chorales(Path.cwd() / ".cache" / "chorales", corpus_files()[:max_files])


@functools.cache
def rolls(max_files: int) -> dict[str, tuple[torch.Tensor, torch.Tensor]]:  # per process
    """Each split as (inputs, targets), chorales padded to the split's longest. Both carry
    the 88 keys and a last channel that marks the real steps: in the inputs the keys are
    the previous step's (silence first) and the mark lets `Trimmed` skip the padding; in
    the targets the loss reads it as its mask."""
    out = {}
    for split, by_name in chorales(max_files).splits.items():
        longest = max(len(roll) for roll in by_name.values())
        targets = torch.zeros(len(by_name), longest, KEYS + 1)
        for i, roll in enumerate(by_name.values()):
            targets[i, : len(roll), :KEYS] = torch.from_numpy(roll).float()
            targets[i, : len(roll), KEYS] = 1.0
        inputs = targets.clone()
        inputs[:, :, :KEYS] = torch.cat(
            [torch.zeros(len(by_name), 1, KEYS), targets[:, :-1, :KEYS]], dim=1
        )
        out[split] = (inputs, targets)
    return out


class Trimmed(nn.Module):
    """Runs `model` on the keys of a batch's real steps only, up to its longest chorale,
    and pads the outputs back (the loss ignores them): most chorales are a quarter as long
    as the longest, so a batch rarely needs all its padding."""

    def __init__(self, model: nn.Module):
        super().__init__()
        self.model = model

    def forward(self, inputs: torch.Tensor) -> torch.Tensor:
        steps = int(inputs[..., KEYS].sum(1).max().item())
        outputs = self.model(inputs[:, :steps, :KEYS])
        return nn.functional.pad(outputs, (0, 0, 0, inputs.shape[1] - steps))


def shown(max_files: int) -> tuple[str, int, int]:
    """The test chorale a figure shows each model's predictions on: the first (in the
    derived order) of 40-80 steps, a typical length that fits a phone; (id, index in the
    test split, lowest key of the window drawn: two keys below its lowest note)."""
    test = chorales(max_files).splits["test"]
    for index, (name, roll) in enumerate(test.items()):
        if 40 <= len(roll) <= 80:
            return name, index, max(0, int(roll.any(0).nonzero()[0].min()) - 2)
    raise ValueError("no test chorale of 40-80 steps")


def predictions(model: nn.Module, max_files: int) -> dict:
    """The model's probability for every key of the shown window at every step of the
    shown chorale, 3 decimals (a figure's worth of data, not a checkpoint)."""
    name, index, low = shown(max_files)
    inputs = rolls(max_files)["test"][0]
    roll = chorales(max_files).splits["test"][name]
    high = min(KEYS, int(roll.any(0).nonzero()[0].max()) + 3)
    model.eval()
    with torch.no_grad():
        probs = torch.sigmoid(model(inputs[index : index + 1].to(next(model.parameters()).device)))
    window = probs[0, : len(roll), low:high].cpu().tolist()
    return {"id": name, "low": low, "probs": [[round(p, 3) for p in step] for step in window]}


def nll(outputs: torch.Tensor, targets: torch.Tensor) -> torch.Tensor:
    """NLL per real time step: the 88 keys' Bernoulli NLLs summed, steps pooled."""
    keys, mask = targets[..., :KEYS], targets[..., KEYS]
    per_key = nn.functional.binary_cross_entropy_with_logits(outputs, keys, reduction="none")
    return (per_key.sum(-1) * mask).sum() / mask.sum()


@torch.no_grad()
def pooled_nll(model: nn.Module, inputs: torch.Tensor, targets: torch.Tensor) -> float:
    model.eval()
    return nll(model(inputs), targets).item()


@functools.cache
def widths(config: Config) -> dict[str, int]:
    """Each model's width: the LSTM's from the preset, the others' matched to its weights
    (searched once per process: the search builds a model at every width)."""
    return matched_models(KEYS, config.lstm_width, KEYS, MODELS)


def grid(config: Config) -> list[dict]:
    """Round one: every model at the preset's rates, on the tuning seeds."""
    tuners = config.seeds[: config.tuning_seeds]
    return [{"model": m, "lr": lr, "seed": s} for m in MODELS for lr in config.lrs for s in tuners]


def next_round(config: Config, done: Done) -> list[dict]:
    return search(config).next_round(done, [{"model": m} for m in MODELS], config.seeds)


def trial(config: Config, point: dict, device: torch.device) -> dict:
    """Train one model at one rate from one paired seed until validation NLL stops
    improving; report validation and test NLL of its best weights, and where it stopped."""
    data = {
        split: tuple(t.to(device) for t in pair) for split, pair in rolls(config.max_files).items()
    }
    streams(point["seed"]).seed_weights()
    width = widths(config)[point["model"]]
    model = Trimmed(Recurrent(point["model"], KEYS, width, KEYS, every_step=True)).to(device)
    rule = Patience(every=config.every, patience=config.patience, cap=config.cap)
    stopped = train_until_converged(
        model,
        *data["train"],
        rule,
        batch_size=config.batch_size,
        lr=point["lr"],
        loss_fn=nll,
        generator=torch.Generator().manual_seed(derived_seed(point["seed"], ORDER)),
        score=lambda m: pooled_nll(m, *data["validation"]),
        higher_is_better=False,
    )
    return {
        "val_nll": pooled_nll(model, *data["validation"]),
        "test_nll": pooled_nll(model, *data["test"]),
        "stopping": stopped,
        "shown": predictions(model, config.max_files),
    }


def summarize(config: Config, done: Done) -> dict:
    tuned = search(config)
    records = {m: tuned.record(done, {"model": m}, config.seeds) for m in MODELS}
    test = {
        m: [done.one(model=m, lr=records[m]["chosen"], seed=s)["test_nll"] for s in config.seeds]
        for m in MODELS
    }
    stops = {
        m: [done.one(model=m, lr=records[m]["chosen"], seed=s)["stopping"] for s in config.seeds]
        for m in MODELS
    }
    width = widths(config)
    params = {
        m: parameter_count(Recurrent(m, KEYS, width[m], KEYS, every_step=True)) for m in MODELS
    }
    gap = max(abs(params[m] / params["lstm"] - 1) for m in MODELS)
    corpus = chorales(config.max_files)
    name, _, low = shown(config.max_files)
    first = config.seeds[0]
    comparisons = {
        f"{a}_vs_{b}": compare(test[a], test[b], higher_is_better=False, margin=MARGIN).to_json()
        for a, b in PAIRS
    }
    return {
        "seeds": list(config.seeds),
        "tuning_seeds": config.tuning_seeds,
        "stopping": {"every": config.every, "patience": config.patience, "cap": config.cap},
        "corpus": corpus.provenance() | {"files": min(config.max_files, len(corpus_files()))},
        "shown": {  # seed 1's predictions on one test chorale, and the notes Bach wrote
            "id": name,
            "low": low,
            "notes": [
                [int(k) - low for k in step.nonzero()[0]] for step in corpus.splits["test"][name]
            ],
            "probs": {
                m: done.one(model=m, lr=records[m]["chosen"], seed=first)["shown"]["probs"]
                for m in MODELS
            },
        },
        "published": PUBLISHED,
        "models": {
            m: {
                "hidden_size": width[m],
                "params": params[m],
                "test_nll": test[m],
                "lr": records[m],
                "stopping": stops[m],
            }
            for m in MODELS
        },
        "findings": {
            "margin_nll": MARGIN,
            **comparisons,
            "params_gap": gap,
            "params_matched": gap <= MATCHED,
            "paper": _paper(comparisons),
        },
    }


def _paper(comparisons: dict[str, dict]) -> str:
    """Chung et al. 2014 on JSB: both gated units beat the tanh RNN (and the GRU edged the
    LSTM, which the paper does not call decisive). Agrees when both gated units are clearly
    better than the RNN here; partly when one is; disagrees otherwise."""
    wins = sum(comparisons[f"{g}_vs_rnn"]["outcome"] == "a" for g in ("gru", "lstm"))
    return {2: "agrees", 1: "partly"}.get(wins, "disagrees")


def check_trained(data: dict) -> str | None:
    """Every model must predict better than an untrained net's ~61 nats per step (88 keys
    at a coin flip each): 20 nats is far above every published JSB figure."""
    worst = max(max(model["test_nll"]) for model in data["models"].values())
    return None if worst < 20 else f"a model's test NLL is {worst:.1f} nats per step"
