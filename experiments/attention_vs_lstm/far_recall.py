"""Reaching far back: look up a card seen long ago, across a stretch of blanks.

Each sequence shows a few cards (a key with a value written on it), then blanks, then a
question: what was on key k's card? The more blanks, the farther back the answer lies.
An LSTM must carry every card through every blank step by step; self-attention (a small
Transformer encoder) and an LSTM with attention over its own states can look straight
back at the card. The paper this echoes: Vaswani et al. 2017 (self-attention joins any
two positions by a path of constant length, recurrence by one as long as the gap; Table
1), after Bahdanau et al. 2014. The LSTMs are made as wide as it takes to have the
Transformer's parameter count (within MATCHED); every model trains at every rate of
`lrs`, and its rate is chosen per length on a validation split. We keep, for one example
at the longest length, where each attention model looked.
"""

import statistics
import string
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
from chigai.tuning import tune, tuning_record

PRESETS = {
    "quick": {
        "lengths": [7, 19],
        "positions": 19,
        "cards": 6,
        "keys": 8,
        "values": 8,
        "d_model": 48,
        "heads": 4,
        "layers": 1,
        "steps": 200,
        "batch_size": 64,
        "lrs": [0.003, 0.01],
        "train_size": 8000,
        "validation_size": 500,
        "test_size": 1000,
        "seeds": [1],
    },
    "full": {
        "lengths": [9, 17, 33, 65],
        # The Transformer's table of learned positions: the longest length, so that each
        # model is one size at every length.
        "positions": 65,
        "cards": 8,
        "keys": 8,
        "values": 8,
        "d_model": 64,
        "heads": 4,
        "layers": 1,
        "steps": 700,
        "batch_size": 64,
        "lrs": [0.001, 0.003, 0.01],
        "train_size": 20000,
        "validation_size": 2000,
        "test_size": 2000,
        "seeds": [1, 2, 3],
    },
}
FIGURES = {"far_accuracy": "accuracy_vs_length", "attention_map": "attention_map"}
ALT = {
    "far_accuracy": {
        "ja": "折れ線グラフ。横軸は列の長さ、縦軸は正解率。LSTM、LSTM＋Attention、Transformer が"
        "遠くにあるカードの中身を答えられた割合を比べている。",
        "en": "Line chart of test accuracy against sequence length for an LSTM, an LSTM with "
        "attention and a small Transformer, answering about a card seen far back.",
    },
    "attention_map": {
        "ja": "ヒートマップ。横に 1 つの例の各位置、縦に Transformer の各ヘッドと LSTM＋Attention。"
        "質問がどの位置に注目したかを色の濃さで示し、答えのカードを赤枠で囲んでいる。",
        "en": "Heatmap: one example's positions across, each Transformer head and the LSTM's "
        "attention down; darker means more attention from the question. The card holding the "
        "answer is outlined in red.",
    },
}
NAME = {"ja": "ずっと前に見たカードを思い出す", "en": "Recalling a card seen long ago"}

MODELS = ("lstm", "lstm_attention", "transformer")
MAPPED = ("transformer", "lstm_attention")  # the rows of the attention map, in order
MATCHED = 0.1  # an LSTM's parameter count is within 10% of the Transformer's (tested)
SOLVED_FROM = 0.9  # a seed solved a length: over 90% of the questions right
# A seed is clearly above chance 10 points over it: a model at chance scores within about
# 1.5 points of it on 2,000 questions (two standard errors), so 10 points is no accident.
ABOVE_CHANCE = 0.1
# A model is better at a length only when its worst seed beats the other's best seed by
# more than 2 points (chigai.seeds.winner); two models both near chance tie.
WIN_MARGIN = 0.02
DROP = 0.2  # the LSTM "drops": every seed at the longest length 20 points under every shortest


@dataclass(frozen=True)
class Config(PresetConfig):
    lengths: tuple[int, ...]
    positions: int
    cards: int
    keys: int
    values: int
    d_model: int
    heads: int
    layers: int
    steps: int
    batch_size: int
    lrs: tuple[float, ...]
    train_size: int
    validation_size: int
    test_size: int


def build(name: str, config: Config) -> nn.Module:
    """One of the three models; an LSTM gets the width that gives it as many parameters as
    the Transformer (counted on the meta device: no memory, no random numbers drawn)."""
    vocab = card_vocabulary(config.keys, config.values)
    shape = (config.d_model, config.heads, config.layers, config.positions, config.values)
    if name == "transformer":
        return TransformerClassifier(vocab, *shape)
    attention = name == "lstm_attention"
    with torch.device("meta"):
        target = parameter_count(TransformerClassifier(vocab, *shape))
        counts = {
            h: parameter_count(TokenLSTM(vocab, h, config.values, attention))
            for h in range(1, 2 * config.d_model)
        }
    width = min(counts, key=lambda h: abs(counts[h] - target))
    return TokenLSTM(vocab, width, config.values, attention=attention)


def grid(config: Config) -> list[dict]:
    """Every length x seed x model x rate. The attention map shows the longest length's
    first seed; its trials (every rate, the chosen one is known later) say so."""
    if min(config.lengths) < config.cards + 1 or max(config.lengths) > config.positions:
        raise ValueError(
            f"far_recall: every length must lie between cards + 1 = {config.cards + 1} and "
            f"positions = {config.positions}; got {list(config.lengths)}"
        )
    points = product(length=config.lengths, seed=config.seeds, model=MODELS, lr=config.lrs)
    example = {"length": config.lengths[-1], "seed": config.seeds[0]}
    for point in points:
        if point["model"] in MAPPED and example.items() <= point.items():
            point["example"] = True
    return points


def splits(config: Config, point: dict) -> dict[str, tuple[torch.Tensor, ...]]:
    """Train, validation and test sets of one (length, seed), shared by every model and rate.
    Cards come from a finite deck, so no validation or test sequence was trained on."""
    gap = point["length"] - config.cards - 1
    data = torch.Generator().manual_seed(point["seed"] * 104_729 + gap)
    sizes = dict(train=config.train_size, validation=config.validation_size, test=config.test_size)
    deck = (config.cards, config.keys, config.values, gap)
    return disjoint_splits(lambda n, g: card_recall(n, *deck, g), sizes, data)


def trial(config: Config, point: dict, device: torch.device) -> dict:
    """Train one model at one length and rate from one seed; score validation and test.
    An example point also returns its part of the attention map."""
    seed = point["seed"]
    data = splits(config, point)
    set_seed(seed)
    model = build(point["model"], config).to(device)
    loss = nn.functional.cross_entropy
    fit(model, *data["train"], config, seed=seed, lr=point["lr"], loss_fn=loss)
    model.eval()
    output = {}
    for key, name in (("val_accuracy", "validation"), ("accuracy", "test")):
        x, y = (t.to(device) for t in data[name])
        with torch.no_grad():
            output[key] = (model(x).argmax(dim=-1) == y).float().mean().item()
    if point.get("example"):
        output["example"] = _attention(config, point["model"], model, data["test"][0].to(device))
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
    lr_shown = {name: chosen[name][-1] for name in MAPPED}
    parts = {name: done.one(example=True, model=name, lr=lr_shown[name]) for name in MAPPED}
    parts = {name: part["example"] for name, part in parts.items()}
    attention = {
        "tokens": parts["transformer"]["tokens"],
        "answer_position": parts["transformer"]["answer_position"],
        "rows": [row for name in MAPPED for row in parts[name]["rows"]],
        "peak_on_answer": {name: parts[name]["peak_on_answer"] for name in MAPPED},
        "length": lengths[-1],
        "seed": config.seeds[0],
        "lr": lr_shown,
    }
    chance = 1 / config.values
    built = {name: build(name, config) for name in MODELS}
    widths = {name: getattr(built[name], "lstm", None) for name in MODELS}
    widths = {name: lstm.hidden_size if lstm else config.d_model for name, lstm in widths.items()}
    return {
        "lengths": lengths,
        "gaps": [n - config.cards - 1 for n in lengths],
        "cards": config.cards,
        "seeds": list(config.seeds),
        "chance": chance,
        "solved_from": SOLVED_FROM,
        "above_chance_from": chance + ABOVE_CHANCE,
        "models": {
            name: {
                "params": parameter_count(built[name]),
                "width": widths[name],
                "lr": chosen[name],
                "accuracy": scores[name],
                "val_accuracy": at_chosen("val_accuracy", name),
                "median_accuracy": median[name],
            }
            for name in MODELS
        },
        "attention": attention,
        "rows": [
            {"length": n, **{name: median[name][i] for name in MODELS}}
            for i, n in enumerate(lengths)
        ],
        "tuning": tuning_record(lrs, "val_accuracy", chosen, per="length", settings=lengths),
        "findings": _findings(lengths, scores, chance, attention),
    }


def _card_label(token: int, config: Config) -> str:
    """Readable tokens for the heatmap: 'C=5' for a card, '·' for a blank, 'C?' to ask."""
    letters, blank = string.ascii_uppercase, config.keys * config.values
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


def _findings(lengths: list[int], scores: dict, chance: float, attention: dict) -> dict:
    """Judgements over seeds: solved, above chance and better only when every seed says so."""
    seeds = len(scores["lstm"][0])
    solved = {name: [solved_in(s, above=SOLVED_FROM) for s in scores[name]] for name in MODELS}
    clear = {
        name: [solved_in(s, above=chance + ABOVE_CHANCE) for s in scores[name]] for name in MODELS
    }

    def longest(counts: list[int]) -> int | None:
        return max((n for n, k in zip(lengths, counts, strict=True) if k == seeds), default=None)

    def better(a: str, b: str, i: int) -> str | None:
        if clear[a][i] == clear[b][i] == 0:
            return None  # both near chance: a tie, whatever the decimals say
        return winner({a: scores[a][i], b: scores[b][i]}, higher_is_better=True, margin=WIN_MARGIN)

    pairs = (("transformer", "lstm"), ("lstm_attention", "lstm"), ("transformer", "lstm_attention"))
    wins = {f"{a}_vs_{b}": [better(a, b, i) for i in range(len(lengths))] for a, b in pairs}
    lstm = scores["lstm"]
    drops = winner({"short": lstm[0], "long": lstm[-1]}, higher_is_better=True, margin=DROP)
    holds = solved["transformer"][-1] == seeds
    beats = wins["transformer_vs_lstm"][-1] == "transformer"
    # Vaswani et al. 2017 (constant path length): attention keeps long-range lookups that
    # recurrence loses. agrees: every Transformer seed solves the longest length and the
    # Transformer beats the LSTM there (seed ranges apart); partly: one of the two; else
    # disagrees.
    paper = "agrees" if holds and beats else "partly" if holds or beats else "disagrees"
    # The row a summary table shows for LSTM vs Transformer: the longest length at which
    # both are clearly above chance in every seed (two models that learned, compared), else
    # the longest at which one of them is (one that learned against one that did not).
    both = [i for i in range(len(lengths)) if clear["lstm"][i] == clear["transformer"][i] == seeds]
    one = [i for i in range(len(lengths)) if seeds in (clear["lstm"][i], clear["transformer"][i])]
    row, rule = (both[-1], "both") if both else (one[-1], "one") if one else (0, "none")
    return {
        "seeds_n": seeds,
        "solved_seeds": solved,
        "above_chance_seeds": clear,
        "longest_solved": {name: longest(solved[name]) for name in MODELS},
        "longest_above_chance": {name: longest(clear[name]) for name in MODELS},
        "at_longest": {name: statistics.median(scores[name][-1]) for name in MODELS},
        "at_shortest": {name: statistics.median(scores[name][0]) for name in MODELS},
        "better_per_length": wins,
        "win_margin": WIN_MARGIN,
        "lstm_drops": drops == "short",
        "transformer_holds": holds,
        "attention_beats_lstm_at_longest": beats,
        "lstm_attention_helps": wins["lstm_attention_vs_lstm"][-1] == "lstm_attention",
        "informative_row": {
            "length": lengths[row],
            "above_chance": rule,
            **{name: statistics.median(scores[name][row]) for name in ("lstm", "transformer")},
            "seeds": {name: scores[name][row] for name in ("lstm", "transformer")},
            "better": wins["transformer_vs_lstm"][row],
        },
        "transformer_looks_at_answer": attention["peak_on_answer"]["transformer"],
        "lstm_attention_looks_at_answer": attention["peak_on_answer"]["lstm_attention"],
        "paper": paper,
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
