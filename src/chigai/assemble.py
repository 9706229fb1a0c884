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
import os
import tempfile
import traceback
from dataclasses import dataclass, field
from pathlib import Path

import chigai
from chigai.experiment import ExperimentSpec, discover
from chigai.fragments import placeholder_svg
from chigai.freshness import Entry, State, best, check_all
from chigai.notebooks import NotebookError, execute, is_fresh, notebooks
from chigai.presentation import Article, read_articles
from chigai.render import Missing, Shown, figure_uri, share_uri
from chigai.strings import LANGUAGES

log = logging.getLogger("mkdocs.plugins.chigai")
PACKAGE = Path(chigai.__file__).parent
FIGURE_CODE = [*sorted((PACKAGE / "figures").glob("*.py")), PACKAGE / "strings.py"]


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


def collect(root: Path, policy: str) -> Collected:
    """Results for the pages: fresh ones as they are, the rest by policy.

    `fail` is the publishing policy: every experiment needs a fresh, valid `full` result,
    and each one that lacks it is named with the command that makes it. A missing alt
    text or a broken article.toml stops the build first (ExperimentError), before any rerun.
    """
    specs = list(discover(root).values())
    collected = Collected(specs=specs, articles=read_articles(root, specs))
    for spec in collected.specs:
        entries = check_all(root, spec)
        if policy == "fail":
            collected.problems += _not_publishable(spec, entries)
        entry = best(entries)
        if entry.state is State.FRESH:
            collected.shown[spec.id] = Shown(spec, entry.result, stale=False)
            continue
        why = entry.problem or f"{spec.id}: result is {entry.state.value}"
        if policy == "rerun":
            from chigai.runner import run_experiment  # imports torch: only when something is stale

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
    collected.problems += _refresh_notebooks(
        root, policy, {spec.id: spec for spec in collected.specs}
    )
    collected.status = [entry for spec in collected.specs for entry in check_all(root, spec)]
    if policy == "fail" and collected.problems:
        raise StaleResults(
            "a publishing build needs a fresh full result for every experiment:\n  "
            + "\n  ".join(collected.problems)
        )
    return collected


def _not_publishable(spec: ExperimentSpec, entries: list[Entry]) -> list[str]:
    full = next(entry for entry in entries if entry.preset == "full")
    if full.state is State.FRESH:
        return []
    if full.problem:  # a broken file: the message already names the file and the fix
        return [f"{spec.id}: {full.problem}"]
    fix = spec.command("full")
    return [f"{spec.id}: results/{spec.id}.full.json is {full.state.value}; make it with `{fix}`"]


def _refresh_notebooks(root: Path, policy: str, specs: dict[str, ExperimentSpec]) -> list[str]:
    """Execute stale companion notebooks (rerun), or report them (warn, fail)."""
    problems = []
    for path in notebooks(root):
        if is_fresh(path, specs):
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
        for name, kind in item.spec.figures.items():
            figure_id = f"{item.spec.article}/{name}"
            for lang in LANGUAGES:
                variants = [("svg", False), ("svg", True)]
                if figure_id in shared:
                    variants.append(("png", False))
                for fmt, phone in variants:
                    parts = [code, data, kind.encode(), lang.encode(), fmt.encode(), bytes(phone)]
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
                            content = _draw(kind, item.data, lang, phone=phone, fmt=fmt)
                        except Exception as error:  # any bug in a figure function: say where
                            message = (
                                f"figure {figure_id} ({lang}) failed: "
                                f"{type(error).__name__}: {error} (at {_where(error)})"
                            )
                            if message not in problems:
                                problems.append(message)
                            files[uri] = _placeholder(cache, message)
                            continue
                        _write_atomically(path, content)
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


def _draw(kind: str, data: dict, lang: str, phone: bool = False, fmt: str = "svg") -> bytes:
    from chigai.figures import render  # imports matplotlib: only on a cache miss

    return render(kind, data, lang, phone=phone, fmt=fmt)


def _placeholder(cache: Path, message: str) -> Path:
    path = cache / f"failed-{hashlib.sha256(message.encode()).hexdigest()[:20]}.svg"
    _write_atomically(path, placeholder_svg(message).encode())
    return path


def _write_atomically(path: Path, content: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    with os.fdopen(handle, "wb") as out:
        out.write(content)
    os.replace(temporary, path)
