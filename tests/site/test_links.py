"""A link checker over the built site: every internal link and anchor leads somewhere."""

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlparse


class Anchors(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])


def parse(page: Path) -> Anchors:
    parser = Anchors()
    parser.feed(page.read_text())
    return parser


def target_file(page: Path, path: str, site: Path) -> Path:
    target = (site / path.lstrip("/")) if path.startswith("/") else (page.parent / path)
    return target / "index.html" if target.is_dir() else target


def test_every_internal_link_and_anchor_resolves(built_site: Path):
    broken = []
    parsed = {page: parse(page) for page in built_site.rglob("*.html")}
    for page, anchors in parsed.items():
        for link in anchors.links:
            url = urlparse(link)
            if url.scheme or url.netloc:  # another site: not ours to check offline
                continue
            target = target_file(page, unquote(url.path), built_site) if url.path else page
            if not target.exists():
                broken.append(f"{page.relative_to(built_site)} -> {link}")
            elif url.fragment and target.suffix == ".html":
                ids = (parsed.get(target.resolve()) or parse(target)).ids
                if unquote(url.fragment) not in ids:
                    broken.append(f"{page.relative_to(built_site)} -> {link} (no such anchor)")
    assert not broken, broken
