"""Helpers the browser tests share: the pages of the built site, and a reader's actions."""

import re
from pathlib import Path
from urllib.parse import urlparse

# The site as built says where it will be published (site_url: canonical, hreflang and
# sitemap links are absolute), and Material fetches sitemaps from there. The browser opens
# the site at that address and the test server answers for it (no cross-origin requests):
# {published origin: served origin}, set by conftest.site_url.
ALIASES: dict[str, str] = {}


def published_origin(site: Path) -> str:
    """scheme://host:port the built site will be published at, from its sitemap."""
    loc = re.search(r"<loc>([^<]+)</loc>", (site / "sitemap.xml").read_text())[1]
    parsed = urlparse(loc)
    return f"{parsed.scheme}://{parsed.netloc}"


def serve_published_from_here(page) -> None:
    """Requests to the published address go to the test server instead."""

    def redirect(published: str, served: str):
        return lambda route: route.continue_(url=route.request.url.replace(published, served, 1))

    for published, served in ALIASES.items():
        page.route(f"{published}/**", redirect(published, served))


SLUGS = ["rnn-vs-lstm", "attention-vs-lstm", "gru-vs-lstm"]


def article(slug: str, lang: str) -> str:
    return f"{slug}/" if lang == "ja" else f"{lang}/{slug}/"


def pages(site: Path) -> list[str]:
    """URL paths of every page of the built site, both languages."""
    folders = (page.parent.relative_to(site).as_posix() for page in site.rglob("index.html"))
    return sorted(
        "" if folder == "." else f"{folder}/" for folder in folders if "assets" not in folder
    )


def visit(browser, url: str, width: int = 1280, wait_until: str = "load"):
    """Open url; return (page, problems) where problems lists errors, failures, foreign hosts.
    wait_until="commit" returns as soon as the page starts, to let several load at once."""
    page = browser.new_page(viewport={"width": width, "height": 900})
    problems: list[str] = []
    page.on(
        "console",
        lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None,
    )
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    # ERR_ABORTED is the browser dropping a fetch it chose not to need (a <picture>
    # source it speculated on, an image still loading when the page closes): not a
    # failure a reader sees. Seen once under a busy CPU, on the phone drawing at 1280 px.
    page.on(
        "requestfailed",
        lambda r: (
            None
            if "ERR_ABORTED" in (r.failure or "")
            else problems.append(f"failed: {r.url} {r.failure}")
        ),
    )
    page.on(
        "response",
        lambda r: problems.append(f"HTTP {r.status}: {r.url}") if r.status >= 400 else None,
    )

    def only_local(route):
        host = urlparse(route.request.url).hostname
        published = route.request.url.startswith(tuple(ALIASES))
        if (
            host not in ("127.0.0.1", None)
            and not published
            and not route.request.url.startswith("data:")
        ):
            problems.append(f"left 127.0.0.1: {route.request.url}")
            return route.abort()
        return route.continue_()

    page.route("**/*", only_local)
    serve_published_from_here(page)  # routes added later are matched first
    # "load": images, styles and scripts are in. A test that must see every later request
    # too (every page loads cleanly, the screenshots) waits for "networkidle" itself.
    page.goto(url, wait_until=wait_until)
    return page, problems


def search(page, term: str) -> list[str]:
    """Type `term` into Material's search box; the result paths, best first."""
    page.locator("label.md-search__icon, .md-search__input").first.click()
    field = page.locator("input.md-search__input")
    field.fill("")
    field.type(term, delay=20)  # fill() alone does not trigger Material's search
    page.keyboard.press("End")  # a key-up event, which Japanese input does not send
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    page.wait_for_timeout(200)
    links = page.locator(".md-search-result__item > a").evaluate_all("els => els.map(e => e.href)")
    return list(dict.fromkeys(urlparse(link).path for link in links))  # no ?h=, no #anchor
