"""Article templates: Jinja (StrictUndefined) over Markdown, with helpers for writers.

A writer's page reads like prose with holes for measured values:

    {{ figure("adding_mse") }}
    {% if results.adding_problem.findings.lstm_solves_longer_lags %} ... {% endif %}
    {{ num(results.adding_problem.data.baseline_mse) }}  {{ pct(share) }}
    {{ table(rows, {"lag": "T", "rnn": "RNN"}) }}
    {{ provenance("adding_problem", about="what was trained, in the page's words") }}

Every helper works without MkDocs; errors name the page, the line and the key.
"""

import posixpath
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2

from chigai.experiment import ExperimentSpec
from chigai.freshness import Entry
from chigai.readable import READABLE
from chigai.results import Result
from chigai.strings import FIGURE_ALT, GLOSSARY, LABELS

FRAGMENTS = jinja2.Environment(
    loader=jinja2.PackageLoader("chigai", "templates"),
    autoescape=True,  # values from result files (device names, errors) reach HTML
    undefined=jinja2.StrictUndefined,
    keep_trailing_newline=True,
)
PAGES = jinja2.Environment(
    undefined=jinja2.StrictUndefined, keep_trailing_newline=True, autoescape=False
)
for _environment in (PAGES, FRAGMENTS):  # `{{ prov.duration_s | duration(lang) }}`, …
    _environment.filters.update(READABLE)


class RenderError(ValueError):
    """A template problem a writer can fix; the message names page, line and key."""


@dataclass(frozen=True)
class Shown:
    """A result as a page shows it: the data plus whether it is out of date."""

    spec: ExperimentSpec
    result: Result
    stale: bool

    @property
    def data(self) -> dict[str, Any]:
        return self.result.data

    @property
    def findings(self) -> dict[str, Any]:
        return self.result.findings

    @property
    def provenance(self) -> dict[str, Any]:
        return self.result.provenance

    @property
    def preset(self) -> str:
        return self.result.preset


def figure_uri(figure_id: str, lang: str, phone: bool = False) -> str:
    return f"figures/{figure_id}.{lang}{'.phone' if phone else ''}.svg"


def share_uri(figure_id: str, lang: str) -> str:
    """The PNG that link previews show (social sites do not show SVG)."""
    return f"figures/{figure_id}.{lang}.png"


def source_uri(spec: ExperimentSpec) -> str:
    return f"experiments/{spec.article}/{spec.path.name}"


def page_language(src_uri: str) -> str | None:
    """'rnn-vs-lstm.ja.md' -> 'ja'; None for a page without a language suffix."""
    suffixes = Path(src_uri).suffixes
    return (
        suffixes[-2].lstrip(".") if len(suffixes) >= 2 and suffixes[-2] in (".ja", ".en") else None
    )


def page_article(src_uri: str) -> str:
    """'rnn-vs-lstm.ja.md' -> 'rnn_vs_lstm', the experiments/ folder the page draws on."""
    return Path(src_uri).name.split(".")[0].replace("-", "_")


def render_page(
    markdown: str,
    *,
    src_uri: str,
    lang: str,
    shown: Mapping[str, Shown],
    status: Sequence[Entry] = (),
) -> str:
    """Render one page template; prepend a stale notice if its article's results are old.

    `status` (every experiment × preset, fresh or not) is what a methodology page lists.
    """
    helpers = _Helpers(src_uri, lang, shown)
    try:
        body = PAGES.from_string(markdown).render(
            results=shown,
            lang=lang,
            figure=helpers.figure,
            table=table,
            num=num,
            pct=pct,
            listing=helpers.listing,
            provenance=helpers.provenance,
            thumbnail=helpers.thumbnail,
            source=helpers.source,
            label=helpers.label,
            status=status,
        )
    except jinja2.TemplateSyntaxError as error:
        raise RenderError(
            f"{src_uri}:{error.lineno}: template syntax error: {error.message}"
        ) from error
    except (jinja2.UndefinedError, RenderError, KeyError, TypeError) as error:
        raise RenderError(f"{src_uri}:{_template_line(error)}: {error}") from error
    body = add_tooltips(join_cjk_lines(body), lang)
    stale = sorted(
        {
            s.spec.command(s.preset)
            for s in shown.values()
            if s.stale and s.spec.article == helpers.article
        }
    )
    if stale:
        notice = FRAGMENTS.get_template("stale.md").render(t=_labels(lang), commands=stale)
        body = notice + "\n" + body
    return body


class _Helpers:
    def __init__(self, src_uri: str, lang: str, shown: Mapping[str, Shown]):
        self.src_uri, self.lang, self.shown = src_uri, lang, shown
        self.article = page_article(src_uri)

    def _relative(self, target_uri: str) -> str:
        return posixpath.relpath(target_uri, posixpath.dirname(self.src_uri) or ".")

    def _figure(self, name: str) -> tuple[str, str, str]:
        """(figure id, alt text, src relative to this page) for a declared figure."""
        figure_id = name if "/" in name else f"{self.article}/{name}"
        article, _, short = figure_id.partition("/")
        owners = [
            s for s in self.shown.values() if s.spec.article == article and short in s.spec.figures
        ]
        if not owners:
            raise RenderError(
                f"figure {figure_id!r} is not declared in any FIGURES of experiments/{article}/"
            )
        alt = FIGURE_ALT.get(figure_id, {}).get(self.lang)
        if alt is None:
            raise RenderError(
                f"figure {figure_id!r} has no {self.lang!r} alt text in chigai.strings.FIGURE_ALT"
            )
        return figure_id, alt, self._relative(figure_uri(figure_id, self.lang))

    def figure(self, name: str, caption: str = "") -> str:
        """A figure with its caption: the phone drawing on narrow screens (<picture>), and a
        link that opens it larger, caption included, in the lightbox. The first figure of a
        page loads at once (it may be the largest thing on the first screen); the rest lazily."""
        figure_id, alt, src = self._figure(name)
        shown_before = getattr(self, "_figures_shown", 0)
        self._figures_shown = shown_before + 1
        return FRAGMENTS.get_template("figure.md").render(
            anchor=figure_id.replace("/", "-"),
            alt=alt,
            caption=caption,
            src=src,
            phone=self._relative(figure_uri(figure_id, self.lang, phone=True)),
            lazy=shown_before > 0,
            enlarge=f"{_labels(self.lang)['enlarge']}: {alt}",
        )

    def thumbnail(self, name: str) -> str:
        """A figure as a plain image, for cards (no caption, no lightbox)."""
        figure_id, alt, src = self._figure(name)
        phone = self._relative(figure_uri(figure_id, self.lang, phone=True))
        return FRAGMENTS.get_template("thumbnail.md").render(alt=alt, src=src, phone=phone)

    def source(self, spec: ExperimentSpec) -> str:
        """Link target of an experiment's source file, relative to this page."""
        return self._relative(source_uri(spec))

    def label(self, key: str) -> str:
        return _labels(self.lang)[key]

    def listing(self, values: list) -> str:
        """[50, 100, 200] -> '50, 100 and 200' in English, '50、100、200' in Japanese."""
        words = [num(v) if not isinstance(v, str) else v for v in values]
        if self.lang == "ja" or len(words) < 2:
            return "、".join(words)
        return f"{', '.join(words[:-1])} and {words[-1]}"

    def provenance(self, experiment: str, about: str = "") -> str:
        if experiment not in self.shown:
            raise RenderError(f"no result for experiment {experiment!r}")
        shown = self.shown[experiment]
        return FRAGMENTS.get_template("provenance.md").render(
            t=_labels(self.lang),
            spec=shown.spec,
            shown=shown,
            prov=shown.provenance,
            source=self._relative(source_uri(shown.spec)),
            about=about,
        )


# A line break inside a paragraph becomes a space in HTML, which Japanese text must not
# have: join a line that ends in CJK text to a following line of the same paragraph.
_CJK_BREAK = re.compile(r"(?<=[\u3000-\u30ff\u4e00-\u9fff\uff00-\uffef])\n(?=[^\s#>|*\-!?<{}0-9])")


def join_cjk_lines(markdown: str) -> str:
    return _CJK_BREAK.sub("", markdown)


def _is_prose(line: str) -> bool:
    """A paragraph or list-item line: not a heading, table, quote, admonition or HTML."""
    body = line[2:] if line.startswith(("- ", "* ")) else line
    return bool(body) and not body.startswith(("#", ">", "|", "!!!", "???", "<", "{", " ", "\t"))


def add_tooltips(markdown: str, lang: str) -> str:
    """Wrap the first use of each glossary term in prose in <abbr title="…"> (a tooltip).

    Done here rather than with Markdown's abbr extension, which needs word boundaries
    that Japanese text does not have. Longer terms go first so 勾配消失 wins over 勾配.
    """
    lines = markdown.split("\n")
    prose = [_is_prose(line) and "](" not in line for line in lines]  # before any wrapping
    for term in sorted(GLOSSARY.get(lang, {}), key=len, reverse=True):
        edge = "" if lang == "ja" else r"\b"
        # not inside an existing <abbr>…</abbr>, not inside a tag's attributes
        outside = r"(?![^<]*</abbr>)(?![^<>]*>)"
        pattern = re.compile(rf"{edge}({re.escape(term)}){edge}{outside}", re.I)
        for i, line in enumerate(lines):
            if prose[i] and pattern.search(line):
                tip = FRAGMENTS.get_template("tooltip.html").render(title=GLOSSARY[lang][term])
                lines[i] = pattern.sub(
                    lambda m, tip=tip: tip.replace("TERM", m.group(1)), line, count=1
                )
                break
    return "\n".join(lines)


def placeholder(message: str, lang: str) -> str:
    """What a page shows instead of itself when its template cannot be rendered."""
    return FRAGMENTS.get_template("error.md").render(t=_labels(lang), message=message)


def placeholder_svg(message: str) -> str:
    """What a figure shows instead of itself when it cannot be drawn."""
    return FRAGMENTS.get_template("error.svg").render(message=message)


def num(value: float | int | None, digits: int = 3) -> str:
    """A measured number for prose: integers as they are, floats to `digits` significant digits."""
    if value is None:
        return "—"
    if isinstance(value, int):
        return f"{value:,}"
    return f"{value:.{digits}g}"


def pct(value: float, digits: int = 0) -> str:
    """A share in [0, 1] as a percentage for prose: 0.8149 -> '81%'."""
    return f"{100 * value:.{digits}f}%"


def table(
    rows: list[Mapping[str, Any]],
    columns: Mapping[str, str],
    digits: int = 3,
    percent: tuple[str, ...] = (),
) -> str:
    """A Markdown table of `rows`, one column per key of `columns` (key -> header).

    Columns named in `percent` hold shares in [0, 1] and are shown as percentages.
    """
    header = "| " + " | ".join(columns.values()) + " |"
    rule = "|" + "|".join("---:" for _ in columns) + "|"
    lines = [header, rule]
    for row in rows:
        cells = [pct(row[key]) if key in percent else row[key] for key in columns]
        lines.append(
            "| " + " | ".join(num(c, digits) if not isinstance(c, str) else c for c in cells) + " |"
        )
    return "\n".join(lines) + "\n"


def _labels(lang: str) -> dict[str, str]:
    return {key: texts[lang] for key, texts in LABELS.items()}


def _template_line(error: BaseException) -> str:
    """The line of the page template where a render error happened, or '?'."""
    line = "?"
    traceback = error.__traceback__
    while traceback is not None:
        if traceback.tb_frame.f_code.co_filename == "<template>":
            line = str(traceback.tb_lineno)
        traceback = traceback.tb_next
    return line
