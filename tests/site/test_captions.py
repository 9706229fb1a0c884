"""Captions and alt texts say what the figure draws (issue 21, item 5): every colour they
name is drawn in that figure, and every line style they name (dashed, dotted) is drawn too,
in the built site, in both languages. Counts and meanings stay with the reviewers; colours and
dashes can be read from the SVG."""

import colorsys
import html
import re

import pytest
from helpers import article_pages

COLOURS = {
    "en": {
        "red": "red",
        "orange": "orange",
        "green": "green",
        "blue": "blue",
        "purple": "purple",
        "grey": "grey",
        "gray": "grey",
    },
    "ja": {"赤": "red", "オレンジ": "orange", "橙": "orange", "緑": "green", "青": "blue"}
    | {"紫": "purple", "灰": "grey", "グレー": "grey"},
}
STYLES = {
    "en": {"dashed": "dashed", "dotted": "dotted"},
    "ja": {"破線": "dashed", "点線": "dotted"},
}


def family(hex_colour: str) -> str | None:
    """'#d9534f' -> 'red': the colour word a reader would use; None for black and white."""
    r, g, b = (int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    hue, saturation, value = colorsys.rgb_to_hsv(r, g, b)
    if value < 0.15 or (saturation < 0.15 and value > 0.95):
        return None
    if saturation < 0.15:
        return "grey"
    degrees = hue * 360
    for name, upto in (("red", 15), ("orange", 45), ("yellow", 70), ("green", 170)):
        if degrees < upto:
            return name
    return "blue" if degrees < 260 else "purple" if degrees < 330 else "red"


def drawn(svg: str) -> set[str]:
    """The colour words and line styles an SVG draws."""
    found = {family(c) for c in re.findall(r"(?:stroke|fill):\s*(#[0-9a-fA-F]{6})", svg)}
    for dashes in re.findall(r"stroke-dasharray:\s*([\d.]+)[, ]+([\d.]+)", svg):
        dash, gap = map(float, dashes)
        found.add("dotted" if dash < gap else "dashed")
    return found - {None}


def named(caption: str, lang: str) -> set[str]:
    words = COLOURS[lang] | STYLES[lang]
    pattern = r"\b({})\b" if lang == "en" else "({})"
    found = re.findall(pattern.format("|".join(words)), caption, re.I)
    return {words[w.lower()] for w in found}


def test_colours_and_dashes_are_read_from_an_svg_the_way_a_reader_names_them():
    svg = 'style="stroke: #d9534f; stroke-dasharray: 1.5,2.475" style="fill: #2a7ab0"'
    assert drawn(svg) == {"red", "dotted", "blue"}
    assert drawn('style="stroke: #777777; stroke-dasharray: 5.55,2.4"') == {"grey", "dashed"}
    assert named("Dashed: guessing; the red bar is the first input.", "en") == {"dashed", "red"}
    assert named("破線は当てずっぽう、灰色は前半。", "ja") == {"dashed", "grey"}


def captions(page_html: str) -> dict[str, str]:
    """figure name -> its caption as the reader reads it, from a built page."""
    found = re.findall(
        r'<figure class="chigai-figure" id="fig-\w+?-(\w+)">.*?<figcaption[^>]*>(.*?)</figcaption>',
        page_html,
        re.S,
    )
    return {name: html.unescape(re.sub(r"<[^>]+>", "", text)) for name, text in found}


def alt_texts(page_html: str) -> dict[str, str]:
    """figure name -> the alt text of its image: what a screen reader says instead."""
    found = re.findall(
        r'<figure class="chigai-figure" id="fig-\w+?-(\w+)">.*?<img [^>]*?alt="([^"]*)"',
        page_html,
        re.S,
    )
    return {name: html.unescape(text) for name, text in found}


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("slug", article_pages())
def test_each_colour_and_line_style_a_caption_or_alt_text_names_is_drawn(built_site, slug, lang):
    article = slug.replace("-", "_")
    wrong = []
    page = built_site / ("" if lang == "ja" else "en") / slug / "index.html"
    shown = captions(page.read_text(encoding="utf-8"))
    assert shown, f"no figure captions found on {page}"
    alts = alt_texts(page.read_text(encoding="utf-8"))
    assert alts.keys() >= shown.keys(), f"a figure without alt text on {page}"
    for figure, caption in shown.items():
        svg = drawn((built_site / "figures" / article / f"{figure}.{lang}.svg").read_text())
        for said, words in (("caption", caption), ("alt text", alts[figure])):
            if missing := named(words, lang) - svg:
                wrong.append(f"{figure}: the {said} names {sorted(missing)}, not drawn")
    assert wrong == []
