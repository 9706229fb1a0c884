"""The Lighthouse step of the benchmark: how it serves the site, and what it refuses.

Scores themselves are not asserted (they belong in benchmarks/report.json); `make bench`
runs Lighthouse for real.
"""

import gzip
import sys
import urllib.request

import pytest
from helpers import ROOT, article_pages

sys.path.insert(0, str(ROOT / "benchmarks"))
import lighthouse


def fetch(url: str, accept_gzip: bool) -> tuple[bytes, str | None]:
    headers = {"Accept-Encoding": "gzip"} if accept_gzip else {}
    with urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=10) as r:
        return r.read(), r.headers.get("Content-Encoding")


def test_pages_are_served_gzipped_as_github_pages_serves_them(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text("<p>hello</p>" * 100)
    (tmp_path / "x.png").write_bytes(b"\x89PNG")
    with lighthouse.served(tmp_path, lighthouse.free_port()) as base:
        body, encoding = fetch(base + "a/", accept_gzip=True)
        assert encoding == "gzip" and gzip.decompress(body) == b"<p>hello</p>" * 100
        assert fetch(base + "a/", accept_gzip=False) == (b"<p>hello</p>" * 100, None)
        assert fetch(base + "x.png", accept_gzip=True) == (b"\x89PNG", None)
    with lighthouse.served(tmp_path, lighthouse.free_port(), compress=False) as base:
        assert fetch(base + "a/", accept_gzip=True)[1] is None


def test_a_missing_browser_is_named(tmp_path):
    with pytest.raises(lighthouse.LighthouseUnavailable, match="nowhere/chromium not found"):
        lighthouse.measure_built(tmp_path, chrome="/nowhere/chromium")


def test_every_article_is_scored_with_home_and_a_notebook_page():
    listed = lighthouse.pages()
    assert listed["home"] == ""
    assert {slug: listed.get(slug) for slug in article_pages()} == {
        slug: f"{slug}/" for slug in article_pages()
    }
    assert listed["notebook"].removeprefix("notebooks/").rstrip("/") in article_pages()
