"""Material's real search engine (its worker, run by Node) over the built site's index."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

HARNESS = Path(__file__).with_name("material_search.js")


def search(site: Path, *queries: str) -> dict[str, list[str]]:
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed: it runs Material's search worker for this test")
    done = subprocess.run(
        [node, str(HARNESS), str(site), *queries], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_japanese_words_find_the_japanese_article(built_site: Path):
    found = search(built_site, "足し算", "誤差", "問題")
    for query, pages in found.items():
        assert "rnn-vs-lstm/" in pages, query
        assert "en/rnn-vs-lstm/" not in pages, query


def test_english_words_as_written_find_the_english_article(built_site: Path):
    # inflected forms on purpose: a stemmer in a combined ja+en index misses them (Material #3112)
    found = search(built_site, "remembered", "numbers", "marker")
    for query, pages in found.items():
        assert "en/rnn-vs-lstm/" in pages, query
