"""Nothing in a file can run on a page (issue 26).

Every way text from a file reaches the site is tried with a script tag, an onerror
attribute, a bare quote, a Markdown link and a Markdown attribute list: an experiment's
NAME, an article.toml's name, a figure's ALT (the share figure's, which also fills the
og:image:alt meta tag), and a result file's strings (data, findings, provenance.device).
The first three are escaped and must come back as the same text; result files refuse
such strings outright (chigai.run.results), and where pages print result strings anyway the
escaping is checked on rendered Markdown turned into HTML.
"""

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
from helpers import ROOT, copy_article, run_tool

from chigai.experiment import ExperimentSpec
from chigai.run.results import Result, ResultError, load_result
from chigai.site.render import Shown, render_page

PAYLOADS = (
    '"><script>alert(1)</script>',
    "<img src=x onerror=alert(1)>",
    '"',
    "[x](javascript:alert(1))",
    "{: onclick=alert(1) }",  # last: an attribute list acts at the end of a heading
)
INJECTED = " ".join(PAYLOADS)
LANGS = ("ja", "en")
NAME = {lang: f"{lang} NAME {INJECTED}" for lang in LANGS}
ARTICLE = {lang: f"{lang} article {INJECTED}" for lang in LANGS}
ALT = {lang: f"{lang} ALT {INJECTED}" for lang in LANGS}
PAGES = {  # page -> its file in each language
    "article": {"ja": "rnn-vs-lstm/index.html", "en": "en/rnn-vs-lstm/index.html"},
    "home": {"ja": "index.html", "en": "en/index.html"},
    "methodology": {"ja": "methodology/index.html", "en": "en/methodology/index.html"},
}


class _Page(HTMLParser):
    """What a browser would act on in a page: every tag's attributes and every script's
    text, and the text a reader sees."""

    def __init__(self, html: str):
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self.text: list[str] = []
        self._in_script = False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        (self.scripts if self._in_script else self.text).append(data)

    def meta(self, key: str) -> list[str | None]:
        return [a.get("content") for t, a in self.tags if t == "meta" and key in a.values()]


def assert_nothing_runs(html: str, where: str) -> _Page:
    page = _Page(html)
    assert not [s for s in page.scripts if "alert(1)" in s], f"{where}: a script from a file"
    for tag, attrs in page.tags:
        assert not {"onerror", "onclick"} & set(attrs), f"{where}: <{tag} {attrs}>"
        assert not (tag == "img" and attrs.get("src") == "x"), f"{where}: <img src=x>"
        assert not [v for v in attrs.values() if v and v.startswith("javascript:")], where
    return page


def _inject(project: Path) -> None:
    """NAME and ALT of the adding problem (its ALT is the article's share figure's), the
    article's name, and a result whose provenance, data and findings carry payloads."""
    experiment = project / "experiments" / "rnn_vs_lstm" / "adding_problem.py"
    source = re.sub(r"^NAME = \{.*?\}$", f"NAME = {NAME!r}", experiment.read_text(), flags=re.M)
    source = re.sub(
        r"^ALT = \{.*?^\}$", f"ALT = {{'adding_mse': {ALT!r}}}", source, flags=re.M | re.S
    )
    experiment.write_text(source)
    toml = project / "experiments" / "rnn_vs_lstm" / "article.toml"
    names = "".join(f"{lang} = {json.dumps(ARTICLE[lang])}\n" for lang in LANGS)
    # only its [name] table is replaced: the rest (share figure, models) stays as declared
    source, count = re.subn(
        r"^\[name\].*?(?=^\[|\Z)", f"[name]\n{names}\n", toml.read_text(), flags=re.M | re.S
    )
    assert count == 1, "article.toml: no [name] table to inject into"
    toml.write_text(source)
    for path in (project / "results").glob("architecture.*.json"):
        stored = json.loads(path.read_text())
        stored["provenance"]["device"] = PAYLOADS[0]
        stored["data"]["note"] = PAYLOADS[1]
        stored["data"]["findings"]["winner"] = PAYLOADS[2]
        path.write_text(json.dumps(stored))


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, str]]:
    """One project copy with every payload, built plainly, then strictly; mode -> (site,
    log). The plain build keeps refused results refused (warn); the strict one is the
    default, which replaces the refused quick result by running it again."""
    project = copy_article(tmp_path_factory.mktemp("injected") / "p")  # every payload is in it
    _inject(project)
    done = {}
    for mode, args, env in (
        ("plain", ("mkdocs", "build", "--site-dir", "plain"), {"CHIGAI_ON_STALE": "warn"}),
        ("strict", ("mkdocs", "build", "--strict", "--site-dir", "strict"), {}),
    ):
        built = run_tool(*args, cwd=project, env=env)
        assert built.returncode == 0, f"{mode}: {built.stderr[-3000:]}"
        done[mode] = (project / mode, built.stderr)
    return done


@pytest.mark.slow
@pytest.mark.parametrize("mode", ["plain", "strict"])
def test_no_page_of_the_built_site_runs_anything_from_a_file(builds, mode):
    site, _ = builds[mode]
    pages = sorted(site.rglob("*.html"))
    every_kind = {site / path for kind in PAGES.values() for path in kind.values()}
    assert every_kind <= set(pages) and len(pages) >= 9  # and the notebooks, and 404
    for page in pages:
        assert_nothing_runs(page.read_text(), f"{mode}: {page.relative_to(site)}")


@pytest.mark.slow
@pytest.mark.parametrize("mode", ["plain", "strict"])
@pytest.mark.parametrize("lang", LANGS)
def test_names_and_alt_text_come_back_as_the_text_they_are(builds, mode, lang):
    site, _ = builds[mode]
    article = _Page((site / PAGES["article"][lang]).read_text())
    for key in ("og:image:alt", "twitter:image:alt"):
        assert article.meta(key) == [ALT[lang]], key
    figure = [a for t, a in article.tags if t == "img" and "adding_mse" in (a.get("src") or "")]
    assert figure and all(a["alt"] == ALT[lang] for a in figure)
    links = [a for t, a in article.tags if t == "a" and "adding_mse" in (a.get("href") or "")]
    assert links and all(a["aria-label"].endswith(ALT[lang]) for a in links)
    home = _Page((site / PAGES["home"][lang]).read_text())
    assert any(t == "img" and a.get("alt") == ALT[lang] for t, a in home.tags)
    methodology = "".join(_Page((site / PAGES["methodology"][lang]).read_text()).text)
    assert NAME[lang] in methodology and ARTICLE[lang] in methodology


@pytest.mark.slow
@pytest.mark.parametrize("lang", LANGS)
def test_a_refused_result_is_named_on_its_page_with_the_fix(builds, lang):
    site, log = builds["plain"]
    message = "results/architecture.quick.json: provenance.device holds"
    text = " ".join("".join(_Page((site / PAGES["article"][lang]).read_text()).text).split())
    assert message in text and f"({PAYLOADS[0]!r})" in text
    assert "chigai run architecture --preset quick" in text
    assert message in log
    methodology = (site / PAGES["methodology"][lang]).read_text()
    assert methodology.count("chigai-state--broken") == 2  # the quick and the full result


@pytest.mark.slow
def test_the_default_build_reruns_a_refused_quick_result_saying_why(builds):
    _, log = builds["strict"]
    assert "results/architecture.quick.json: provenance.device holds '\"'" in log
    assert "rerunning the quick preset now" in log


@pytest.mark.parametrize("payload", PAYLOADS[:3])
@pytest.mark.parametrize(
    "place",
    ["provenance.device", "data.note", "data.findings.winner", "data.rows[0]", "a key of data"],
)
def test_a_result_string_with_markup_is_refused_naming_file_key_and_fix(tmp_path, place, payload):
    stored = json.loads((ROOT / "results" / "architecture.quick.json").read_text())
    if place == "provenance.device":
        stored["provenance"]["device"] = payload
    elif place == "data.rows[0]":
        stored["data"]["rows"] = [payload]
    elif place == "a key of data":
        stored["data"][payload] = 1
    else:
        *parents, key = place.split(".")[1:]
        target = stored["data"]
        for parent in parents:
            target = target[parent]
        target[key] = payload
    path = tmp_path / "architecture.quick.json"
    path.write_text(json.dumps(stored))
    with pytest.raises(ResultError) as refused:
        load_result(path, experiment="architecture", preset="quick")
    message = str(refused.value)
    assert message.startswith(f"{path}: {place} holds ") and "\n" not in message
    assert message.endswith("refresh it with `chigai run architecture --preset quick`")


def test_a_result_string_with_a_control_character_is_refused(tmp_path):
    stored = json.loads((ROOT / "results" / "architecture.quick.json").read_text())
    stored["data"]["findings"]["winner"] = "lstm\n!!! danger"
    path = tmp_path / "architecture.quick.json"
    path.write_text(json.dumps(stored))
    with pytest.raises(ResultError, match=r"data\.findings\.winner holds '\\n'"):
        load_result(path, experiment="architecture", preset="quick")


SPEC = ExperimentSpec(
    id="adding_problem",
    article="rnn_vs_lstm",
    path=ROOT / "experiments" / "rnn_vs_lstm" / "adding_problem.py",
    presets={"quick": {}, "full": {}},
    figures={"adding_mse": "error_vs_lag"},
)
PROVENANCE = {
    "device": INJECTED,
    "torch": "2.13.0",
    "python": "3.11",
    "platform": INJECTED,
    "commit": "abc123",
    "started_at": "2026-01-01T00:00:00+00:00",
    "duration_s": 1.0,
    "seeds": [1],
}
# Where a page can print a value: prose, a heading, a table cell, an attribute, a figure
# caption, a provenance box, a listing, a table built by the helper.
PRINTS = """# Title

Found: {{ r.findings.winner }}, noted {{ r.data.note }}.

## {{ r.data.note }}

| what | value |
|---|---|
| note | {{ r.data.note }} |

<span title="{{ r.data.note }}">x</span>

{{ figure("adding_mse", caption="Caption " ~ r.data.note) }}

{{ provenance("adding_problem", about="About " ~ r.findings.winner) }}

{{ listing([r.data.note, 1]) }}

{{ table(r.data.rows, {"model": "Model", "lag": "Lag"}) }}
"""


@pytest.mark.parametrize("lang", LANGS)
def test_result_strings_a_page_prints_are_text_even_if_a_file_got_past_the_check(lang):
    """Defence in depth: escaping does not rely on chigai.run.results having refused them."""
    data = {
        "note": INJECTED,
        "rows": [{"model": INJECTED, "lag": 10}],
        "findings": {"winner": INJECTED},
    }
    result = Result("adding_problem", "full", "f", PROVENANCE, data, Path("r.json"))
    page = "{% set r = results.adding_problem %}\n" + PRINTS
    rendered = render_page(
        page,
        src_uri=f"rnn-vs-lstm.{lang}.md",
        lang=lang,
        shown={"adding_problem": Shown(SPEC, result, stale=False)},
    )
    html = markdown.markdown(
        rendered,
        extensions=["admonition", "attr_list", "md_in_html", "tables", "toc", "pymdownx.details"],
    )
    page_seen = assert_nothing_runs(html, lang)
    text = "".join(page_seen.text)
    assert text.count(INJECTED) >= 9, text  # each place shows the value as it is
    assert any(a.get("title") == INJECTED for t, a in page_seen.tags if t == "span")
    assert not any(t == "a" and "javascript" in (a.get("href") or "") for t, a in page_seen.tags)
