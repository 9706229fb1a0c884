"""Gate ablations: which parts of the LSTM matter, and does the GRU need fewer of them?

Greff et al. 2017 ("LSTM: A Search Space Odyssey") removed one part of the LSTM at a time:
without the forget gate (NFG) or the output activation (NOAF) it did much worse; coupling
the input and forget gates (CIFG, i = 1 − f, as the GRU does) cost little. Jozefowicz,
Zaremba & Sutskever 2015 found the GRU matching or beating the LSTM, and a forget-gate
bias of 1 closing the gap between them. One task tests both, and makes forgetting matter
(`last_marked`): the answer is the symbol at the LAST of several marks, so a model must
overwrite what it stored at each new mark, then hold the last one at least `hold` steps.
The five LSTMs are one hand-written cell with switches (`_lstm_variants`, no peepholes);
the GRU is torch's. All have the same state width, as Greff varied the cell, not its
width (NFG, CIFG and the GRU have 3/4 of the gate weights; every count is in the data).
Each variant trains at every rate of `lrs` from every seed, and its rate is chosen on a
validation split disjoint from training and test. The training loss every 50 steps is
kept: the forget-bias result is mostly about how fast a model learns.
"""

import math
import statistics
from dataclasses import dataclass

import torch
from _gru_lstm import Recurrent
from _last_mark import last_marked
from _lstm_variants import LSTMVariant
from torch import nn

from chigai.experiment import PresetConfig, clearly_learned
from chigai.models.recurrent import parameter_count
from chigai.seeds import solved_in, spread, winner
from chigai.tasks.splits import disjoint_splits
from chigai.training import TrainSettings, fit, set_seed
from chigai.trials import Done, product
from chigai.tuning import chosen_lr, tuning_record

PRESETS = {
    "quick": {
        "seeds": [1],
        "lrs": [0.003, 0.01],
        "length": 20,
        "symbols": 4,
        "marks": 3,
        "hold": 5,
        "hidden_size": 16,
        "steps": 500,
        "batch_size": 32,
        "train_size": 2000,
        "validation_size": 300,
        "test_size": 500,
    },
    "full": {
        "seeds": [1, 2, 3],
        "lrs": [0.003, 0.01, 0.03],
        "length": 40,
        "symbols": 8,
        "marks": 4,
        # Held 10+ steps, the vanilla LSTM sat at chance for 1,300-2,600 steps (seeds 1-3
        # at 0.01; at a hold of 14, for all of 2,000). 2,500 steps: it learns in most seeds,
        # and 54 trials of 18-23 s CPU each (one thread) take ~9 min on 2 cores.
        "hold": 10,
        "hidden_size": 32,
        "steps": 2500,
        "batch_size": 32,
        "train_size": 10000,
        "validation_size": 1000,
        "test_size": 2000,
    },
}
FIGURES = {"ablation_accuracy": "variant_accuracy", "forget_bias_loss": "loss_curves"}
NAME = {"ja": "LSTM の部品を一つずつ変える", "en": "Changing the LSTM one part at a time"}
ALT = {
    "ablation_accuracy": {
        "ja": "横棒グラフ。最後に印のついた記号を答える問題のテスト正解率を、6 つのモデルについて、"
        "中央値を棒で、シードごとの値を点で示す。モデルは標準の LSTM、忘却ゲートのバイアスを 1 に"
        "した LSTM、忘却ゲートを外したもの、出力の tanh を外したもの、入力ゲートを忘却ゲートに"
        "連動させたもの、GRU。当てずっぽうの正解率を縦の破線で示す。",
        "en": "Horizontal bar chart of test accuracy on the last-marked-symbol task for six "
        "models (the standard LSTM, the LSTM with forget-gate bias 1, no forget gate, no "
        "output tanh, input gate tied to the forget gate, and the GRU): a bar at the median, "
        "a dot for each seed, and a dashed vertical line at the accuracy of guessing.",
    },
    "forget_bias_loss": {
        "ja": "折れ線グラフ。横軸は学習のステップ数、縦軸は学習中の損失（対数目盛）。忘却ゲートの"
        "バイアスが 0 の LSTM、1 の LSTM、GRU について、シードの中央値を線で、最小から最大までの"
        "幅を帯で示す。点線は速さを比べる目安（当てずっぽうの損失の半分）。",
        "en": "Line chart of training loss (log scale) against training steps for the LSTM "
        "with forget-gate bias 0, the LSTM with bias 1 and the GRU: the median over seeds as "
        "a line and the range over seeds as a band; a dotted line marks the level we time, "
        "half the loss of guessing.",
    },
}

# The `model` axis: five switches of one hand-written LSTM, and torch's GRU.
VARIANTS: dict[str, dict] = {
    "lstm": {},
    "lstm_bias1": {"forget_bias": 1.0},
    "nfg": {"forget_gate": False},
    "noaf": {"output_activation": False},
    "cifg": {"coupled": True},
}
MODELS = (*VARIANTS, "gru")
ABLATIONS = ("lstm_bias1", "nfg", "noaf", "cifg", "gru")  # each judged against "lstm"
CURVE_VARIANTS = ("lstm", "lstm_bias1", "gru")  # the forget-bias figure
# A variant beats another only when its worst seed is more than 2 accuracy points above
# the other's best seed (chigai.seeds.winner); otherwise a tie.
WIN_MARGIN = 0.02
# Two models with no seed 10 points above chance tie: a guesser scores within 1.5 points
# of chance on the full preset's 2,000 test sequences (two standard errors).
ABOVE_CHANCE = 0.1
SOLVED = 0.9  # a seed solved the task: 90% of test sequences right
# Learning speed: the first logged step at which the training loss is under half the
# loss of guessing (ln K / 2 nats, i.e. the answer narrowed to about √K symbols). Steps to
# a level, not the area under the curve, because the claim is about how soon a model
# learns and a step count can be read off the figure and said in words; the area mixes
# speed with the final loss. Half, because a batch of 32 at chance does not dip that low.
LOSS_LEVEL = 0.5
STEP_MARGIN = 50  # faster: its slowest seed more than 50 steps (one log) before the other's fastest


@dataclass(frozen=True)
class Config(PresetConfig):
    lrs: tuple[float, ...]
    length: int
    symbols: int
    marks: int
    hold: int
    hidden_size: int
    steps: int
    batch_size: int
    train_size: int
    validation_size: int
    test_size: int


def build(name: str, config: Config) -> nn.Module:
    """One variant at the preset's width. The GRU's biases start at 0 like the LSTMs'
    (torch draws them at random), so the only difference at the start is the cell."""
    inputs, width, outputs = config.symbols + 2, config.hidden_size, config.symbols
    if name in VARIANTS:
        return LSTMVariant(inputs, width, outputs, **VARIANTS[name])
    if name != "gru":
        raise ValueError(f"unknown variant {name!r}: use one of {', '.join(MODELS)}")
    model = Recurrent("gru", inputs, width, outputs)
    for bias in (model.recurrent.bias_ih_l0, model.recurrent.bias_hh_l0):
        nn.init.zeros_(bias)
    return model


def grid(config: Config) -> list[dict]:
    """Every seed x variant x rate."""
    return product(seed=config.seeds, model=MODELS, lr=config.lrs)


def splits(config: Config, point: dict) -> dict[str, tuple[torch.Tensor, ...]]:
    """Train, validation and test sets of one seed, the same for every variant and rate;
    no sequence is in two of them."""
    generator = torch.Generator().manual_seed(point["seed"] * 100_003)
    sizes = dict(train=config.train_size, validation=config.validation_size, test=config.test_size)

    def draw(n: int, g: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
        return last_marked(n, config.length, config.symbols, config.marks, config.hold, g)

    return disjoint_splits(draw, sizes, generator)


def trial(config: Config, point: dict, device: torch.device) -> dict:
    """Train one variant at one rate from one seed; its loss every 50 steps, its
    validation accuracy and loss (the loss breaks ties between rates), test accuracy."""
    seed = point["seed"]
    data = splits(config, point)
    set_seed(seed)
    model = build(point["model"], config).to(device)
    loss_fn = nn.functional.cross_entropy
    losses = fit(model, *data["train"], config, seed=seed, lr=point["lr"], loss_fn=loss_fn)
    model.eval()
    with torch.no_grad():
        x, y = (t.to(device) for t in data["validation"])
        logits = model(x)  # (batch, symbols)
        scores = {"val_accuracy": _accuracy(logits, y), "val_loss": loss_fn(logits, y).item()}
        x, y = (t.to(device) for t in data["test"])
        scores["accuracy"] = _accuracy(model(x), y)
    return {**scores, "losses": losses}


def _accuracy(logits: torch.Tensor, targets: torch.Tensor) -> float:
    return (logits.argmax(dim=-1) == targets).float().mean().item()


def loss_steps(config: Config) -> list[int]:
    """The steps at which fit() logs the training loss: every 50, and the last."""
    every = TrainSettings.check_every
    return sorted({*range(every, config.steps + 1, every), config.steps})


def summarize(config: Config, done: Done) -> dict:
    lrs = list(config.lrs)
    chance = 1 / config.symbols
    steps = loss_steps(config)
    level = LOSS_LEVEL * math.log(config.symbols)
    models = {}
    for name in MODELS:
        lr = _chosen_lr(done, lrs, name)
        curves = done.values("losses", model=name, lr=lr)  # one per seed
        accuracy = done.values("accuracy", model=name, lr=lr)
        models[name] = {
            "params": parameter_count(build(name, config)),
            "hidden_size": config.hidden_size,
            "lr": lr,
            "accuracy": accuracy,
            "val_accuracy": done.values("val_accuracy", model=name, lr=lr),
            "median_accuracy": statistics.median(accuracy),
            "median_loss": [statistics.median(at) for at in zip(*curves, strict=True)],
            "loss_min": [min(at) for at in zip(*curves, strict=True)],
            "loss_max": [max(at) for at in zip(*curves, strict=True)],
            "steps_to_loss_level": [_steps_to(level, curve, steps) for curve in curves],
        }
    data = {
        "variants": list(MODELS),
        "curve_variants": list(CURVE_VARIANTS),
        "seeds": list(config.seeds),
        "length": config.length,
        "symbols": config.symbols,
        "marks": config.marks,
        "hold": config.hold,
        "hidden_size": config.hidden_size,
        "steps": config.steps,
        "chance": chance,
        "chance_loss": math.log(config.symbols),
        "loss_level": level,
        "loss_steps": steps,
        "models": models,
    }
    return data | {
        "rows": _rows(models),
        "tuning": tuning_record(lrs, "val_accuracy", {n: [m["lr"]] for n, m in models.items()})
        | {"ties_broken_on": "val_loss"},
        "findings": _findings(data),
    }


def _chosen_lr(done: Done, lrs: list[float], name: str) -> float:
    """The rate with the best median validation accuracy; among rates tied there (several
    can score 100%), the lower median validation loss. chosen_lr alone takes the smallest
    tied rate, often the slowest learner, and the loss curves would show that rate."""
    accuracy = {lr: statistics.median(done.values("val_accuracy", model=name, lr=lr)) for lr in lrs}
    tied = [lr for lr in lrs if accuracy[lr] == max(accuracy.values())]
    return chosen_lr(done, tied, "val_loss", higher_is_better=False, model=name)


def _steps_to(level: float, curve: list[float], steps: list[int]) -> int | None:
    """The first logged step with a training loss under `level`; None if none is."""
    return next((step for step, loss in zip(steps, curve, strict=True) if loss < level), None)


def _rows(models: dict) -> list[dict]:
    """Table rows: one per variant, its weights, rate and test accuracy over the seeds."""
    return [
        {
            "variant": name,
            "params": m["params"],
            "lr": m["lr"],
            **{f"{k}_accuracy": v for k, v in spread(m["accuracy"]).items()},
        }
        for name, m in models.items()
    ]


def _better(runs: dict[str, list[float]], chance: float) -> str:
    """The name of the more accurate of two variants, or "tie": a win needs seed ranges
    apart by WIN_MARGIN and some seed clearly above chance."""
    if all(solved_in(seeds, above=chance + ABOVE_CHANCE) == 0 for seeds in runs.values()):
        return "tie"
    return winner(runs, higher_is_better=True, margin=WIN_MARGIN) or "tie"


def _faster(runs: dict[str, list[int | None]], steps: int) -> str:
    """The variant that reached the loss level sooner in every seed by more than
    STEP_MARGIN, or "tie"; a seed that never reached it counts as one check past the end."""
    never = steps + TrainSettings.check_every
    reached = {name: [never if s is None else s for s in seeds] for name, seeds in runs.items()}
    return winner(reached, higher_is_better=False, margin=STEP_MARGIN) or "tie"


def _findings(data: dict) -> dict:
    """Each variant against the vanilla LSTM ("hurts", "helps", "tie"), how soon each
    reached the loss level, the GRU against both LSTMs, and the two papers."""
    models, chance = data["models"], data["chance"]

    def better(a: str, b: str) -> str:
        return _better({a: models[a]["accuracy"], b: models[b]["accuracy"]}, chance)

    verdicts = {"lstm": "hurts", "tie": "tie"}
    versus = {name: verdicts.get(better(name, "lstm"), "helps") for name in ABLATIONS}
    reached = {name: m["steps_to_loss_level"] for name, m in models.items()}
    bias = {name: reached[name] for name in ("lstm_bias1", "lstm")}
    lstm_runs = models["lstm"]["accuracy"]
    found = {
        "versus_lstm": versus,
        # What the accuracy test could show at all: a variant "hurts" only with every seed
        # under hurt_below, "helps" only with every seed over help_above (over 1: never).
        "hurt_below": min(lstm_runs) - WIN_MARGIN,
        "help_above": max(lstm_runs) + WIN_MARGIN,
        "speed_versus_lstm": {
            name: _faster({name: reached[name], "lstm": reached["lstm"]}, data["steps"])
            for name in ABLATIONS
        },
        "forget_bias_faster": _faster(bias, data["steps"]),
        "gru_vs_lstm_bias1_speed": _faster(
            {"gru": reached["gru"], "lstm_bias1": reached["lstm_bias1"]}, data["steps"]
        ),
        "gru_vs_lstm": better("gru", "lstm"),
        "gru_vs_lstm_bias1": better("gru", "lstm_bias1"),
        "steps_to_loss_level": reached,
        "median_steps_to_loss_level": {name: _median_steps(s) for name, s in reached.items()},
        "solved_seeds": {
            name: solved_in(m["accuracy"], above=SOLVED) for name, m in models.items()
        },
        "seeds_n": len(data["seeds"]),
        "solved_from": SOLVED,
        "win_margin": WIN_MARGIN,
        "step_margin": STEP_MARGIN,
        "params_over_lstm": {
            name: m["params"] / models["lstm"]["params"] for name, m in models.items()
        },
    }
    papers = {"paper_greff": _greff(versus), "paper_jozefowicz": _jozefowicz(found)}
    # The box names both papers: agrees (or disagrees) only when both do, else partly.
    verdicts = set(papers.values())
    return found | papers | {"paper": verdicts.pop() if len(verdicts) == 1 else "partly"}


def _median_steps(seeds: list[int | None]) -> int | None:
    """The median seed's steps to the level (the lower middle one for an even count);
    None when that seed never reached it."""
    ordered = sorted(seeds, key=lambda s: math.inf if s is None else s)
    return ordered[(len(ordered) - 1) // 2]


def _greff(versus: dict[str, str]) -> str:
    """Greff et al. 2017: removing the forget gate (NFG) or the output activation (NOAF)
    hurts; coupling the input and forget gates (CIFG) does not (their words: no
    significant change, so a CIFG that helps does not contradict them). Three predictions:
    nfg "hurts", noaf "hurts", cifg not "hurts". agrees: all three hold; disagrees: none
    does; partly: anything between."""
    held = [versus["nfg"] == "hurts", versus["noaf"] == "hurts", versus["cifg"] != "hurts"]
    return "agrees" if all(held) else "disagrees" if not any(held) else "partly"


def _jozefowicz(found: dict) -> str:
    """Jozefowicz et al. 2015: the GRU matches or beats the vanilla LSTM (the GRU does not
    lose to "lstm"); a forget-gate bias of 1 helps the LSTM and closes the gap to the GRU
    (the GRU beats "lstm_bias1" neither in accuracy nor in speed). "Helps": more accurate,
    or faster to the loss level (their score was the best reached in a fixed budget, where
    a faster start is how the bias shows). agrees: all three hold; disagrees: none does;
    partly: in between."""
    bias_helps = (
        found["versus_lstm"]["lstm_bias1"] == "helps" or found["forget_bias_faster"] == "lstm_bias1"
    )
    gru_not_ahead = "gru" not in (found["gru_vs_lstm_bias1"], found["gru_vs_lstm_bias1_speed"])
    held = [found["gru_vs_lstm"] != "lstm", bias_helps, gru_not_ahead]
    return "agrees" if all(held) else "disagrees" if not any(held) else "partly"


def check_trained(data: dict) -> str | None:
    """Trained: the best variant's median test accuracy is at least halfway from chance
    to 100% (a variant at chance is a finding; every variant at chance, a failed run)."""
    best = max(data["models"], key=lambda name: data["models"][name]["median_accuracy"])
    accuracy = data["models"][best]["median_accuracy"]
    if clearly_learned(accuracy, data["chance"]):
        return None
    return (
        f"on the last marked symbol the best median accuracy is {accuracy:.3f} ({best}; "
        f"chance {data['chance']:.3f})"
    )
