"""The real site, built with `mkdocs build --strict` from a copy of the project."""

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from helpers import ROOT, article_pages, copy_article, copy_project, run_tool

from chigai.experiment import discover

ARTICLE = {"ja": "rnn-vs-lstm/index.html", "en": "en/rnn-vs-lstm/index.html"}


@pytest.mark.parametrize("slug", article_pages())  # every article, found in docs/ and experiments/
def test_both_languages_show_every_figure_table_and_provenance(built_site: Path, slug):
    article = slug.replace("-", "_")
    specs = [spec for spec in discover(ROOT).values() if spec.article == article]
    assert specs, f"experiments/{article}/ declares no experiment"
    for lang in ("ja", "en"):
        html = (built_site / ("" if lang == "ja" else "en") / slug / "index.html").read_text()
        for name in (name for spec in specs for name in spec.figures):
            src = rf"[./]*figures/{article}/{name}\.{lang}"
            image = rf'<img class="no-lightbox" alt="[^"]+" src="{src}\.svg"'
            assert re.search(image, html), name
            assert re.search(rf'<source media="[^"]+" srcset="{src}\.phone\.svg"', html), name
            for variant in ("svg", "phone.svg"):
                drawn = built_site / "figures" / article / f"{name}.{lang}.{variant}"
                assert drawn.stat().st_size > 1000
        assert "<figcaption" in html and "<table>" in html
        assert "{{" not in html and "{%" not in html
        made = "この数字の作り方" if lang == "ja" else "How these numbers were made"
        assert html.count(made) >= len(specs)


def test_the_finding_sentence_follows_the_result(built_site: Path):
    results = sorted((built_site.parent / "results").glob("adding_problem.*.json"))
    full = [p for p in results if p.name.endswith(".full.json")]
    findings = json.loads((full or results)[0].read_text())["data"]["findings"]
    html = (built_site / ARTICLE["en"]).read_text()
    held = findings["lstm_holds_where_rnn_fails"]
    if held:  # "At 100 steps the two parted completely", every lag it holds at named
        found = re.search(r"At ([^<:]+) steps the two parted completely", html)
        assert found and set(re.findall(r"\d+", found[1])) == {str(lag) for lag in held}
    else:
        assert "parted completely" not in html


class _Links(HTMLParser):
    """Every URL the page would fetch by itself (not plain <a> links a reader may click)."""

    def __init__(self):
        super().__init__()
        self.fetched: list[str] = []
        self.switch: dict[str, str] = {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("script", "img", "iframe", "source", "audio", "video") and attrs.get("src"):
            self.fetched.append(attrs["src"])
        # canonical, hreflang, prev/next name pages (absolute, at site_url); they load nothing
        names_a_page = attrs.get("rel") in ("canonical", "alternate", "prev", "next")
        if tag == "link" and attrs.get("href") and not names_a_page:
            self.fetched.append(attrs["href"])
        if tag == "a" and "md-select__link" in (attrs.get("class") or ""):
            self.switch[attrs["hreflang"]] = attrs["href"]


def test_nothing_is_fetched_from_another_host(built_site: Path):
    external = re.compile(r"^(https?:)?//", re.I)
    for page in built_site.rglob("*.html"):
        parser = _Links()
        parser.feed(page.read_text())
        offenders = [url for url in parser.fetched if external.match(url)]
        assert not offenders, f"{page}: {offenders}"
    for sheet in built_site.rglob("*.css"):
        imports = re.findall(r"(?:@import|url\()\s*['\"]?(https?:)?//", sheet.read_text())
        assert not imports, sheet


@pytest.mark.parametrize(
    ("lang", "other", "expected"), [("ja", "en", "en/rnn-vs-lstm/"), ("en", "ja", "rnn-vs-lstm/")]
)
def test_language_switcher_leads_to_the_same_article(built_site: Path, lang, other, expected):
    page = built_site / ARTICLE[lang]
    parser = _Links()
    parser.feed(page.read_text())
    target = (page.parent / parser.switch[other]).resolve()
    assert target == (built_site / expected).resolve()
    assert (target / "index.html").exists()


def _edit_adding_problem(project: Path) -> None:
    """A real code change (comments and docstrings would not stale it)."""
    experiment = project / "experiments" / "rnn_vs_lstm" / "adding_problem.py"
    experiment.write_text(experiment.read_text().replace("AT_BASELINE = 0.5", "AT_BASELINE = 0.6"))


FULL_BREAKAGES = {
    "stale": lambda path: path.write_text(
        re.sub(r'"fingerprint": "\w+"', '"fingerprint": "0ld"', path.read_text())
    ),
    "truncated": lambda path: path.write_text(path.read_text()[:200]),
    "empty object": lambda path: path.write_text("{}"),
    "missing": lambda path: path.unlink(),
    "nan inside": lambda path: path.write_text(
        re.sub(r'"baseline_mse": [0-9.e-]+', '"baseline_mse": NaN', path.read_text())
    ),
}


@pytest.mark.parametrize("how", list(FULL_BREAKAGES))
def test_a_publishing_build_needs_a_fresh_valid_full_result_for_every_experiment(tmp_path, how):
    """Even when a fresh quick result could stand in, `fail` refuses to publish it."""
    project = copy_project(tmp_path / "p")
    FULL_BREAKAGES[how](project / "results" / "adding_problem.full.json")
    done = run_tool("mkdocs", "build", "--strict", cwd=project, env={"CHIGAI_ON_STALE": "fail"})
    assert done.returncode != 0
    assert "chigai run adding_problem --preset full" in done.stderr
    named = [line for line in done.stderr.splitlines() if "adding_problem:" in line]
    assert len(named) == 1, done.stderr[-2000:]
    assert "marked_recall:" not in done.stderr  # only what is wrong is named
    assert not (project / "site" / "index.html").exists()


@pytest.fixture(scope="module")
def warned(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One build under warn of a whole-site copy where adding_problem's code changed (its
    results stale) and marked_recall has no full result (its quick one stands in);
    returns its site."""
    project = copy_project(tmp_path_factory.mktemp("warned") / "p")
    _edit_adding_problem(project)
    (project / "results" / "marked_recall.full.json").unlink()
    done = run_tool("mkdocs", "build", "--strict", cwd=project, env={"CHIGAI_ON_STALE": "warn"})
    assert done.returncode == 0, done.stderr[-2000:]
    return project / "site"


def test_a_stale_result_is_shown_with_a_notice_under_warn(warned: Path):
    for lang, page in ARTICLE.items():
        html = (warned / page).read_text()
        assert (
            "古い結果を表示しています" if lang == "ja" else "Showing out-of-date results"
        ) in html


def test_quick_numbers_standing_in_for_full_ones_carry_a_notice(warned: Path):
    for lang, title in (("ja", "お試し設定（quick）の数字"), ("en", "from the quick preset")):
        html = (warned / ARTICLE[lang]).read_text()
        assert title in html and "chigai run marked_recall --preset full" in html
    other = (warned / "en" / "attention-vs-lstm" / "index.html").read_text()
    assert "from the quick preset" not in other


def test_a_bogus_policy_is_refused(tmp_path):
    done = run_tool(
        "mkdocs", "build", cwd=copy_project(tmp_path / "p"), env={"CHIGAI_ON_STALE": "bogus"}
    )
    assert done.returncode != 0
    assert "CHIGAI_ON_STALE='bogus' is not a policy" in done.stderr


def _name_a_missing_value(project: Path) -> None:
    page = project / "docs" / "rnn-vs-lstm.en.md"
    page.write_text(page.read_text() + "\n{{ results.adding_problem.findings.imaginary }}\n")


def _break_sensitivity_data(project: Path) -> None:
    """Valid JSON, fresh fingerprint, but data the input_sensitivity figure cannot draw."""
    for path in (project / "results").glob("marked_recall.*.json"):
        stored = json.loads(path.read_text())
        stored["data"]["sensitivity"]["rnn"] = None
        path.write_text(json.dumps(stored))


def test_a_template_naming_a_missing_value_fails_with_page_and_key(tmp_path):
    project = copy_article(tmp_path / "p")
    _name_a_missing_value(project)
    done = run_tool("mkdocs", "build", "--strict", cwd=project)
    assert done.returncode != 0
    assert re.search(r"rnn-vs-lstm\.en\.md:\d+: .*'imaginary'", done.stderr)


def test_without_strict_a_broken_template_section_becomes_a_placeholder_named_once(tmp_path):
    project = copy_article(tmp_path / "p")
    _name_a_missing_value(project)
    done = run_tool("mkdocs", "build", cwd=project)
    assert done.returncode == 0, done.stderr[-2000:]
    html = (project / "site" / ARTICLE["en"]).read_text()
    assert "This part cannot be shown" in html and "imaginary" in html
    assert "How these numbers were made" in html  # the rest of the page is still there
    assert done.stderr.count("'imaginary'") == 1
    assert (
        "この数字の作り方" in (project / "site" / ARTICLE["ja"]).read_text()
    )  # other pages unharmed


def test_a_figure_that_cannot_be_drawn_fails_strict_and_is_a_placeholder_otherwise(tmp_path):
    project = copy_article(tmp_path / "p")
    _break_sensitivity_data(project)
    strict = run_tool("mkdocs", "build", "--strict", cwd=project)
    assert strict.returncode != 0
    assert re.search(
        r"figure rnn_vs_lstm/input_sensitivity \(ja\) failed: TypeError: .* "
        r"\(at chigai/site/figures/\w+\.py:\d+ \(\w+\)\)",
        strict.stderr,
    )
    assert strict.stderr.count("input_sensitivity (ja) failed") == 1
    relaxed = run_tool("mkdocs", "build", cwd=project)
    assert relaxed.returncode == 0, relaxed.stderr[-2000:]
    svg = (project / "site" / "figures" / "rnn_vs_lstm" / "input_sensitivity.en.svg").read_text()
    assert "could not be drawn" in svg and "TypeError" in svg


def test_properdocs_builds_the_same_pages_strictly(tmp_path, built_site: Path):
    project = copy_project(tmp_path / "p")
    done = run_tool("properdocs", "build", "--strict", cwd=project)
    assert done.returncode == 0, done.stderr[-3000:]
    pages = {p.relative_to(built_site) for p in built_site.rglob("*.html")}
    assert {p.relative_to(project / "site") for p in (project / "site").rglob("*.html")} == pages
    html = (project / "site" / ARTICLE["en"]).read_text()
    assert "How these numbers were made" in html and "{{" not in html


def test_pages_are_shareable_with_absolute_links_and_their_own_preview(built_site: Path):
    site_url = re.search(r"<loc>([^<]+)</loc>", (built_site / "sitemap.xml").read_text())[1]
    assert site_url.startswith("http") and "None" not in site_url
    for lang, prefix, description in (("ja", "", "実験"), ("en", "en/", "experiments")):
        for slug in article_pages():
            html = (built_site / prefix / slug / "index.html").read_text()
            assert re.search(rf'<link rel="canonical" href="https?://[^"]+/{prefix}{slug}/">', html)
            assert re.search(r'<link rel="alternate" href="https?://[^"]+" hreflang="ja">', html)
            image = re.search(r'<meta property="og:image" content="([^"]+)">', html)[1]
            figure = image.split("/figures/", 1)[1]
            assert figure.startswith(slug.replace("-", "_")) and figure.endswith(f".{lang}.png")
            assert (built_site / "figures" / figure).read_bytes().startswith(b"\x89PNG")
            described = re.search(r'<meta name="description" content="([^"]+)"', html)[1]
            assert description in described, (lang, described)
            first, *rest = re.findall(r"<img [^>]*class=\"no-lightbox\"[^>]*>", html)
            assert 'loading="lazy"' not in first and all('loading="lazy"' in i for i in rest)
            assert all(re.search(r'width="\d+" height="\d+"', i) for i in [first, *rest])
        home = (built_site / prefix / "index.html").read_text()
        assert 'loading="lazy"' not in home  # the cards are on the first screen
        assert '<script src="assets/javascripts/glightbox.min.js" defer>' in home or (
            '<script src="../assets/javascripts/glightbox.min.js" defer>' in home
        )
