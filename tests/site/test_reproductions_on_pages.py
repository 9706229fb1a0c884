"""Reproductions on the built site: the methodology page says where each experiment was
rerun and whether every verdict held; an article's box says so for the result it shows.

One strict build of a project copy holding three made-up reruns of committed results:
marked_recall with two findings flipped (same code), adding_problem unchanged on two
threads (same code), far_recall made by other code.
"""

import html
import json
import re
from pathlib import Path

import pytest
from helpers import ROOT, copy_project, run_tool

FLIPPED = "reproduced-made-up-xeon-marked_recall-full"
HELD = "reproduced-made-up-epyc-adding_problem-full"
OTHER = "reproduced-made-up-older-far_recall-full"
PAGES = {"ja": "", "en": "en/"}


def _rerun(project: Path, folder: str, experiment: str, provenance: dict, **changes) -> None:
    raw = json.loads((ROOT / "results" / f"{experiment}.full.json").read_text())
    raw["provenance"] |= provenance
    raw["fingerprint"] = changes.pop("fingerprint", raw["fingerprint"])
    for path, value in changes.items():  # "longest_solved_lag.lstm": 20
        *parents, leaf = path.split(".")
        target = raw["data"]["findings"]
        for key in parents:
            target = target[key]
        target[leaf] = value
    stored = project / "reproductions" / folder / f"{experiment}.full.json"
    stored.parent.mkdir(parents=True, exist_ok=True)
    stored.write_text(json.dumps(raw, indent=1))


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("reproduced") / "p")
    xeon = {
        "cpu": "Intel(R) Xeon(R) Processor",
        "threads": 1,
        "device": "cpu (Intel(R) Xeon(R) Processor, 1 thread)",
        "started_at": "2026-12-07T11:25:33+00:00",
    }
    epyc = {"threads": 2, "device": "cpu (AMD EPYC, 2 threads)"}
    flips = {"longest_solved_lag.lstm": 20, "paper": "partly"}
    _rerun(project, "made-up-xeon", "marked_recall", xeon, **flips)
    _rerun(project, "made-up-epyc", "adding_problem", epyc)
    _rerun(project, "made-up-older", "far_recall", xeon, fingerprint="0ld")
    done = run_tool("mkdocs", "build", "--strict", cwd=project)
    assert done.returncode == 0, done.stderr[-3000:]
    return project / "site"


def _text(fragment: str) -> str:
    """What a reader reads: tags dropped, entities decoded, spaces collapsed."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", fragment)).split())


def _item(site: Path, lang: str, anchor: str) -> str:
    """The methodology page's line whose id is `anchor`, as text."""
    page = (site / PAGES[lang] / "methodology" / "index.html").read_text()
    found = re.search(rf'<li>(?:<p>)?<span id="{anchor}"></span>(.*?)</li>', page, re.S)
    assert found, f"no line {anchor} on the {lang} methodology page"
    return _text(found[1])


METHODOLOGY = {
    ("ja", FLIPPED): "印のついた記号を答える（marked_recall、full）：Intel Xeon、1 スレッドで再実行"
    "（torch 2.13.0+cpu、2026年12月7日 11:25 UTC）。記事の次の文が変わります：「",
    ("en", FLIPPED): "Recalling a marked symbol (marked_recall, full), rerun on Intel Xeon, "
    "1 thread (torch 2.13.0+cpu, 7 Dec 2026, 11:25 UTC). The article would read: “",
    ("ja", HELD): "AMD EPYC、2 スレッドで再実行（torch 2.13.0+cpu、2026年11月28日 20:15 UTC）。"
    "すべての判定が同じでした。",
    ("en", HELD): "rerun on AMD EPYC, 2 threads (torch 2.13.0+cpu, 28 Nov 2026, 20:15 UTC). "
    "Every verdict held.",
    ("ja", OTHER): "別のコードで作られたため、比べていません。",
    ("en", OTHER): "Made by other code, not compared.",
}
QUOTES = {"ja": re.compile(r"「(.+?)」(?= 「|$)"), "en": re.compile(r"“(.+?)”")}


def _quoted(text: str, lang: str) -> list[str]:
    return QUOTES[lang].findall(text)


@pytest.mark.parametrize(("lang", "anchor"), list(METHODOLOGY))
def test_the_methodology_page_says_where_each_rerun_ran_and_whether_its_verdicts_held(
    site, lang, anchor
):
    item = _item(site, lang, anchor)
    expected = METHODOLOGY[lang, anchor]
    if anchor != FLIPPED:
        assert item.endswith(expected)
        return
    # the flipped verdicts, said as the article would say them: sentences it does not say now
    assert expected in item
    quoted = _quoted(item[item.index(expected) + len(expected) - 1 :], lang)
    assert quoted and not [sentence for sentence in quoted if sentence in _article(site, lang)]


def _article(site: Path, lang: str) -> str:
    """The RNN article as its reader reads it, less the paragraphs that quote a rerun."""
    page = (site / PAGES[lang] / "rnn-vs-lstm" / "index.html").read_text()
    return _text(re.sub(r"<p>(?:(?!</p>).)*#reproduced-.*?</p>", "", page, flags=re.S))


BOX = {
    "ja": {
        FLIPPED: "Intel Xeon、1 スレッドで再実行すると（この結果は AMD EPYC、1 スレッド）、"
        "このページの次の文が変わります。",
        HELD: "AMD EPYC、2 スレッドで再実行しても（この結果は AMD EPYC、1 スレッド）、"
        "判定はすべて同じでした。",
    },
    "en": {
        FLIPPED: "In a rerun on Intel Xeon, 1 thread (these numbers: AMD EPYC, 1 thread), "
        "this page would read:",
        HELD: "In a rerun on AMD EPYC, 2 threads (these numbers: AMD EPYC, 1 thread), "
        "every verdict held.",
    },
}


@pytest.mark.parametrize("lang", list(BOX))
def test_an_article_box_says_how_a_rerun_of_its_result_came_out_and_links_to_the_list(site, lang):
    page = site / PAGES[lang] / "rnn-vs-lstm" / "index.html"
    found = re.findall(r'<a href="([^"]*)#(reproduced-[^"]+)">(.*?)</a>', page.read_text())
    links = {anchor: (target, _text(text)) for target, anchor, text in found}
    methodology = (site / PAGES[lang] / "methodology" / "index.html").resolve()
    for anchor, sentence in BOX[lang].items():
        target, said = links[anchor]
        assert said == sentence
        # said once, in the experiment's first box, not again in each box of that result
        assert [a for _, a, _ in found].count(anchor) == 1
        assert (page.parent / target / "index.html").resolve() == methodology
        assert f'id="{anchor}"' in methodology.read_text()
    box = re.search(rf'#{FLIPPED}">.*?</a>(.*?)</p>', page.read_text(), re.S)
    quoted = _quoted(_text(box[1]), lang)  # what the rerun would change, as the page says it
    assert quoted and not [sentence for sentence in quoted if sentence in _article(site, lang)]
    other = (site / PAGES[lang] / "attention-vs-lstm" / "index.html").read_text()
    assert "#" + OTHER not in other  # far_recall's rerun ran other code: not compared
