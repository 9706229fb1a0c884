"""Article templates: Jinja (StrictUndefined) over Markdown, with helpers for writers.

A writer's page reads like prose with holes for measured values:

    {{ figure("adding_mse") }}
    {% if results.adding_problem.findings.lstm_solves_longer_lags %} ... {% endif %}
    {{ num(results.adding_problem.data.baseline_mse) }}  {{ pct(share) }}
    {{ table(rows, {"lag": "T", "rnn": "RNN"}) }}
    {{ provenance("adding_problem", about="what was trained, in the page's words") }}

Every value a page prints is escaped for HTML and Markdown alike (chigai.site.fragments
`plain_text`): a string from a result file, an experiment's NAME or an article's name
shows as the text it is, never as a tag, a link or an attribute. Helpers return markup
their own templates built (figures, tables, provenance boxes) as `Markup`, which passes.
A value joined with `~` to such markup is escaped for HTML only (Jinja's own escaping);
result files cannot hold Markdown's link characters (chigai.run.results), so none of theirs
can become a link that way. Every helper works without MkDocs; errors name the page, the
line and the key.
"""

import functools
import posixpath
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from markupsafe import Markup

from chigai.experiment import ExperimentSpec
from chigai.run.freshness import Entry
from chigai.run.reproductions import Reproduction
from chigai.run.results import Result
from chigai.site import reproduced
from chigai.site.declared import UndeclaredModel, drawing
from chigai.site.fragments import FRAGMENTS, labels, placeholder
from chigai.site.presentation import Article, experiment_models, texts
from chigai.site.prose import add_tooltips, count, join_cjk_lines, num, pct, table
from chigai.site.reproduced import METHODOLOGY, box_lines
from chigai.site.sections import ExperimentUnavailable, Unavailable, sections
from chigai.site.strings import label
from chigai.site.templating import RenderError, render_section
from chigai.site.words import Verdicts, listing, page_folder, say


@dataclass(frozen=True)
class Missing:
    """An experiment with no usable result, and why (shown in place of its sections)."""

    spec: ExperimentSpec
    reason: str


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
    unavailable: Mapping[str, Missing] | None = None,
    problems: list[str] | None = None,
    articles: Mapping[str, Article] | None = None,
    reproductions: Sequence[Reproduction] = (),
) -> str:
    """Render one page template, section by section (see chigai.site.sections).

    A section that uses an experiment in `unavailable` (id -> Missing) becomes a notice. A
    template error raises RenderError naming page, line and key; when a `problems` list
    is given it is appended there instead and only that section becomes a placeholder.
    Notices head the page when its article shows stale results or quick numbers.
    `status` (every experiment x preset, fresh or not) and `articles` (id -> Article, for
    their names) are what a methodology page lists, with `reproduced(entries)`, the reruns
    made elsewhere (`reproductions`), which an article's provenance box also mentions.
    """
    helpers = _Helpers(src_uri, lang, shown, unavailable or {}, reproductions)
    context = {
        "results": {key: Unavailable(key, gone.reason) for key, gone in helpers.missing.items()}
        | dict(shown),
        "lang": lang,
        "figure": helpers.figure,
        "table": table,
        "num": num,
        "pct": pct,
        "count": count,
        "listing": helpers.listing,
        "provenance": helpers.provenance,
        "thumbnail": helpers.thumbnail,
        "source": helpers.source,
        "label": helpers.label,
        "status": status,
        "articles": articles or {},
        "reproduced": helpers.reproduced,
    }
    if folder := helpers.page_folder():  # an article page: its verdicts and its words
        context["v"] = Verdicts(folder, context["results"])
        context["say"] = functools.partial(say, folder, lang)
    parts = []
    for section in sections(markdown):
        try:
            parts.append(render_section(section.source, src_uri, context))
        except ExperimentUnavailable as gone:
            parts.append(
                FRAGMENTS.get_template("unavailable.md").render(
                    t=labels(lang), heading=Markup(section.heading), gone=gone
                )
            )
        except RenderError as error:
            if problems is None:
                raise
            problems.append(str(error))
            parts.append(section.heading + "\n\n" + placeholder(str(error), lang))
    body = add_tooltips(join_cjk_lines("\n".join(parts)), lang)
    notices = _notices(helpers.article, shown, lang)
    title = re.search(r"^# .*\n", body, re.M)  # notices go under the title, which names the page
    at = title.end() if title else 0
    return body[:at] + ("\n" if at else "") + notices + body[at:]


def _notices(article: str, shown: Mapping[str, Shown], lang: str) -> str:
    """Out-of-date results, then quick numbers standing in for the publication run."""
    mine = [s for s in shown.values() if s.spec.article == article]
    notices = ""
    stale = sorted({s.spec.command(s.preset) for s in mine if s.stale})
    if stale:
        notices += FRAGMENTS.get_template("stale.md").render(t=labels(lang), commands=stale)
    quick = sorted({s.spec.command("full") for s in mine if s.preset != "full"})
    if quick:
        notices += FRAGMENTS.get_template("quick.md").render(t=labels(lang), commands=quick)
    return notices + "\n" if notices else ""


class _Helpers:
    def __init__(
        self,
        src_uri: str,
        lang: str,
        shown: Mapping[str, Shown],
        missing: Mapping[str, Missing],
        reproductions: Sequence[Reproduction],
    ):
        self.src_uri, self.lang, self.shown, self.missing = src_uri, lang, shown, missing
        self.reproductions = reproductions
        self.article = page_article(src_uri)
        self.figures_shown = 0  # the first figure of a page loads at once, the rest lazily
        self.reruns_said: set[str] = set()  # a rerun is said in an experiment's first box only

    def _needs(self, experiment: str) -> None:
        if experiment in self.missing:
            raise ExperimentUnavailable(experiment, self.missing[experiment].reason)

    def page_folder(self) -> Path | None:
        """experiments/<article>/page/ of this page's article, if it has one."""
        specs = [*(s.spec for s in self.shown.values()), *(m.spec for m in self.missing.values())]
        folders = {page_folder(s.path.parent) for s in specs if s.article == self.article}
        return next((f for f in folders if f.is_dir()), None)

    def _relative(self, target_uri: str) -> str:
        return posixpath.relpath(target_uri, posixpath.dirname(self.src_uri) or ".")

    def _figure(self, name: str) -> tuple[str, str, str]:
        """(figure id, alt text, src relative to this page) for a declared figure."""
        figure_id = name if "/" in name else f"{self.article}/{name}"
        article, _, short = figure_id.partition("/")
        owners = [
            s for s in self.shown.values() if s.spec.article == article and short in s.spec.figures
        ]
        for gone in self.missing.values():
            if gone.spec.article == article and short in gone.spec.figures:
                self._needs(gone.spec.id)
        if not owners:
            raise RenderError(
                f"figure {figure_id!r} is not declared in any FIGURES of experiments/{article}/"
            )
        alt = texts(owners[0].spec).alt[short][self.lang]
        return figure_id, alt, self._relative(figure_uri(figure_id, self.lang))

    def figure(self, name: str, caption: str = "") -> Markup:
        """A figure with its caption: the phone drawing on narrow screens (<picture>), and a
        link that opens it larger, caption included, in the lightbox. The first figure of a
        page loads at once (it may be the largest thing on the first screen); the rest lazily."""
        figure_id, alt, src = self._figure(name)
        self.figures_shown += 1
        html = FRAGMENTS.get_template("figure.md").render(
            anchor=figure_id.replace("/", "-"),
            alt=alt,
            caption=caption,
            src=src,
            phone=self._relative(figure_uri(figure_id, self.lang, phone=True)),
            lazy=self.figures_shown > 1,
            enlarge=f"{labels(self.lang)['enlarge']}: {alt}",
        )
        return Markup(html)

    def thumbnail(self, name: str) -> Markup:
        """A figure as a plain image, for cards (no caption, no lightbox).

        A card whose experiment has no result goes without its picture: the home page
        keeps every card, and the article itself says what is missing.
        """
        try:
            figure_id, alt, src = self._figure(name)
        except ExperimentUnavailable:
            return Markup()
        phone = self._relative(figure_uri(figure_id, self.lang, phone=True))
        return Markup(FRAGMENTS.get_template("thumbnail.md").render(alt=alt, src=src, phone=phone))

    def source(self, spec: ExperimentSpec) -> str:
        """Link target of an experiment's source file, relative to this page."""
        return self._relative(source_uri(spec))

    def reproduced(self, entries: Sequence[Entry]) -> Markup:
        """The reruns made elsewhere of these experiments x presets (methodology page)."""
        return reproduced.listing(entries, self.reproductions, self.lang)

    def label(self, key: str) -> str:
        return labels(self.lang)[key]

    def listing(self, values: list) -> str:
        """[50, 100, 200] -> '50, 100 and 200' in English, '50、100、200' in Japanese."""
        return listing(values, self.lang)

    def provenance(
        self, experiment: str, about: str = "", paper: str = "", agrees: str = "agrees"
    ) -> Markup:
        """The "how these numbers were made" box; `paper` names the published result the
        experiment echoes and `agrees` ("agrees", "disagrees", "partly") comes from a finding
        ("" where the experiment tests advice, not a published result)."""
        self._needs(experiment)
        if paper and agrees not in ("agrees", "disagrees", "partly", ""):
            raise RenderError(
                f"agrees must be 'agrees', 'disagrees', 'partly' or '' (nothing to compare), "
                f"not {agrees!r}"
            )
        if experiment not in self.shown:
            raise RenderError(f"no result for experiment {experiment!r}")
        shown = self.shown[experiment]
        said_before = experiment in self.reruns_said
        self.reruns_said.add(experiment)
        folder = page_folder(shown.spec.path.parent)
        reruns = (
            [] if said_before else box_lines(shown.result, self.reproductions, self.lang, folder)
        )
        tuning = shown.result.data.get("tuning")
        with drawing(experiment_models(shown.spec)):  # the models of the chosen rates
            try:
                names = {m: label(m, self.lang) for m in (tuning or {}).get("chosen", {})}
            except UndeclaredModel as error:
                raise RenderError(str(error)) from None
        box = FRAGMENTS.get_template("provenance.md").render(
            t=labels(self.lang),
            spec=shown.spec,
            shown=shown,
            prov=shown.provenance,
            source=self._relative(source_uri(shown.spec)),
            about=about,
            tuning=tuning,
            names=names,
            paper=paper,
            agrees=agrees,
            reruns=reruns,
            methodology=self._relative(METHODOLOGY),
        )
        return Markup(box)
