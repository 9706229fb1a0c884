"""Every page in both languages, as a reader's browser sees it."""

import re
from pathlib import Path
from urllib.parse import urlparse

import pytest
from helpers import ROOT

REPORT = ROOT / "test-report" / "screenshots"

SLUGS = ["rnn-vs-lstm", "attention-vs-lstm"]


def article(slug: str, lang: str) -> str:
    return f"{slug}/" if lang == "ja" else f"{lang}/{slug}/"


def pages(site: Path) -> list[str]:
    """URL paths of every page of the built site, both languages."""
    folders = (page.parent.relative_to(site).as_posix() for page in site.rglob("index.html"))
    return sorted(
        "" if folder == "." else f"{folder}/" for folder in folders if "assets" not in folder
    )


def visit(browser, url: str, width: int = 1280):
    """Open url; return (page, problems) where problems lists errors, failures, foreign hosts."""
    page = browser.new_page(viewport={"width": width, "height": 900})
    problems: list[str] = []
    page.on(
        "console",
        lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None,
    )
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.on("requestfailed", lambda r: problems.append(f"failed: {r.url} {r.failure}"))
    page.on(
        "response",
        lambda r: problems.append(f"HTTP {r.status}: {r.url}") if r.status >= 400 else None,
    )

    def only_local(route):
        host = urlparse(route.request.url).hostname
        if host not in ("127.0.0.1", None) and not route.request.url.startswith("data:"):
            problems.append(f"left 127.0.0.1: {route.request.url}")
            return route.abort()
        return route.continue_()

    page.route("**/*", only_local)
    page.goto(url, wait_until="networkidle")
    return page, problems


def test_every_page_loads_cleanly_with_every_image(browser, site_url, built_site):
    for path in pages(built_site):
        page, problems = visit(browser, f"{site_url}/{path.lstrip('/')}")
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
    page.goto(f"{site_url}/{article(slug, lang)}{href}", wait_until="networkidle")
    assert urlparse(page.url).path == f"/{article(slug, other)}"
    assert page.locator("h1").first.inner_text()  # a real article, not a 404
    assert not problems
    page.close()


def search(browser, site_url: str, start: str, term: str) -> list[str]:
    page, _ = visit(browser, f"{site_url}/{start}")
    page.locator("label.md-search__icon, .md-search__input").first.click()
    field = page.locator("input.md-search__input")
    field.type(term, delay=60)  # fill() does not trigger Material's search
    # Japanese characters arrive as text input without key-up events, which is what
    # Material listens to; a key that moves the caret sends one, as a real keyboard does.
    page.keyboard.press("End")
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    links = page.locator(".md-search-result__item > a").evaluate_all("els => els.map(e => e.href)")
    page.close()
    return [urlparse(link).path for link in links]


JA_TERMS = {
    "rnn-vs-lstm": ["忘却ゲート", "勾配消失", "入力ゲート", "長期依存問題", "記憶"],
    "attention-vs-lstm": ["並列", "ヘッド", "翻訳", "パリティ"],
}
EN_TERMS = {
    "rnn-vs-lstm": ["gradients", "vanishing", "remembered", "conveyor", "switches"],
    "attention-vs-lstm": ["parallel", "heads", "translation", "parity"],
}


@pytest.mark.parametrize(
    ("slug", "term"), [(slug, term) for slug, terms in JA_TERMS.items() for term in terms]
)
def test_japanese_search_finds_the_article(browser, site_url, slug, term):
    assert f"/{slug}/" in search(browser, site_url, "", term)


@pytest.mark.parametrize(
    ("slug", "term"), [(slug, term) for slug, terms in EN_TERMS.items() for term in terms]
)
def test_english_search_finds_the_article_with_words_as_written(browser, site_url, slug, term):
    assert f"/en/{slug}/" in search(browser, site_url, "en/", term)


@pytest.mark.parametrize("slug", SLUGS)
@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize(("device", "width"), [("desktop", 1280), ("phone", 375)])
def test_article_fits_the_screen_and_a_screenshot_is_saved(
    browser, site_url, slug, lang, device, width
):
    page, problems = visit(browser, f"{site_url}/{article(slug, lang)}", width=width)
    overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
    REPORT.mkdir(parents=True, exist_ok=True)
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
