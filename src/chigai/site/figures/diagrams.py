"""Diagrams for beginners, drawn from code: an unrolled RNN and an LSTM cell.

They take the architecture result (parameter counts) so their captions can state measured
sizes; everything else is geometry.
"""

from typing import Any

import matplotlib.pyplot as plt
from matplotlib.figure import Figure
from matplotlib.patches import Circle, FancyArrowPatch, FancyBboxPatch

from chigai.site.figures.style import COLORS, PHONE, PHONE_WIDTH, wrap
from chigai.site.strings import label

STEPS = 4


def _canvas(height: float, below: float = 0.0) -> tuple[Figure, Any]:
    """Axes 10 units wide; on a phone the same geometry, narrower, so text is relatively
    larger (phone diagrams wrap their sentences and make room for them with `below`)."""
    width = PHONE_WIDTH if PHONE.get() else 6.4
    below = below if PHONE.get() else 0.0
    top = 10 * height / 6.4
    figure, axes = plt.subplots(figsize=(width, width * (top + below) / 10), layout="constrained")
    axes.set_xlim(0, 10)
    axes.set_ylim(-below, top)
    axes.set_axis_off()
    axes.set_aspect("equal")
    return figure, axes


def _text(text: str, width: float, size: float) -> str:
    """On a phone, `text` wrapped to `width` units of the 10-unit-wide canvas."""
    if not PHONE.get():
        return text
    return wrap(text, int(width * PHONE_WIDTH * 7.2 / (size * 0.62)))


def _arrow(
    axes: Any, start: tuple[float, float], end: tuple[float, float], color: str = "#444444"
) -> None:
    axes.add_patch(
        FancyArrowPatch(start, end, arrowstyle="-|>", mutation_scale=14, color=color, lw=1.6)
    )


def _box(
    axes: Any, x: float, y: float, w: float, h: float, color: str, text: str, size: float = 11
) -> None:
    axes.add_patch(
        FancyBboxPatch((x, y), w, h, boxstyle="round,pad=0.08", fc=color, ec="#333333", lw=1.2)
    )
    axes.text(x + w / 2, y + h / 2, text, ha="center", va="center", fontsize=size)


def unrolled_rnn(data: dict[str, Any], lang: str) -> Figure:
    """Four steps of one RNN; the share of the first input left in the state fades."""
    phone = PHONE.get()
    figure, axes = _canvas(5.6 if phone else 4.0)
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
                fc=COLORS["highlight"],
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
    axes.text(
        5.0,
        4.75 if phone else 5.2,
        _text(label("diagram_fading", lang), 10, 9),
        ha="center",
        va="bottom",
        fontsize=9,
        color=COLORS["highlight"],
    )
    axes.text(
        5.0,
        6.1 if phone else 5.65,
        _text(label("diagram_same_weights", lang), 10, 10),
        ha="center",
        va="bottom",
        fontsize=10,
    )
    return figure


def lstm_cell(data: dict[str, Any], lang: str) -> Figure:
    """One LSTM step: the cell as a conveyor belt, the three gates as switches on it."""
    phone = PHONE.get()
    figure, axes = _canvas(5.4 if phone else 4.4, below=1.6)
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
        high = 1.1 if phone else 0.7  # a phone's box holds its label on two lines
        name = _text(label(key, lang), 1.3, 9)
        _box(axes, x - 0.7, 1.3, 1.4, high, COLORS[key], name, size=9.5 if phone else 11)
        axes.text(x, 0.95, _text(label(caption, lang), 2.2, 9), ha="center", va="top", fontsize=8.5)
        _arrow(axes, (x, 1.35 + high), (x, gate_y - 0.36), color=COLORS[key])
    _arrow(axes, (7.2, belt_y - 0.05), (7.2, 3.25), color=COLORS["cell"])  # belt read out via tanh
    _arrow(axes, (7.55, 2.9), (9.8, 2.9))
    axes.text(9.8, 3.1, "h(t)", ha="right", fontsize=10)
    _arrow(axes, (0.1, 1.65), (1.75, 1.65))
    axes.text(0.1, 1.85, "h(t-1),\nx(t)" if phone else "h(t-1), x(t)", fontsize=10)
    ratio = data["findings"]["lstm_over_rnn"]
    axes.text(
        4.9,
        6.0,
        _text(label("diagram_params", lang).format(ratio=ratio), 10, 10),
        ha="center",
        va="bottom",
        fontsize=10,
    )
    return figure
