"""One look for every figure: size, colours, fonts, legends; and the phone variant.

Each figure is drawn twice per language: at SIZE for wide screens, and at PHONE_WIDTH for
phones (served with <picture>). A desktop SVG shrunk to a 375-px phone's ~343-px column
shows its 9-pt legend at ~7 CSS px; drawn 3.6 in wide it is shown nearly 1:1, so text of
at least PHONE_MIN_PT (12 CSS px) stays above 11 px. Legends sit outside the axes, below
(or above) the plot, so they never cover data at either width.
"""

import re
from collections.abc import Iterator, Mapping
from contextvars import ContextVar
from itertools import pairwise
from typing import Any
from unicodedata import east_asian_width

import matplotlib

matplotlib.use("Agg")
import matplotlib_fontja  # noqa: F401  (registers IPAexGothic with matplotlib)
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.axis import Axis
from matplotlib.figure import Figure
from matplotlib.text import Text

from chigai.site.declared import current, model

SIZE = (6.4, 4.0)
PHONE_WIDTH = 3.6  # inches = 346 CSS px, about the content column of a 375-px phone
PHONE_HEIGHT = 0.9  # phone height per desktop height: a narrower chart needs less height
PHONE_MIN_PT = 9.0  # 12 CSS px when shown 1:1
TICK_GAP_EM = 0.5  # the least room between tick labels: "512 1024", not "5121024"
# Whether the figure being drawn is the phone variant: figure kinds keep their (data, lang)
# signature and ask here only where the layout itself must change (stacked panels).
PHONE: ContextVar[bool] = ContextVar("phone", default=False)
# Colours that are no model's: reference lines, LSTM gates, highlights. A model's colour
# is declared by its article (experiments/<article>/article.toml, chigai.site.declared).
SHARED_COLORS = {
    "baseline": "#777777",
    "highlight": "#d9534f",  # what a figure points at: the answer, the mark, the fading input
    "input_gate": "#2ca02c",
    "forget_gate": "#9467bd",
    "output_gate": "#ff7f0e",
    "cell": "#2a7ab0",
    "published": "#222222",  # a paper's number beside ours
}
# The gate trace's cell lines: shades of the cell's blue (dark to light), each its own dash.
CELL_SHADES = ("#08306b", "#2a7ab0", "#6baed6")
CELL_DASHES = ("-", "--", "-.")


class _Colors(Mapping[str, str]):
    """COLORS[name]: a shared colour, else the colour the drawn article declares for it."""

    def __getitem__(self, name: str) -> str:
        return SHARED_COLORS[name] if name in SHARED_COLORS else model(name).colour

    def __iter__(self) -> Iterator[str]:
        return iter([*SHARED_COLORS, *(n for n in current() if n not in SHARED_COLORS)])

    def __len__(self) -> int:
        return len(list(iter(self)))


COLORS = _Colors()
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
    "legend.fontsize": 9,
    "legend.frameon": False,
}


def rc_for(lang: str) -> dict[str, Any]:
    return STYLE | {"font.family": FONTS[lang]}


def _width(text: str) -> int:
    """Width in half-width characters: a Japanese character takes two."""
    return sum(2 if east_asian_width(c) in "WF" else 1 for c in text)


def legend_outside(
    figure: Figure, axes: list[Axes] | Axes, where: str = "lower", columns: int | None = None
) -> None:
    """One legend for `axes`, outside the plot (below, or above with where="upper").

    As many columns as fit the figure's width; one label per name even when several
    panels draw the same model.
    """
    entries: dict[str, Artist] = {}
    for ax in axes if isinstance(axes, list) else [axes]:
        for handle, text in zip(*ax.get_legend_handles_labels(), strict=True):
            entries.setdefault(text, handle)
    width = PHONE_WIDTH if PHONE.get() else figure.get_figwidth()
    widest = max(_width(text) for text in entries) + 6  # the line sample and padding
    fits = max(1, int(width * 72 / (widest * 0.6 * 9)))
    figure.legend(
        list(entries.values()),
        list(entries),
        loc=f"outside {where} center",
        ncols=min(columns or len(entries), fits, len(entries)),
    )


def wrap(text: str, width: int) -> str:
    """Break `text` into lines of at most `width` half-width characters (a Japanese
    character counts two), preferring spaces, and an opening bracket as a line start."""
    lines, line = [], ""
    for token in re.findall(
        r"[（(「][^）)」]*[）)」]?\s*|[\u30a0-\u30ff]+\s*|[^\s（(「\u30a0-\u30ff]+\s*|\s+", text
    ):
        for piece in _pieces(token, width):
            if line and _width(line + piece.rstrip()) > width:
                if piece[0] in "、。，）」？！":  # no line starts with closing punctuation
                    line, piece = line + piece[0], piece[1:]
                lines.append(line.rstrip())
                line = ""
            line += piece
    return "\n".join([*lines, line.rstrip()]).strip()


def _pieces(token: str, width: int) -> list[str]:
    """A token too long for a line, cut between its words ("(cards, blanks '·', ...)"),
    and a word still too long (a run of Japanese) between its characters."""
    if _width(token) <= width:
        return [token]
    words = re.findall(r"\S+\s*", token)
    if len(words) > 1:
        return [piece for word in words for piece in _pieces(word, width)]
    return list(token)


def fit_phone(figure: Figure) -> None:
    """Turn a figure drawn at desktop size into the phone variant: narrower, with every
    text at least PHONE_MIN_PT. Figures already drawn at phone width keep their size."""
    width, height = figure.get_size_inches()
    if width > PHONE_WIDTH:
        figure.set_size_inches(PHONE_WIDTH, height * PHONE_HEIGHT)
    for ax in figure.axes:
        ax.tick_params(labelsize=max(PHONE_MIN_PT, _tick_size(ax)))
    for text in figure.findobj(Text):
        if text.get_text() and text.get_fontsize() < PHONE_MIN_PT:
            text.set_fontsize(PHONE_MIN_PT)
    height = figure.get_figheight()
    for ax in figure.axes:  # axis titles longer than the narrower axes: two lines or more
        spans = ((ax.xaxis.label, PHONE_WIDTH * 0.8), (ax.yaxis.label, height * 0.6))
        for axis_label, room in spans:
            text = axis_label.get_text()
            fits = int(room * 72 / (axis_label.get_fontsize() * 0.62))
            if text and _width(text) > fits:
                axis_label.set_text(wrap(text, fits))
    _uncrowd_ticks(figure)


def _uncrowd_ticks(figure: Figure) -> None:
    """Tick labels closer than TICK_GAP_EM run together ("5121024"): first shrink them to
    PHONE_MIN_PT, then label every k-th tick only, counting back from the last (the end of
    a range is what text quotes), the other ticks kept unlabelled."""
    for shrink in (True, False):
        figure.draw_without_rendering()  # lay out, so the labels have their final places
        for axis in _crowded_axes(figure):
            if shrink:
                axis.set_tick_params(labelsize=PHONE_MIN_PT)
                continue
            ticks = _shown_ticks(axis)
            places, texts = [loc for loc, _ in ticks], [label.get_text() for _, label in ticks]
            for step in range(2, len(texts)):
                keep = [t if (len(texts) - 1 - i) % step == 0 else "" for i, t in enumerate(texts)]
                axis.set_ticks(places, keep)
                figure.draw_without_rendering()
                if axis not in _crowded_axes(figure):
                    break


def _shown_ticks(axis: Axis) -> list[tuple[float, Text]]:
    """(place, label) of each major tick with a visible label inside the axis' limits."""
    low, high = sorted(axis.get_view_interval())
    return [
        (tick.get_loc(), tick.label1)
        for tick in axis.get_major_ticks()
        if tick.label1.get_visible() and tick.label1.get_text() and low <= tick.get_loc() <= high
    ]


def _crowded_axes(figure: Figure) -> list[Axis]:
    """The axes on which two neighbouring tick labels overlap, or, where the labels stand
    side by side along their reading direction, are closer than TICK_GAP_EM."""
    renderer = figure.canvas.get_renderer()
    crowded = []
    for ax in (ax for ax in figure.axes if ax.axison):
        for axis, (start, end) in ((ax.xaxis, (0, 2)), (ax.yaxis, (1, 3))):
            shown = [label for _, label in _shown_ticks(axis)]
            if len(shown) < 2:
                continue
            boxes = sorted(
                (t.get_window_extent(renderer).extents for t in shown), key=lambda b: b[start]
            )
            side_by_side = (axis is ax.xaxis) == (shown[0].get_rotation() % 180 == 0)
            em = min(t.get_fontsize() for t in shown) * figure.dpi / 72
            room = TICK_GAP_EM * em if side_by_side else 0.0
            if min(b[start] - a[end] for a, b in pairwise(boxes)) < room:
                crowded.append(axis)
    return crowded


def _tick_size(ax: Axes) -> float:
    labels = ax.get_xticklabels() + ax.get_yticklabels()
    return min((label.get_fontsize() for label in labels), default=PHONE_MIN_PT)
