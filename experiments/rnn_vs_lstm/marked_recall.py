"""Marked-symbol recall: remembering a discrete answer, and looking inside while doing it.

For each lag, a tanh RNN and an LSTM of the same size learn the marked-symbol task
(chigai.tasks.marked_symbol; guessing scores 1/symbols). Then, on the models of the
first seed trained at `probe_lag`, three probes show *why* they differ:
- the gradient ‖∂loss/∂h_t‖ against distance, at initialisation and after training
  (vanishing gradients; Bengio et al. 1994, Pascanu et al. 2013);
- how much the answer depends on each input position (a plain RNN's recency);
- the LSTM's input, forget and output gates and its cell state on one sequence.
"""

import statistics
from dataclasses import dataclass

import torch
from torch import nn

from chigai.experiment import ExperimentError, PresetConfig, clearly_learned
from chigai.models.recurrent import RecurrentRegressor, parameter_count
from chigai.probes import decay_per_step, gate_trace, hidden_gradient_norms, input_sensitivity
from chigai.tasks.marked_symbol import marked_symbol
from chigai.training import fit, set_seed
from chigai.trials import Done

PRESETS = {
    "quick": {
        "lags": [10, 25],
        "seeds": [1],
        "symbols": 8,
        "hidden_size": 32,
        "steps": 800,
        "batch_size": 64,
        "lr": 0.005,
        "train_size": 4000,
        "test_size": 1000,
        "probe_lag": 25,
        "probe_length": 60,
    },
    "full": {
        "lags": [10, 20, 30, 40],
        "seeds": [1, 2, 3],
        "symbols": 8,
        "hidden_size": 64,
        "steps": 3000,
        "batch_size": 64,
        "lr": 0.005,
        "train_size": 8000,
        "test_size": 2000,
        "probe_lag": 20,
        "probe_length": 100,
    },
}
FIGURES = {
    "recall_accuracy": "accuracy_vs_lag",
    "gradient_flow": "gradient_flow",
    "input_sensitivity": "input_sensitivity",
    "gate_trace": "gate_trace",
}

MODELS = ("rnn", "lstm")
SOLVED_FROM = 0.9  # solved: median test accuracy of at least 90%
RECENT_STEPS = 5  # "recent" inputs, for the recency finding
PROBE_BATCH = 256


@dataclass(frozen=True)
class Config(PresetConfig):
    lags: tuple[int, ...]
    symbols: int
    hidden_size: int
    steps: int
    batch_size: int
    lr: float
    train_size: int
    test_size: int
    probe_lag: int
    probe_length: int

    def __post_init__(self) -> None:
        # A trial's config has its lags emptied (chigai.trials.trial_view): nothing to check.
        if self.lags and self.probe_lag not in self.lags:
            raise ExperimentError(f"probe_lag {self.probe_lag} must be one of lags {self.lags}")


def accuracy(model: nn.Module, inputs: torch.Tensor, targets: torch.Tensor) -> float:
    with torch.no_grad():
        model.eval()
        return (model(inputs).argmax(dim=-1) == targets).float().mean().item()


def grid(config: Config) -> list[dict]:
    """Every lag x seed x model; the first seed's models at probe_lag are also probed."""
    return [
        {"lag": lag, "seed": seed, "model": model, "probe": lag == config.probe_lag and j == 0}
        for lag in config.lags
        for j, seed in enumerate(config.seeds)
        for model in MODELS
    ]


def trial(config: Config, point: dict, device: torch.device) -> dict:
    """Train one model at one lag from one seed; both models of a (lag, seed) see the same data."""
    lag, seed, name = point["lag"], point["seed"], point["model"]
    data = torch.Generator().manual_seed(seed * 100_003 + lag)
    train_x, train_y = marked_symbol(config.train_size, lag, config.symbols, data)
    test_x, test_y = marked_symbol(config.test_size, lag, config.symbols, data)
    test_x, test_y = test_x.to(device), test_y.to(device)
    set_seed(seed)
    model = _model(name, config).to(device)
    probes = {"init": _gradient_probe(model, config, seed, device)} if point["probe"] else {}
    fit(model, train_x, train_y, config, seed=seed, loss_fn=nn.functional.cross_entropy)
    output = {"accuracy": accuracy(model, test_x, test_y)}
    if point["probe"]:
        probes["trained"] = _gradient_probe(model, config, seed, device)
        probes["sensitivity"] = input_sensitivity(
            model, test_x[:PROBE_BATCH], test_y[:PROBE_BATCH], nn.functional.cross_entropy
        )
        if name == "lstm":
            probes["gates"] = _gate_example(model, test_x, test_y, config.symbols)
        output["probes"] = probes
    return output


def summarize(config: Config, done: Done) -> dict:
    scores = {
        name: [done.values("accuracy", lag=lag, model=name) for lag in config.lags]
        for name in MODELS
    }
    probes = {name: done.one(probe=True, model=name)["probes"] for name in MODELS}
    median = {name: [statistics.median(per_seed) for per_seed in scores[name]] for name in MODELS}
    chance = 1 / config.symbols
    return {
        "lags": list(config.lags),
        "seeds": list(config.seeds),
        "symbols": config.symbols,
        "chance": chance,
        "solved_from": SOLVED_FROM,
        "probe_lag": config.probe_lag,
        "recent_steps": RECENT_STEPS,
        "models": {
            name: {
                "params": parameter_count(_model(name, config)),
                "hidden_size": config.hidden_size,
                "accuracy": scores[name],
                "median_accuracy": median[name],
            }
            for name in MODELS
        },
        "rows": [
            {"lag": lag, **{name: median[name][i] for name in MODELS}, "chance": chance}
            for i, lag in enumerate(config.lags)
        ],
        "gradients": {name: {k: probes[name][k] for k in ("init", "trained")} for name in MODELS},
        "sensitivity": {name: probes[name]["sensitivity"] for name in MODELS},
        "gates": probes["lstm"]["gates"],
        "findings": _findings(config, median, chance, probes),
    }


def _model(name: str, config: Config) -> RecurrentRegressor:
    """A model reading symbols plus the marker and question channels, answering a symbol."""
    return RecurrentRegressor(name, config.symbols + 2, config.hidden_size, config.symbols)


def _gradient_probe(
    model: RecurrentRegressor, config: Config, seed: int, device: torch.device
) -> list[float]:
    """‖∂loss/∂h_t‖ on long sequences (probe_length), the same batch for every model."""
    data = torch.Generator().manual_seed(seed)
    inputs, targets = marked_symbol(PROBE_BATCH, config.probe_length, config.symbols, data)
    return hidden_gradient_norms(
        model, inputs.to(device), targets.to(device), nn.functional.cross_entropy
    )


def _gate_example(
    model: RecurrentRegressor, inputs: torch.Tensor, targets: torch.Tensor, symbols: int
) -> dict:
    """Gates on the first test sequence the LSTM answers correctly (or the first one)."""
    with torch.no_grad():
        right = (model(inputs).argmax(dim=-1) == targets).nonzero().flatten().tolist()
    k = right[0] if right else 0
    sequence = inputs[k : k + 1]
    return {
        **gate_trace(model, sequence),
        "marked_at": int(sequence[0, :, symbols].argmax()),
        "asked_at": sequence.shape[1] - 1,
        "answered_right": bool(right),
    }


def _findings(config: Config, median: dict, chance: float, probes: dict) -> dict:
    lags = config.lags
    solved = {
        name: [lag for lag, a in zip(lags, median[name], strict=True) if a >= SOLVED_FROM]
        for name in MODELS
    }
    rnn_at_chance = [lag for lag, a in zip(lags, median["rnn"], strict=True) if a < 2 * chance]
    decay = {
        name: {stage: decay_per_step(probes[name][stage]) for stage in ("init", "trained")}
        for name in MODELS
    }
    recent = {name: sum(probes[name]["sensitivity"][-RECENT_STEPS:]) for name in MODELS}
    lstm_above = [
        lag
        for lag, a in zip(lags, median["lstm"], strict=True)
        if lag in rnn_at_chance and a >= 0.5
    ]
    return {
        "longest_solved_lag": {name: max(solved[name], default=None) for name in MODELS},
        "lstm_solves_longer_lags": (max(solved["lstm"], default=0))
        > (max(solved["rnn"], default=0)),
        "rnn_at_chance_lags": rnn_at_chance,
        "lstm_well_above_chance_where_rnn_guesses": lstm_above,
        "gradient_decay_per_step": decay,
        "lstm_gradient_decays_slower": decay["lstm"]["trained"] > decay["rnn"]["trained"],
        "recent_share": recent,
        "rnn_leans_on_recent_inputs": recent["rnn"] > recent["lstm"],
    }


def check_trained(data: dict) -> str | None:
    """Trained: at the shortest lag the better model is at least halfway from chance to 100%."""
    first = data["rows"][0]
    best = max(first[name] for name in MODELS)
    if clearly_learned(best, data["chance"]):
        return None
    chance = data["chance"]
    return f"at lag {first['lag']} the best median accuracy is {best:.3f} (chance {chance:.3f})"
