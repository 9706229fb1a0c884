"""`chigai render --out`: the site as plain Markdown, built by MkDocs and ProperDocs
with no chigai plugin, and with chigai itself unimportable."""

import json
import re
import subprocess
import sys
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

import pytest
from helpers import ROOT, SHARED_CACHE, copy_article, copy_project, run_tool
from mkdocs.utils.yaml import yaml_load

from chigai.experiment import discover
from chigai.run.freshness import best, check_all
from chigai.site.prose import num

ARTICLE = {"ja": "rnn-vs-lstm/index.html", "en": "en/rnn-vs-lstm/index.html"}
MADE = {"ja": "この数字の作り方", "en": "How these numbers were made"}
STALE = {"ja": "古い結果を表示しています", "en": "Showing out-of-date results"}


def _render(project: Path, out: Path, policy: str) -> subprocess.CompletedProcess:
    env = {"CHIGAI_ON_STALE": policy}  # warn: never retrains, whatever the results' state
    return run_tool("chigai", "render", "--out", str(out), cwd=project, env=env)


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`chigai render --out pages`, run in a copy of the project; returns pages/."""
    project = copy_project(tmp_path_factory.mktemp("export") / "project")
    pages = project.parent / "pages"
    done = _render(project, pages, "warn")
    assert done.returncode == 0, done.stderr[-3000:]
    # mkdocs-jupyter keeps converted notebooks in .cache/ where it runs: share the session's
    (pages / ".cache").symlink_to(SHARED_CACHE, target_is_directory=True)
    return pages


@pytest.fixture(scope="module")
def built(exported: Path) -> Callable[[str], Path]:
    """The export built strictly by `mkdocs` (its own mkdocs.yml, hook included) or by
    `properdocs` (the hook left out, as an engine without hooks would), each once, where
    `import chigai` fails."""
    blocker = exported.parent / "no-chigai" / "chigai"
    blocker.mkdir(parents=True, exist_ok=True)
    (blocker / "__init__.py").write_text('raise ImportError("the export must not need chigai")\n')
    env = {"PYTHONPATH": str(blocker.parent)}
    probe = [sys.executable, "-c", "import chigai"]
    assert subprocess.run(probe, env=env, capture_output=True).returncode != 0
    config = (exported / "mkdocs.yml").read_text()
    (exported / "no-hooks.yml").write_text(config[: config.index("\nhooks:")] + "\n")
    sites: dict[str, Path] = {}

    def site(tool: str) -> Path:
        if tool not in sites:
            config = "mkdocs.yml" if tool == "mkdocs" else "no-hooks.yml"
            target = exported / f"site-{tool}"
            done = run_tool(
                tool, "build", "--strict", "-f", config, "-d", str(target), cwd=exported, env=env
            )
            assert done.returncode == 0, done.stderr[-3000:]
            sites[tool] = target
        return sites[tool]

    return site


@pytest.mark.slow
def test_the_export_names_no_chigai_plugin_and_holds_no_template(exported: Path):
    config = yaml_load((exported / "mkdocs.yml").read_text())
    plugins = [next(iter(p)) if isinstance(p, dict) else p for p in config["plugins"]]
    assert "chigai" not in plugins and "i18n" in plugins
    for hook in config["hooks"]:
        assert not re.search(r"^\s*(from|import) chigai\b", (exported / hook).read_text(), re.M)
    pages = sorted((exported / "docs").glob("*.md"))
    assert {p.name for p in pages} == {p.name for p in (ROOT / "docs").glob("*.md")}
    for page in pages:
        assert "{{" not in page.read_text() and "{%" not in page.read_text(), page.name


class _Page(HTMLParser):
    """The images a page loads, its links, and its language switch."""

    def __init__(self) -> None:
        super().__init__()
        self.images: list[str] = []
        self.links: list[str] = []
        self.switch: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list) -> None:
        attrs = dict(attrs)
        self.images += [attrs["src"]] if tag == "img" and attrs.get("src") else []
        self.images += [attrs["srcset"]] if tag == "source" and attrs.get("srcset") else []
        self.links += [attrs["href"]] if tag == "a" and attrs.get("href") else []
        if tag == "a" and "md-select__link" in (attrs.get("class") or ""):
            self.switch[attrs["hreflang"]] = attrs["href"]


@pytest.mark.slow
@pytest.mark.parametrize("tool", ["mkdocs", "properdocs"])
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_each_engine_builds_the_article_with_numbers_figures_provenance_and_switch(
    built, tool, lang
):
    site = built(tool)
    page = site / ARTICLE[lang]
    html = page.read_text()
    parsed = _Page()
    parsed.feed(html)
    specs = [spec for spec in discover(ROOT).values() if spec.article == "rnn_vs_lstm"]
    adding = next(spec for spec in specs if spec.id == "adding_problem")
    baseline = num(best(check_all(ROOT, adding)).result.data["baseline_mse"])
    assert re.search(rf"(?<![\d.]){re.escape(baseline)}(?!\d)", html), baseline
    figures = [url for url in parsed.images if "figures/" in url]
    assert len(figures) >= 2 * sum(len(spec.figures) for spec in specs)  # desktop + phone
    for url in figures:
        assert (page.parent / url).resolve().is_file(), url
    for spec in specs:
        assert f"<summary>{MADE[lang]}: {spec.id}</summary>" in html
        source = next(url for url in parsed.links if url.endswith(f"/{spec.path.name}"))
        assert (page.parent / source).resolve().is_file(), source
    other = "en" if lang == "ja" else "ja"
    target = (page.parent / parsed.switch[other]).resolve()
    assert target == (site / ARTICLE[other]).parent.resolve()


@pytest.mark.slow
def test_the_hook_keeps_the_plugins_finishing_touches(built):
    site = built("mkdocs")
    notebook = (site / "en" / "notebooks" / "rnn-vs-lstm" / "index.html").read_text()
    assert 'class="jupyter-wrapper"' in notebook and "notebook.css" in notebook
    article = (site / ARTICLE["ja"]).read_text()
    assert re.search(r'glightbox\.min\.js" defer', article)
    assert 'aria-label="サイト内検索"' in article
    for index in ("search", "en/search"):  # one index per language, each of its own pages
        docs = json.loads((site / index / "search_index.json").read_text())["docs"]
        locations = {doc["location"].split("#")[0] for doc in docs}
        assert "rnn-vs-lstm/" in locations and not any(loc.startswith("en/") for loc in locations)


def test_render_refuses_an_out_it_must_not_write(tmp_path: Path):
    project = copy_project(tmp_path / "project")
    before = sorted(path.name for path in project.iterdir())
    for out, says in [
        (project / "docs" / "pages", "inside"),
        (project, "holds the project itself"),
        (project / "experiments", "not empty and was not written by chigai render"),
    ]:
        done = _render(project, out, "warn")
        assert done.returncode == 2, done.stderr
        assert says in done.stderr and len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert not (project / "docs" / "pages").exists()
    assert sorted(path.name for path in project.iterdir()) == before


@pytest.mark.slow
def test_render_follows_the_stale_policy_of_a_build(tmp_path: Path):
    project = copy_article(tmp_path / "project")  # the stale article alone: half the render
    experiment = project / "experiments" / "rnn_vs_lstm" / "adding_problem.py"
    experiment.write_text(experiment.read_text().replace("AT_BASELINE = 0.5", "AT_BASELINE = 0.6"))
    pages = tmp_path / "pages"
    failed = _render(project, pages, "fail")
    assert failed.returncode == 1
    assert "chigai run adding_problem --preset full" in failed.stderr
    assert not pages.exists()  # nothing is written unless every page rendered
    warned = _render(project, pages, "warn")
    assert warned.returncode == 0, warned.stderr[-2000:]
    for lang in ARTICLE:
        assert STALE[lang] in (pages / "docs" / f"rnn-vs-lstm.{lang}.md").read_text()
