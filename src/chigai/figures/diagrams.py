"""Diagrams for beginners, drawn from code: an unrolled RNN and an LSTM cell.

They take the architecture result (parameter counts) so their captions can state measured
sizes; everything else is geometry.
"""

from typing import Any

import matplotlib.pyplot as plt
from matplotlib.figure import Figure
from matplotlib.patches import Circle, FancyArrowPatch, FancyBboxPatch

from chigai.figures.style import COLORS
from chigai.strings import label

STEPS = 4


def _canvas(height: float) -> tuple[Figure, Any]:
    figure, axes = plt.subplots(figsize=(6.4, height), layout="constrained")
    axes.set_xlim(0, 10)
    axes.set_ylim(0, 10 * height / 6.4)
    axes.set_axis_off()
    axes.set_aspect("equal")
    return figure, axes


def _arrow(
    axes: Any, start: tuple[float, float], end: tuple[float, float], color: str = "#444444"
) -> None:
    axes.add_patch(
        FancyArrowPatch(start, end, arrowstyle="-|>", mutation_scale=14, color=color, lw=1.6)
    )


def _box(axes: Any, x: float, y: float, w: float, h: float, color: str, text: str) -> None:
    axes.add_patch(
        FancyBboxPatch((x, y), w, h, boxstyle="round,pad=0.08", fc=color, ec="#333333", lw=1.2)
    )
    axes.text(x + w / 2, y + h / 2, text, ha="center", va="center", fontsize=11)


def unrolled_rnn(data: dict[str, Any], lang: str) -> Figure:
    """Four steps of one RNN; the share of the first input left in the state fades."""
    figure, axes = _canvas(4.0)
    for t in range(STEPS):
        x = 0.6 + t * 2.4
        _box(axes, x, 2.0, 1.4, 1.1, "#f5f5f5", f"h{t + 1}")
        # what is left of the first input: full at step 1, then less at every step
        axes.add_patch(
            FancyBboxPatch(
                (x + 0.1, 2.08),
                1.2 * 0.5**t,
                0.18,
                boxstyle="square,pad=0",
                fc=COLORS["rnn"],
                ec="none",
            )
        )
        _box(axes, x + 0.25, 0.3, 0.9, 0.7, "#fff4d6", f"x{t + 1}")
        _arrow(axes, (x + 0.7, 1.05), (x + 0.7, 1.95))
        _arrow(axes, (x + 0.7, 3.15), (x + 0.7, 3.9))
        axes.text(x + 0.7, 4.05, f"y{t + 1}", ha="center", va="bottom", fontsize=10)
        if t < STEPS - 1:
            _arrow(axes, (x + 1.5, 2.55), (x + 2.3, 2.55))
            axes.text(x + 1.9, 2.7, "W", ha="center", fontsize=9, color="#555555")
    axes.text(5.0, 5.7, label("diagram_same_weights", lang), ha="center", fontsize=10)
    axes.text(5.0, 5.2, label("diagram_fading", lang), ha="center", fontsize=9, color=COLORS["rnn"])
    return figure


def lstm_cell(data: dict[str, Any], lang: str) -> Figure:
    """One LSTM step: the cell as a conveyor belt, the three gates as switches on it."""
    figure, axes = _canvas(4.4)
    axes.add_patch(
        FancyBboxPatch((1.2, 0.9), 7.4, 4.6, boxstyle="round,pad=0.1", fc="#f7fbff", ec="#333333")
    )
    belt_y = 4.7
    _arrow(axes, (0.1, belt_y), (9.8, belt_y), color=COLORS["cell"])
    axes.text(0.1, belt_y + 0.25, "c(t-1)", fontsize=10)
    axes.text(9.8, belt_y + 0.25, "c(t)", fontsize=10, ha="right")
    axes.text(
        4.9,
        belt_y + 0.45,
        label("diagram_cell", lang),
        ha="center",
        fontsize=10,
        color=COLORS["cell"],
    )
    gates = (
        ("forget_gate", 2.6, "×", "diagram_forget"),
        ("input_gate", 4.9, "+", "diagram_input"),
        ("output_gate", 7.2, "×", "diagram_output"),
    )
    for key, x, symbol, caption in gates:
        gate_y = belt_y if key != "output_gate" else 2.9
        axes.add_patch(Circle((x, gate_y), 0.32, fc="white", ec=COLORS[key], lw=2.2))
        axes.text(x, gate_y, symbol, ha="center", va="center", fontsize=14)
        _box(axes, x - 0.7, 1.3, 1.4, 0.7, COLORS[key], label(key, lang))
        axes.text(x, 0.55, label(caption, lang), ha="center", fontsize=8.5)
        _arrow(axes, (x, 2.05), (x, gate_y - 0.36), color=COLORS[key])
    _arrow(axes, (7.2, belt_y - 0.05), (7.2, 3.25), color=COLORS["cell"])  # belt read out via tanh
    _arrow(axes, (7.55, 2.9), (9.8, 2.9))
    axes.text(9.8, 3.1, "h(t)", ha="right", fontsize=10)
    _arrow(axes, (0.1, 1.65), (1.75, 1.65))
    axes.text(0.1, 1.85, "h(t-1), x(t)", fontsize=10)
    ratio = data["findings"]["lstm_over_rnn"]
    axes.text(
        4.9, 6.35, label("diagram_params", lang).format(ratio=ratio), ha="center", fontsize=10
    )
    return figure
