"""`chigai render --out DIR`: the site as plain Markdown that builds without chigai.

Material for MkDocs ends in 2027 and MkDocs 2.0 drops plugins, yet our pages existed only
through the chigai plugin. This writes what the plugin shows, once, into DIR: every page
of docs/ rendered through chigai's templates from the collected results (the same stale
policy as a build, CHIGAI_ON_STALE), the figures, the experiment sources the pages link
to, the notebooks as they are, docs/ assets and the theme overrides, and an mkdocs.yml
that loads no chigai plugin. Nothing is written unless every page rendered; then each
changed file is replaced whole (chigai.run.atomic), so a `mkdocs serve` in DIR never reads
half a page, and files an earlier render wrote that are gone now are removed.

Figures go to DIR/docs/figures/<lang>/<article>/<name>[.phone].svg (and .png): the
plugin's names end in `.ja.svg` / `.en.svg`, which mkdocs-static-i18n would take for
translations and move; a language folder keeps every figure where its page points.

The plugin's finishing touches on built HTML (chigai.site.webpage.finish_page), and where the
export keeps them:
- in the Markdown itself, for any engine: figure URLs relative to the built page
  (rebase_urls; directory URLs, other languages under `<lang>/`, as mkdocs-static-i18n
  makes them), width and height on every figure (size_images: no layout shift), and each
  article's link-preview image in its front matter (`share_image`: an absolute URL at
  site_url as mkdocs.yml reads when rendering, so set CHIGAI_SITE_URL for `chigai render`);
- in DIR/hooks/finish_pages.py, a MkDocs / ProperDocs hook that imports no chigai (its
  webpage.py is a copy of chigai/site/webpage.py): the lightbox script deferred, the search
  dialog named, empty table corners labelled, absolute hreflang links, the theme's
  Japanese strings, a search index per language with the English stemming worker,
  notebook pages without JupyterLab's 600 KB stylesheet and with chart alt text,
  sitemap.xml copies where Material asks for them, and notebooks kept as pages after
  mkdocs-static-i18n rebuilds the file list (chigai.site.plugin.notebook_pages).
An engine that runs no hooks loses that second list (mkdocs-jupyter then serves each
notebook's raw JSON). Lost in every case: the figures' URLs of the plugin's site (links
to a figure file from elsewhere), and liveness: the export is a snapshot, so serving it
never reruns a stale experiment, executes a notebook or redraws a figure; render again.
"""

import ast
import inspect
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin

import yaml
from mkdocs.utils.meta import get_data
from mkdocs.utils.yaml import yaml_load

from chigai.run.atomic import write_atomically
from chigai.site import plugin as chigai_plugin
from chigai.site import render, webpage
from chigai.site.assemble import Collected, collect, figure_files
from chigai.site.render import page_article, page_language, render_page, share_uri, source_uri
from chigai.site.strings import LANGUAGES
from chigai.site.webpage import rebase_urls, size_images, svg_size

MARKER = "# Written by `chigai render`"  # the first line of DIR/mkdocs.yml
OWNED = ("docs", "overrides", "hooks")  # the folders of DIR that each render rewrites whole
HOOK = "hooks/finish_pages.py"
_FIGURE = re.compile(rf"figures/([\w/-]+)\.({'|'.join(LANGUAGES)})((?:\.phone)?\.(?:svg|png))")


class ExportError(ValueError):
    """A --out folder or a project file the export cannot use; the message says which."""


@dataclass
class Rendered:
    pages: int
    figures: int
    problems: list[str]  # each shown on a page as a placeholder or notice, as in a build


def render_site(root: Path, out: Path, policy: str) -> Rendered:
    """Write the site under `out` as Markdown and files that MkDocs-like engines publish."""
    config = yaml_load((root / "mkdocs.yml").read_text(encoding="utf-8")) or {}
    docs = root / "docs"
    out = _checked_out(root.resolve(), out.resolve(), docs.resolve())
    collected = collect(root, policy)  # reruns, warns or fails like a build (StaleResults)
    cached, problems = figure_files(
        collected.shown, root / ".cache" / "chigai" / "figures", collected.articles
    )
    figures = {_exported(uri): path for uri, path in cached.items()}
    pages = _Pages(collected, figures, _default_language(config), config.get("site_url"))
    files = {"mkdocs.yml": _config(root / "mkdocs.yml").encode()}
    files |= {f"docs/{uri}": path.read_bytes() for uri, path in figures.items()}
    files |= {f"docs/{source_uri(spec)}": spec.path.read_bytes() for spec in collected.specs}
    for path in sorted(path for path in docs.rglob("*") if path.is_file()):
        src_uri = path.relative_to(docs).as_posix()
        lang = page_language(src_uri) if path.suffix == ".md" else None
        if lang is None:  # assets, notebooks, a page without a language: as they are
            files[f"docs/{src_uri}"] = path.read_bytes()
        else:
            text = pages.render(path.read_text(encoding="utf-8"), src_uri, lang)
            files[f"docs/{src_uri}"] = text.encode()
    custom = (config.get("theme") or {}).get("custom_dir")  # link previews
    if custom:
        overrides = root / custom
        for path in sorted(path for path in overrides.rglob("*") if path.is_file()):
            files[f"overrides/{path.relative_to(overrides).as_posix()}"] = path.read_bytes()
    files |= _hooks()
    _write(out, files)
    return Rendered(pages.count, len(figures), collected.problems + problems + pages.problems)


def _checked_out(root: Path, out: Path, docs: Path) -> Path:
    if out == root or out in root.parents:
        raise ExportError(f"--out {out} holds the project itself: choose a folder outside {root}")
    if out.is_relative_to(docs):
        raise ExportError(f"--out {out} is inside {docs}: choose a folder outside docs/")
    if out.exists() and not out.is_dir():
        raise ExportError(f"--out {out} is a file: choose a folder")
    config = out / "mkdocs.yml"
    ours = config.is_file() and config.read_text(encoding="utf-8").startswith(MARKER)
    if out.is_dir() and any(out.iterdir()) and not ours:
        raise ExportError(
            f"--out {out} is not empty and was not written by chigai render: choose a new folder"
        )
    return out


def _default_language(config: dict) -> str:
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and "i18n" in plugin:
            languages = (plugin["i18n"] or {}).get("languages", [])
            return next((lang["locale"] for lang in languages if lang.get("default")), "ja")
    return LANGUAGES[0]


def _exported(uri: str) -> str:
    """figures/a/x.en.phone.svg -> figures/en/a/x.phone.svg (see the module docstring)."""
    found = _FIGURE.fullmatch(uri)
    return f"figures/{found[2]}/{found[1]}{found[3]}" if found else uri


class _Pages:
    """Pages as the plugin renders them, then as its on_post_page finishes their figures."""

    def __init__(
        self, collected: Collected, figures: dict[str, Path], default: str, site_url: str | None
    ):
        self.collected, self.figures, self.default = collected, figures, default
        self.site_url = site_url
        self.count, self.problems = 0, []

    def render(self, text: str, src_uri: str, lang: str) -> str:
        body, meta = get_data(text)  # MkDocs strips front matter before on_page_markdown
        problems: list[str] = []
        body = render_page(
            body,
            src_uri=src_uri,
            lang=lang,
            shown=self.collected.shown,
            status=self.collected.status,
            unavailable=self.collected.missing,
            problems=problems,
            articles=self.collected.articles,
            reproductions=self.collected.reproductions,
        )
        self.problems += [f"{problem} (that section shows a placeholder)" for problem in problems]
        self.count += 1
        url = self._url(src_uri, lang)
        body = _FIGURE.sub(self._moved, rebase_urls(body, src_uri, url))
        body = size_images(body, url, self._size)
        article = self.collected.articles.get(page_article(src_uri))
        if article is not None and self.site_url:  # what the plugin's on_page_context sets
            share = _exported(share_uri(article.share_figure, lang))
            meta |= {"share_image": urljoin(self.site_url, share)}
            meta |= {"share_alt": article.share_alt[lang]}
        if not meta:
            return body
        return f"---\n{yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)}---\n\n{body}"

    def _url(self, src_uri: str, lang: str) -> str:
        """The built page's URL: directory URLs, other languages under `<lang>/`."""
        stem = src_uri.removesuffix(f".{lang}.md")
        folder = stem.removesuffix("index") if stem.split("/")[-1] == "index" else f"{stem}/"
        return ("" if lang == self.default else f"{lang}/") + folder

    def _moved(self, url: re.Match) -> str:
        moved = f"figures/{url[2]}/{url[1]}{url[3]}"
        return moved if moved in self.figures else url[0]

    def _size(self, uri: str) -> tuple[int, int] | None:
        path = self.figures.get(uri)
        return svg_size(path) if path is not None and path.suffix == ".svg" else None


def _config(path: Path) -> str:
    """The project's mkdocs.yml, comments kept, without the chigai plugin and its paths."""
    text = re.sub(r"(?m)^\s*-\s*chigai\s*(#.*)?\n", "", path.read_text(encoding="utf-8"))
    text = re.sub(r"(?m)^(\s*custom_dir:\s*)\S+.*$", r"\1overrides", text)
    # watch: names src/ and experiments/, which the export does not have (and never reruns)
    text = re.sub(r"(?m)^(#.*\n)*watch:.*\n(([ \t].*)?\n)*", "", text)
    # The plugin adds the experiment sources after mkdocs-jupyter has picked its pages;
    # here they are docs/ files, which it would turn into notebook pages (*.py).
    text = re.sub(
        r"(?m)^(\s*- mkdocs-jupyter:.*\n)([ \t]+)",
        r"\1\2include: ['*.ipynb']  # not the experiment sources (*.py): they are downloads\n\2",
        text,
    )
    text = f"{MARKER} from {path.name}: no chigai plugin needed.\n{text.rstrip()}\n"
    text += f"\nhooks:  # optional finishing touches, with no chigai import\n  - {HOOK}\n"
    plugins = {
        name: options
        for entry in yaml_load(text).get("plugins") or []
        for name, options in (entry.items() if isinstance(entry, dict) else [(entry, {})])
    }
    if "chigai" in plugins or (plugins.get("mkdocs-jupyter") or {}).get("include") != ["*.ipynb"]:
        raise ExportError(
            f"{path}: could not rewrite `plugins:` for the export; list chigai as `- chigai` "
            "and mkdocs-jupyter with its options on the lines below it"
        )
    return text


def _hooks() -> dict[str, bytes]:
    """The hook file and its copy of chigai/site/webpage.py, which must need nothing but Python."""
    source = inspect.getsource(webpage)
    for node in ast.walk(ast.parse(source)):
        names = [alias.name for alias in node.names] if isinstance(node, ast.Import) else []
        names += [node.module] if isinstance(node, ast.ImportFrom) and node.module else []
        outside = [name for name in names if name.split(".")[0] not in sys.stdlib_module_names]
        if outside:
            raise ExportError(
                f"{webpage.__file__} imports {outside[0]}: the export's hook copies that module "
                "and may import nothing but Python's standard library"
            )
    functions = "\n\n".join(
        inspect.getsource(f) for f in (render.page_language, chigai_plugin.notebook_pages)
    )
    hook = HOOK_SOURCE.replace("# FUNCTIONS\n", functions)
    return {"hooks/webpage.py": source.encode(), HOOK: hook.encode()}


def _write(out: Path, files: dict[str, bytes]) -> None:
    """mkdocs.yml (the mark of a render) first, changed files only, then the leftovers of
    an earlier render removed from the folders each render owns."""
    for relative, content in sorted(files.items(), key=lambda item: item[0] != "mkdocs.yml"):
        path = out / relative
        if not (path.is_file() and path.read_bytes() == content):
            write_atomically(path, content)
    for folder in OWNED:
        for path in sorted((out / folder).rglob("*"), reverse=True):
            if path.is_file() and path.relative_to(out).as_posix() not in files:
                path.unlink()
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()


HOOK_SOURCE = '''\
"""Finishing touches on the pages that `chigai render` wrote: a MkDocs / ProperDocs hook.

Written by `chigai render`. Nothing here imports chigai: webpage.py is a copy of
chigai/webpage.py, and page_language and notebook_pages are chigai's own functions. The
pages build without this hook; it adds what chigai's plugin adds to the built HTML.
"""

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from webpage import finish_page, finish_site


# FUNCTIONS


@event_priority(-200)  # after mkdocs-static-i18n rebuilt the file list (-100)
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    return notebook_pages(files, config)


@event_priority(-100)  # after glightbox (0), whose script tags it defers
def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    i18n = config.plugins.get("i18n")
    default = i18n.default_language if i18n is not None else "ja"
    return finish_page(
        output,
        lang=page_language(page.file.src_uri) or default,
        default_lang=default,
        src_uri=page.file.src_uri,
        page_url=page.url,
        site_url=config.site_url,
        sizes=lambda uri: None,  # the figures carry their sizes in the Markdown already
    )


@event_priority(-300)
def on_post_build(*, config: MkDocsConfig) -> None:
    i18n = config.plugins.get("i18n")
    languages = [language.locale for language in i18n.config.languages] if i18n else []
    finish_site(Path(config.site_dir), languages, i18n.default_language if i18n else None)
'''
