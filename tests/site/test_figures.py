import json
from itertools import pairwise
from pathlib import Path

import pytest

from chigai.experiment import discover
from chigai.site.declared import Declared, drawing
from chigai.site.figures import KINDS, FigureError, render_svg
from chigai.site.presentation import article_models, texts
from chigai.site.strings import LABELS, LANGUAGES

ROOT = Path(__file__).resolve().parents[2]
SPECS = discover(ROOT)
DECLARED = [(spec.id, name, kind) for spec in SPECS.values() for name, kind in spec.figures.items()]


def quick_data(experiment: str) -> dict:
    return json.loads((ROOT / "results" / f"{experiment}.quick.json").read_text())["data"]


def adding_data() -> dict:
    return quick_data("adding_problem")


def models_of(experiment: str) -> Declared:
    """The models its article declares: what its figures' colours and names come from."""
    return article_models(ROOT, SPECS[experiment].article)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize(("experiment", "name", "kind"), DECLARED)
def test_every_declared_figure_draws_without_missing_glyphs(experiment, name, kind, lang):
    # render_svg turns matplotlib's "Glyph ... missing from font" warning into FigureError
    svg = render_svg(kind, quick_data(experiment), lang, models=models_of(experiment)).decode()
    assert svg.startswith("<?xml") and "</svg>" in svg
    assert "<text" not in svg  # text is drawn as paths: the browser needs no Japanese font
    assert set(texts(SPECS[experiment]).alt[name]) == set(LANGUAGES)


def test_every_kind_is_used_by_some_experiment():
    assert {kind for _, _, kind in DECLARED} == set(KINDS)


def test_same_data_gives_the_same_bytes():
    models = models_of("adding_problem")
    assert render_svg("error_vs_lag", adding_data(), "ja", models=models) == render_svg(
        "error_vs_lag", adding_data(), "ja", models=models
    )


def test_a_glyph_no_font_has_is_an_error(monkeypatch):
    monkeypatch.setitem(LABELS, "lag", {"ja": "ラグ", "en": "lag 𓀀"})  # Egyptian hieroglyph
    with pytest.raises(FigureError, match="missing from font"):
        render_svg("error_vs_lag", adding_data(), "en", models=models_of("adding_problem"))


def test_unknown_kind_is_named():
    with pytest.raises(FigureError, match="unknown figure kind 'pie'"):
        render_svg("pie", {}, "ja")


def test_every_label_exists_in_both_languages():
    assert all(set(texts) == set(LANGUAGES) for texts in LABELS.values())


def test_a_long_run_of_blanks_folds_into_one_column_that_keeps_its_weight():
    from chigai.site.figures.heatmaps import _fold_blanks

    tokens = ["A=1", "B=2", *["·"] * 10, "A?"]
    weights = [[0.5, 0.1, *[0.03] * 10, 0.1]]
    folded_tokens, folded = _fold_blanks(tokens, weights)
    assert folded_tokens == ["A=1", "B=2", "·", "·", "·×6", "·", "·", "A?"]
    assert sum(folded[0]) == pytest.approx(sum(weights[0]))
    assert folded[0][4] == pytest.approx(0.18)
    assert _fold_blanks(tokens[:5], [weights[0][:5]]) == (tokens[:5], [weights[0][:5]])


@pytest.mark.parametrize("kind", ["time_vs_length", "memory_vs_length"])
def test_cost_charts_draw_a_gpu_section_as_dashed_lines(kind):
    data = quick_data("compute_cost")
    data["devices"]["cuda"] = data["devices"]["cpu"] | {"device": "cuda (stand-in)"}
    models = models_of("compute_cost")
    with_gpu = render_svg(kind, data, "ja", models=models)
    del data["devices"]["cuda"]
    assert with_gpu.count(b"stroke-dasharray") > render_svg(kind, data, "ja", models=models).count(
        b"stroke-dasharray"
    )


def _drawn(kind: str, experiment: str, lang: str, phone: bool = False, preset: str = "quick"):
    """The matplotlib Figure of a kind, laid out as it is saved (not closed: the caller does)."""
    import matplotlib.pyplot as plt

    from chigai.site.figures.style import PHONE, fit_phone, rc_for

    token = PHONE.set(phone)
    try:
        with plt.rc_context(rc_for(lang)), drawing(models_of(experiment)):
            data = json.loads((ROOT / "results" / f"{experiment}.{preset}.json").read_text())
            figure = KINDS[kind](data["data"], lang)
            if phone:
                fit_phone(figure)
            figure.canvas.draw()
    finally:
        PHONE.reset(token)
    return figure


CHARTS = [(e, n, k) for e, n, k in DECLARED if not k.startswith(("diagram", "attention", "align"))]


@pytest.mark.parametrize("phone", [False, True])
@pytest.mark.parametrize(("experiment", "name", "kind"), CHARTS)
def test_legends_never_cover_the_plotted_data(experiment, name, kind, phone):
    import matplotlib.pyplot as plt

    figure = _drawn(kind, experiment, "ja", phone)
    legends = [*figure.legends, *(ax.get_legend() for ax in figure.axes if ax.get_legend())]
    assert legends, f"{name}: no legend"
    renderer = figure.canvas.get_renderer()
    for legend in legends:
        box = legend.get_window_extent(renderer)
        for ax in figure.axes:
            assert not box.overlaps(ax.get_window_extent(renderer)), f"{name}: legend over data"
    plt.close(figure)


@pytest.mark.parametrize(
    ("experiment", "kind"),
    [
        ("marked_recall", "gradient_flow"),
        ("marked_recall", "input_sensitivity"),
        ("marked_recall", "gate_trace"),
    ],
)
def test_axes_of_whole_steps_have_whole_number_ticks(experiment, kind):
    import matplotlib.pyplot as plt

    figure = _drawn(kind, experiment, "en")
    for ax in figure.axes:
        shown = [t for t in ax.get_xticks() if ax.get_xlim()[0] <= t <= ax.get_xlim()[1]]
        assert shown and all(float(t).is_integer() for t in shown), (kind, shown)
    plt.close(figure)


@pytest.mark.parametrize(("experiment", "name", "kind"), DECLARED)
def test_the_phone_drawing_is_narrow_and_its_text_at_least_9_pt(experiment, name, kind):
    import matplotlib.pyplot as plt
    from matplotlib.text import Text

    from chigai.site.figures.style import PHONE_MIN_PT, PHONE_WIDTH

    figure = _drawn(kind, experiment, "ja", phone=True)
    assert figure.get_figwidth() <= PHONE_WIDTH
    ticks, shown_ticks = set(), []
    for ax in figure.axes:
        for axis in (ax.xaxis, ax.yaxis):
            low, high = sorted(axis.get_view_interval())
            for tick in axis.majorTicks + axis.minorTicks:
                ticks |= {id(tick.label1), id(tick.label2)}
                # matplotlib keeps labels for ticks beyond the limits (or axes turned off)
                if ax.axison and tick.label1.get_visible() and low <= tick.get_loc() <= high:
                    shown_ticks.append(tick.label1)
    others = [t for t in figure.findobj(Text) if id(t) not in ticks]
    texts = [t for t in others + shown_ticks if t.get_text() and t.get_visible()]
    assert min(t.get_fontsize() for t in texts) >= PHONE_MIN_PT, name
    renderer = figure.canvas.get_renderer()
    inside = figure.bbox.padded(2)
    for text in texts:  # nothing cut off at the edges of the narrower canvas
        box = text.get_window_extent(renderer)
        assert inside.contains(box.x0, box.y0) and inside.contains(box.x1, box.y1), (name, text)
    plt.close(figure)


def _tick_labels_run_together(figure) -> list[str]:
    """Neighbouring tick labels on one axis that overlap, or that stand side by side with
    less than half an em between them (so '512 1024' reads as '5121024')."""
    renderer = figure.canvas.get_renderer()
    together = []
    for ax in (ax for ax in figure.axes if ax.axison):
        for axis, (start, end) in ((ax.xaxis, (0, 2)), (ax.yaxis, (1, 3))):
            low, high = sorted(axis.get_view_interval())
            shown = [
                tick.label1
                for tick in axis.get_major_ticks()
                if tick.label1.get_visible() and tick.label1.get_text()
                if low <= tick.get_loc() <= high
            ]
            boxes = [(t.get_window_extent(renderer).extents, t) for t in shown]
            boxes.sort(key=lambda pair: pair[0][start])
            for (a, left), (b, right) in pairwise(boxes):
                side_by_side = (axis is ax.xaxis) == (left.get_rotation() % 180 == 0)
                room = 0.5 * left.get_fontsize() * figure.dpi / 72 if side_by_side else 0
                if b[start] - a[end] < room:
                    together.append(f"{left.get_text()!r} {right.get_text()!r}")
    return together


@pytest.mark.parametrize("phone", [False, True])
@pytest.mark.parametrize(("experiment", "name", "kind"), DECLARED)
def test_tick_labels_of_the_published_figures_never_run_together(experiment, name, kind, phone):
    import matplotlib.pyplot as plt

    figure = _drawn(kind, experiment, "ja", phone, preset="full")
    assert not _tick_labels_run_together(figure), name
    plt.close(figure)


@pytest.mark.parametrize("width", [20, 36])
def test_a_phone_axis_title_breaks_english_between_words(width):
    from chigai.site.figures.style import wrap

    for name, words in LABELS.items():
        wrapped = wrap(words["en"], width)
        assert wrapped.replace("\n", " ") == words["en"].strip(), (name, wrapped)


@pytest.mark.parametrize("phone", [False, True])
def test_the_gate_traces_cells_share_no_colour_with_a_gate_or_a_guide_line(phone):
    import matplotlib.pyplot as plt
    from matplotlib.colors import to_hex

    figure = _drawn("gate_trace", "marked_recall", "en", phone)
    gates, cells = figure.axes
    named = {line.get_label(): line for line in cells.get_lines() if "#" in line.get_label()}
    lines = [*gates.get_lines(), *cells.get_lines()]
    others = {to_hex(line.get_color()) for line in lines if line not in named.values()}
    assert len(named) == len(quick_data("marked_recall")["gates"]["cell_units"])
    assert not {to_hex(line.get_color()) for line in named.values()} & others
    drawn_as = {(to_hex(line.get_color()), line.get_linestyle()) for line in named.values()}
    assert len(drawn_as) == len(named)  # the legend tells every cell apart
    plt.close(figure)
