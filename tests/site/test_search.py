"""Material's real search engine (its worker, run by Node) over the built site's indexes.

Each language has its own index (chigai.site.webpage.split_search_index): a Japanese one that
splits compounds, and an English one that stems, so inflected words find their page.
"""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

HARNESS = Path(__file__).with_name("material_search.js")


def search(site: Path, lang: str, *queries: str) -> dict[str, list[str]]:
    """{query: page locations, best first} as Material's worker returns them on a page in `lang`."""
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed: it runs Material's search worker for this test")
    done = subprocess.run(
        [node, str(HARNESS), str(site), lang, *queries], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_japanese_words_find_the_japanese_article(built_site: Path):
    found = search(built_site, "ja", "足し算", "誤差", "問題", "忘却ゲート", "勾配消失")
    for query, pages in found.items():
        assert "rnn-vs-lstm/" in pages, query
        assert "en/rnn-vs-lstm/" not in pages, query


def test_terms_in_the_japanese_text_are_found(built_site: Path):
    # 列の長さ appears in the attention article's text and figure labels (issue 13)
    for query, pages in search(built_site, "ja", "列の長さ", "並列", "翻訳").items():
        assert "attention-vs-lstm/" in pages, query


def test_english_words_as_written_find_the_english_article(built_site: Path):
    # inflected forms on purpose: the English index stems ("forgetting" -> "forget")
    queries = ("remembered", "numbers", "marker", "forgetting", "gradients", "vanishing")
    for query, pages in search(built_site, "en", *queries).items():
        assert "en/rnn-vs-lstm/" in pages, query


def test_a_search_from_an_english_page_lists_english_pages_first(built_site: Path):
    found = search(built_site, "en", "attention", "LSTM")
    for query, pages in found.items():
        assert pages and pages[0].startswith("en/"), (query, pages[:3])
        assert all(page.startswith("en/") for page in pages), query
