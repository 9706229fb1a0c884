"""HTML and Markdown fragments from chigai's own templates (src/chigai/templates).

Values from result files (device names, error messages) reach these fragments, so the
environment escapes them; page templates themselves are Markdown and are not escaped.
"""

import jinja2

from chigai.readable import READABLE
from chigai.strings import LABELS

FRAGMENTS = jinja2.Environment(
    loader=jinja2.PackageLoader("chigai", "templates"),
    autoescape=True,  # values from result files (device names, errors) reach HTML
    undefined=jinja2.StrictUndefined,
    keep_trailing_newline=True,
)
FRAGMENTS.filters.update(READABLE)


def labels(lang: str) -> dict[str, str]:
    """Every label of chigai.strings in one language: `t.how_made` in a fragment."""
    return {key: texts[lang] for key, texts in LABELS.items()}


def placeholder(message: str, lang: str) -> str:
    """What a page shows instead of itself when its template cannot be rendered."""
    return FRAGMENTS.get_template("error.md").render(t=labels(lang), message=message)


def placeholder_svg(message: str) -> str:
    """What a figure shows instead of itself when it cannot be drawn."""
    return FRAGMENTS.get_template("error.svg").render(message=message)
