"""The Jinja environment of page templates, and one section rendered with it.

Autoescaped, with every printed value made plain text for HTML and Markdown alike
(chigai.site.fragments `plain_text`), StrictUndefined that names the missing key, the
readable filters, and tests and filters that refuse a missing result (chigai.site.sections)
so that its section is blanked instead of a branch picked. Sections are compiled once per
process, and with `keep_compiled` once per project: a fresh `mkdocs build` then loads them
from Jinja's own bytecode cache instead of compiling a quarter of its time away.
"""

import functools
import hashlib
from pathlib import Path
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


# What the compiled code depends on besides a section's text: this module's environment
# (autoescape, finalize, undefined) and Jinja's version; either changed, nothing is reused.
_ENVIRONMENT = hashlib.sha256(Path(__file__).read_bytes() + jinja2.__version__.encode()).hexdigest()


def keep_compiled(folder: Path | None) -> None:
    """Keep compiled sections in `folder` between processes (None: compile in memory only).
    Jinja writes each atomically, keyed by the section's text and _ENVIRONMENT."""
    kept = PAGES.bytecode_cache
    if folder is not None and kept is not None and kept.directory == str(folder):
        return  # i18n configures once per language; `mkdocs serve` once per rebuild
    if folder is not None:
        folder.mkdir(parents=True, exist_ok=True)
    PAGES.bytecode_cache = jinja2.FileSystemBytecodeCache(str(folder)) if folder else None
    _compiled.cache_clear()


@functools.lru_cache(maxsize=512)  # a page's sections, compiled once per build, not per render
def _compiled(source: str) -> jinja2.Template:
    kept = PAGES.bytecode_cache
    if kept is None:
        return PAGES.from_string(source)
    name = hashlib.sha256(f"{_ENVIRONMENT}\n{source}".encode()).hexdigest()
    bucket = kept.get_bucket(PAGES, name, None, source)
    if bucket.code is None:
        bucket.code = PAGES.compile(source)  # as from_string does: errors name "<template>"
        kept.set_bucket(bucket)
    return PAGES.template_class.from_code(PAGES, bucket.code, PAGES.make_globals(None), None)


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
