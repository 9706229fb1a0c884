"""A toy translation, with and without attention: reverse a sentence of random words.

Two LSTM encoder-decoders learn to write their input backwards. One hands the decoder
only the encoder's final state; the other adds Bahdanau et al.'s (2014) additive
attention, so the decoder can look back at every input word. The model without
attention gets a wider state, computed so that both have the same number of parameters
(within MATCHED). Each trains at every rate of `lrs`, its rate chosen per length on a
validation split of sentences that never occur in training or test. We score exact
matches (every word right) at growing lengths, and keep the alignment of one example:
which input word the attention model looked at for each output word.

The paper this echoes: Bahdanau et al. 2014 (Fig. 2), where the plain encoder-decoder's
translations degrade as sentences grow and the attention model's hold up. (Sutskever et
al. 2014 eased the same bottleneck by reversing the source; here reversal is the task.)
"""

import statistics
from dataclasses import dataclass

import torch
from torch import nn

from chigai.experiment import PresetConfig, clearly_learned
from chigai.models.recurrent import parameter_count
from chigai.models.seq2seq import Seq2Seq
from chigai.seeds import solved_in, winner
from chigai.tasks.reversal import reversal
from chigai.tasks.splits import disjoint_splits
from chigai.training import fit, set_seed
from chigai.trials import Done, product
from chigai.tuning import tune, tuning_record

PRESETS = {
    "quick": {
        "lengths": [5, 12],
        "vocab": 8,
        "hidden_size": 32,
        "steps": 300,
        "batch_size": 64,
        "lrs": [0.003, 0.01],
        "train_size": 5000,
        "validation_size": 500,
        "test_size": 500,
        "seeds": [1],
    },
    "full": {
        # Lengths up to 20 (not 30) and 900 steps (not 1,200) pay for three rates per model.
        "lengths": [5, 10, 15, 20],
        "vocab": 8,
        "hidden_size": 64,  # the attention model's; the plain one is widened to match
        "steps": 900,
        "batch_size": 64,
        "lrs": [0.001, 0.003, 0.01],
        "train_size": 20000,
        "validation_size": 1000,
        "test_size": 1000,
        "seeds": [1, 2, 3],
    },
}
FIGURES = {"seq2seq_accuracy": "exact_match_vs_length", "alignment": "alignment_map"}
ALT = {
    "seq2seq_accuracy": {
        "ja": "折れ線グラフ。横軸は文の長さ、縦軸は完全に正しく訳せた割合。"
        "Attention のある LSTM とない LSTM を比べている。",
        "en": "Line chart of the share of sentences reproduced exactly, against sentence length, "
        "for an LSTM encoder-decoder with and without attention.",
    },
    "alignment": {
        "ja": "ヒートマップ。横軸は入力の単語、縦軸は出力した単語。"
        "出力の各単語が入力のどの単語に注目したかを色の濃さで示す。",
        "en": "Heatmap of which input word (across) each output word (down) attended to; "
        "darker means more attention.",
    },
}
NAME = {
    "ja": "小さな翻訳（Attention あり・なし）",
    "en": "A tiny translation, with and without attention",
}

MODELS = {"seq2seq": False, "seq2seq_attention": True}
MATCHED = 0.1  # the two parameter counts are within 10% of each other (tested)
SOLVED_FROM = 0.9  # a seed handles a length: over 90% of the sentences exactly right
# A model is better at a length only when its worst seed beats the other's best seed by
# more than 2 points of exact match (chigai.seeds.winner). Guessing gets (1/vocab)^length
# exactly right, nil here, so two models under 2 points tie.
WIN_MARGIN = 0.02
DROP = 0.2  # "drops": every seed at the longest length 20 points under every seed at the shortest


@dataclass(frozen=True)
class Config(PresetConfig):
    lengths: tuple[int, ...]
    vocab: int
    hidden_size: int
    steps: int
    batch_size: int
    lrs: tuple[float, ...]
    train_size: int
    validation_size: int
    test_size: int


def build(name: str, config: Config) -> Seq2Seq:
    """The attention model at `hidden_size`; the plain one at the width that gives it as
    many parameters (counted on the meta device: no memory, no random numbers drawn)."""
    if MODELS[name]:
        return Seq2Seq(config.vocab, config.hidden_size, attention=True)
    with torch.device("meta"):
        target = parameter_count(Seq2Seq(config.vocab, config.hidden_size, attention=True))
        counts = {
            h: parameter_count(Seq2Seq(config.vocab, h, attention=False))
            for h in range(config.hidden_size, 2 * config.hidden_size)
        }
    width = min(counts, key=lambda h: abs(counts[h] - target))
    return Seq2Seq(config.vocab, width, attention=False)


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
    """Every length x seed x model x rate. The attention model's trials at the longest
    length and first seed (every rate: the chosen one is known later) keep an alignment."""
    points = product(length=config.lengths, seed=config.seeds, model=MODELS, lr=config.lrs)
    example = (config.lengths[-1], config.seeds[0])
    for point in points:
        if MODELS[point["model"]] and (point["length"], point["seed"]) == example:
            point["example"] = True
    return points


def splits(config: Config, point: dict) -> dict[str, tuple[torch.Tensor, ...]]:
    """Train, validation and test sentences of one (length, seed), shared by both models
    and every rate. Short sentences over a small vocabulary repeat (8⁵ = 32,768 sentences
    of 5 words), so no validation or test sentence occurs in training."""
    length = point["length"]
    data = torch.Generator().manual_seed(point["seed"] * 7919 + length)
    sizes = {
        "train": config.train_size,
        "validation": config.validation_size,
        "test": config.test_size,
    }
    return disjoint_splits(lambda n, g: reversal(n, length, config.vocab, g), sizes, data)


def trial(config: Config, point: dict, device: torch.device) -> dict:
    """Train one model at one length and rate from one seed; score exact matches on the
    validation and test sentences (greedy decoding)."""
    length, seed = point["length"], point["seed"]
    data = splits(config, point)
    source, target = data["train"]
    set_seed(seed)
    model = build(point["model"], config).to(device)
    pairs, inputs = TeacherForced(model, length), torch.cat([source, target], dim=1)
    fit(pairs, inputs, target, config, seed=seed, lr=point["lr"], loss_fn=word_loss)
    model.eval()
    output: dict = {}
    for key, name in (("val_accuracy", "validation"), ("accuracy", "test")):
        sentences, reversed_ = (t.to(device) for t in data[name])
        words, weights = model.greedy(sentences, length)
        output[key] = (words == reversed_).all(dim=1).float().mean().item()
    if point.get("example"):  # the loop ended on the test set: the example is a test sentence
        output["alignment"] = _alignment(sentences, words, reversed_, weights)
    return output


def summarize(config: Config, done: Done) -> dict:
    lengths, lrs = list(config.lengths), list(config.lrs)
    tuned = tune(
        done,
        lrs,
        "val_accuracy",
        higher_is_better=True,
        models=MODELS,
        axis="length",
        settings=lengths,
    )
    chosen, at_chosen = tuned.chosen, tuned.values

    scores = {name: at_chosen("accuracy", name) for name in MODELS}
    median = {name: [statistics.median(s) for s in scores[name]] for name in MODELS}
    shown = chosen["seq2seq_attention"][-1]
    alignment = done.one(example=True, lr=shown)["alignment"]
    alignment |= {"length": lengths[-1], "seed": config.seeds[0], "lr": shown}
    models = {name: build(name, config) for name in MODELS}
    return {
        "lengths": lengths,
        "seeds": list(config.seeds),
        "vocab": config.vocab,
        "chance": [config.vocab**-n for n in lengths],  # a whole sentence guessed right
        "solved_from": SOLVED_FROM,
        "models": {
            name: {
                "params": parameter_count(models[name]),
                "hidden_size": models[name].encoder.hidden_size,
                "lr": chosen[name],
                "accuracy": scores[name],
                "val_accuracy": at_chosen("val_accuracy", name),
                "median_accuracy": median[name],
            }
            for name in MODELS
        },
        "alignment": alignment,
        "rows": [
            {"length": n, **{name: median[name][i] for name in MODELS}}
            for i, n in enumerate(lengths)
        ],
        "tuning": tuning_record(lrs, "val_accuracy", chosen, per="length", settings=lengths),
        "findings": _findings(lengths, scores, alignment),
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


def _findings(lengths: list[int], scores: dict, alignment: dict) -> dict:
    """Judgements over seeds: a length is handled, and a model better, only when every
    seed says so."""
    plain, attended = scores["seq2seq"], scores["seq2seq_attention"]
    seeds = len(plain[0])
    solved = {name: [solved_in(s, above=SOLVED_FROM) for s in scores[name]] for name in MODELS}
    better = [
        winner({name: scores[name][i] for name in MODELS}, higher_is_better=True, margin=WIN_MARGIN)
        for i in range(len(lengths))
    ]
    attention_better = [n for n, w in zip(lengths, better, strict=True) if w == "seq2seq_attention"]
    plain_drops = winner({"short": plain[0], "long": plain[-1]}, higher_is_better=True, margin=DROP)
    holds = solved["seq2seq_attention"][-1] == seeds
    # Bahdanau et al. 2014: without attention quality falls with sentence length, with
    # attention it holds. agrees: the plain model drops (every seed) while every attention
    # seed still handles the longest length; partly: attention is better at the longest
    # length (seed ranges apart) but not both of those; disagrees: it is not better there.
    if plain_drops == "short" and holds:
        paper = "agrees"
    else:
        paper = "partly" if better[-1] == "seq2seq_attention" else "disagrees"
    return {
        "seeds_n": seeds,
        "solved_seeds": solved,
        "longest_handled": {
            name: max(
                (n for n, k in zip(lengths, solved[name], strict=True) if k == seeds), default=None
            )
            for name in MODELS
        },
        "plain_drops": plain_drops == "short",
        "attention_holds": holds,
        "gap_at_longest": statistics.median(attended[-1]) - statistics.median(plain[-1]),
        "better_per_length": better,
        "win_margin": WIN_MARGIN,
        "attention_better_lengths": attention_better,
        "plain_better_lengths": [n for n, w in zip(lengths, better, strict=True) if w == "seq2seq"],
        "tie_lengths": [n for n, w in zip(lengths, better, strict=True) if w is None],
        "alignment_near_copied_word": alignment["peak_near_copied_word"],
        "paper": paper,
    }


def check_trained(data: dict) -> str | None:
    """Trained: at the shortest length the better model copies at least half the sentences."""
    first = data["rows"][0]
    best = max(first[name] for name in MODELS)
    if clearly_learned(best, chance=0.0):
        return None
    return f"at {first['length']} words the best median exact match is {best:.3f}"
