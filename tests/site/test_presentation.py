"""Alt text, names and share figures come from the article's own files, checked early."""

import shutil
import textwrap
from pathlib import Path

import pytest

from chigai.experiment import ExperimentError, discover, read_spec
from chigai.site.assemble import collect
from chigai.site.presentation import read_articles, texts

ROOT = Path(__file__).resolve().parents[2]
MODULE = """
PRESETS = {"quick": {}, "full": {}}
FIGURES = {"curve": "error_vs_lag"}
ALT = {"curve": {"ja": "折れ線グラフ。", "en": "A line chart."}}
NAME = {"ja": "例", "en": "An example"}
"""
ARTICLE = """
share_figure = "curve"

[name]
ja = "例と例の違い"
en = "Example vs example"
"""


def write_article(root: Path, module: str = MODULE, toml: str | None = ARTICLE) -> Path:
    folder = root / "experiments" / "demo_vs_thing"
    folder.mkdir(parents=True)
    (folder / "demo_example.py").write_text(textwrap.dedent(module))
    if toml is not None:
        (folder / "article.toml").write_text(textwrap.dedent(toml))
    return folder


def test_every_article_and_experiment_of_the_project_has_its_words():
    specs = discover(ROOT)
    articles = read_articles(ROOT, specs.values())
    assert {spec.article for spec in specs.values()} == set(articles)
    assert articles["rnn_vs_lstm"].share_figure == "rnn_vs_lstm/adding_mse"
    assert texts(specs["adding_problem"]).name["en"] == "Adding two numbers far apart"


def test_a_good_article_reads_its_name_share_figure_and_alt(tmp_path):
    folder = write_article(tmp_path)
    spec = read_spec(folder / "demo_example.py")
    (article,) = read_articles(tmp_path, [spec]).values()
    assert article.name["en"] == "Example vs example"
    assert article.share_figure == "demo_vs_thing/curve"
    assert article.share_alt == {"ja": "折れ線グラフ。", "en": "A line chart."}
    assert texts(spec).alt["curve"]["en"] == "A line chart."


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (', "en": "A line chart."', "", r"demo_example.py: ALT\['curve'\]: needs alt text in ja"),
        ('"curve": {"ja"', '"x": {}, "curve": {"ja"', r"ALT names x, which FIGURES does not"),
        (', "en": "An example"', "", r"demo_example.py: NAME: needs what readers call the"),
        ('{"ja": "例"', '{"ja": str(1)', r"demo_example.py:5: NAME must be a plain literal"),
    ],
)
def test_missing_or_stray_words_in_an_experiment_are_one_line_errors(tmp_path, old, new, message):
    spec = read_spec(write_article(tmp_path, MODULE.replace(old, new)) / "demo_example.py")
    with pytest.raises(ExperimentError, match=message) as raised:
        read_articles(tmp_path, [spec])
    assert "\n" not in str(raised.value)


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        (None, r"article.toml: missing; every article needs one"),
        ("share_figure = \n", r"article.toml: not valid TOML"),
        (ARTICLE.replace('"curve"', '"nope"'), r"share_figure 'nope' is not a figure of this"),
        (ARTICLE.replace('en = "Example vs example"', ""), r"article.toml: name: needs what"),
        (ARTICLE.replace("share_figure", "share"), r"unknown keys \['share'\], missing keys"),
        (  # the old home of prose exceptions: the message says where they went
            ARTICLE + '[prose.explains]\n"An LSTM has more" = "by design"\n',
            r"\[prose\] takes only model_words, got \['explains'\]; .* # explains: <why>",
        ),
    ],
)
def test_a_missing_or_broken_article_toml_names_the_file_and_key(tmp_path, toml, message):
    spec = read_spec(write_article(tmp_path, toml=toml) / "demo_example.py")
    with pytest.raises(ExperimentError, match=message):
        read_articles(tmp_path, [spec])


def test_a_build_stops_at_missing_alt_text_before_running_anything(tmp_path):
    """collect() is the build's first step: the error comes before any rerun."""
    shutil.copy2(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    write_article(tmp_path, MODULE.replace("ALT = ", "UNUSED = "))
    with pytest.raises(ExperimentError, match=r"ALT\['curve'\]"):
        collect(tmp_path, "rerun")
    assert not (tmp_path / "results").exists()
