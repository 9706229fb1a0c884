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
from chigai.runner import RunContext
from chigai.tasks.adding import adding_problem
from chigai.training import TrainSettings, evaluate, set_seed, train

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


def run(config: Config, ctx: RunContext) -> dict:
    settings = TrainSettings(steps=config.steps, batch_size=config.batch_size, lr=config.lr)
    mse = {model: [[0.0] * len(config.seeds) for _ in config.lags] for model in MODELS}
    seconds = {model: [0.0] * len(config.lags) for model in MODELS}
    baselines = []
    total = len(config.lags) * len(config.seeds) * len(MODELS) * config.steps
    with ctx.progress(total, "adding problem") as bar:
        for i, lag in enumerate(config.lags):
            for j, seed in enumerate(config.seeds):
                data = torch.Generator().manual_seed(seed * 100_003 + lag)
                train_x, train_y = adding_problem(config.train_size, lag, data)
                test_x, test_y = adding_problem(config.test_size, lag, data)
                baselines.append(((test_y - test_y.mean()) ** 2).mean().item())
                train_x, train_y = train_x.to(ctx.device), train_y.to(ctx.device)
                test_x, test_y = test_x.to(ctx.device), test_y.to(ctx.device)
                for name in MODELS:
                    bar.set_postfix_str(f"{name} T={lag} seed={seed}")
                    set_seed(seed)
                    model = RecurrentRegressor(name, 2, config.hidden_size).to(ctx.device)
                    start = time.perf_counter()
                    train(
                        model,
                        train_x,
                        train_y,
                        settings,
                        loss_fn=nn.functional.mse_loss,
                        generator=torch.Generator().manual_seed(seed),
                        progress=bar,
                    )
                    seconds[name][i] += time.perf_counter() - start
                    mse[name][i][j] = evaluate(model, test_x, test_y, nn.functional.mse_loss)
    baseline = statistics.fmean(baselines)
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
                "train_seconds_per_lag": seconds[name],  # summed over seeds
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
