"""HTML and Markdown fragments from chigai's own templates (src/chigai/site/templates), and
`plain_text`, the escaping every value printed by a fragment or a page template goes
through.

Values from result files (device names, findings), an experiment's NAME and ALT, an
article.toml's name and error messages reach pages through these templates, so both
environments escape whatever they print unless chigai's own code built it as markup
(`markupsafe.Markup`: a figure, a table, a provenance box).
"""

import jinja2
from markupsafe import Markup

from chigai.site.readable import READABLE
from chigai.site.strings import LABELS

# What a printed value could use to become markup, each as a character reference that
# HTML, SVG and Markdown all show as the character itself: HTML's five, and Markdown's
# links and images ([…](…)), code spans, emphasis, table cells, backslash escapes and
# attribute lists ({: onclick=…}).
_MARKUP_CHARACTERS = "&<>\"'[]`*|\\{}"
_NAMED = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_ESCAPES = {ord(c): _NAMED.get(c, f"&#{ord(c)};") for c in _MARKUP_CHARACTERS}
# A control character (a newline above all) would let a value start a Markdown line of
# its own, a heading or an admonition: it prints as a space.
_ESCAPES |= {code: " " for code in [*range(0x20), *range(0x7F, 0xA0)]}


def plain_text(value: object) -> Markup:
    """Any value as text, whether it lands in HTML, an attribute, SVG or Markdown; markup
    that chigai's own code built (anything with `__html__`) is kept as it is."""
    if hasattr(value, "__html__"):
        return Markup(value.__html__())
    return Markup(str(value).translate(_ESCAPES))


FRAGMENTS = jinja2.Environment(
    loader=jinja2.PackageLoader("chigai.site", "templates"),
    autoescape=True,
    finalize=plain_text,  # autoescape alone leaves Markdown's [x](javascript:…) live
    undefined=jinja2.StrictUndefined,
    keep_trailing_newline=True,
)
FRAGMENTS.filters.update(READABLE)


def labels(lang: str) -> dict[str, str]:
    """Every label of chigai.site.strings in one language: `t.how_made` in a fragment."""
    return {key: texts[lang] for key, texts in LABELS.items()}


def placeholder(message: str, lang: str) -> str:
    """What a page shows instead of itself when its template cannot be rendered."""
    return FRAGMENTS.get_template("error.md").render(t=labels(lang), message=message)


def placeholder_svg(message: str) -> str:
    """What a figure shows instead of itself when it cannot be drawn."""
    return FRAGMENTS.get_template("error.svg").render(message=message)
