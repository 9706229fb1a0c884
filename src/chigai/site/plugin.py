"""The MkDocs plugin: thin handlers that hand each event to chigai functions.

Order matters with mkdocs-static-i18n, which builds once per language and rebuilds the
file list from disk in its own on_files (priority -100): figures are added after it, at
-200, as generated files, and article templates are rendered in on_page_markdown.
"""

import hashlib
import logging
import os
import sys
from pathlib import Path
from urllib.parse import urljoin

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from chigai.experiment import ExperimentError
from chigai.run.freshness import policy_from_env
from chigai.site.assemble import (
    Collected,
    StaleResults,
    collect,
    figure_files,
    missing_pages,
    page_notices,
    with_notice,
)
from chigai.site.parsed import keep_parsed
from chigai.site.render import page_article, page_language, render_page, share_uri, source_uri
from chigai.site.templating import keep_compiled
from chigai.site.webpage import finish_page, finish_site, svg_size

log = logging.getLogger("mkdocs.plugins.chigai")


class ChigaiPlugin(BasePlugin):
    """One instance per loaded config: `mkdocs serve` loads a new one for every rebuild."""

    def __init__(self) -> None:
        super().__init__()
        self.collected: Collected | None = None
        self.reported: set[str] = set()  # i18n builds once per language: warn once
        self.root: Path | None = None  # the project: where mkdocs.yml is (on_config)
        self.cache: Path | None = None  # drawn figures, outside docs/ (on_config)
        self.policy = policy_from_env(None)  # the default until on_config reads CHIGAI_ON_STALE
        self.figures: dict[str, Path] = {}  # site path -> drawn figure (on_files)
        self.notebook_cache: str | None = None  # mkdocs-jupyter's own cache_dir (on_files)

    def _warn(self, problem: str) -> None:
        if problem not in self.reported:
            self.reported.add(problem)
            log.warning(problem)

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        # Called again for each extra language (build() runs on_config), so no resets here.
        self.root = Path(config.config_file_path).parent
        kept = self.root / ".cache" / "chigai"  # what builds keep (ARCHITECTURE.md)
        self.cache = kept / "figures"
        keep_compiled(kept / "templates")
        keep_parsed(kept / "words")
        try:
            self.policy = policy_from_env(os.environ.get("CHIGAI_ON_STALE"))
        except ExperimentError as error:
            raise PluginError(str(error)) from error
        return config

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        # i18n builds once per language with this same plugin: collect (and rerun) once.
        if self.collected is not None:
            return
        try:
            self.collected = collect(self.root, self.policy)
        except (StaleResults, ExperimentError) as error:
            raise PluginError(str(error)) from error
        for problem in self.collected.problems:
            self._warn(problem)

    @event_priority(-200)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        for file in list(files):  # mkdocs-jupyter would stop on it with a traceback
            if file.abs_src_path and Path(file.abs_src_path) in self.collected.broken_notebooks:
                files.remove(file)  # in place: i18n's own Files object must survive
        files = notebook_pages(files, config)
        i18n = config.plugins.get("i18n")
        language = i18n.current_language if i18n is not None else None
        self._notebook_cache_of(language, config)
        for file in files.documentation_pages():  # a page standing in for a missing one,
            notice = page_notices(file.src_uri, language, self.collected)  # results not used
            if notice and file.src_uri.endswith(".md"):
                file.content_string = with_notice(file.content_string, notice)
        figures, problems = figure_files(self.collected.shown, self.cache, self.collected.articles)
        for problem in [*missing_pages(Path(config.docs_dir)), *problems]:
            self._warn(problem)
        self.figures = figures  # their sizes go on the pages' <img> tags (on_post_page)
        for uri, path in figures.items():
            files.append(File.generated(config, uri, abs_src_path=str(path)))
        for spec in self.collected.specs:
            files.append(File.generated(config, source_uri(spec), abs_src_path=str(spec.path)))
        return files

    def on_env(self, env: jinja2.Environment, *, config: MkDocsConfig, files: Files):
        """The theme's templates compiled once per project instead of once per build (a
        sixth of a build): Jinja's own bytecode cache, which checks each template's text;
        the folder is named by what else shapes the compiled code."""
        engine = type(config).__module__.split(".")[0]  # mkdocs or properdocs
        shape = [sorted(env.extensions), str(env.autoescape), jinja2.__version__, engine]
        shape.append(getattr(sys.modules.get(engine), "__version__", "?"))
        name = hashlib.sha256(repr(shape).encode()).hexdigest()[:16]
        folder = self.cache.parent / "theme" / name
        folder.mkdir(parents=True, exist_ok=True)
        env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(folder))
        return env

    def _notebook_cache_of(self, language: str | None, config: MkDocsConfig) -> None:
        """One mkdocs-jupyter cache folder per language. After each build it deletes the
        converted notebooks that build did not use, and i18n builds once per language, so
        in one shared folder each language deleted the other's: no notebook was ever
        reused, and every build converted all of them again (about 2 s)."""
        jupyter = config.plugins.get("mkdocs-jupyter")
        if jupyter is None or language is None or not jupyter.config["cache"]:
            return
        self.notebook_cache = self.notebook_cache or jupyter.config["cache_dir"]
        jupyter.config["cache_dir"] = str(Path(self.notebook_cache) / language)

    @event_priority(-300)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        i18n = config.plugins.get("i18n")
        languages = [language.locale for language in i18n.config.languages] if i18n else []
        finish_site(Path(config.site_dir), languages, i18n.default_language if i18n else None)

    def on_page_context(self, context: dict, *, page: Page, config: MkDocsConfig, nav) -> dict:
        """The link-preview image of an article page: a PNG of its own figure. Its alt text
        goes in as plain text; overrides/main.html escapes it into the meta tags."""
        lang = page_language(page.file.src_uri)
        article = self.collected.articles.get(page_article(page.file.src_uri))
        if lang is not None and article is not None and config.site_url:
            share = share_uri(article.share_figure, lang)
            page.meta["share_image"] = urljoin(config.site_url, share)
            page.meta["share_alt"] = article.share_alt[lang]
        return context

    @event_priority(-100)  # after glightbox (0), whose script tags it defers
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        i18n = config.plugins.get("i18n")
        default = i18n.default_language if i18n is not None else "ja"
        return finish_page(
            output,
            lang=page_language(page.file.src_uri) or default,
            default_lang=default,
            src_uri=page.file.src_uri,
            page_url=page.url,
            site_url=config.site_url,
            sizes=self._figure_size,
        )

    def _figure_size(self, uri: str) -> tuple[int, int] | None:
        path = self.figures.get(uri)
        return svg_size(path) if path is not None else None

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        lang = page_language(page.file.src_uri)
        if lang is None:
            return markdown
        problems: list[str] = []  # each becomes a warning; --strict fails on them
        rendered = render_page(
            markdown,
            src_uri=page.file.src_uri,
            lang=lang,
            shown=self.collected.shown,
            status=self.collected.status,
            unavailable=self.collected.missing,
            problems=problems,
            articles=self.collected.articles,
            reproductions=self.collected.reproductions,
        )
        for problem in problems:
            self._warn(f"{problem} (that section shows a placeholder)")
        return rendered


def notebook_pages(files: Files, config: MkDocsConfig) -> Files:
    """Mark notebooks as pages again after mkdocs-static-i18n rebuilt the file list.

    mkdocs-jupyter wraps each notebook in its NotebookFile (priority 0), but i18n then
    rebuilds every File from disk (priority -100) and the wrapper is lost: the notebook
    would be copied raw. Wrap them again, keeping the language-specific URL i18n chose.
    """
    jupyter = config.plugins.get("mkdocs-jupyter")
    if jupyter is None:
        return files
    from mkdocs_jupyter.plugin import NotebookFile

    for file in list(files):
        if jupyter.should_include(file) and not isinstance(file, NotebookFile):
            wrapped = NotebookFile(file, **config)
            wrapped.dest_path, wrapped.abs_dest_path = file.dest_path, file.abs_dest_path
            wrapped.url = file.url
            files.remove(file)  # in place: i18n's own Files object must survive
            files.append(wrapped)
    return files
