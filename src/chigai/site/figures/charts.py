"""Charts of measured data: one function per figure kind, (data, lang) -> Figure."""

import statistics
from typing import Any

import matplotlib.pyplot as plt
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from chigai.site.figures.style import (
    CELL_DASHES,
    CELL_SHADES,
    COLORS,
    PHONE,
    SIZE,
    legend_outside,
)
from chigai.site.strings import label


def _per_model(
    axes: Axes, xs: list, data: dict[str, Any], median: str, spread: str, lang: str
) -> None:
    """Median line per model, with the min-max over seeds shaded when there are several."""
    for name, model in data["models"].items():
        axes.plot(xs, model[median], marker="o", color=COLORS[name], label=label(name, lang))
        if len(model[spread][0]) > 1:
            low = [min(per_seed) for per_seed in model[spread]]
            high = [max(per_seed) for per_seed in model[spread]]
            axes.fill_between(xs, low, high, color=COLORS[name], alpha=0.15)


def _log_ticks(axes: Axes, xs: list) -> None:
    axes.set_xscale("log")  # lags and sizes grow geometrically in the presets
    axes.set_xticks(xs, [str(x) for x in xs])
    axes.minorticks_off()


def error_vs_lag(data: dict[str, Any], lang: str) -> Figure:
    """Adding problem: median test MSE per lag for each model, baseline as a line."""
    figure, axes = plt.subplots(figsize=SIZE, layout="constrained")
    _per_model(axes, data["lags"], data, "median_mse", "mse", lang)
    axes.axhline(
        data["baseline_mse"],
        color=COLORS["baseline"],
        linestyle="--",
        label=label("baseline", lang),
    )
    axes.axhline(
        data["solved_below_mse"],
        color=COLORS["baseline"],
        linestyle=":",
        label=label("solved_line", lang),
    )
    _log_ticks(axes, data["lags"])
    axes.set_yscale("log")
    axes.set_xlabel(label("lag", lang))
    axes.set_ylabel(label("test_mse", lang))
    legend_outside(figure, axes)
    return figure


def _accuracy_chart(data: dict[str, Any], xs: list, xlabel: str, lang: str) -> tuple[Figure, Axes]:
    """Median test accuracy per x for each model, with chance as a dashed line."""
    figure, axes = plt.subplots(figsize=SIZE, layout="constrained")
    _per_model(axes, xs, data, "median_accuracy", "accuracy", lang)
    axes.axhline(
        data["chance"], color=COLORS["baseline"], linestyle="--", label=label("chance", lang)
    )
    _log_ticks(axes, xs)
    axes.set_ylim(0, 1.05)
    axes.set_xlabel(label(xlabel, lang))
    axes.set_ylabel(label("test_accuracy", lang))
    return figure, axes


def accuracy_vs_lag(data: dict[str, Any], lang: str) -> Figure:
    """Marked recall: accuracy per lag, with the line above which a lag counts as solved."""
    figure, axes = _accuracy_chart(data, data["lags"], "lag", lang)
    axes.axhline(
        data["solved_from"],
        color=COLORS["baseline"],
        linestyle=":",
        label=label("solved_line_acc", lang),
    )
    legend_outside(figure, axes)
    return figure


def accuracy_vs_data(data: dict[str, Any], lang: str) -> Figure:
    """Small data: accuracy per training-set size at a short lag."""
    figure, axes = _accuracy_chart(data, data["train_sizes"], "train_size", lang)
    legend_outside(figure, axes)
    return figure


def gradient_flow(data: dict[str, Any], lang: str) -> Figure:
    """‖∂loss/∂h_t‖ against distance from the answer, at initialisation and after training."""
    figure, axes = plt.subplots(figsize=SIZE, layout="constrained")
    for name, stages in data["gradients"].items():
        for stage, style in (("init", ":"), ("trained", "-")):
            norms = list(reversed(stages[stage]))  # index = distance back from the answer
            axes.plot(
                range(len(norms)),
                norms,
                style,
                color=COLORS[name],
                label=f"{label(name, lang)}（{label(stage, lang)}）"
                if lang == "ja"
                else f"{label(name, lang)} ({label(stage, lang)})",
            )
    axes.set_yscale("log")
    axes.set_xlabel(label("distance", lang))
    axes.set_ylabel(label("gradient_norm", lang))
    axes.xaxis.set_major_locator(MaxNLocator(integer=True))  # distances are whole steps
    legend_outside(figure, axes, columns=2)
    return figure


def input_sensitivity(data: dict[str, Any], lang: str) -> Figure:
    """Share of the answer's dependence on each input position, per model."""
    figure, axes = plt.subplots(figsize=SIZE, layout="constrained")
    for name, shares in data["sensitivity"].items():
        positions = range(1, len(shares) + 1)
        axes.plot(
            positions,
            [100 * s for s in shares],
            marker=".",
            color=COLORS[name],
            label=label(name, lang),
        )
    half = len(next(iter(data["sensitivity"].values()))) // 2
    axes.axvspan(
        0.5, half + 0.5, color=COLORS["baseline"], alpha=0.1, label=label("mark_zone", lang)
    )
    axes.set_xlabel(label("position", lang))
    axes.set_ylabel(label("sensitivity_share", lang))
    axes.xaxis.set_major_locator(MaxNLocator(integer=True))  # positions are whole steps
    legend_outside(figure, axes)
    return figure


def gate_trace(data: dict[str, Any], lang: str) -> Figure:
    """An LSTM's gates (mean over units) and the cells that carry the answer, on one sequence."""
    gates = data["gates"]
    figure, (top, bottom) = plt.subplots(
        2, 1, figsize=(SIZE[0], SIZE[1] * 1.4), sharex=True, layout="constrained"
    )
    steps = range(1, len(gates["input_gate"]) + 1)
    for key in ("input_gate", "forget_gate", "output_gate"):
        top.plot(steps, gates[key], color=COLORS[key], label=label(key, lang))
    top.set_ylim(0, 1)
    top.set_ylabel(label("gate_open", lang))
    legend_outside(figure, top, where="upper")
    # cells in the cell's blue, told apart by shade and dash: no gate's colour, no
    # guide line's (the red and grey dashed verticals), distinct in greyscale too
    for k, (unit, values) in enumerate(zip(gates["cell_units"], gates["cells"], strict=True)):
        bottom.plot(
            steps,
            values,
            CELL_DASHES[k % len(CELL_DASHES)],
            color=CELL_SHADES[k % len(CELL_SHADES)],
            linewidth=1.8,
            label=f"{label('cell', lang)} #{unit}",
        )
    bottom.set_ylabel(label("cell_value", lang))
    bottom.set_xlabel(label("step", lang))
    bottom.xaxis.set_major_locator(MaxNLocator(integer=True))  # steps are whole numbers
    legend_outside(figure, bottom)
    for axes in (top, bottom):
        axes.axvline(gates["marked_at"] + 1, color=COLORS["highlight"], linestyle="--")
        axes.axvline(gates["asked_at"] + 1, color=COLORS["baseline"], linestyle="--")
    top.annotate(
        label("marked_here", lang), (gates["marked_at"] + 1, 0.97), ha="left", va="top", fontsize=9
    )
    # on a phone the two names would meet in one line ("marked symbol question"): the
    # question's goes to the foot of its line, below the gates (a gate is rarely near shut)
    foot = PHONE.get()
    top.annotate(
        label("asked_here", lang),
        (gates["asked_at"] + 1, 0.03 if foot else 0.97),
        ha="right",
        va="bottom" if foot else "top",
        fontsize=9,
    )
    return figure


def accuracy_vs_length(data: dict[str, Any], lang: str) -> Figure:
    """Far-token recall: accuracy per sequence length for each model."""
    figure, axes = _accuracy_chart(data, data["lengths"], "sequence_length", lang)
    legend_outside(figure, axes)
    return figure


def exact_match_vs_length(data: dict[str, Any], lang: str) -> Figure:
    """Seq2seq: share of sentences reproduced word for word, per sentence length."""
    figure, axes = plt.subplots(figsize=SIZE, layout="constrained")
    _per_model(axes, data["lengths"], data, "median_accuracy", "accuracy", lang)
    axes.set_xticks(data["lengths"])
    axes.set_ylim(0, 1.05)
    axes.set_xlabel(label("sentence_length", lang))
    axes.set_ylabel(label("exact_match", lang))
    legend_outside(figure, axes)
    return figure


def data_efficiency(data: dict[str, Any], lang: str) -> Figure:
    """Card recall: accuracy per training-set size."""
    return accuracy_vs_data(data["recall"], lang)


def length_generalisation(data: dict[str, Any], lang: str) -> Figure:
    """Parity: accuracy on held-out strings of the training lengths (at x = the longest
    training length), then on longer strings; the min-max over seeds shaded."""
    trained = data["max_length"]
    xs = [trained, *data["test_lengths"]]
    figure, axes = plt.subplots(figsize=SIZE, layout="constrained")
    for name, model in data["models"].items():
        per_seed = [model["val_accuracy"], *model["accuracy"]]  # one list of seeds per x
        axes.plot(
            xs,
            [statistics.median(s) for s in per_seed],
            marker="o",
            color=COLORS[name],
            label=label(name, lang),
        )
        if len(per_seed[0]) > 1:
            low, high = [min(s) for s in per_seed], [max(s) for s in per_seed]
            axes.fill_between(xs, low, high, color=COLORS[name], alpha=0.15)
    axes.axhline(
        data["chance"], color=COLORS["baseline"], linestyle="--", label=label("guess", lang)
    )
    axes.axhline(
        data["generalises_from"],
        color=COLORS["baseline"],
        linestyle=":",
        label=label("generalises_line", lang),
    )
    axes.set_xscale("log", base=2)  # test lengths double
    axes.set_xticks(xs, [f"≤{trained}", *map(str, data["test_lengths"])])
    axes.minorticks_off()
    axes.set_ylim(0, 1.05)
    axes.set_xlabel(label("string_length", lang))
    axes.set_ylabel(label("accuracy", lang))
    legend_outside(figure, axes)
    return figure


def _cost_chart(data: dict[str, Any], metric: str, lang: str) -> Figure:
    """One line per model and device (CPU solid, GPU dashed), log-log against length;
    a min-max band where the data keep one (`<metric>_min`, `<metric>_max`)."""
    figure, axes = plt.subplots(figsize=SIZE, layout="constrained")
    for device, measured in data["devices"].items():
        for name, series in measured["models"].items():
            axes.plot(
                data["lengths"],
                series[metric],
                "-" if device == "cpu" else "--",
                marker="o" if device == "cpu" else "s",
                markersize=4,
                color=COLORS[name],
                label=f"{label(name, lang)} ({label(device, lang)})",
            )
            if f"{metric}_min" in series:  # min-max over every timed step
                low, high = series[f"{metric}_min"], series[f"{metric}_max"]
                axes.fill_between(data["lengths"], low, high, color=COLORS[name], alpha=0.15)
    axes.set_xscale("log", base=2)
    axes.set_yscale("log")
    axes.set_xticks(data["lengths"], [str(n) for n in data["lengths"]])
    axes.minorticks_off()
    axes.set_xlabel(label("sequence_length", lang))
    axes.set_ylabel(label(metric, lang))
    legend_outside(figure, axes, columns=2)
    return figure


def time_vs_length(data: dict[str, Any], lang: str) -> Figure:
    """Median time of one training step (forward + backward) per length, min-max shaded."""
    return _cost_chart(data, "step_ms", lang)


def memory_vs_length(data: dict[str, Any], lang: str) -> Figure:
    """Activations kept for the backward pass, per length."""
    return _cost_chart(data, "activation_mb", lang)
