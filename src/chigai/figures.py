"""Figures: one function per figure kind, drawn from result data in one language.

All figures share one size and style and are saved as SVG with text as paths, so the
browser needs no font. Japanese labels use IPAexGothic from matplotlib-fontja; a glyph
missing from the fonts (a tofu box) is an error, not a warning.
"""

import io
import warnings
from collections.abc import Callable
from typing import Any

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import matplotlib_fontja  # noqa: F401  (registers IPAexGothic with matplotlib)
from matplotlib.figure import Figure

from chigai.strings import label

SIZE = (6.4, 4.0)
COLORS = {"rnn": "#d9534f", "lstm": "#2a7ab0", "baseline": "#777777"}
FONTS = {"ja": ["IPAexGothic", "DejaVu Sans"], "en": ["DejaVu Sans"]}
STYLE = {
    "svg.fonttype": "path",
    "svg.hashsalt": "chigai",  # stable element ids: same data, same bytes
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.alpha": 0.3,
    "font.size": 11,
}


class FigureError(RuntimeError):
    pass


def error_vs_lag(data: dict[str, Any], lang: str) -> Figure:
    """Median test error per lag for each model, seed spread shaded, baseline as a line."""
    figure, axes = plt.subplots(figsize=SIZE, layout="constrained")
    lags = data["lags"]
    for name, model in data["models"].items():
        axes.plot(
            lags, model["median_mse"], marker="o", color=COLORS[name], label=label(name, lang)
        )
        if len(model["mse"][0]) > 1:
            low = [min(per_seed) for per_seed in model["mse"]]
            high = [max(per_seed) for per_seed in model["mse"]]
            axes.fill_between(lags, low, high, color=COLORS[name], alpha=0.15)
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
    axes.set_xscale("log")  # lags grow geometrically in the presets
    axes.set_yscale("log")
    axes.set_xticks(lags, [str(lag) for lag in lags])
    axes.minorticks_off()
    axes.set_xlabel(label("lag", lang))
    axes.set_ylabel(label("test_mse", lang))
    axes.legend(loc="lower right", fontsize=9)
    return figure


KINDS: dict[str, Callable[[dict[str, Any], str], Figure]] = {"error_vs_lag": error_vs_lag}


def render_svg(kind: str, data: dict[str, Any], lang: str) -> bytes:
    """Draw one figure to SVG bytes; raise FigureError on unknown kinds or missing glyphs."""
    if kind not in KINDS:
        raise FigureError(f"unknown figure kind {kind!r}: chigai.figures has {', '.join(KINDS)}")
    with (
        warnings.catch_warnings(record=True) as caught,
        plt.rc_context(STYLE | {"font.family": FONTS[lang]}),
    ):
        warnings.simplefilter("always")
        figure = KINDS[kind](data, lang)
        buffer = io.BytesIO()
        figure.savefig(buffer, format="svg", metadata={"Date": None})
        plt.close(figure)
    missing = [str(w.message) for w in caught if "missing from font" in str(w.message)]
    if missing:
        raise FigureError(f"{kind} ({lang}): {missing[0]}")
    return buffer.getvalue()
