"""Long memory: do a GRU and an LSTM carry a number equally far, and further than an RNN?

The adding problem (Hochreiter & Schmidhuber 1997, in the two-channel form of Le, Jaitly
& Hinton 2015; chigai.tasks.adding) at growing lags. The three models have the same
number of weights: the LSTM's width is set, and the GRU and the tanh RNN are as wide as
it takes to match it (`_gru_lstm.matched_models`), as Chung et al. 2014 matched theirs.
Every model trains at every rate of `lrs` with every seed for the same number of steps;
its rate is chosen per lag on a validation split, then test MSE is compared with the
blind guess (always the mean, ≈ 0.167). The paper this echoes: Chung et al. 2014, where
gated units beat a tanh RNN and the GRU and the LSTM came out close to each other.
"""

import functools
import statistics
from dataclasses import dataclass

import torch
from _gru_lstm import Recurrent, matched_models
from torch import nn

from chigai.experiment import PresetConfig
from chigai.models.recurrent import parameter_count
from chigai.seeds import solved_in, winner
from chigai.tasks.adding import adding_problem
from chigai.tasks.splits import disjoint_splits
from chigai.training import evaluate, fit, set_seed
from chigai.trials import Done, product
from chigai.tuning import tune, tuning_record

PRESETS = {
    "quick": {
        "lags": [8, 16],
        "seeds": [1],
        "lrs": [0.003, 0.01],
        "lstm_width": 16,
        "steps": 300,
        "batch_size": 32,
        "train_size": 1000,
        "validation_size": 500,
        "test_size": 1000,
    },
    "full": {
        "lags": [25, 50, 100],
        "seeds": [1, 2, 3],
        "lrs": [0.001, 0.003, 0.01],
        "lstm_width": 48,
        "steps": 2000,
        "batch_size": 64,
        "train_size": 10000,
        "validation_size": 2000,
        "test_size": 2000,
    },
}
FIGURES = {"memory_mse": "error_vs_lag"}
NAME = {
    "ja": "離れた 2 つの数の足し算（3 つのモデル）",
    "en": "Adding two numbers far apart, three models",
}
ALT = {
    "memory_mse": {
        "ja": "折れ線グラフ。横軸はラグ T（覚えておくステップ数）、"
        "縦軸はテストの平均二乗誤差（対数目盛）。"
        "重みの数をほぼそろえた RNN、GRU、LSTM を、"
        "いつも平均を答えた場合の誤差（破線）と比べている。"
        "点線は、シードごとに「解けた」とみなす誤差の上限。",
        "en": "Line chart of test mean squared error (log scale) against the lag T for an RNN, "
        "a GRU and an LSTM with about the same number of weights, with the error of always "
        "answering the mean drawn as a dashed line and the error a seed must get under to "
        "count as solved as a dotted one.",
    }
}

MODELS = ("rnn", "gru", "lstm")
GATED = ("gru", "lstm")
MATCHED = 0.1  # every model's weight count is within 10% of the LSTM's (tested)
SOLVED_BELOW = 0.1  # a seed solved a lag: test MSE under 10% of the blind guess's
AT_BASELINE = 0.5  # a seed failed a lag: test MSE above half the blind guess's
# One model is better at a lag only when its worst seed beats the other's best seed by
# more than 2% of the blind guess's MSE (chigai.seeds.winner); otherwise a tie.
WIN_MARGIN = 0.02


@dataclass(frozen=True)
class Config(PresetConfig):
    lags: tuple[int, ...]
    lrs: tuple[float, ...]
    lstm_width: int
    steps: int
    batch_size: int
    train_size: int
    validation_size: int
    test_size: int


def widths(config: Config) -> dict[str, int]:
    """Each model's width: the LSTM's from the preset, the others' matched to its weights."""
    return matched_models(2, config.lstm_width, 1, MODELS)


@functools.cache
def model_sizes(config: Config) -> tuple[dict[str, int], dict[str, int]]:
    """Each model's width and weight count, searched once per preset (the search builds
    a model at every width)."""
    width = widths(config)
    return width, {name: parameter_count(Recurrent(name, 2, width[name], 1)) for name in MODELS}


def build(name: str, config: Config) -> Recurrent:
    return Recurrent(name, 2, widths(config)[name], 1)


def grid(config: Config) -> list[dict]:
    return product(lag=config.lags, seed=config.seeds, model=MODELS, lr=config.lrs)


def splits(config: Config, point: dict) -> dict[str, tuple[torch.Tensor, ...]]:
    """Train, validation and test sets of one (lag, seed), the same for every model and
    rate; real-valued inputs, drawn through disjoint_splits so that none repeats."""
    lag, seed = point["lag"], point["seed"]
    data = torch.Generator().manual_seed(seed * 100_003 + lag)
    sizes = {
        "train": config.train_size,
        "validation": config.validation_size,
        "test": config.test_size,
    }
    return disjoint_splits(lambda n, g: adding_problem(n, lag, g), sizes, data)


def trial(config: Config, point: dict, device: torch.device) -> dict:
    """Train one model at one lag and rate from one seed; report validation and test MSE."""
    seed = point["seed"]
    data = splits(config, point)
    test_y = data["test"][1]
    set_seed(seed)
    model = build(point["model"], config).to(device)
    loss = nn.functional.mse_loss
    fit(model, *data["train"], config, seed=seed, lr=point["lr"], loss_fn=loss)
    scores = {
        key: evaluate(model, x.to(device), y.to(device), loss)
        for key, (x, y) in (("val_mse", data["validation"]), ("mse", data["test"]))
    }
    return {**scores, "baseline": ((test_y - test_y.mean()) ** 2).mean().item()}


def summarize(config: Config, done: Done) -> dict:
    lags = config.lags
    tuned = tune(
        done,
        config.lrs,
        "val_mse",
        higher_is_better=False,
        models=MODELS,
        axis="lag",
        settings=lags,
    )
    mse = {name: tuned.values("mse", name) for name in MODELS}
    baseline = statistics.fmean(done.values("baseline", model=MODELS[0], lr=config.lrs[0]))
    median = {name: [statistics.median(runs) for runs in mse[name]] for name in MODELS}
    width, params = model_sizes(config)
    return {
        "lags": list(lags),
        "seeds": list(config.seeds),
        "baseline_mse": baseline,
        "solved_below_mse": SOLVED_BELOW * baseline,
        "at_baseline_mse": AT_BASELINE * baseline,
        "models": {
            name: {
                "params": params[name],
                "hidden_size": width[name],
                "lr": tuned.chosen[name],
                "mse": mse[name],
                "val_mse": tuned.values("val_mse", name),
                "median_mse": median[name],
            }
            for name in MODELS
        },
        "rows": [
            {"lag": lag, **{name: median[name][i] / baseline for name in MODELS}}
            for i, lag in enumerate(lags)
        ],
        "tuning": tuning_record(config.lrs, "val_mse", tuned.chosen, per="lag", settings=lags),
        "findings": _findings(lags, mse, baseline, params),
    }


def _better(mse: dict[str, list[list[float]]], i: int, pair: tuple[str, str], baseline: float):
    """The clearly better of two models at lag index i, or None (a tie, or both at the
    blind guess's error)."""
    if all(min(mse[name][i]) > AT_BASELINE * baseline for name in pair):
        return None
    runs = {name: mse[name][i] for name in pair}
    return winner(runs, higher_is_better=False, margin=WIN_MARGIN * baseline)


def _findings(
    lags: tuple[int, ...], mse: dict[str, list[list[float]]], baseline: float, params: dict
) -> dict:
    """Per lag: seeds that solved it, seeds at the guess, and who is clearly better in each
    pair; the size match; and the paper's verdict."""
    seeds = len(mse[MODELS[0]][0])
    solved = {
        name: [solved_in(runs, below=SOLVED_BELOW * baseline) for runs in mse[name]]
        for name in MODELS
    }
    at_guess = {
        name: [solved_in(runs, above=AT_BASELINE * baseline) for runs in mse[name]]
        for name in MODELS
    }
    indices = range(len(lags))
    gru_vs_lstm = [_better(mse, i, ("gru", "lstm"), baseline) for i in indices]
    # Who had the lower error in every seed, with no margin: shown beside the verdict, so
    # that a consistent gap too small to count is still visible.
    ordered = [
        winner({n: mse[n][i] for n in ("gru", "lstm")}, higher_is_better=False) for i in indices
    ]
    over_rnn = {g: [_better(mse, i, (g, "rnn"), baseline) for i in indices] for g in GATED}
    gated_beat_rnn = {
        g: [lag for lag, b in zip(lags, over_rnn[g], strict=True) if b == g] for g in GATED
    }
    rnn_beat_gated = any(b == "rnn" for g in GATED for b in over_rnn[g])
    both_solved = [lag for i, lag in enumerate(lags) if all(solved[g][i] == seeds for g in GATED)]
    gap = max(abs(params[n] - params["lstm"]) / params["lstm"] for n in MODELS)
    # Chung et al. 2014: gated units beat the tanh RNN; the GRU and the LSTM are close.
    # agrees: each gated model is clearly better than the RNN at some lag, the RNN at none,
    # and neither gated model is clearly better than the other at any lag; disagrees: no
    # gated model beats the RNN anywhere and the GRU and the LSTM part at some lag;
    # partly: anything else.
    gated_win = all(gated_beat_rnn[g] for g in GATED) and not rnn_beat_gated
    close = all(b is None for b in gru_vs_lstm)
    if gated_win and close:
        paper = "agrees"
    elif not any(gated_beat_rnn.values()) and not close:
        paper = "disagrees"
    else:
        paper = "partly"
    return {
        "seeds_n": seeds,
        "solved_seeds": solved,
        "at_baseline_seeds": at_guess,
        "gru_vs_lstm": gru_vs_lstm,
        "gru_lstm_tie_everywhere": close,
        "gru_lstm_ordered": ordered,
        "gated_beat_rnn_lags": gated_beat_rnn,
        "rnn_beat_gated": rnn_beat_gated,
        "both_gated_solved_lags": both_solved,
        "win_margin_mse": WIN_MARGIN * baseline,
        "params_gap": gap,
        "params_matched": gap <= MATCHED,
        "paper": paper,
    }


def check_trained(data: dict) -> str | None:
    """Trained: at the shortest lag the best median MSE is under half the blind guess's."""
    first = data["rows"][0]
    best = min(first[name] for name in MODELS)
    if best < AT_BASELINE:
        return None
    return (
        f"at lag {first['lag']} the best median test MSE is {best:.0%} of the blind guess's, "
        f"not under {AT_BASELINE:.0%}"
    )
