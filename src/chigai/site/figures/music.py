"""Figures of real music (Bach chorales): what each model expected to hear next, and how
well each predicted, seed by seed."""

import statistics
from typing import Any

import matplotlib.pyplot as plt
from matplotlib.figure import Figure

from chigai.site.figures.style import COLORS, HEATMAP, PHONE, PHONE_WIDTH, SIZE, legend_outside
from chigai.site.strings import label

LOWEST_MIDI = 21  # key 0 of the 88 is A0
NAMES = ("C", "C♯", "D", "E♭", "E", "F", "F♯", "G", "A♭", "A", "B♭", "B")


def note_name(key: int) -> str:
    """'C4' for piano key 39 (MIDI 60, middle C)."""
    midi = key + LOWEST_MIDI
    return f"{NAMES[midi % 12]}{midi // 12 - 1}"


def chorale_predictions(data: dict[str, Any], lang: str) -> Figure:
    """One test chorale as a piano roll, once per model: the shade is the probability the
    model gave each key of sounding at that step, before hearing it; the dots are the notes
    Bach wrote. Dark where there is a dot: the model expected the note."""
    shown = data["shown"]
    models = list(shown["probs"])
    phone = PHONE.get()
    size = (PHONE_WIDTH, 2.0 + 1.9 * len(models)) if phone else (SIZE[0], 1.2 + 1.6 * len(models))
    figure, panels = plt.subplots(len(models), 1, figsize=size, sharex=True, layout="constrained")
    low = shown["low"]
    steps = [step for step, keys in enumerate(shown["notes"]) for _ in keys]
    keys = [key for step_keys in shown["notes"] for key in step_keys]
    for axes, name in zip(panels, models, strict=True):
        probs = shown["probs"][name]  # [step][key]
        image = axes.imshow(
            list(map(list, zip(*probs, strict=True))),  # keys as rows
            cmap=HEATMAP,
            vmin=0,
            vmax=1,
            aspect="auto",
            origin="lower",
            interpolation="nearest",
        )
        axes.scatter(
            steps,
            keys,
            s=6 if phone else 9,
            color=COLORS["highlight"],
            linewidths=0,
            label=label("bach_notes", lang),
        )
        axes.set_title(label(name, lang), fontsize=10, loc="left")
        height = len(probs[0])
        cs = [k for k in range(height) if (k + low + LOWEST_MIDI) % 12 == 0]
        axes.set_yticks(cs, [note_name(k + low) for k in cs])
        axes.grid(False)
    panels[-1].set_xlabel(label("chorale_step", lang))
    legend_outside(figure, panels[0], where="upper")
    figure.supylabel(label("piano_key", lang), fontsize=10)
    where = {"location": "bottom", "shrink": 0.8} if phone else {"shrink": 0.8}
    figure.colorbar(image, ax=list(panels), label=label("predicted_probability", lang), **where)
    return figure


def nll_by_seed(data: dict[str, Any], lang: str) -> Figure:
    """Test NLL per time step of each model: every seed a dot, the same seed joined across
    models by a thin line (the comparison is paired), the median a bar, and the value
    Chung et al. 2014 published for the same kind of unit a star."""
    models = list(data["models"])
    figure, axes = plt.subplots(figsize=SIZE, layout="constrained")
    scores = [data["models"][name]["test_nll"] for name in models]
    for seed_scores in zip(*scores, strict=True):
        axes.plot(range(len(models)), seed_scores, color=COLORS["baseline"], alpha=0.35, lw=0.8)
    for x, (name, values) in enumerate(zip(models, scores, strict=True)):
        axes.scatter([x] * len(values), values, s=18, color=COLORS[name], zorder=3)
        axes.hlines(
            statistics.median(values), x - 0.25, x + 0.25, color=COLORS[name], lw=2.5, zorder=4
        )
    published = [data["published"][name] for name in models]
    axes.scatter(
        range(len(models)),
        published,
        marker="*",
        s=90,
        color="none",
        edgecolors=COLORS["published"],
        zorder=5,
        label=label("published_chung", lang),
    )
    axes.set_xticks(range(len(models)), [label(name, lang) for name in models])
    axes.set_xlim(-0.6, len(models) - 0.4)
    axes.set_ylabel(label("test_nll_step", lang))
    axes.plot([], [], color=COLORS["baseline"], alpha=0.35, lw=0.8, label=label("same_seed", lang))
    legend_outside(figure, axes)
    return figure
