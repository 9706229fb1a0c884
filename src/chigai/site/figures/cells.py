"""Charts that compare recurrent cells (the GRU vs LSTM article): step time against width,
counting past the training range, gate ablations and learning curves."""

from typing import Any

import matplotlib.pyplot as plt
from matplotlib.figure import Figure
from matplotlib.ticker import LogLocator, ScalarFormatter

from chigai.site.figures.style import COLORS, SIZE, legend_outside
from chigai.site.strings import label


def step_time_vs_width(data: dict[str, Any], lang: str) -> Figure:
    """Median step time per width for each model and kernel (torch's layers solid, the
    hand-written loop dashed), with the min-max over every timed step shaded."""
    figure, axes = plt.subplots(figsize=SIZE, layout="constrained")
    widths = data["widths"]
    for kernel in data["kernels"]:
        for name, series in data["timings"][kernel]["models"].items():
            axes.plot(
                widths,
                series["step_ms"],
                "-" if kernel == "torch" else "--",
                marker="o" if kernel == "torch" else "s",
                markersize=4,
                color=COLORS[name],
                label=_paren(label(name, lang), label(f"kernel_{kernel}", lang), lang),
            )
            axes.fill_between(
                widths, series["step_ms_min"], series["step_ms_max"], color=COLORS[name], alpha=0.12
            )
    axes.set_xscale("log", base=2)
    axes.set_yscale("log")
    axes.yaxis.set_major_locator(LogLocator(subs=(1, 2, 5)))  # ms: 1, 2, 5, 10, 20, ...
    axes.yaxis.set_major_formatter(ScalarFormatter())
    axes.set_xticks(widths, [str(w) for w in widths])
    axes.minorticks_off()
    axes.set_xlabel(label("hidden_width", lang))
    axes.set_ylabel(label("step_ms", lang))
    legend_outside(figure, axes, columns=2)
    return figure


def recognised_vs_n(data: dict[str, Any], lang: str) -> Figure:
    """Share of seeds that recognise aⁿbⁿ at each n, past the largest trained n (the
    training range shaded)."""
    figure, axes = plt.subplots(figsize=SIZE, layout="constrained")
    ns = data["test_ns"]
    axes.axvspan(0, data["max_train_n"], color=COLORS["baseline"], alpha=0.12)
    for dashed, (name, model) in enumerate(data["models"].items()):  # dashes: both show at 0
        axes.step(
            ns,
            model["recognised_share"],
            "--" if dashed else "-",
            where="mid",
            color=COLORS[name],
            label=label(name, lang),
            linewidth=2,
        )
    axes.plot(
        [],
        [],
        color=COLORS["baseline"],
        alpha=0.3,
        linewidth=8,
        label=_paren(label("trained_n", lang), f"n ≤ {data['max_train_n']}", lang),
    )
    axes.set_xlim(0, max(ns) + 1)
    axes.set_ylim(-0.05, 1.05)
    axes.set_xlabel(label("count_n", lang))
    axes.set_ylabel(label("recognised_share", lang))
    legend_outside(figure, axes)
    return figure


def variant_accuracy(data: dict[str, Any], lang: str) -> Figure:
    """Test accuracy of each cell variant: median bar, every seed as a dot, chance dashed."""
    names = data["variants"]
    figure, axes = plt.subplots(figsize=SIZE, layout="constrained")
    rows = range(len(names))
    medians = [data["models"][name]["median_accuracy"] for name in names]
    axes.barh(rows, medians, color=[COLORS[name] for name in names], alpha=0.8)
    for row, name in zip(rows, names, strict=True):
        seeds = data["models"][name]["accuracy"]
        axes.plot(seeds, [row] * len(seeds), "o", color="black", markersize=3.5)
    axes.plot([], [], "o", color="black", markersize=3.5, label=label("one_seed", lang))
    axes.axvline(
        data["chance"], color=COLORS["baseline"], linestyle="--", label=label("guess", lang)
    )
    axes.set_yticks(list(rows), [label(name, lang) for name in names])
    axes.invert_yaxis()  # the first variant on top
    axes.set_xlim(0, 1.02)
    axes.set_xlabel(label("test_accuracy", lang))
    axes.grid(axis="y", visible=False)
    legend_outside(figure, axes)
    return figure


def loss_curves(data: dict[str, Any], lang: str) -> Figure:
    """Training loss against steps, median over seeds with the min-max shaded, for the
    variants in `curve_variants`."""
    figure, axes = plt.subplots(figsize=SIZE, layout="constrained")
    steps = data["loss_steps"]
    for name in data["curve_variants"]:
        model = data["models"][name]
        axes.plot(steps, model["median_loss"], color=COLORS[name], label=label(name, lang))
        axes.fill_between(
            steps, model["loss_min"], model["loss_max"], color=COLORS[name], alpha=0.15
        )
    axes.axhline(
        data["loss_level"], color=COLORS["baseline"], linestyle=":", label=label("loss_level", lang)
    )
    axes.set_yscale("log")
    axes.set_xlabel(label("training_step", lang))
    axes.set_ylabel(label("training_loss", lang))
    legend_outside(figure, axes)
    return figure


def _paren(text: str, aside: str, lang: str) -> str:
    """'GRU (aside)', with full-width brackets in Japanese: 'GRU（aside）'."""
    return f"{text}（{aside}）" if lang == "ja" else f"{text} ({aside})"
