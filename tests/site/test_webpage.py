"""The finishing rewrites of built pages, on small pieces of HTML like the real ones."""

import json

from chigai.site.webpage import (
    absolute_alternates,
    defer_lightbox,
    finish_page,
    language_search_base,
    rebase_urls,
    size_images,
    slim_notebook,
    split_search_index,
)

FIGURE = (
    '<a class="glightbox" data-rebase="" href="figures/a/b.en.svg" '
    'data-phone="figures/a/b.en.phone.svg">'
    '<picture><source data-rebase media="(max-width: 40em)" srcset="figures/a/b.en.phone.svg">'
    '<img data-rebase class="no-lightbox" alt="x" src="figures/a/b.en.svg"></picture></a>'
)


def test_figure_urls_written_like_markdown_links_become_relative_to_the_built_page():
    html = rebase_urls(FIGURE, "rnn-vs-lstm.en.md", "en/rnn-vs-lstm/")
    assert 'href="../../figures/a/b.en.svg"' in html
    assert 'data-phone="../../figures/a/b.en.phone.svg"' in html
    assert 'srcset="../../figures/a/b.en.phone.svg"' in html
    assert 'src="../../figures/a/b.en.svg"' in html
    assert "data-rebase" not in html and '=""' not in html
    home = rebase_urls(FIGURE, "index.md", "")
    assert 'src="figures/a/b.en.svg"' in home
    untouched = '<img src="figures/a/b.en.svg">'  # not marked: MkDocs already rewrote it
    assert rebase_urls(untouched, "x.en.md", "en/x/") == untouched


def test_images_get_the_size_of_their_svg():
    sizes = {"figures/a/b.en.svg": (614, 384), "figures/a/b.en.phone.svg": (346, 302)}.get
    html = size_images(rebase_urls(FIGURE, "x.en.md", "en/x/"), "en/x/", sizes)
    assert 'srcset="../../figures/a/b.en.phone.svg" width="346" height="302"' in html
    assert 'src="../../figures/a/b.en.svg" width="614" height="384"' in html
    sized = '<img src="figures/a/b.en.svg" width="10">'
    assert size_images(sized, "", sizes) == sized
    assert size_images('<img src="other.svg">', "", sizes) == '<img src="other.svg">'


def test_the_lightbox_neither_blocks_rendering_nor_starts_before_its_script():
    head = (
        '<link href="assets/stylesheets/glightbox.min.css" rel="stylesheet">'
        '<script src="assets/javascripts/glightbox.min.js"></script>'
        '<script id="init-glightbox">const lightbox = GLightbox({});</script>'
    )
    html = defer_lightbox(head)
    assert '<script src="assets/javascripts/glightbox.min.js" defer></script>' in html
    assert 'media="print" onload="this.media=\'all\'"' in html
    assert 'addEventListener("DOMContentLoaded", function () { const lightbox' in html


def test_hreflang_links_become_absolute():
    html = '<link rel="alternate" href="../../rnn-vs-lstm/" hreflang="ja">'
    assert absolute_alternates(html, "en/rnn-vs-lstm/", "https://x.example/chigai/") == (
        '<link rel="alternate" href="https://x.example/chigai/rnn-vs-lstm/" hreflang="ja">'
    )


def test_an_english_page_searches_the_english_index_with_the_stemming_worker():
    config = {"base": "../..", "search": "../../assets/javascripts/workers/search.1234.min.js"}
    html = f'<script id="__config" type="application/json">{json.dumps(config)}</script>'
    found = json.loads(language_search_base(html, "en/rnn-vs-lstm/", "en").split(">", 1)[1][:-9])
    assert found["base"] == ".."
    assert (
        found["search"]
        == "../../assets/javascripts/workers/chigai-search.js?material=search.1234.min.js"
    )


def test_a_notebook_page_drops_jupyterlab_css_and_its_doubled_charts():
    page = (
        '<head></head><style type="text/css">\n  .jupyter-wrapper{--md-red-50: #ffebee;}</style>'
        '<div class="jupyter-wrapper"><div class="highlight-ipynb hl-python"><pre>x = 1</pre></div>'
        '<a class="glightbox" data-type="image" href="data:image/svg+xml;base64,AAAA" data-x="y">'
        '<img alt="c" src="data:image/svg+xml;base64,AAAA"></a><script src=""> </script></div>'
    )
    html = slim_notebook(page, "en/notebooks/x/")
    assert ".jupyter-wrapper{" not in html and '<script src="">' not in html
    assert '<link rel="stylesheet" href="../../../assets/stylesheets/notebook.css">' in html
    assert '<pre tabindex="0">x = 1</pre>' in html
    assert html.count("base64,AAAA") == 1 and "glightbox" not in html


def finished(page: str, lang: str) -> str:
    prefix = "" if lang == "ja" else f"{lang}/"
    return finish_page(
        page,
        lang=lang,
        default_lang="ja",
        src_uri=f"a.{lang}.md",
        page_url=f"{prefix}a/",
        site_url=None,
        sizes=lambda uri: None,
    )


def test_japanese_pages_get_japanese_theme_strings_and_named_corner_cells():
    page = '<a class="headerlink" title="Permanent link">¶</a><table><tr><th></th></tr></table>'
    ja = finished(page, "ja")
    assert 'title="この見出しへのリンク"' in ja and "項目" in ja
    en = finished(page, "en")
    assert 'title="Permanent link"' in en and "Item" in en


def test_each_language_gets_its_own_search_index(tmp_path):
    (tmp_path / "search").mkdir()
    docs = [
        {"location": "a/", "title": "あ", "text": ""},
        {"location": "en/a/", "title": "A", "text": ""},
    ]
    config = {"lang": ["ja", "en"], "separator": "x", "pipeline": ["trimmer"]}
    (tmp_path / "search" / "search_index.json").write_text(
        json.dumps({"config": config, "docs": docs})
    )
    split_search_index(tmp_path, ["ja", "en"], "ja")
    ja = json.loads((tmp_path / "search" / "search_index.json").read_text())
    en = json.loads((tmp_path / "en" / "search" / "search_index.json").read_text())
    assert [d["location"] for d in ja["docs"]] == ["a/"] and ja["config"] == config
    assert [d["location"] for d in en["docs"]] == ["a/"] and en["config"]["lang"] == ["en"]
