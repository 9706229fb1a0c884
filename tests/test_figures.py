import json
from pathlib import Path

import pytest

from chigai.figures import FigureError, render_svg
from chigai.strings import LABELS, LANGUAGES

ROOT = Path(__file__).resolve().parents[1]


def adding_data() -> dict:
    return json.loads((ROOT / "results" / "adding_problem.quick.json").read_text())["data"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_error_vs_lag_draws_an_svg_without_missing_glyphs(lang):
    # render_svg turns matplotlib's "Glyph ... missing from font" warning into FigureError
    svg = render_svg("error_vs_lag", adding_data(), lang).decode()
    assert svg.startswith("<?xml") and "</svg>" in svg
    assert "<text" not in svg  # text is drawn as paths: the browser needs no Japanese font


def test_same_data_gives_the_same_bytes():
    assert render_svg("error_vs_lag", adding_data(), "ja") == render_svg(
        "error_vs_lag", adding_data(), "ja"
    )


def test_a_glyph_no_font_has_is_an_error(monkeypatch):
    monkeypatch.setitem(LABELS, "lag", {"ja": "ラグ", "en": "lag 𓀀"})  # Egyptian hieroglyph
    with pytest.raises(FigureError, match="missing from font"):
        render_svg("error_vs_lag", adding_data(), "en")


def test_unknown_kind_is_named():
    with pytest.raises(FigureError, match="unknown figure kind 'pie'"):
        render_svg("pie", {}, "ja")


def test_every_label_exists_in_both_languages():
    assert all(set(texts) == set(LANGUAGES) for texts in LABELS.values())
