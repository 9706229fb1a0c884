"""Reaching far back: look up a card seen long ago, across a stretch of blanks.

Each sequence shows a few cards (a key with a value written on it), then blanks, then a
question: what was on key k's card? The more blanks, the farther back the answer lies.
An LSTM must carry every card through every blank step by step; self-attention (a small
Transformer encoder) and an LSTM with attention over its own states can look straight
back at the card. We score test accuracy per length and keep, for one example at the
longest length, where each model's attention went.
"""

import statistics
import string
from dataclasses import dataclass

import torch
from torch import nn

from chigai.experiment import PresetConfig, clearly_learned
from chigai.models.attention import TokenLSTM, TransformerClassifier
from chigai.models.recurrent import parameter_count
from chigai.tasks.recall import card_recall, card_vocabulary
from chigai.training import fit, set_seed
from chigai.trials import Done

PRESETS = {
    "quick": {
        "lengths": [7, 31],
        "cards": 6,
        "keys": 8,
        "values": 8,
        "hidden_size": 48,
        "d_model": 48,
        "heads": 4,
        "layers": 1,
        "steps": 300,
        "batch_size": 64,
        "lr": 0.004,
        "train_size": 8000,
        "test_size": 1000,
        "seeds": [1],
    },
    "full": {
        "lengths": [9, 25, 57, 121],
        "cards": 8,
        "keys": 8,
        "values": 8,
        "hidden_size": 64,
        "d_model": 64,
        "heads": 4,
        "layers": 1,
        "steps": 800,
        "batch_size": 64,
        "lr": 0.003,
        "train_size": 20000,
        "test_size": 2000,
        "seeds": [1, 2, 3],
    },
}
FIGURES = {"far_accuracy": "accuracy_vs_length", "attention_map": "attention_map"}

MODELS = ("lstm", "lstm_attention", "transformer")
MAPPED = ("transformer", "lstm_attention")  # the rows of the attention map, in order
SOLVED_FROM = 0.9


@dataclass(frozen=True)
class Config(PresetConfig):
    lengths: tuple[int, ...]
    cards: int
    keys: int
    values: int
    hidden_size: int
    d_model: int
    heads: int
    layers: int
    steps: int
    batch_size: int
    lr: float
    train_size: int
    test_size: int


def build(name: str, config: Config, length: int) -> nn.Module:
    vocab = card_vocabulary(config.keys, config.values)
    if name == "transformer":
        return TransformerClassifier(
            vocab, config.d_model, config.heads, config.layers, length, config.values
        )
    return TokenLSTM(vocab, config.hidden_size, config.values, attention=name == "lstm_attention")


def grid(config: Config) -> list[dict]:
    """Every length x seed x model. The example map shows both attention models of the
    longest length's first seed on the same test set, so those two points say so."""
    if min(config.lengths) < config.cards + 1:
        raise ValueError(
            f"far_recall: every length must exceed cards + 1 = {config.cards + 1}; "
            f"got {list(config.lengths)}"
        )
    points = [
        {"length": length, "seed": seed, "model": name}
        for length in config.lengths
        for seed in config.seeds
        for name in MODELS
    ]
    example = {"length": config.lengths[-1], "seed": config.seeds[0]}
    for point in points:
        if point["model"] in MAPPED and example.items() <= point.items():
            point["example"] = True
    return points


def trial(config: Config, point: dict, device: torch.device) -> dict:
    """Train one model on one length from one seed; all models of a (length, seed) see the
    same cards. An example point also returns its part of the attention map."""
    length, seed = point["length"], point["seed"]
    gap = length - config.cards - 1
    data = torch.Generator().manual_seed(seed * 104_729 + gap)
    make = (config.cards, config.keys, config.values, gap, data)
    train_x, train_y = card_recall(config.train_size, *make)
    test_x, test_y = card_recall(config.test_size, *make)
    test_x, test_y = test_x.to(device), test_y.to(device)
    set_seed(seed)
    model = build(point["model"], config, length).to(device)
    fit(model, train_x, train_y, config, seed=seed, loss_fn=nn.functional.cross_entropy)
    model.eval()
    with torch.no_grad():
        hits = model(test_x).argmax(dim=-1) == test_y
    output = {"accuracy": hits.float().mean().item()}
    if point.get("example"):
        output["example"] = _attention(config, point["model"], model, test_x)
    return output


def summarize(config: Config, done: Done) -> dict:
    lengths = list(config.lengths)
    scores = {
        name: [done.values("accuracy", length=n, model=name) for n in lengths] for name in MODELS
    }
    median = {name: [statistics.median(s) for s in scores[name]] for name in MODELS}
    parts = {name: done.one(example=True, model=name)["example"] for name in MAPPED}
    attention = {
        "tokens": parts["transformer"]["tokens"],
        "answer_position": parts["transformer"]["answer_position"],
        "rows": [row for name in MAPPED for row in parts[name]["rows"]],
        "peak_on_answer": {name: parts[name]["peak_on_answer"] for name in MAPPED},
    }
    return {
        "lengths": lengths,
        "gaps": [n - config.cards - 1 for n in lengths],
        "cards": config.cards,
        "seeds": list(config.seeds),
        "chance": 1 / config.values,
        "solved_from": SOLVED_FROM,
        "models": {
            name: {
                "params": parameter_count(build(name, config, lengths[-1])),
                "accuracy": scores[name],
                "median_accuracy": median[name],
            }
            for name in MODELS
        },
        "attention": attention,
        "rows": [
            {"length": n, **{name: median[name][i] for name in MODELS}}
            for i, n in enumerate(lengths)
        ],
        "findings": _findings(lengths, median, attention),
    }


def _card_label(token: int, config: Config) -> str:
    """Readable tokens for the heatmap: 'C=5' for a card, '·' for a blank, 'C?' to ask."""
    letters = string.ascii_uppercase
    blank = config.keys * config.values
    if token < blank:
        return f"{letters[token // config.values]}={token % config.values}"
    return "·" if token == blank else f"{letters[token - blank - 1]}?"


@torch.no_grad()
def _attention(config: Config, name: str, model: nn.Module, test_x: torch.Tensor) -> dict:
    """Where the question looked on example 0, and how often it peaks on the answer card."""
    asked = test_x[:, -1] - (config.keys * config.values + 1)
    card_keys = test_x[:, : config.cards] // config.values
    answer = (card_keys == asked.unsqueeze(1)).float().argmax(dim=1)
    if name == "transformer":
        _, maps = model(test_x, with_weights=True)
        from_question = maps[-1][:, :, -1, :]  # last layer: (batch, heads, n)
        rows = [
            {"model": name, "head": h + 1, "weights": from_question[0, h].tolist()}
            for h in range(from_question.shape[1])
        ]
        peak = from_question.mean(dim=1).argmax(dim=1)
    else:
        _, weights = model(test_x, with_weights=True)  # (batch, n)
        rows = [{"model": name, "head": 0, "weights": weights[0].tolist()}]
        peak = weights.argmax(dim=1)
    for row in rows:
        row["weights"] = [round(w, 4) for w in row["weights"]]
    return {
        "tokens": [_card_label(t, config) for t in test_x[0].tolist()],
        "answer_position": int(answer[0]),
        "rows": rows,
        "peak_on_answer": (peak == answer).float().mean().item(),
    }


def _findings(lengths: list[int], median: dict, attention: dict) -> dict:
    longest = {
        name: max(
            [n for n, a in zip(lengths, median[name], strict=True) if a >= SOLVED_FROM] or [0]
        )
        or None
        for name in MODELS
    }
    at_longest = {name: median[name][-1] for name in MODELS}
    return {
        "longest_solved": longest,
        "at_longest": at_longest,
        "at_shortest": {name: median[name][0] for name in MODELS},
        "lstm_drops": median["lstm"][-1] < median["lstm"][0] - 0.2,
        "transformer_holds": at_longest["transformer"] >= SOLVED_FROM,
        "attention_beats_lstm_at_longest": at_longest["transformer"] > at_longest["lstm"] + 0.1,
        "lstm_attention_helps": at_longest["lstm_attention"] > at_longest["lstm"] + 0.1,
        "transformer_looks_at_answer": attention["peak_on_answer"]["transformer"],
        "lstm_attention_looks_at_answer": attention["peak_on_answer"]["lstm_attention"],
    }


def check_trained(data: dict) -> str | None:
    """Trained: at the shortest length the best model is at least halfway from chance to 100%."""
    first = data["rows"][0]
    best = max(first[name] for name in MODELS)
    if clearly_learned(best, data["chance"]):
        return None
    return (
        f"at length {first['length']} the best median accuracy is {best:.3f} "
        f"(chance {data['chance']:.3f})"
    )
