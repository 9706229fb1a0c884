"""A toy translation, with and without attention: reverse a sentence of random words.

Two LSTM encoder-decoders of the same size learn to write their input backwards. One
hands the decoder only the encoder's final state; the other adds Bahdanau et al.'s
(2014) additive attention, so the decoder can look back at every input word. We score
exact matches (every word right) at growing lengths, and keep the alignment of one
example: which input word the attention model looked at for each output word.
"""

import statistics
from dataclasses import dataclass

import torch
from torch import nn

from chigai.experiment import PresetConfig, clearly_learned
from chigai.models.recurrent import parameter_count
from chigai.models.seq2seq import Seq2Seq
from chigai.tasks.reversal import reversal
from chigai.training import fit, set_seed
from chigai.trials import Done

PRESETS = {
    "quick": {
        "lengths": [4, 12],
        "vocab": 8,
        "hidden_size": 32,
        "steps": 500,
        "batch_size": 64,
        "lr": 0.005,
        "train_size": 5000,
        "test_size": 500,
        "seeds": [1],
    },
    "full": {
        "lengths": [5, 10, 15, 20, 30],
        "vocab": 8,
        "hidden_size": 64,
        "steps": 1200,
        "batch_size": 64,
        "lr": 0.003,
        "train_size": 20000,
        "test_size": 1000,
        "seeds": [1, 2, 3],
    },
}
FIGURES = {"seq2seq_accuracy": "exact_match_vs_length", "alignment": "alignment_map"}

MODELS = {"seq2seq": False, "seq2seq_attention": True}
SOLVED_FROM = 0.9  # exact-match share from which a length counts as handled


@dataclass(frozen=True)
class Config(PresetConfig):
    lengths: tuple[int, ...]
    vocab: int
    hidden_size: int
    steps: int
    batch_size: int
    lr: float
    train_size: int
    test_size: int


class TeacherForced(nn.Module):
    """Lets the shared training loop feed (source ‖ target) as one tensor."""

    def __init__(self, model: Seq2Seq, length: int):
        super().__init__()
        self.model, self.length = model, length

    def forward(self, pair: torch.Tensor) -> torch.Tensor:
        return self.model(pair[:, : self.length], pair[:, self.length :])


def word_loss(logits: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
    return nn.functional.cross_entropy(logits.flatten(0, 1), target.flatten())


def grid(config: Config) -> list[dict]:
    """The attention model at the longest length and first seed also keeps an alignment."""
    longest, first = config.lengths[-1], config.seeds[0]
    return [
        {"length": length, "seed": seed, "model": name}
        | ({"example": True} if MODELS[name] and (length, seed) == (longest, first) else {})
        for length in config.lengths
        for seed in config.seeds
        for name in MODELS
    ]


def trial(config: Config, point: dict, device: torch.device) -> dict:
    """Train one model at one length from one seed, on the data of that (length, seed)."""
    length, seed = point["length"], point["seed"]
    data = torch.Generator().manual_seed(seed * 7919 + length)
    source, target = reversal(config.train_size, length, config.vocab, data)
    test_source, test_target = reversal(config.test_size, length, config.vocab, data)
    test_source, test_target = test_source.to(device), test_target.to(device)
    set_seed(seed)
    model = Seq2Seq(config.vocab, config.hidden_size, MODELS[point["model"]]).to(device)
    inputs = torch.cat([source, target], dim=1).to(device)
    fit(TeacherForced(model, length), inputs, target, config, seed=seed, loss_fn=word_loss)
    model.eval()
    words, weights = model.greedy(test_source, length)
    output = {"accuracy": (words == test_target).all(dim=1).float().mean().item()}
    if point.get("example"):
        output["alignment"] = _alignment(test_source, words, test_target, weights)
    return output


def summarize(config: Config, done: Done) -> dict:
    scores = {
        name: [done.values("accuracy", length=length, model=name) for length in config.lengths]
        for name in MODELS
    }
    alignment = done.one(example=True)["alignment"]
    median = {name: [statistics.median(s) for s in scores[name]] for name in MODELS}
    params = {
        name: parameter_count(Seq2Seq(config.vocab, config.hidden_size, attention))
        for name, attention in MODELS.items()
    }
    return {
        "lengths": list(config.lengths),
        "seeds": list(config.seeds),
        "vocab": config.vocab,
        "solved_from": SOLVED_FROM,
        "models": {
            name: {
                "params": params[name],
                "hidden_size": config.hidden_size,
                "accuracy": scores[name],
                "median_accuracy": median[name],
            }
            for name in MODELS
        },
        "alignment": alignment,
        "rows": [
            {"length": n, **{name: median[name][i] for name in MODELS}}
            for i, n in enumerate(config.lengths)
        ],
        "findings": _findings(config.lengths, median, alignment),
    }


def _alignment(source, words, target, weights) -> dict:
    """One example's alignment, and how often attention peaks at or next to the input word
    being copied (the encoder's state one word later still holds it)."""
    length = source.shape[1]
    mirrored = torch.arange(length - 1, -1, -1, device=source.device)
    near = ((weights.argmax(dim=-1) - mirrored).abs() <= 1).float().mean().item()
    return {
        "source": source[0].tolist(),
        "output": words[0].tolist(),
        "correct": bool((words[0] == target[0]).all()),
        "weights": [[round(w, 4) for w in row] for row in weights[0].tolist()],
        "peak_near_copied_word": near,
    }


def _longest(lengths, accuracy) -> int | None:
    handled = [n for n, a in zip(lengths, accuracy, strict=True) if a >= SOLVED_FROM]
    return max(handled) if handled else None


def _findings(lengths, median, alignment) -> dict:
    plain, attended = median["seq2seq"], median["seq2seq_attention"]
    return {
        "longest_handled": {name: _longest(lengths, median[name]) for name in MODELS},
        "plain_drops": plain[-1] < plain[0] - 0.2,
        "attention_holds": attended[-1] >= SOLVED_FROM,
        "gap_at_longest": attended[-1] - plain[-1],
        "attention_better_lengths": [
            n for n, a, p in zip(lengths, attended, plain, strict=True) if a > p + 0.05
        ],
        "alignment_near_copied_word": alignment["peak_near_copied_word"],
    }


def check_trained(data: dict) -> str | None:
    """Trained: at the shortest length the better model copies at least half the sentences."""
    first = data["rows"][0]
    best = max(first[name] for name in MODELS)
    if clearly_learned(best, chance=0.0):
        return None
    return f"at {first['length']} words the best median exact match is {best:.3f}"
