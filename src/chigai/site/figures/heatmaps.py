"""Heatmaps of attention: where a model looked, on one example it was asked about."""

from typing import Any

import matplotlib.pyplot as plt
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from chigai.site.figures.style import COLORS, HEATMAP, PHONE, PHONE_WIDTH, SIZE
from chigai.site.strings import label

BLANK = "·"
KEEP_BLANKS = 2  # blanks shown on each side of a long run; the rest share one column


def _fold_blanks(tokens: list[str], weights: list[list[float]]) -> tuple[list[str], list[list]]:
    """Merge the middle of a long run of blanks into one column holding their summed weight,
    so the cards stay readable at any length and every row still sums to 1."""
    blanks = [i for i, token in enumerate(tokens) if token == BLANK]
    if len(blanks) <= 2 * KEEP_BLANKS + 1:
        return tokens, weights
    middle = blanks[KEEP_BLANKS:-KEEP_BLANKS]
    start, end = middle[0], middle[-1] + 1
    merged = f"{BLANK}×{len(middle)}"
    folded = [[*row[:start], sum(row[start:end]), *row[end:]] for row in weights]
    return [*tokens[:start], merged, *tokens[end:]], folded


def attention_map(data: dict[str, Any], lang: str) -> Figure:
    """Rows: each attention head (and the LSTM's attention) reading from the question;
    columns: the positions of one example (a long run of blanks folded into one column);
    the card holding the answer is outlined."""
    example = data["attention"]
    rows = example["rows"]
    tokens, weights = _fold_blanks(example["tokens"], [row["weights"] for row in rows])
    phone = PHONE.get()  # a phone gets taller rows, two-line row names, the colour bar below
    if phone:
        size = (PHONE_WIDTH, 2.2 + 0.55 * len(rows))
    else:
        size = (SIZE[0] * 1.25, 0.9 + 0.42 * len(rows))
    figure, axes = plt.subplots(figsize=size, layout="constrained")
    image = axes.imshow(weights, cmap=HEATMAP, vmin=0, vmax=1, aspect="auto")
    axes.set_yticks(range(len(rows)), [_row_name(row, lang, phone) for row in rows])
    axes.set_xticks(range(len(tokens)), tokens, rotation=90, fontsize=8)
    axes.grid(False)
    answer = example["answer_position"]
    axes.add_patch(
        Rectangle(
            (answer - 0.5, -0.5),
            1,
            len(rows),
            fill=False,
            edgecolor=COLORS["highlight"],
            linewidth=2,
        )
    )
    axes.set_xlabel(label("attention_positions", lang))
    _colorbar(figure, axes, image, lang, shrink=0.9)
    return figure


def alignment_map(data: dict[str, Any], lang: str) -> Figure:
    """Seq2seq with attention: which input word each output word looked at."""
    example = data["alignment"]
    # a phone gets a taller canvas, so the square map can take the whole width and keep
    # a word per column legible; the colour bar goes below it
    size = (PHONE_WIDTH, PHONE_WIDTH * 1.25) if PHONE.get() else (SIZE[0], SIZE[0] * 0.8)
    figure, axes = plt.subplots(figsize=size, layout="constrained")
    image = axes.imshow(example["weights"], cmap=HEATMAP, vmin=0, vmax=1)
    axes.set_xticks(range(len(example["source"])), [str(w) for w in example["source"]], fontsize=8)
    axes.set_yticks(range(len(example["output"])), [str(w) for w in example["output"]], fontsize=8)
    axes.grid(False)
    axes.set_xlabel(label("input_words", lang))
    axes.set_ylabel(label("output_words", lang))
    _colorbar(figure, axes, image, lang, shrink=0.8)
    return figure


def _row_name(row: dict[str, Any], lang: str, phone: bool) -> str:
    """'Transformer head 2', or the model's name; on two lines on a phone."""
    gap = "\n" if phone else " "
    if row["head"]:
        return f"{label(row['model'], lang)}{gap}{label('head', lang)} {row['head']}"
    return label(row["model"], lang).replace("＋", gap + "＋").replace(" + ", gap + "+ ")


def _colorbar(figure: Figure, axes: Any, image: Any, lang: str, shrink: float) -> None:
    """The colour scale: at the right, or below the map on a phone, where width is scarce."""
    where = {"location": "bottom", "shrink": 0.7} if PHONE.get() else {"shrink": shrink}
    figure.colorbar(image, ax=axes, label=label("attention_weight", lang), **where)
