"""`chigai new`: a new article that builds and shows at once, or nothing written at all."""

import html
import json
import re
import shutil
import tomllib
from pathlib import Path
from types import SimpleNamespace

import pytest
from experiments.test_parity import parity_problems
from experiments.test_prose import unselected_judgements
from helpers import PROJECT_PARTS, ROOT, copy_project, run_tool

import chigai.site.scaffold as scaffold
from chigai.site.scaffold import NewArticle, ScaffoldError, new_article
from chigai.site.words import LANGUAGES, load_verdicts, said_with, say

# What `chigai new` reads or may write, copied into a small project for the quick tests.
SMALL = ("mkdocs.yml", "docs/index.ja.md", "docs/index.en.md", "docs/rnn-vs-lstm.ja.md")
TITLES = {"ja": "デモとモノの違い", "en": "Demo vs Thing"}
OPTIONS = ("--ja", TITLES["ja"], "--en", TITLES["en"])


@pytest.fixture
def small_project(tmp_path) -> Path:
    for part in SMALL:
        (tmp_path / part).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / part, tmp_path / part)
    shutil.copytree(ROOT / "experiments" / "rnn_vs_lstm", tmp_path / "experiments" / "rnn_vs_lstm")
    return tmp_path


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()}


@pytest.mark.parametrize("slug", ["Demo-vs-thing", "demo--thing", "demo_vs_thing", "2d-vs-3d"])
def test_a_bad_slug_is_explained_in_one_line_exit_2_and_nothing_is_written(small_project, slug):
    before = snapshot(small_project)
    done = run_tool("chigai", "new", slug, *OPTIONS, cwd=small_project)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "is not an article slug" in done.stderr
    assert "lowercase ASCII letters and digits" in done.stderr and "e.g. cnn-vs-mlp" in done.stderr
    assert snapshot(small_project) == before


@pytest.mark.parametrize(
    ("slug", "taken"),
    [("rnn-vs-lstm", "docs/rnn-vs-lstm.ja.md"), ("half-done", "experiments/half_done")],
)
def test_an_existing_article_is_refused_and_nothing_is_written(small_project, slug, taken):
    (small_project / "experiments" / "half_done").mkdir()
    before = snapshot(small_project)
    with pytest.raises(ScaffoldError, match=f"{slug!r} is taken by {re.escape(taken)}"):
        new_article(small_project, slug, **TITLES)
    assert snapshot(small_project) == before


def test_a_missing_anchor_is_named_and_nothing_is_written(small_project):
    config = small_project / "mkdocs.yml"
    config.write_text(config.read_text().replace("  - methodology.md\n", ""))
    before = snapshot(small_project)
    with pytest.raises(ScaffoldError, match=r"mkdocs.yml: expected one `- methodology.md` line"):
        new_article(small_project, "demo-vs-thing", **TITLES)
    assert snapshot(small_project) == before
    assert not (small_project / "experiments" / "demo_vs_thing").exists()


def test_a_failure_midway_removes_what_was_made_and_restores_what_was_edited(
    small_project, monkeypatch
):
    before = snapshot(small_project)
    real = scaffold.write_atomically
    calls = []
    last = len(scaffold.plan(small_project, NewArticle("demo-vs-thing", **_titles())))

    def fail_on_the_last(path: Path, text: str) -> None:  # after mkdocs.yml and a home page
        calls.append(path)
        if len(calls) == last:
            raise OSError("disk full")
        real(path, text)

    monkeypatch.setattr(scaffold, "write_atomically", fail_on_the_last)
    with pytest.raises(OSError, match="disk full"):
        new_article(small_project, "demo-vs-thing", **TITLES)
    assert snapshot(small_project) == before
    assert not (small_project / "experiments" / "demo_vs_thing").exists()


def test_edits_are_minimal_and_keep_comments_and_formatting(small_project):
    originals = {name: (small_project / name).read_text() for name in SMALL[:3]}
    new_article(small_project, "demo-vs-thing", **TITLES)
    config = (small_project / "mkdocs.yml").read_text()
    assert config == originals["mkdocs.yml"].replace(
        "  - methodology.md\n", "  - demo-vs-thing.md\n  - methodology.md\n"
    )
    for lang in ("ja", "en"):
        home = (small_project / "docs" / f"index.{lang}.md").read_text()
        card = home.replace(originals[f"docs/index.{lang}.md"].split("</div>")[0], "")
        assert card.startswith('-   {{ thumbnail("demo_vs_thing/example_accuracy") }}\n')
        assert f"**[{TITLES[lang]}](demo-vs-thing.md)**" in card


def _titles() -> dict[str, str]:
    return {"title_ja": TITLES["ja"], "title_en": TITLES["en"]}


def test_a_new_articles_pages_only_say_its_words_the_same_in_both_languages(small_project):
    """The page layer of a new article as the page rules read it: no template tag but
    `{{ }}`, the main line said with the example's verdict, the same figures, boxes and
    messages in both languages (test_parity), and no judging word beside a model name
    outside a selector in either language's words (test_prose)."""
    new_article(small_project, "demo-vs-thing", **TITLES)
    pages = {
        lang: (small_project / "docs" / f"demo-vs-thing.{lang}.md").read_text()
        for lang in LANGUAGES
    }
    folder = small_project / "experiments" / "demo_vs_thing" / "page"
    for lang, page in pages.items():
        assert "{%" not in page
        assert "example-main" in said_with(page)["demo_vs_thing_example"]
        assert unselected_judgements((folder / f"{lang}.ftl").read_text(), lang) == []
    assert parity_problems("demo-vs-thing", pages["ja"], pages["en"]) == []


def test_the_titles_given_name_the_pages_and_the_article(small_project):
    new_article(small_project, "cnn-vs-mlp", ja="CNN と MLP の違い", en="CNN vs MLP")
    toml = tomllib.loads((small_project / "experiments/cnn_vs_mlp/article.toml").read_text())
    assert toml["name"] == {"ja": "CNN と MLP の違い", "en": "CNN vs MLP"}
    assert set(toml["models"]) == {"rnn", "lstm"}  # the example's models, declared
    for lang, title in toml["name"].items():
        page = (small_project / "docs" / f"cnn-vs-mlp.{lang}.md").read_text()
        assert f"\n# {title}\n" in page


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (("--ja", "デモ", "--en", 'Say "hi"'), "--en 'Say \"hi\"' holds '\"': give a title in"),
        (("--ja", "{{ x }}", "--en", "X"), "--ja '{{ x }}' holds '{': give a title in plain"),
        (("--ja", " ", "--en", "X"), "--ja ' ' is empty: give a title"),
        (("--en", "X"), "the following arguments are required: --ja"),
    ],
)
def test_a_missing_or_unusable_title_is_one_line_exit_2_and_nothing_is_written(
    small_project, options, message
):
    before = snapshot(small_project)
    done = run_tool("chigai", "new", "demo-vs-thing", *options, cwd=small_project)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and message in done.stderr
    assert snapshot(small_project) == before


@pytest.mark.slow
def test_a_new_article_builds_and_shows_in_both_languages_nav_and_home(tmp_path):
    """What a writer does first, as real processes: new, the quick run, a strict build;
    then the page rules every article meets (tests/site/test_words.py: every message in
    both languages, every selector's sentences flip, no judgement in a template;
    tests/experiments/test_parity.py, test_prose.py), run on the new article in the copy."""
    tests = ("pyproject.toml", "tests", "benchmarks")  # to run the suite's rules in the copy
    project = copy_project(tmp_path / "p", (*PROJECT_PARTS, *tests))
    rules = ("tests/site/test_words.py", "tests/experiments/test_parity.py")
    for command in (
        ("chigai", "new", "demo-vs-thing", *OPTIONS),
        ("chigai", "run", "demo_vs_thing_example", "--device", "cpu"),
        ("mkdocs", "build", "--strict"),
        ("pytest", *rules, "tests/experiments/test_prose.py", "-k", "demo-vs-thing", "-v"),
    ):
        done = run_tool(*command, cwd=project, env={"PYTHONDONTWRITEBYTECODE": "1"})
        assert done.returncode == 0, (*command, done.stdout[-2000:], done.stderr[-3000:])
    assert "test_each_verdict_flips_its_sentence_in_both_languages[demo-vs-thing" in done.stdout
    site = project / "site"
    stored = json.loads((project / "results" / "demo_vs_thing_example.quick.json").read_text())
    result = SimpleNamespace(data=stored["data"], findings=stored["data"]["findings"])
    folder = project / "experiments" / "demo_vs_thing" / "page"
    verdict = load_verdicts(folder).demo_vs_thing_example(result)
    for lang, base, title, made in (
        ("ja", "", TITLES["ja"], "この数字の作り方"),
        ("en", "en/", TITLES["en"], "How these numbers were made"),
    ):
        page = (site / base / "demo-vs-thing" / "index.html").read_text()
        figure = f"figures/demo_vs_thing/example_accuracy.{lang}"
        assert "<h1 id=" in page and title in page
        text = html.unescape(re.sub(r"<[^>]+>", "", page))  # a glossary tooltip aside
        assert str(say(folder, lang, "example-main", verdict)) in text  # the run's main line
        assert re.search(rf'<img class="no-lightbox" alt="[^"]+" src="(\.\./)+{figure}\.svg"', page)
        assert (site / f"{figure}.svg").stat().st_size > 1000
        assert f"{made}: demo_vs_thing_example" in page and "Hochreiter" in page
        home = (site / base / "index.html").read_text()
        assert 'href="demo-vs-thing/" class="md-nav__link"' in home  # the nav entry
        assert re.search(rf'src="(\.\./)?{figure}\.svg"', home)  # the card's picture
        assert f'<a href="demo-vs-thing/">{title}</a>' in home
        assert "demo_vs_thing_example" in (site / base / "methodology" / "index.html").read_text()
