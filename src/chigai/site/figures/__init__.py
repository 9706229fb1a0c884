"""Figures: one function per figure kind, drawn from result data in one language.

All figures share one size and style (chigai.site.figures.style) and are saved as SVG with
text as paths, so the browser needs no font; each is drawn at desktop and at phone width
(PNG only for link previews on social sites, which do not show SVG). Japanese labels use
IPAexGothic from matplotlib-fontja; a glyph missing from the fonts (a tofu box) is an
error, not a warning.
"""

import io
import warnings
from collections.abc import Callable
from typing import Any

import matplotlib.pyplot as plt
from matplotlib.figure import Figure

from chigai.site.declared import Declared, drawing
from chigai.site.figures import cells, charts, diagrams, heatmaps, music
from chigai.site.figures.style import PHONE, fit_phone, rc_for

KINDS: dict[str, Callable[[dict[str, Any], str], Figure]] = {
    "error_vs_lag": charts.error_vs_lag,
    "accuracy_vs_lag": charts.accuracy_vs_lag,
    "accuracy_vs_data": charts.accuracy_vs_data,
    "gradient_flow": charts.gradient_flow,
    "input_sensitivity": charts.input_sensitivity,
    "gate_trace": charts.gate_trace,
    "accuracy_vs_length": charts.accuracy_vs_length,
    "exact_match_vs_length": charts.exact_match_vs_length,
    "data_efficiency": charts.data_efficiency,
    "length_generalisation": charts.length_generalisation,
    "time_vs_length": charts.time_vs_length,
    "memory_vs_length": charts.memory_vs_length,
    "attention_map": heatmaps.attention_map,
    "alignment_map": heatmaps.alignment_map,
    "diagram_unrolled_rnn": diagrams.unrolled_rnn,
    "diagram_lstm_cell": diagrams.lstm_cell,
    "step_time_vs_width": cells.step_time_vs_width,
    "recognised_vs_n": cells.recognised_vs_n,
    "variant_accuracy": cells.variant_accuracy,
    "loss_curves": cells.loss_curves,
    "chorale_predictions": music.chorale_predictions,
    "nll_by_seed": music.nll_by_seed,
}


class FigureError(RuntimeError):
    pass


SHARE_DPI = 1200 / 6.4  # a desktop-size figure as a 1200-px-wide PNG, what link previews want


def render_svg(
    kind: str,
    data: dict[str, Any],
    lang: str,
    phone: bool = False,
    models: Declared | None = None,
) -> bytes:
    """Draw one figure to SVG bytes; raise FigureError on unknown kinds or missing glyphs."""
    return render(kind, data, lang, phone=phone, models=models)


def render(
    kind: str,
    data: dict[str, Any],
    lang: str,
    phone: bool = False,
    fmt: str = "svg",
    models: Declared | None = None,
) -> bytes:
    """Draw one figure as SVG (or PNG), at desktop or phone size; the models it names are
    looked up in `models`, its article's declaration (chigai.site.declared)."""
    if kind not in KINDS:
        raise FigureError(
            f"unknown figure kind {kind!r}: chigai.site.figures has {', '.join(KINDS)}"
        )
    token = PHONE.set(phone)
    try:
        with (
            warnings.catch_warnings(record=True) as caught,
            plt.rc_context(rc_for(lang)),
            drawing(models),
        ):
            warnings.simplefilter("always")
            figure = KINDS[kind](data, lang)
            if phone:
                fit_phone(figure)
            buffer = io.BytesIO()
            metadata = {"Date": None} if fmt == "svg" else {"Software": None}
            figure.savefig(buffer, format=fmt, metadata=metadata, dpi=SHARE_DPI)
            plt.close(figure)
    finally:
        PHONE.reset(token)
    missing = [str(w.message) for w in caught if "missing from font" in str(w.message)]
    if missing:
        raise FigureError(f"{kind} ({lang}): {missing[0]}")
    return buffer.getvalue()
