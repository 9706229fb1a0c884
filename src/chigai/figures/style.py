"""One look for every figure: size, colours, fonts."""

from typing import Any

import matplotlib

matplotlib.use("Agg")
import matplotlib_fontja  # noqa: F401  (registers IPAexGothic with matplotlib)

SIZE = (6.4, 4.0)
COLORS = {
    "rnn": "#d9534f",
    "lstm": "#2a7ab0",
    "baseline": "#777777",
    "input_gate": "#2ca02c",
    "forget_gate": "#9467bd",
    "output_gate": "#ff7f0e",
    "cell": "#2a7ab0",
    "transformer": "#2ca02c",
    "lstm_attention": "#9467bd",
    "seq2seq": "#2a7ab0",
    "seq2seq_attention": "#ff7f0e",
    "attention_fused": "#2ca02c",
    "attention_explicit": "#8c564b",
}
HEATMAP = "Blues"
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


def rc_for(lang: str) -> dict[str, Any]:
    return STYLE | {"font.family": FONTS[lang]}
