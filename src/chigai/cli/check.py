"""`chigai check <slug>`: one article checked the way a writer needs, in under a minute.

`make test` runs the whole suite, whose article fixture reruns every experiment of every
article. A writer working on one article needs three things about that article only:
ruff (lint and format) on its folders; the fast tier of its own tests
(tests/experiments/<article>/, `-m "not slow and not browser"`: `make test` runs the
rest); and its pages in both languages rendered from the results already there, with its
figures drawn, as a build would show them. Nothing trains, whatever CHIGAI_ON_STALE says:
a stale or missing result is a problem named with the command that refreshes it. Every
problem is one line; the exit code is 1 when there is any.
"""

import logging
import subprocess
import sys
import time
from pathlib import Path

from mkdocs.utils.meta import get_data

from chigai.experiment import ExperimentError
from chigai.site.strings import LANGUAGES

FAST = "not slow and not browser"


def check_article(root: Path, slug: str) -> int:
    """Run the three steps, print what each found, return the exit code."""
    started = time.perf_counter()
    article = slug.replace("-", "_")
    folder = root / "experiments" / article
    pages = [root / "docs" / f"{slug}.{lang}.md" for lang in LANGUAGES]
    if not folder.is_dir():
        raise ExperimentError(
            f"no article {slug!r}: experiments/{article}/ does not exist "
            f"(`chigai list` shows the experiments; `chigai new {slug} --ja … --en …` starts one)"
        )
    tests = root / "tests" / "experiments" / article
    problems: list[str] = []
    for step, run in (
        ("ruff", lambda: _ruff(root, [folder, tests])),
        ("tests", lambda: _tests(root, tests)),
        ("pages", lambda: _pages(root, slug, article, pages)),
    ):
        begun = time.perf_counter()
        said, found = run()
        took = f"{time.perf_counter() - begun:.1f} s"
        print(f"  {step:6} {'ok' if not found else 'FAILED'} ({took}): {said}")
        problems += found
    took = time.perf_counter() - started
    for problem in problems:
        print(f"chigai check: {problem}", file=sys.stderr)
    verdict = "no problems" if not problems else f"{len(problems)} problem(s) above"
    print(f"checked {slug} in {took:.1f} s: {verdict}")
    return 1 if problems else 0


def _tool(root: Path, module: str, *args: str) -> subprocess.CompletedProcess[str]:
    """A tool of this environment, in the project folder (its pyproject.toml configures it)."""
    return subprocess.run(
        [sys.executable, "-m", module, *args], cwd=root, capture_output=True, text=True
    )


def _ruff(root: Path, folders: list[Path]) -> tuple[str, list[str]]:
    targets = [str(f.relative_to(root)) for f in folders if f.is_dir()]
    problems = []
    for args in (
        ("check", "--quiet", "--no-cache", "--output-format", "concise"),
        ("format", "--check", "--no-cache"),
    ):
        done = _tool(root, "ruff", *args, *targets)
        if done.returncode != 0:
            lines = (done.stdout + done.stderr).strip().splitlines()
            problems += [f"ruff {args[0]}: {line}" for line in lines if line.strip()]
    return ", ".join(f"{t}/" for t in targets), problems


def _tests(root: Path, tests: Path) -> tuple[str, list[str]]:
    where = tests.relative_to(root).as_posix()
    if not tests.is_dir():
        return f"no tests yet in {where}/ (AUTHORING.md: Tests)", []
    done = _tool(root, "pytest", where, "-m", FAST, "-q", "-p", "no:cacheprovider", "-rfE")
    lines = done.stdout.strip().splitlines()
    summary = lines[-1] if lines else done.stderr.strip()
    if done.returncode in (0, 5):  # 5: every test of the folder is slow, none ran here
        return f"{summary} (fast tier of {where}/; make test runs the rest)", []
    failed = [line for line in lines if line.startswith(("FAILED", "ERROR"))]
    return f"{summary} ({where}/)", failed or [f"pytest {where}: {summary}"]


def _pages(root: Path, slug: str, article: str, pages: list[Path]) -> tuple[str, list[str]]:
    """The article's pages rendered from the results there, its figures drawn; a build's
    machinery (chigai.site.assemble, render), limited to this article."""
    from chigai.site.assemble import collect, figure_files
    from chigai.site.render import render_page

    logging.getLogger("mkdocs.plugins.chigai").setLevel(logging.WARNING)  # other articles
    try:
        collected = collect(root, "warn")  # never reruns: stale results are shown, and named
    except ExperimentError as error:  # a broken article.toml, ALT or preset: named there
        return "not rendered", [str(error)]
    mine = {key: s for key, s in collected.shown.items() if s.spec.article == article}
    problems = [
        f"{spec.id}: no usable result ({gone.reason}); make it with `{spec.command()}`"
        for spec, gone in ((m.spec, m) for m in collected.missing.values())
        if spec.article == article
    ]
    problems += [
        f"{s.spec.id}: results/{s.spec.id}.{s.preset}.json is stale (the code or preset "
        f"changed since it ran); refresh it with `{s.spec.command(s.preset)}`"
        for s in mine.values()
        if s.stale
    ]
    figures, drawn = figure_files(mine, root / ".cache" / "chigai" / "figures", collected.articles)
    problems += drawn
    for page, lang in zip(pages, LANGUAGES, strict=True):
        if not page.is_file():
            problems.append(f"docs/{page.name} is missing: write it (each article has ja and en)")
            continue
        body, _ = get_data(page.read_text(encoding="utf-8"))  # front matter, as MkDocs strips it
        render_page(
            body,
            src_uri=page.name,
            lang=lang,
            shown=collected.shown,
            status=collected.status,
            unavailable=collected.missing,
            problems=problems,
            articles=collected.articles,
            reproductions=collected.reproductions,
        )
    shown = ", ".join(f"docs/{page.name}" for page in pages if page.is_file())
    return f"{shown or 'no pages'} rendered, {len(figures)} figure files", problems
