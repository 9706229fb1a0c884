"""Finishing touches on each built HTML page, and per-language search indexes.

What Material, mkdocs-static-i18n, mkdocs-jupyter and glightbox write is right for most
sites; these small rewrites fix what measured badly here (axe-core, Lighthouse) without
forking their templates: image sizes (no layout shift), a deferred lightbox script, a
named search dialog, absolute hreflang links, Japanese strings the theme leaves in
English, and notebook pages without ~600 KB of inlined JupyterLab CSS. Each rewrite is a
pure function of the HTML text, so it runs without MkDocs and is tested on strings.
"""

import json
import posixpath
import re
import shutil
from collections.abc import Callable
from functools import cache
from pathlib import Path
from urllib.parse import urljoin

# The theme's and plugins' English strings, as Japanese pages should say them.
JAPANESE = {
    'title="Permanent link"': 'title="この見出しへのリンク"',
    'aria-label="Copy to Clipboard"': 'aria-label="クリップボードにコピー"',
    ">Copied!<": ">コピーしました<",
}
SEARCH_NAME = {"ja": "サイト内検索", "en": "Search this site"}
CORNER = {"ja": "項目", "en": "Item"}  # what a table's empty top-left header cell holds
# nbconvert's alt text for an image output that has none, and what a reader hears instead.
NO_ALT = 'alt="No description has been provided for this image"'
CHART_ALT = {
    "ja": "このセルが描いたグラフ。記事の同じ図と同じ関数で描いている。",
    "en": "Chart drawn by this cell, with the same function as the article's figure.",
}
# An English-only index: English tokens, no Japanese segmentation. Stemming happens on the
# query side (STEMMING_WORKER), because Material's wildcard queries skip lunr's stemmer.
ENGLISH_SEARCH = {"lang": ["en"], "separator": r"[\s\-]+", "pipeline": ["trimmer"]}
# English queries go through a worker that adds each word's stem (see its comments).
STEMMING_WORKER = "assets/javascripts/workers/chigai-search.js"


def finish_page(
    html: str,
    *,
    lang: str,
    default_lang: str,
    src_uri: str,
    page_url: str,
    site_url: str | None,
    sizes: Callable[[str], tuple[int, int] | None],
) -> str:
    """Every rewrite a page gets; `sizes` gives the (w, h) of an image by its site path."""
    html = rebase_urls(html, src_uri, page_url)
    html = size_images(html, page_url, sizes)
    html = defer_lightbox(html)
    html = html.replace(
        'data-md-component="search" role="dialog"',
        f'data-md-component="search" role="dialog" aria-label="{SEARCH_NAME[lang]}"',
    )
    html = html.replace(  # a header cell must say what its column holds, if only to a reader
        "<th></th>", f'<th><span class="chigai-visually-hidden">{CORNER[lang]}</span></th>'
    )
    if site_url:
        html = absolute_alternates(html, page_url, site_url)
    if lang == "ja":
        for english, japanese in JAPANESE.items():
            html = html.replace(english, japanese)
    if lang != default_lang:
        html = language_search_base(html, page_url, lang)
    if 'class="jupyter-wrapper"' in html:
        html = slim_notebook(html, page_url).replace(NO_ALT, f'alt="{CHART_ALT[lang]}"')
    return html


_REBASE = re.compile(r"<(?:a|img|source)\b[^>]*\sdata-rebase\b[^>]*>")
_URL = re.compile(r'\b(href|src|srcset|data-phone)="([^"]+)"')


def rebase_urls(html: str, src_uri: str, page_url: str) -> str:
    """URLs in the raw HTML of figures (<picture> has no Markdown syntax, so MkDocs does
    not rewrite them) are written like Markdown links, relative to the page's source
    file, on tags marked `data-rebase`; make them relative to the built page."""
    source_dir, page_dir = posixpath.dirname(src_uri), page_url.rstrip("/") or "."

    def rebase(url: str) -> str:
        return posixpath.relpath(posixpath.normpath(posixpath.join(source_dir, url)), page_dir)

    def fix(tag: re.Match) -> str:
        unmarked = re.sub(r'\sdata-rebase(="")?', "", tag[0])  # glightbox writes ="" back
        return _URL.sub(lambda attr: f'{attr[1]}="{rebase(attr[2])}"', unmarked)

    return _REBASE.sub(fix, html)


_IMAGE = re.compile(r'<(img|source)\b([^>]*?)(src|srcset)="([^"]+\.svg)"([^>]*)>')


def size_images(html: str, page_url: str, sizes: Callable[[str], tuple[int, int] | None]) -> str:
    """width/height on every figure <img> and <source>, so nothing jumps as they load."""

    def add(match: re.Match) -> str:
        tag, before, attr, url, after = match.groups()
        if "width=" in before + after:
            return match.group(0)
        size = sizes(posixpath.normpath(posixpath.join(page_url, url)))
        if size is None:
            return match.group(0)
        return f'<{tag}{before}{attr}="{url}" width="{size[0]}" height="{size[1]}"{after}>'

    return _IMAGE.sub(add, html)


@cache
def svg_size(path: Path) -> tuple[int, int] | None:
    """CSS pixel size of a matplotlib SVG, from its width/height in points."""
    head = path.read_text(encoding="utf-8", errors="replace")[:2000]
    found = re.search(r'<svg[^>]*\swidth="([\d.]+)pt"\s+height="([\d.]+)pt"', head)
    if found is None:
        return None
    return round(float(found[1]) * 4 / 3), round(float(found[2]) * 4 / 3)


def defer_lightbox(html: str) -> str:
    """glightbox's script and stylesheet block rendering from <head>, though nothing needs
    them before a figure is clicked: defer the script (and start it after), and load the
    stylesheet without blocking (media="print" until it has loaded)."""
    html = re.sub(
        r'<link href="([^"]*glightbox\.min\.css)" rel="stylesheet">',
        lambda m: (
            f'<link href="{m[1]}" rel="stylesheet" media="print" onload="this.media=\'all\'">'
        ),
        html,
    )
    html = re.sub(
        r'<script src="([^"]*glightbox\.min\.js)"></script>',
        r'<script src="\1" defer></script>',
        html,
    )
    return re.sub(
        r'<script id="init-glightbox">(.*?)</script>',
        lambda m: (
            '<script id="init-glightbox">document.addEventListener("DOMContentLoaded",'
            f" function () {{ {m[1]} }});</script>"
        ),
        html,
        flags=re.S,
    )


def absolute_alternates(html: str, page_url: str, site_url: str) -> str:
    """hreflang links must be absolute URLs (Google, Lighthouse); the theme writes them
    relative to the page."""
    base = urljoin(site_url, page_url)
    return re.sub(
        r'<link rel="alternate" href="([^"]+)" hreflang="',
        lambda m: f'<link rel="alternate" href="{urljoin(base, m[1])}" hreflang="',
        html,
    )


def language_search_base(html: str, page_url: str, lang: str) -> str:
    """Point a non-default language's search at its own index (written by
    split_search_index): Material looks for search/search_index.json under config.base."""
    found = re.search(
        r'(<script id="__config" type="application/json">)(.*?)(</script>)', html, re.S
    )
    if found is None:
        return html
    config = json.loads(found[2])
    here = page_url.rstrip("/") or "."
    config["base"] = posixpath.relpath(lang, here)
    if lang == "en" and config.get("search"):
        material = posixpath.basename(config["search"])
        worker = posixpath.relpath(STEMMING_WORKER, here)
        config["search"] = f"{worker}?material={material}"
    return html[: found.start(2)] + json.dumps(config) + html[found.end(2) :]


_NOTEBOOK_WEIGHT = [
    re.compile(
        r'<style type="text/css">\s*(@charset "UTF-8";)?\s*\.jupyter-wrapper.*?</style>', re.S
    ),
    re.compile(r'<style type="text/css">\s*pre \{ line-height: 125%; \}.*?</style>', re.S),
    re.compile(r"<style>\s*\.jp-Mermaid.*?</style>", re.S),
    re.compile(r"<style>\s*\['pre \{ line-height.*?</style>", re.S),
    re.compile(
        r'<script type="module">\s*document\.addEventListener\("DOMContentLoaded", '
        r"async.*?</script>",
        re.S,
    ),
    re.compile(r'<script type="text/x-mathjax-config">.*?</script>', re.S),
    re.compile(r'<script src="">\s*</script>'),
]


def slim_notebook(html: str, page_url: str) -> str:
    """A notebook page without JupyterLab's whole stylesheet (inlined, ~600 KB, nearly all
    unused), the mermaid and MathJax loaders it never needs, an empty <script src>, and
    the lightbox link that repeated each inline chart;
    docs/assets/stylesheets/notebook.css styles what the page does use. Code cells that
    scroll sideways become keyboard-reachable (tabindex), as axe asks."""
    for pattern in _NOTEBOOK_WEIGHT:
        html = pattern.sub("", html)
    # glightbox links each inline chart to itself: the same base64 SVG twice in the page
    inline = r'<a class="glightbox"[^>]*?href="data:[^"]*"[^>]*>\s*(<img[^>]*>)\s*</a>'
    html = re.sub(inline, r"\1", html)
    sheet = posixpath.relpath("assets/stylesheets/notebook.css", page_url.rstrip("/") or ".")
    html = html.replace("</head>", f'<link rel="stylesheet" href="{sheet}">\n</head>', 1)
    return html.replace(
        '<div class="highlight-ipynb hl-python"><pre>',
        '<div class="highlight-ipynb hl-python"><pre tabindex="0">',
    )


def split_search_index(site: Path, languages: list[str], default: str) -> None:
    """One search index per language: the default's at search/, the others' at
    <lang>/search/, so a search from an English page finds English pages (first, and
    only), and each index can use its language's pipeline."""
    path = site / "search" / "search_index.json"
    if not path.exists():
        return
    index = json.loads(path.read_text(encoding="utf-8"))
    others = [lang for lang in languages if lang != default]

    def language(location: str) -> str:
        return next((lang for lang in others if location.startswith(f"{lang}/")), default)

    for lang in languages:
        docs = [doc for doc in index["docs"] if language(doc["location"]) == lang]
        if lang == default:
            target, config = path, index["config"]
        else:
            target = site / lang / "search" / "search_index.json"
            config = index["config"] | ENGLISH_SEARCH if lang == "en" else index["config"]
            docs = [doc | {"location": doc["location"][len(lang) + 1 :]} for doc in docs]
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(
            json.dumps({"config": config, "docs": docs}, ensure_ascii=False), encoding="utf-8"
        )


def finish_site(site: Path, languages: list[str], default: str | None) -> None:
    """After a build: one search index per language, and sitemap copies where Material
    asks for them. Material fetches sitemap.xml next to every <link rel=alternate> of a
    page, i.e. in each page's folder in each language (squidfunk/mkdocs-material#8576);
    only the root one exists, so every page logged 404s."""
    if default is not None:
        split_search_index(site, languages, default)
    sitemap = site / "sitemap.xml"
    for page in site.rglob("index.html") if sitemap.exists() else ():
        if page.parent != site and "assets" not in page.parts:
            shutil.copyfile(sitemap, page.parent / "sitemap.xml")
