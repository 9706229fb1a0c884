"""Adding problem: how far back can a plain RNN and an LSTM carry a number?

Task from Hochreiter & Schmidhuber 1997 (Exp. 4) in the two-channel form of Le, Jaitly &
Hinton 2015 (see chigai.tasks.adding). For each lag T, a tanh RNN and an LSTM of the same
hidden size are trained from the same seed on the same data, then scored by test MSE
against the constant-prediction baseline (≈ 0.167).
"""

import statistics
import time
from dataclasses import dataclass

import torch
from torch import nn

from chigai.experiment import PresetConfig
from chigai.models.recurrent import RecurrentRegressor, parameter_count
from chigai.tasks.adding import adding_problem
from chigai.training import evaluate, fit, set_seed
from chigai.trials import Done, product

PRESETS = {
    "quick": {
        "lags": [10, 25, 50],
        "seeds": [1],
        "hidden_size": 64,
        "steps": 1500,
        "batch_size": 64,
        "lr": 0.003,
        "train_size": 4000,
        "test_size": 1000,
    },
    "full": {
        "lags": [10, 25, 50, 100, 200],
        "seeds": [1, 2, 3],
        "hidden_size": 64,
        "steps": 3000,
        "batch_size": 64,
        "lr": 0.003,
        "train_size": 10000,
        "test_size": 2000,
    },
}
FIGURES = {"adding_mse": "error_vs_lag"}

MODELS = ("rnn", "lstm")
SOLVED_BELOW = 0.1  # solved: median test MSE under 10% of the baseline (90% of variance explained)
AT_BASELINE = 0.5  # fallen to the baseline: median test MSE above half of it


@dataclass(frozen=True)
class Config(PresetConfig):
    lags: tuple[int, ...]
    hidden_size: int
    steps: int
    batch_size: int
    lr: float
    train_size: int
    test_size: int


def grid(config: Config) -> list[dict]:
    return product(lag=config.lags, seed=config.seeds, model=MODELS)


def trial(config: Config, point: dict, device: torch.device) -> dict:
    """Train one model at one lag from one seed; both models of a (lag, seed) see the same data."""
    lag, seed = point["lag"], point["seed"]
    data = torch.Generator().manual_seed(seed * 100_003 + lag)
    train_x, train_y = adding_problem(config.train_size, lag, data)
    test_x, test_y = adding_problem(config.test_size, lag, data)
    baseline = ((test_y - test_y.mean()) ** 2).mean().item()
    set_seed(seed)
    model = RecurrentRegressor(point["model"], 2, config.hidden_size).to(device)
    start = time.perf_counter()
    fit(model, train_x, train_y, config, seed=seed, loss_fn=nn.functional.mse_loss)
    seconds = time.perf_counter() - start
    mse = evaluate(model, test_x.to(device), test_y.to(device), nn.functional.mse_loss)
    return {"mse": mse, "baseline": baseline, "train_seconds": seconds}


def summarize(config: Config, done: Done) -> dict:
    mse = {
        name: [done.values("mse", lag=lag, model=name) for lag in config.lags] for name in MODELS
    }
    baseline = statistics.fmean(done.values("baseline", model=MODELS[0]))
    median = {name: [statistics.median(per_seed) for per_seed in mse[name]] for name in MODELS}
    return {
        "lags": list(config.lags),
        "seeds": list(config.seeds),
        "baseline_mse": baseline,
        "solved_below_mse": SOLVED_BELOW * baseline,
        "models": {
            name: {
                "params": parameter_count(RecurrentRegressor(name, 2, config.hidden_size)),
                "hidden_size": config.hidden_size,
                "mse": mse[name],
                "median_mse": median[name],
                "train_seconds_per_lag": [  # summed over seeds
                    sum(done.values("train_seconds", lag=lag, model=name)) for lag in config.lags
                ],
            }
            for name in MODELS
        },
        "rows": [
            {"lag": lag, **{name: median[name][i] for name in MODELS}, "baseline": baseline}
            for i, lag in enumerate(config.lags)
        ],
        "findings": _findings(config.lags, median, baseline),
    }


def _findings(lags: tuple[int, ...], median: dict[str, list[float]], baseline: float) -> dict:
    solved = {
        name: [
            lag for lag, m in zip(lags, median[name], strict=True) if m < SOLVED_BELOW * baseline
        ]
        for name in MODELS
    }
    longest = {name: max(solved[name], default=None) for name in MODELS}
    rnn_at_baseline = [
        lag for lag, m in zip(lags, median["rnn"], strict=True) if m > AT_BASELINE * baseline
    ]
    lstm_holds = [lag for lag in rnn_at_baseline if lag in solved["lstm"]]
    return {
        "longest_solved_lag": longest,
        "lstm_solves_longer_lags": (longest["lstm"] or 0) > (longest["rnn"] or 0),
        "rnn_at_baseline_lags": rnn_at_baseline,
        "lstm_holds_where_rnn_fails": lstm_holds,
        "shortest_rnn_failure": min(rnn_at_baseline, default=None),
    }


def check_trained(data: dict) -> str | None:
    """Trained: at the shortest lag the better model's median MSE is under half the baseline."""
    first = data["rows"][0]
    best = min(first[name] for name in MODELS)
    if best < 0.5 * data["baseline_mse"]:
        return None
    return (
        f"at lag {first['lag']} the best median test MSE is {best:.3g}, "
        f"not under half the baseline {data['baseline_mse']:.3g}"
    )
