"""A full result that is broken, holds NaN or is stale: a plain build says so, on the page
and in the log, instead of quietly showing the quick numbers."""

import html
import json
import re

import pytest
from helpers import copy_article, run_tool

# One article, four experiments, four ways a full result cannot be used (a plain build
# shows their quick numbers instead). The NaN sits under a key that tries to be markup.
KEY = '{{ 7 * 7 }}"><img src=x onerror=alert(1)>'


def truncate(project):
    path = project / "results" / "adding_problem.full.json"
    path.write_text(path.read_text()[:300])


def nan_under_a_markup_key(project):
    path = project / "results" / "marked_recall.full.json"
    stored = json.loads(path.read_text())
    stored["data"][KEY] = float("nan")
    path.write_text(json.dumps(stored))


def edit_the_full_preset(project):
    path = project / "experiments" / "rnn_vs_lstm" / "small_data.py"
    source = path.read_text()
    at = source.index('"seeds": [', source.index('"full": {'))
    end = source.index("]", at) + 1
    path.write_text(source[:at] + '"seeds": [1, 2, 3, 4, 5, 6, 7]' + source[end:])


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    project = copy_article(tmp_path_factory.mktemp("full") / "p")  # the article alone
    for breakage in (truncate, nan_under_a_markup_key, edit_the_full_preset):
        breakage(project)
    before = {p.name: p.read_bytes() for p in (project / "results").iterdir()}
    done = run_tool("mkdocs", "build", cwd=project)
    assert done.returncode == 0, done.stderr[-3000:]
    assert {p.name: p.read_bytes() for p in (project / "results").iterdir()} == before
    return project, done.stderr


def page(project, lang: str) -> str:
    folder = project / "site" / ("en" if lang == "en" else "")
    return (folder / "rnn-vs-lstm" / "index.html").read_text()


def notice(text: str) -> str:
    """The page's "why not the full results" box, as a reader reads it."""
    box = re.search(r'<div class="admonition info">(.*?)</div>', text, re.S)
    assert box, "no notice on the page"
    return html.unescape(re.sub(r"<[^>]+>", "", box.group(1)))


@pytest.mark.parametrize(
    ("lang", "title", "broken", "stale"),
    [
        ("en", "Why the full results are not shown", "cannot be used: ", "is out of date"),
        ("ja", "公開用（full）の結果を使っていない理由", "は使えません：", "は、測ったあとで"),
    ],
)
def test_the_page_says_which_full_result_is_not_used_and_why(built, lang, title, broken, stale):
    project, _ = built
    text = notice(page(project, lang))
    assert title in text
    assert f"results/adding_problem.full.json {broken}not valid JSON" in text
    assert f"results/marked_recall.full.json {broken}data.{KEY} is not a finite number" in text
    assert f"results/small_data.full.json {stale}" in text
    assert "architecture" not in text  # its full result is fine


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_what_the_result_file_says_stays_text(built, lang):
    raw = page(built[0], lang)
    assert "<img src=x" not in raw and "49" not in notice(raw)


def test_the_log_says_why_and_the_fix(built):
    _, log = built
    for experiment, why in [
        ("adding_problem", "cannot be used: not valid JSON"),
        ("marked_recall", "cannot be used: data."),
        ("small_data", "is stale;"),
    ]:
        (line,) = [line for line in log.splitlines() if f"results/{experiment}.full.json" in line]
        assert f"pages show quick numbers because results/{experiment}.full.json {why}" in line
        assert f"make it with `chigai run {experiment} --preset full`" in line
