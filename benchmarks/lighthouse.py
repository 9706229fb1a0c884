"""Lighthouse scores of the built site, as a reader's phone would load it.

Lighthouse (npm, pinned below; 12.x is the last line that runs on Debian's Node 20) is
installed on first use into .cache/npm, so neither the tests nor `make serve` need Node.
It drives Debian's chromium (CHROME_PATH) against the site built for, and served from, a
local address (CHIGAI_SITE_URL: canonical, hreflang and sitemap links point where the
pages really are), with Lighthouse's default mobile emulation (a mid-range phone on a slow
4G link, simulated throttling): numbers compare between runs on one machine, not between
machines.

    python benchmarks/lighthouse.py [PROJECT_DIR]   # the four scores per page, as JSON
    python benchmarks/lighthouse.py --built SITE_DIR  # a site built earlier, as it is
"""

import argparse
import functools
import gzip
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VERSION = "12.8.2"
PREFIX = ROOT / ".cache" / "npm"
BINARY = PREFIX / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


class LighthouseUnavailable(RuntimeError):
    """Node, npm or chromium is missing; the message says which and how to get it."""


def pages(root: Path = ROOT) -> dict[str, str]:
    """What to score, by name -> path (Japanese, the default): home, every article and the
    first article's notebook page. Articles are found, not listed (a hand-kept list missed
    the GRU article): each experiments/<article>/ that chigai discovers, with its page."""
    from chigai.experiment import discover

    articles = sorted({spec.article.replace("_", "-") for spec in discover(root).values()})
    slugs = [slug for slug in articles if (root / "docs" / f"{slug}.ja.md").is_file()]
    found = {"home": ""} | {slug: f"{slug}/" for slug in slugs}
    notebooks = [s for s in slugs if (root / "docs" / "notebooks" / f"{s}.ja.ipynb").is_file()]
    return found | ({"notebook": f"notebooks/{notebooks[0]}/"} if notebooks else {})


def install() -> Path:
    """The lighthouse binary, installed with npm into .cache/npm when it is not there yet."""
    if BINARY.exists():
        return BINARY
    npm = shutil.which("npm")
    if npm is None or shutil.which("node") is None:
        raise LighthouseUnavailable("node and npm are needed (apt-get install nodejs npm)")
    subprocess.run(
        [
            npm,
            "install",
            "--prefix",
            str(PREFIX),
            "--no-audit",
            "--no-fund",
            f"lighthouse@{VERSION}",
        ],
        check=True,
        capture_output=True,
        timeout=600,
    )
    return BINARY


class _Pages(SimpleHTTPRequestHandler):
    """Static files, gzipped where the reader's browser accepts it, as GitHub Pages serves
    them: an uncompressed local server would make every page look heavier than it is."""

    COMPRESS = frozenset({".html", ".css", ".js", ".json", ".svg", ".xml"})
    gzip = True

    def log_message(self, *args) -> None:
        pass

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        accepts = self.gzip and "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and path.suffix in self.COMPRESS and path.is_file()):
            return super().do_GET()
        body = _gzipped(path)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@functools.cache
def _gzipped(path: Path) -> bytes:
    return gzip.compress(path.read_bytes(), compresslevel=6)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def build(project: Path, site: Path, url: str) -> None:
    """The project's site, built into `site` for publication at `url` (never retrains)."""
    env = {**os.environ, "CHIGAI_SITE_URL": url, "CHIGAI_ON_STALE": "warn"}
    env["NO_MKDOCS_2_WARNING"] = "1"
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site)],
        cwd=project,
        env=env,
        check=True,
        capture_output=True,
        timeout=600,
    )


class _Uncompressed(_Pages):
    gzip = False


@contextmanager
def served(site: Path, port: int, compress: bool = True) -> Iterator[str]:
    """The built site over HTTP on a local port; yields its base URL."""
    handler = functools.partial(_Pages if compress else _Uncompressed, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.shutdown()


def score(url: str, chrome: str) -> dict[str, int]:
    """The four category scores (0-100) of one page, mobile emulation."""
    with tempfile.TemporaryDirectory(prefix="lighthouse-") as work:
        report = Path(work) / "report.json"
        subprocess.run(
            [
                str(install()),
                url,
                "--quiet",
                "--output=json",
                f"--output-path={report}",
                f"--only-categories={','.join(CATEGORIES)}",
                "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
            ],
            check=True,
            capture_output=True,
            timeout=300,
            env={**os.environ, "CHROME_PATH": chrome},
        )
        categories = json.loads(report.read_text())["categories"]
    return {name: round(100 * categories[name]["score"]) for name in CATEGORIES}


def measure(project: Path, chrome: str = "/usr/bin/chromium") -> dict[str, dict[str, int]]:
    """Scores for each of the project's pages, its site built for and served at one port."""
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="chigai-lighthouse-") as work:
        site = Path(work) / "site"
        build(project, site, f"http://127.0.0.1:{port}/")
        return measure_built(site, chrome, port, listed=pages(project))


def measure_built(
    site: Path,
    chrome: str = "/usr/bin/chromium",
    port: int | None = None,
    compress: bool = True,
    listed: dict[str, str] | None = None,
) -> dict[str, dict[str, int]]:
    """Scores for each page `listed` (default: this checkout's pages) of a built site."""
    if not Path(chrome).exists():
        raise LighthouseUnavailable(f"{chrome} not found (apt-get install chromium)")
    install()
    with served(site, port or free_port(), compress) as base:
        return {name: score(base + path, chrome) for name, path in (listed or pages()).items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("project", nargs="?", type=Path, default=ROOT)
    parser.add_argument("--built", type=Path, help="score this built site instead of building")
    parser.add_argument(
        "--uncompressed", action="store_true", help="serve without gzip (with --built)"
    )
    args = parser.parse_args()
    if args.built:
        scores = measure_built(args.built, compress=not args.uncompressed)
    else:
        scores = measure(args.project)
    print(json.dumps(scores, indent=1))


if __name__ == "__main__":
    main()
