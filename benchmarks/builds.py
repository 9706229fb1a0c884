"""Site-build timings on a throwaway copy of the project: cached, naive, floor, incremental.

Every build is a fresh `mkdocs build` process with PYTHONPATH pointing at the copy's src/,
so edits to the copy's chigai sources count, exactly as a writer's edits would.
"""

import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
PARTS = ("mkdocs.yml", "docs", "experiments", "src", "results")
NOTEBOOK_HOOK = """from mkdocs.plugins import event_priority

from chigai.site.plugin import notebook_pages


@event_priority(-200)
def on_files(files, config):
    return notebook_pages(files, config)
"""


def copy_project(target: Path) -> Path:
    target.mkdir(parents=True)
    for part in PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(
                source, target / part, ignore=shutil.ignore_patterns("__pycache__", "*.lock")
            )
        else:
            shutil.copy2(source, target / part)
    return target


def build(project: Path) -> tuple[float, str]:
    """One `mkdocs build` (seconds, log); the log's last line says whether torch loaded
    (`imported_torch`), so every build timed is also checked for it, at no extra build."""
    env = {**os.environ, "PYTHONPATH": str(project / "src"), "NO_MKDOCS_2_WARNING": "1"}
    code = (
        "import sys; from mkdocs.__main__ import cli\n"
        "try:\n    cli(['build'])\nexcept SystemExit as done:\n    code = done.code\n"
        "print('TORCH_LOADED', 'torch' in sys.modules, file=sys.stderr); sys.exit(code)\n"
    )
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"mkdocs build failed in {project}:\n{done.stderr[-2000:]}")
    return seconds, done.stderr


def imported_torch(log: str) -> bool:
    """Whether the build that wrote `log` (`build`) had torch loaded when it finished."""
    return "TORCH_LOADED True" in log


def forget_results(project: Path, only: list[str] | None) -> None:
    """Delete results (all, or those of `only`), their stored trials and the figure cache:
    the next build reruns them from scratch, as a builder without our caching would. Left
    with the trials, a "naive" build only re-summarized them (14.7 s against a 142.8 s cold
    suite) and naive / cached measured the trial cache, not a naive build."""
    for path in (project / "results").glob("*.json"):
        if only is None or path.name.split(".")[0] in only:
            path.unlink()
    trials = project / ".trials"
    for folder in [trials] if only is None else [trials / name for name in only]:
        shutil.rmtree(folder, ignore_errors=True)
    shutil.rmtree(project / ".cache", ignore_errors=True)


def keep_one_article(project: Path, article: str) -> None:
    """Strip a project copy to one article (its pages, notebooks, experiments, results and
    reproductions; the home page's card and the nav entries of the others go too), so that
    each build of `run.py --quick` is small yet passes through every part a build has."""
    from chigai.experiment import discover

    specs = discover(project).values()
    for other in {spec.article for spec in specs} - {article}:
        slug = other.replace("_", "-")
        for path in [
            *(project / "docs").glob(f"{slug}.*.md"),
            *(project / "docs").glob(f"notebooks/{slug}.*.ipynb"),
        ]:
            path.unlink()
        shutil.rmtree(project / "experiments" / other)
        for spec in (spec for spec in specs if spec.article == other):
            for path in (project / "results").glob(f"{spec.id}.*.json"):
                path.unlink()
            for path in project.glob(f"reproductions/*/{spec.id}.*.json"):  # tests copy them
                path.unlink()
        config, homes = project / "mkdocs.yml", list((project / "docs").glob("index.*.md"))
        nav = rf"\n  - (notebooks/)?{slug}\.(md|ipynb)(?=\n)"
        config.write_text(re.sub(nav, "", config.read_text()))
        card = rf"\n-   \{{\{{ thumbnail\(\"{other}/.*?(?=\n-   |\n</div>)"  # "-   {{ thumbnail(…"
        for home in homes:
            home.write_text(re.sub(card, "", home.read_text(), flags=re.S))
        if left := [p.name for p in [config, *homes] if slug in p.read_text()]:
            raise RuntimeError(f"{left} still name {slug}: adapt keep_one_article's patterns")


def floor_project(project: Path, target: Path) -> Path:
    """The same site with every page already rendered and no chigai plugin: the floor."""
    from chigai.site.assemble import collect, figure_files
    from chigai.site.render import page_language, render_page, source_uri

    collected = collect(project, "warn")  # never trains; "fail" would demand full results
    shutil.copytree(project / "docs", target / "docs")
    for page in (target / "docs").rglob("*.md"):
        uri = page.relative_to(target / "docs").as_posix()
        if lang := page_language(uri):
            page.write_text(
                render_page(page.read_text(), src_uri=uri, lang=lang, shown=collected.shown)
            )
    cache = project / ".cache" / "chigai" / "figures"
    figures, _ = figure_files(collected.shown, cache, collected.articles)
    sources = {source_uri(s.spec): s.spec.path for s in collected.shown.values()}
    for uri, path in {**figures, **sources}.items():
        (target / "docs" / uri).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, target / "docs" / uri)
    config = (project / "mkdocs.yml").read_text().replace("  - chigai\n", "")
    # the floor has docs/ only: point at the project's theme
    theme = project / "src" / "chigai" / "site" / "overrides"
    config = config.replace("custom_dir: src/chigai/site/overrides", f"custom_dir: {theme}")
    config = re.sub(r"\nwatch:\n(  - .*\n)+", "\n", config)  # nothing to watch: no code here
    # The floor must build the same site, notebooks included: keep only the part of the
    # plugin that lets mkdocs-jupyter render them beside i18n (chigai.site.plugin.notebook_pages).
    (target / "notebook_hook.py").write_text(NOTEBOOK_HOOK)
    config += "\nhooks:\n  - notebook_hook.py\n"
    (target / "mkdocs.yml").write_text(config)
    return target


def interleaved(runs: int, *projects: Path) -> list[list[tuple[float, str]]]:
    """Each project's builds (seconds, log), built in turn (A, B, A, B, …).

    Built in blocks instead, a passing load on a 2-core machine fell on one of them and
    moved their ratio by 0.2 between runs of the benchmark.
    """
    done: list[list[tuple[float, str]]] = [[] for _ in projects]
    for _ in range(runs):
        for i, project in enumerate(projects):
            done[i].append(build(project))
    return done


def touch(path: Path) -> None:
    """An edit that counts: fingerprints read the syntax tree, so a .py file gets a new
    statement (a comment would change nothing); a page gets a blank line."""
    path.write_text(
        path.read_text() + "\n_touched_by_the_benchmark = True\n"
        if path.suffix == ".py"
        else path.read_text() + "\n"
    )


def incremental(project: Path, experiment: str) -> dict:
    """Seconds from an edit to a finished build, per edit kind; and which experiments reran.
    The project's last build must have left nothing stale (the caller's no-change builds)."""
    from chigai.experiment import discover

    article = discover(project)[experiment].article
    edits = {
        "template": project / "docs" / f"{article.replace('_', '-')}.en.md",
        "figure": project / "src" / "chigai" / "site" / "figures" / "charts.py",
        "experiment": project / "experiments" / article / f"{experiment}.py",
    }
    seconds, reran = {}, {}
    for kind, path in edits.items():
        touch(path)
        seconds[kind], log = build(project)
        reran[kind] = sorted(
            {
                line.split("INFO    -  ")[-1].split(":")[0]
                for line in log.splitlines()
                if "rerunning the quick preset" in line
            }
        )
    expected = {"template": [], "figure": [], "experiment": [experiment]}
    if reran != expected:  # an edit must rerun exactly the experiment it touched
        raise RuntimeError(f"incremental builds reran {reran}, expected {expected}")
    return {"seconds": seconds, "reran": reran}
