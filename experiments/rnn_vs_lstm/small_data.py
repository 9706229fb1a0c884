"""Where a plain RNN is enough: short lags and small training sets.

The seed article says a plain RNN suits short sequences and small data. Here both models,
of the same width (hidden size; their parameter counts differ and are both in the data),
learn the marked-symbol task at a short lag from training sets of growing size, each at
every rate of `lrs` with the rate chosen per size on a validation split disjoint from
training and test. We record test accuracy, the time of a training step (timed steps after
a discarded warm-up, with their spread), the arithmetic a step does, and the parameter
count, and let the findings say where (if anywhere) the RNN is the better choice. The
paper this echoes: Chung et al. 2014, where gated units (LSTM, GRU) beat a tanh RNN.
"""

import copy
import statistics
import time
from dataclasses import dataclass

import torch
from torch import nn

from chigai.experiment import PresetConfig, clearly_learned
from chigai.models.recurrent import RecurrentRegressor, parameter_count
from chigai.seeds import spread, winner
from chigai.tasks.marked_symbol import marked_symbol
from chigai.tasks.splits import disjoint_splits
from chigai.training import fit, set_seed
from chigai.trials import Done, product
from chigai.tuning import tune, tuning_record

PRESETS = {
    "quick": {
        "lag": 8,
        "train_sizes": [30, 300, 3000],
        "seeds": [1],
        "lrs": [0.005, 0.01],
        "symbols": 8,
        "hidden_size": 32,
        "steps": 200,
        "batch_size": 32,
        "validation_size": 500,
        "test_size": 1000,
        "timed_steps": 20,
    },
    "full": {
        "lag": 8,
        "train_sizes": [25, 100, 400, 1600, 6400],
        "seeds": [1, 2, 3],
        "lrs": [0.002, 0.005, 0.01],
        "symbols": 8,
        "hidden_size": 64,
        "steps": 1500,
        "batch_size": 32,
        "validation_size": 1000,
        "test_size": 2000,
        "timed_steps": 100,
    },
}
FIGURES = {"small_data": "accuracy_vs_data"}
ALT = {
    "small_data": {
        "ja": "折れ線グラフ。横軸は学習に使った例の数、縦軸は正解率。"
        "短い記憶で RNN と LSTM を比べている。",
        "en": "Line chart of test accuracy against the number of training examples, for an RNN "
        "and an LSTM on a short memory task.",
    },
}
NAME = {"ja": "短い記憶を少ないデータで", "en": "A short memory from little data"}

MODELS = ("rnn", "lstm")
RUN_ALONE = True  # step times and the "rnn_faster" finding are timings: no trial beside them
MARGIN = 0.02  # a win needs the worst seed 2 accuracy points above the other's best seed
NEAR_CHANCE = 2.0  # both models' best seeds under twice chance: a tie between guessers
WARMUP_STEPS = 10  # timed steps start after these (allocations, first-call dispatch)


@dataclass(frozen=True)
class Config(PresetConfig):
    lag: int
    train_sizes: tuple[int, ...]
    lrs: tuple[float, ...]
    symbols: int
    hidden_size: int
    steps: int
    batch_size: int
    validation_size: int
    test_size: int
    timed_steps: int


def grid(config: Config) -> list[dict]:
    return product(size=config.train_sizes, seed=config.seeds, model=MODELS, lr=config.lrs)


def splits(config: Config, point: dict) -> dict[str, tuple[torch.Tensor, ...]]:
    """Train, validation and test sets of one (size, seed), the same for both models and all
    rates; symbol sequences repeat, so no sequence is in two of them."""
    size, seed = point["size"], point["seed"]
    data = torch.Generator().manual_seed(seed * 100_003 + size)
    sizes = dict(train=size, validation=config.validation_size, test=config.test_size)
    return disjoint_splits(
        lambda n, g: marked_symbol(n, config.lag, config.symbols, g), sizes, data
    )


def trial(config: Config, point: dict, device: torch.device) -> dict:
    """Train one model on one training-set size and rate from one seed; then time steps."""
    seed = point["seed"]
    data = splits(config, point)
    train_x, train_y = data["train"]
    set_seed(seed)
    model = _model(point["model"], config).to(device)
    loss_fn = nn.functional.cross_entropy
    fit(model, train_x, train_y, config, seed=seed, lr=point["lr"], loss_fn=loss_fn)
    scores = {}
    with torch.no_grad():
        model.eval()
        for key, split in (("val_accuracy", "validation"), ("accuracy", "test")):
            x, y = (t.to(device) for t in data[split])
            scores[key] = (model(x).argmax(dim=-1) == y).float().mean().item()
    step_seconds = _step_times(model, train_x.to(device), train_y.to(device), config, point["lr"])
    return {**scores, "step_seconds": step_seconds}


def _step_times(
    model: nn.Module, x: torch.Tensor, y: torch.Tensor, config: Config, lr: float
) -> list[float]:
    """Seconds of each of `timed_steps` training steps (Adam, clipping, as in training) of a
    copy of the trained model, after WARMUP_STEPS untimed ones."""
    model = copy.deepcopy(model).train()
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    total = WARMUP_STEPS + config.timed_steps
    generator = torch.Generator().manual_seed(0)
    batches = torch.randint(0, x.shape[0], (total, config.batch_size), generator=generator)
    cuda = x.device.type == "cuda"
    times = []
    for step, batch in enumerate(batches.to(x.device)):
        start = time.perf_counter()
        loss = nn.functional.cross_entropy(model(x[batch]), y[batch])
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimizer.step()
        if cuda:
            torch.cuda.synchronize()  # kernels run asynchronously: wait before reading the clock
        if step >= WARMUP_STEPS:
            times.append(time.perf_counter() - start)
    return times


def summarize(config: Config, done: Done) -> dict:
    sizes = config.train_sizes
    tuned = tune(
        done,
        config.lrs,
        "val_accuracy",
        higher_is_better=True,
        models=MODELS,
        axis="size",
        settings=sizes,
    )
    chosen, at_chosen = tuned.chosen, tuned.values

    scores = {name: at_chosen("accuracy", name) for name in MODELS}
    median = {name: [statistics.median(per_seed) for per_seed in scores[name]] for name in MODELS}
    timing = _timing(done)
    params = {name: parameter_count(_model(name, config)) for name in MODELS}
    flops = {name: _train_flops(name, config) for name in MODELS}
    return {
        "lag": config.lag,
        "train_sizes": list(sizes),
        "seeds": list(config.seeds),
        "chance": 1 / config.symbols,
        "timed_steps": config.timed_steps,
        "warmup_steps": WARMUP_STEPS,
        "models": {
            name: {
                "params": params[name],
                "hidden_size": config.hidden_size,
                "lr": chosen[name],
                "accuracy": scores[name],
                "val_accuracy": at_chosen("val_accuracy", name),
                "median_accuracy": median[name],
                "step_ms": timing["steps"][name]["median"],
                "step_ms_spread": timing["steps"][name],
                "train_flops_per_step": flops[name],
            }
            for name in MODELS
        },
        "rows": [
            {"size": size, **{name: median[name][i] for name in MODELS}}
            for i, size in enumerate(sizes)
        ],
        "tuning": tuning_record(config.lrs, "val_accuracy", chosen, per="size", settings=sizes),
        "findings": _findings(sizes, scores, 1 / config.symbols, timing, params, flops),
    }


def _timing(done: Done) -> dict:
    """Step times in ms over every timed step of every trial (median, quartiles, range),
    and the LSTM/RNN ratio of median step times per pair of trials with the same size,
    seed and rate (median and range over the pairs)."""
    steps = {}
    for name in MODELS:
        pooled = [1000 * s for t in done.matching(model=name) for s in t.output["step_seconds"]]
        q1, _, q3 = statistics.quantiles(pooled, n=4)
        steps[name] = {**spread(pooled), "q1": q1, "q3": q3, "count": len(pooled)}
    ratios = []
    for rnn in done.matching(model="rnn"):
        where = {k: v for k, v in rnn.point.items() if k != "model"}
        lstm = done.one(model="lstm", **where)
        ratios.append(
            statistics.median(lstm["step_seconds"]) / statistics.median(rnn.output["step_seconds"])
        )
    return {"steps": steps, "ratios": ratios}


def _train_flops(name: str, config: Config) -> int:
    """Multiply-add FLOPs of one training step's matrix products: forward 2 per weight use
    (G*H*(I+H) per sequence step, G = 1 RNN or 4 LSTM gates, plus the head once), and
    backward about twice the forward; element-wise work is left out."""
    gates, hidden, inputs = (4 if name == "lstm" else 1), config.hidden_size, config.symbols + 2
    per_sequence = config.lag * gates * hidden * (inputs + hidden) + hidden * config.symbols
    return 3 * 2 * config.batch_size * per_sequence


def _model(name: str, config: Config) -> RecurrentRegressor:
    """A model reading symbols plus the marker and question channels, answering a symbol."""
    return RecurrentRegressor(name, config.symbols + 2, config.hidden_size, config.symbols)


def _findings(
    sizes: tuple[int, ...], scores: dict, chance: float, timing: dict, params: dict, flops: dict
) -> dict:
    """Who is better at each size (seed ranges apart by MARGIN, else a tie), and costs."""
    better = [
        None
        if max(max(scores[name][i]) for name in MODELS) < NEAR_CHANCE * chance
        else winner(
            {name: scores[name][i] for name in MODELS}, higher_is_better=True, margin=MARGIN
        )
        for i in range(len(sizes))
    ]
    ratios = timing["ratios"]
    rnn_better = [size for size, b in zip(sizes, better, strict=True) if b == "rnn"]
    lstm_better = [size for size, b in zip(sizes, better, strict=True) if b == "lstm"]
    # Chung et al. 2014: gated units beat a tanh RNN. agrees: the LSTM is better at some size
    # and the RNN at none; partly: each is better at some size; disagrees: the LSTM at none.
    paper = "agrees" if lstm_better and not rnn_better else "partly" if lstm_better else "disagrees"
    return {
        "rnn_better_sizes": rnn_better,
        "lstm_better_sizes": lstm_better,
        "tie_sizes": [size for size, b in zip(sizes, better, strict=True) if b is None],
        "win_margin": MARGIN,
        "lstm_over_rnn_step_time": statistics.median(ratios),
        "lstm_over_rnn_step_time_range": [min(ratios), max(ratios)],
        "step_time_pairs": len(ratios),
        "lstm_over_rnn_params": params["lstm"] / params["rnn"],
        "lstm_over_rnn_flops": flops["lstm"] / flops["rnn"],
        "rnn_faster": min(ratios) > 1,  # every pair of trials: the LSTM's steps took longer
        "paper": paper,
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
