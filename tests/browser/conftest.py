"""A real browser (Debian's chromium, driven by Playwright) on the built site, served locally."""

import functools
import shutil
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from browser.reading import ALIASES, published_origin, serve_published_from_here

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="session")
def site_url(built_site: Path):
    server = ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(built_site))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    served = f"http://127.0.0.1:{server.server_address[1]}"
    published = published_origin(built_site)
    ALIASES[published] = served
    yield published  # pages open at the address the site was built for
    ALIASES.pop(published, None)
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip("chromium is not installed (.ci/run installs it: apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield launched
        launched.close()


@pytest.fixture(scope="session")
def reader(browser, site_url):
    """open(path, width=1280, scheme="light") -> a page showing site_url/path.

    One tab per screen width and colour scheme for the whole session, reused from test to
    test: starting browser contexts and tabs costs more than the pages themselves.
    """
    tabs = {}

    def open_page(path: str, width: int = 1280, scheme: str = "light"):
        if (width, scheme) not in tabs:
            context = browser.new_context(
                viewport={"width": width, "height": 900 if width > 600 else 740},
                color_scheme=scheme,
            )
            tabs[width, scheme] = context.new_page()
            serve_published_from_here(tabs[width, scheme])
        page = tabs[width, scheme]
        page.goto(f"{site_url}/{path}", wait_until="load")  # networkidle: +0.5 s idle a page
        return page

    yield open_page
    for page in tabs.values():
        page.context.close()
