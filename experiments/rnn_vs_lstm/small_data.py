"""Where a plain RNN is enough: short lags and small training sets.

The seed article says a plain RNN suits short sequences and small data. Here both models
learn the marked-symbol task at a short lag from training sets of growing size; we
record test accuracy, training time per step and parameter count, and let the findings
say where (if anywhere) the RNN is the better choice.
"""

import statistics
import time
from dataclasses import dataclass

import torch
from torch import nn

from chigai.experiment import PresetConfig, clearly_learned
from chigai.models.recurrent import RecurrentRegressor, parameter_count
from chigai.tasks.marked_symbol import marked_symbol
from chigai.training import fit, set_seed
from chigai.trials import Done, product

PRESETS = {
    "quick": {
        "lag": 8,
        "train_sizes": [30, 300, 3000],
        "seeds": [1],
        "symbols": 8,
        "hidden_size": 32,
        "steps": 300,
        "batch_size": 32,
        "lr": 0.005,
        "test_size": 1000,
    },
    "full": {
        "lag": 8,
        "train_sizes": [25, 100, 400, 1600, 6400],
        "seeds": [1, 2, 3],
        "symbols": 8,
        "hidden_size": 64,
        "steps": 1500,
        "batch_size": 32,
        "lr": 0.005,
        "test_size": 2000,
    },
}
FIGURES = {"small_data": "accuracy_vs_data"}

MODELS = ("rnn", "lstm")
RUN_ALONE = True  # step_ms and the "rnn_faster" finding are timings: no trial beside them
MARGIN = 0.02  # accuracy differences smaller than this are called a tie


@dataclass(frozen=True)
class Config(PresetConfig):
    lag: int
    train_sizes: tuple[int, ...]
    symbols: int
    hidden_size: int
    steps: int
    batch_size: int
    lr: float
    test_size: int


def grid(config: Config) -> list[dict]:
    return product(size=config.train_sizes, seed=config.seeds, model=MODELS)


def trial(config: Config, point: dict, device: torch.device) -> dict:
    """Train one model on one training-set size from one seed; both models see the same data."""
    size, seed = point["size"], point["seed"]
    data = torch.Generator().manual_seed(seed * 100_003 + size)
    test_x, test_y = marked_symbol(config.test_size, config.lag, config.symbols, data)
    train_x, train_y = marked_symbol(size, config.lag, config.symbols, data)
    set_seed(seed)
    model = _model(point["model"], config).to(device)
    start = time.perf_counter()
    fit(model, train_x, train_y, config, seed=seed, loss_fn=nn.functional.cross_entropy)
    step_seconds = (time.perf_counter() - start) / config.steps
    with torch.no_grad():
        model.eval()
        hits = model(test_x.to(device)).argmax(dim=-1) == test_y.to(device)
    return {"accuracy": hits.float().mean().item(), "step_seconds": step_seconds}


def summarize(config: Config, done: Done) -> dict:
    scores = {
        name: [done.values("accuracy", size=size, model=name) for size in config.train_sizes]
        for name in MODELS
    }
    median = {name: [statistics.median(per_seed) for per_seed in scores[name]] for name in MODELS}
    step_ms = {
        name: 1000 * statistics.median(done.values("step_seconds", model=name)) for name in MODELS
    }
    params = {name: parameter_count(_model(name, config)) for name in MODELS}
    return {
        "lag": config.lag,
        "train_sizes": list(config.train_sizes),
        "seeds": list(config.seeds),
        "chance": 1 / config.symbols,
        "models": {
            name: {
                "params": params[name],
                "hidden_size": config.hidden_size,
                "accuracy": scores[name],
                "median_accuracy": median[name],
                "step_ms": step_ms[name],
            }
            for name in MODELS
        },
        "rows": [
            {"size": size, **{name: median[name][i] for name in MODELS}}
            for i, size in enumerate(config.train_sizes)
        ],
        "findings": _findings(config.train_sizes, median, step_ms, params),
    }


def _model(name: str, config: Config) -> RecurrentRegressor:
    """A model reading symbols plus the marker and question channels, answering a symbol."""
    return RecurrentRegressor(name, config.symbols + 2, config.hidden_size, config.symbols)


def _findings(sizes: tuple[int, ...], median: dict, step_ms: dict, params: dict) -> dict:
    gaps = [rnn - lstm for rnn, lstm in zip(median["rnn"], median["lstm"], strict=True)]
    return {
        "rnn_better_sizes": [size for size, gap in zip(sizes, gaps, strict=True) if gap > MARGIN],
        "lstm_better_sizes": [size for size, gap in zip(sizes, gaps, strict=True) if gap < -MARGIN],
        "tie_sizes": [size for size, gap in zip(sizes, gaps, strict=True) if abs(gap) <= MARGIN],
        "lstm_over_rnn_step_time": step_ms["lstm"] / step_ms["rnn"],
        "lstm_over_rnn_params": params["lstm"] / params["rnn"],
        "rnn_faster": step_ms["rnn"] < step_ms["lstm"],
    }


def check_trained(data: dict) -> str | None:
    """Trained: with the most data the better model is at least halfway from chance to 100%."""
    last = data["rows"][-1]
    best = max(last[name] for name in MODELS)
    if clearly_learned(best, data["chance"]):
        return None
    return (
        f"with {last['size']} examples the best median accuracy is {best:.3f} "
        f"(chance {data['chance']:.3f})"
    )
