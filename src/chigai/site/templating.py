"""The Jinja environment of page templates, and one section rendered with it.

Autoescaped, with every printed value made plain text for HTML and Markdown alike
(chigai.site.fragments `plain_text`), StrictUndefined that names the missing key, the
readable filters, and tests and filters that refuse a missing result (chigai.site.sections)
so that its section is blanked instead of a branch picked. Sections are compiled once.
"""

import functools
from typing import Any

import jinja2

from chigai.site.fragments import plain_text
from chigai.site.readable import READABLE
from chigai.site.sections import Unavailable


class _NamedUndefined(jinja2.StrictUndefined):
    """StrictUndefined that names the missing key even inside `format` or `num()`."""

    def __format__(self, spec: str) -> str:
        self._fail_with_undefined_error()


PAGES = jinja2.Environment(
    undefined=_NamedUndefined, keep_trailing_newline=True, autoescape=True, finalize=plain_text
)
PAGES.filters.update(READABLE)  # `{{ prov.duration_s | duration(lang) }}`, …
PAGES.tests.update(Unavailable.refuse_in(PAGES.tests))  # `is none` on a missing result raises
PAGES.filters.update(Unavailable.refuse_in(PAGES.filters))


@functools.lru_cache(maxsize=512)  # a page's sections, compiled once per build, not per render
def _compiled(source: str) -> jinja2.Template:
    return PAGES.from_string(source)


class RenderError(ValueError):
    """A template problem a writer can fix; the message names page, line and key."""


def render_section(source: str, src_uri: str, context: dict[str, Any]) -> str:
    try:
        return _compiled(source).render(**context).lstrip("\n")
    except jinja2.TemplateSyntaxError as error:
        raise RenderError(
            f"{src_uri}:{error.lineno}: template syntax error: {error.message}"
        ) from error
    except (jinja2.UndefinedError, RenderError, KeyError, TypeError) as error:
        raise RenderError(f"{src_uri}:{_template_line(error)}: {error}") from error


def _template_line(error: BaseException) -> str:
    """The line of the page template where a render error happened, or '?'."""
    line = "?"
    traceback = error.__traceback__
    while traceback is not None:
        if traceback.tb_frame.f_code.co_filename == "<template>":
            line = str(traceback.tb_lineno)
        traceback = traceback.tb_next
    return line
