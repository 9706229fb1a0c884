"""Every page in both languages, as a reader's browser sees it."""

import re
from urllib.parse import urlparse

import pytest
from browser.reading import SLUGS, article, pages, search, visit
from helpers import ROOT

REPORT = ROOT / "test-report" / "screenshots"


def test_every_page_loads_cleanly_with_every_image(browser, site_url, built_site):
    # every page starts at once, so each one's wait for a quiet network overlaps the others'
    opened = {
        path: visit(browser, f"{site_url}/{path.lstrip('/')}", wait_until="commit")
        for path in pages(built_site)
    }
    for path, (page, problems) in opened.items():
        page.wait_for_load_state("load")
        widths = page.evaluate(
            "() => Promise.all([...document.images].map(img => {"
            " img.loading = 'eager'; return img.decode().then(() => img.naturalWidth, () => 0); }))"
        )
        page.wait_for_load_state("networkidle")
        assert not problems, f"{path}: {problems}"
        assert all(width > 0 for width in widths), f"{path}: an image did not load ({widths})"
        page.close()


@pytest.mark.parametrize("slug", SLUGS)
@pytest.mark.parametrize(("lang", "other"), [("ja", "en"), ("en", "ja")])
def test_language_switcher_leads_to_the_same_article(browser, site_url, slug, lang, other):
    page, problems = visit(browser, f"{site_url}/{article(slug, lang)}")
    href = page.locator(f"a.md-select__link[hreflang='{other}']").first.get_attribute("href")
    page.goto(f"{site_url}/{article(slug, lang)}{href}", wait_until="load")
    assert urlparse(page.url).path == f"/{article(slug, other)}"
    assert page.locator("h1").first.inner_text()  # a real article, not a 404
    assert not problems
    page.close()


JA_TERMS = {
    "rnn-vs-lstm": ["忘却ゲート", "勾配消失", "入力ゲート", "長期依存問題", "記憶"],
    "attention-vs-lstm": ["並列", "ヘッド", "翻訳", "パリティ"],
    "gru-vs-lstm": ["更新ゲート", "リセットゲート"],
}
EN_TERMS = {
    "rnn-vs-lstm": ["gradients", "vanishing", "remembered", "conveyor", "switches"],
    "attention-vs-lstm": ["parallel", "heads", "translation", "parity"],
    "gru-vs-lstm": ["reset", "coupled"],
}


@pytest.mark.parametrize(("lang", "terms"), [("ja", JA_TERMS), ("en", EN_TERMS)])
def test_search_finds_each_article_by_its_words(reader, lang, terms):
    # one page per language, one search after another, as a reader would
    page = reader("" if lang == "ja" else f"{lang}/")
    for slug, words in terms.items():
        for word in words:
            assert f"/{article(slug, lang)}" in search(page, word), word
    page.keyboard.press("Escape")


@pytest.mark.parametrize("slug", SLUGS)
@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize(("device", "width"), [("desktop", 1280), ("phone", 375)])
def test_article_fits_the_screen_and_a_screenshot_is_saved(
    browser, site_url, slug, lang, device, width
):
    page, problems = visit(browser, f"{site_url}/{article(slug, lang)}", width=width)
    overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
    REPORT.mkdir(parents=True, exist_ok=True)
    # a full-page shot never scrolls, so lazy figures below the fold would stay blank
    page.evaluate("() => document.querySelectorAll('img').forEach(i => i.loading = 'eager')")
    page.wait_for_load_state("networkidle")
    page.screenshot(path=str(REPORT / f"{slug}.{lang}.{device}.png"), full_page=True)
    page.close()
    assert overflow <= 1, f"the page is {overflow}px wider than a {width}px screen"
    assert not problems


def test_glossary_terms_show_a_tooltip(browser, site_url):
    page, _ = visit(browser, f"{site_url}/{article('rnn-vs-lstm', 'ja')}")
    titles = page.locator("article abbr[title]").evaluate_all("els => els.map(e => e.textContent)")
    page.close()
    assert {"忘却ゲート", "勾配"} <= set(titles)
    assert all(re.fullmatch(r"\S+", t) for t in titles)
