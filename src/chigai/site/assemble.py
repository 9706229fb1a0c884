"""What a site build needs from the results, independent of MkDocs.

`collect` picks, per experiment, the result a page shows and applies the stale policy;
`figure_files` turns results into SVGs in a cache folder outside docs/ (so `mkdocs serve`
never sees its own output). Both are cheap when nothing changed: freshness is a hash of
source files, and a figure is re-drawn only when its data, its drawing code or its
labels change, so a no-change build imports neither torch nor matplotlib.
"""

import hashlib
import json
import logging
import re
import traceback
from dataclasses import dataclass, field
from pathlib import Path

import chigai
from chigai.experiment import PRESET_NAMES, ExperimentSpec
from chigai.run.atomic import write_atomically
from chigai.run.freshness import Entry, State, best, check_all
from chigai.run.loading import discover
from chigai.run.notebooks import NotebookError, execute, is_fresh, notebooks
from chigai.run.reproductions import Reproduction
from chigai.run.reproductions import load as load_reproductions
from chigai.site.declared import Declared
from chigai.site.fragments import FRAGMENTS, labels, placeholder_svg
from chigai.site.presentation import Article, read_articles
from chigai.site.render import Missing, Shown, figure_uri, page_article, page_language, share_uri
from chigai.site.strings import LANGUAGES

log = logging.getLogger("mkdocs.plugins.chigai")
PACKAGE = Path(chigai.__file__).parent
SITE = PACKAGE / "site"
FIGURE_CODE = [
    *sorted((SITE / "figures").glob("*.py")),
    *(SITE / n for n in ("strings.py", "declared.py")),
]
LANGUAGE_NAMES = {"ja": "Japanese", "en": "English"}


class StaleResults(RuntimeError):
    """Raised under the `fail` policy; the message lists each stale result and its fix."""


@dataclass
class Collected:
    shown: dict[str, Shown] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    status: list[Entry] = field(default_factory=list)  # every experiment x preset, after reruns
    specs: list[ExperimentSpec] = field(default_factory=list)
    missing: dict[str, Missing] = field(default_factory=dict)  # no usable result at all
    articles: dict[str, Article] = field(default_factory=dict)  # names, share figures
    not_full: dict[str, Entry] = field(default_factory=dict)  # broken or stale full results
    broken_notebooks: list[Path] = field(default_factory=list)  # left out of the site
    reproductions: list[Reproduction] = field(default_factory=list)  # reruns made elsewhere


def collect(root: Path, policy: str) -> Collected:
    """Results for the pages: fresh ones as they are, the rest by policy.

    `fail` is the publishing policy: every experiment needs a fresh, valid `full` result,
    and each one that lacks it is named with the command that makes it. A missing alt
    text or a broken article.toml stops the build first (ExperimentError), before any rerun.
    """
    specs = list(discover(root).values())
    collected = Collected(specs=specs, articles=read_articles(root, specs))
    fulls: dict[str, Entry] = {}
    for spec in collected.specs:
        entries = check_all(root, spec)
        if policy == "fail":
            collected.problems += _not_publishable(spec, entries)
        fulls[spec.id] = entries[PRESET_NAMES.index("full")]
        entry = best(entries)
        if entry.state is State.FRESH:
            collected.shown[spec.id] = Shown(spec, entry.result, stale=False)
            continue
        why = entry.problem or f"{spec.id}: result is {entry.state.value}"
        if policy == "rerun":
            from chigai.run.runner import (
                run_experiment,  # imports torch: only when something is stale
            )

            log.info("%s; rerunning the quick preset now", why)
            try:
                result = run_experiment(root, spec, "quick")
            except Exception as error:  # a failed rerun keeps the page on the old numbers
                why = f"rerun failed ({error}); run `{spec.command()}`"
                collected.problems.append(f"{spec.id}: {why}")
                if entry.result is not None:
                    collected.shown[spec.id] = Shown(spec, entry.result, stale=True)
                else:
                    collected.missing[spec.id] = Missing(spec, why)
                continue
            collected.shown[spec.id] = Shown(spec, result, stale=False)
        elif policy == "warn" and entry.result is not None:
            log.info(
                "%s; showing it with a stale notice (run `%s`)", why, spec.command(entry.preset)
            )
            collected.shown[spec.id] = Shown(spec, entry.result, stale=True)
        elif policy == "warn":
            collected.missing[spec.id] = Missing(spec, why)
            collected.problems.append(f"{why}; refresh it with `{spec.command(entry.preset)}`")
    # Quick numbers where a full result exists but cannot be used: said in the log and on the
    # pages (page_notices). Not under `fail`, which builds no page and names it above.
    for spec_id, item in collected.shown.items() if policy != "fail" else ():
        full = fulls[spec_id]
        if item.preset != "full" and full.state in (State.BROKEN, State.STALE):
            collected.not_full[spec_id] = full
            log.info("%s", _why_not_full(full))
    collected.problems += _refresh_notebooks(
        root, policy, {spec.id: spec for spec in collected.specs}, collected.broken_notebooks
    )
    collected.status = [entry for spec in collected.specs for entry in check_all(root, spec)]
    if policy == "fail" and collected.problems:
        raise StaleResults(
            "a publishing build needs a fresh full result for every experiment:\n  "
            + "\n  ".join(collected.problems)
        )
    collected.reproductions, unusable = load_reproductions(root, {spec.id for spec in specs})
    collected.problems += unusable  # a warning: --strict fails on it, as on any problem
    return collected


def _not_publishable(spec: ExperimentSpec, entries: list[Entry]) -> list[str]:
    full = next(entry for entry in entries if entry.preset == "full")
    if full.state is State.FRESH:
        return []
    if full.problem:  # a broken file: the message already names the file and the fix
        return [f"{spec.id}: {full.problem}"]
    fix = spec.command("full")
    return [f"{spec.id}: results/{spec.id}.full.json is {full.state.value}; make it with `{fix}`"]


def _why_not_full(full: Entry) -> str:
    """One log line: why a page shows quick (or old) numbers instead of the full result."""
    path = f"results/{full.spec.id}.full.json"
    why = f"cannot be used: {_bare(full)}" if full.state is State.BROKEN else "is stale"
    return (
        f"{full.spec.id}: pages show quick numbers because {path} {why}; "
        f"make it with `{full.spec.command('full')}`"
    )


def _bare(entry: Entry) -> str:
    """A broken file's problem without the path in front and the command behind it."""
    text = (entry.problem or "").split(f"{entry.spec.id}.{entry.preset}.json: ", 1)[-1]
    return text.split("; refresh it with", 1)[0]


def _refresh_notebooks(
    root: Path, policy: str, specs: dict[str, ExperimentSpec], broken: list[Path]
) -> list[str]:
    """Execute stale companion notebooks (rerun), or report them (warn, fail); a notebook
    that cannot be read is named with its fix and left out of the site (`broken`)."""
    problems = []
    for path in notebooks(root):
        try:
            if is_fresh(path, specs):
                continue
        except NotebookError as error:
            problems.append(str(error))
            broken.append(path)
            continue
        name = path.relative_to(root)
        if policy == "rerun":
            log.info("%s is stale; executing it now", name)
            try:
                execute(path, specs)
            except NotebookError as error:
                problems.append(str(error))
        elif policy == "warn":
            log.info("%s is stale: its outputs come from older code (run `chigai notebooks`)", name)
        else:
            problems.append(f"{name}: notebook is stale; refresh it with `chigai notebooks`")
    return problems


def figure_files(
    shown: dict[str, Shown], cache: Path, articles: dict[str, Article]
) -> tuple[dict[str, Path], list[str]]:
    """SVG per figure and language (desktop and phone), and a PNG of each article's share
    figure (`articles`), as {site uri: cached file}, plus problems met.

    A figure is drawn only on a cache miss. One that cannot be drawn becomes a placeholder
    SVG that says why, so the page still shows where it belongs.
    """
    code = b"".join(path.read_bytes() for path in FIGURE_CODE)
    shared = {article.share_figure for article in articles.values()}
    files: dict[str, Path] = {}
    problems: list[str] = []
    for item in shown.values():
        data = json.dumps(item.data, sort_keys=True).encode()
        models = articles[item.spec.article].models  # a new colour or name redraws
        for name, kind in item.spec.figures.items():
            figure_id = f"{item.spec.article}/{name}"
            for lang in LANGUAGES:
                variants = [("svg", False), ("svg", True)]
                if figure_id in shared:
                    variants.append(("png", False))
                for fmt, phone in variants:
                    parts = [code, data, kind.encode(), lang.encode(), fmt.encode(), bytes(phone)]
                    parts.append(models.key())
                    key = hashlib.sha256(b"\0".join(parts)).hexdigest()[:20]
                    variant = ".phone" if phone else ""
                    path = cache / f"{figure_id.replace('/', '--')}.{lang}{variant}.{key}.{fmt}"
                    uri = (
                        share_uri(figure_id, lang)
                        if fmt == "png"
                        else figure_uri(figure_id, lang, phone=phone)
                    )
                    if not path.exists():
                        try:
                            content = _draw(kind, item.data, lang, phone, fmt, models)
                        except Exception as error:  # any bug in a figure function: say where
                            message = (
                                f"figure {figure_id} ({lang}) failed: "
                                f"{type(error).__name__}: {error} (at {_where(error)})"
                            )
                            if message not in problems:
                                problems.append(message)
                            files[uri] = _placeholder(cache, message)
                            continue
                        write_atomically(path, content)
                    files[uri] = path
    return files, problems


def _where(error: BaseException) -> str:
    """file:line (function) of the deepest chigai frame: the figure code at fault."""
    frames = traceback.extract_tb(error.__traceback__)
    ours = [frame for frame in frames if Path(frame.filename).is_relative_to(PACKAGE)]
    frame = (ours or frames)[-1]
    where = Path(frame.filename)
    named = where.relative_to(PACKAGE.parent) if where.is_relative_to(PACKAGE) else where
    return f"{named}:{frame.lineno} ({frame.name})"


def _draw(kind: str, data: dict, lang: str, phone: bool, fmt: str, models: Declared) -> bytes:
    from chigai.site.figures import render  # imports matplotlib: only on a cache miss

    return render(kind, data, lang, phone=phone, fmt=fmt, models=models)


def _placeholder(cache: Path, message: str) -> Path:
    path = cache / f"failed-{hashlib.sha256(message.encode()).hexdigest()[:20]}.svg"
    write_atomically(path, placeholder_svg(message))
    return path


def missing_pages(docs: Path) -> list[str]:
    """A page written in one language only, as a warning naming the missing file and the fix.

    mkdocs-static-i18n says nothing: the English URL silently serves the Japanese page,
    and a missing Japanese page leaves only MkDocs's note about the nav.
    """
    problems = []
    for page in sorted(docs.rglob("*.md")):
        lang = page_language(page.name)
        for other in LANGUAGES if lang else ():
            twin = page.with_name(page.name.replace(f".{lang}.md", f".{other}.md"))
            if not twin.exists():
                have, lack = (f"docs/{p.relative_to(docs).as_posix()}" for p in (page, twin))
                problems.append(
                    f"{lack} is missing, so the {LANGUAGE_NAMES[other]} site shows {have} in "
                    f"its place (or nothing); write {lack}, starting from a copy of {have}"
                )
    return problems


def page_notices(src_uri: str, build_lang: str | None, collected: Collected) -> str:
    """Markdown that heads an article page under its title: that it stands in for a page
    of the build's language which is missing, and which full results its numbers are not
    from and why (each in the language its readers read)."""
    lang = page_language(src_uri)
    if lang is None:
        return ""
    notices = ""
    if build_lang is not None and lang != build_lang:  # i18n's fallback: another language
        t = labels(build_lang)
        missing = f"docs/{src_uri.replace(f'.{lang}.md', f'.{build_lang}.md')}"
        body = t["fallback_body"].format(missing=missing, other=t[f"language_{lang}"])
        notices += FRAGMENTS.get_template("fallback.md").render(t=t, body=body) + "\n"
    t = labels(lang)
    notes = [
        t["full_broken"].format(file=f"results/{entry.spec.id}.full.json", why=_bare(entry))
        if entry.state is State.BROKEN
        else t["full_stale"].format(file=f"results/{entry.spec.id}.full.json")
        for entry in collected.not_full.values()
        if entry.spec.article == page_article(src_uri)
    ]
    if notes:
        notices += FRAGMENTS.get_template("not_full.md").render(t=t, notes=notes) + "\n"
    return notices


def with_notice(markdown: str, notice: str) -> str:
    """The page with `notice` under its title (or at the top when it has none)."""
    title = re.search(r"^# .*\n", markdown, re.M)
    at = title.end() if title else 0
    return f"{markdown[:at]}\n{notice}\n{markdown[at:]}"
