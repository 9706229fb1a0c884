"""Models are declared by their article (experiments/<article>/article.toml [models.*]):
figures draw them in the declared colour and name, an undeclared one is a one-line error
naming the file to declare it in, and a changed declaration redraws the figure."""

import dataclasses
import json
import re
import textwrap
from pathlib import Path

import pytest

from chigai.experiment import ExperimentError, discover, read_spec
from chigai.run.freshness import best, check_all
from chigai.site.declared import Declared, Model, UndeclaredModel, drawing
from chigai.site.presentation import article_models, read_articles

ROOT = Path(__file__).resolve().parents[2]
ADDING = json.loads((ROOT / "results" / "adding_problem.quick.json").read_text())["data"]
MODULE = 'PRESETS = {"quick": {}, "full": {}}\nFIGURES = {"curve": "error_vs_lag"}\n'
MODULE += 'ALT = {"curve": {"ja": "折れ線グラフ。", "en": "A line chart."}}\n'
ARTICLE = """
share_figure = "curve"

[name]
ja = "例と例の違い"
en = "Example vs example"

[models.rnn]
colour = "#d9534f"
ja = "RNN"
en = "RNN"
"""


def demo_article(root: Path, toml: str = ARTICLE) -> Path:
    folder = root / "experiments" / "demo_vs_thing"
    folder.mkdir(parents=True)
    (folder / "demo_example.py").write_text(MODULE)
    (folder / "article.toml").write_text(textwrap.dedent(toml))
    return folder


def test_a_model_its_article_does_not_declare_is_one_line_naming_the_article_toml(tmp_path):
    from chigai.site.figures import render

    demo_article(tmp_path)  # declares rnn; the adding problem's data also has an lstm
    with pytest.raises(UndeclaredModel) as raised:
        render("error_vs_lag", ADDING, "en", models=article_models(tmp_path, "demo_vs_thing"))
    message = str(raised.value)
    assert "\n" not in message
    assert message.startswith("experiments/demo_vs_thing/article.toml: ")
    assert "model 'lstm'" in message and "add [models.lstm] with colour" in message


def test_the_figure_draws_each_model_in_its_declared_colour_and_name():
    import matplotlib.pyplot as plt

    from chigai.site.figures import KINDS

    declared = Declared(
        "experiments/x/article.toml",
        {
            "rnn": Model("#123456", {"ja": "素朴な RNN", "en": "plain RNN"}),
            "lstm": Model("#abcdef", {"ja": "長短期記憶", "en": "long short-term memory"}),
        },
    )
    with drawing(declared):
        figure = KINDS["error_vs_lag"](ADDING, "en")
    legend = figure.legends[0]
    shown = {
        text.get_text(): line.get_color()
        for text, line in zip(legend.get_texts(), legend.legend_handles, strict=True)
    }
    plt.close(figure)
    assert shown["plain RNN"] == "#123456" and shown["long short-term memory"] == "#abcdef"


def test_a_changed_colour_draws_the_figure_again(tmp_path):
    from chigai.site.assemble import figure_files
    from chigai.site.render import Shown

    specs = discover(ROOT)
    spec = specs["adding_problem"]
    shown = {spec.id: Shown(spec, best(check_all(ROOT, spec)).result, False)}
    articles = read_articles(ROOT, specs.values())
    articles["rnn_vs_lstm"] = dataclasses.replace(articles["rnn_vs_lstm"], share_figure="-")
    before, problems = figure_files(shown, tmp_path, articles)
    rnn = articles["rnn_vs_lstm"].models
    recoloured = dict(rnn.models) | {
        "lstm": dataclasses.replace(rnn.models["lstm"], colour="#00ff00")
    }
    articles["rnn_vs_lstm"] = dataclasses.replace(
        articles["rnn_vs_lstm"], models=dataclasses.replace(rnn, models=recoloured)
    )
    after, _ = figure_files(shown, tmp_path, articles)
    uri = "figures/rnn_vs_lstm/adding_mse.en.svg"
    assert problems == [] and before[uri] != after[uri]
    assert b"#00ff00" in after[uri].read_bytes() and b"#00ff00" not in before[uri].read_bytes()


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('colour = "#d9534f"', 'colour = "red"', r'\[models.rnn\]: colour must be "#rrggbb"'),
        ('en = "RNN"\n', "", r"\[models.rnn\]: needs exactly colour, ja and en"),
        ('ja = "RNN"', 'ja = ""', r"\[models.rnn\]: needs a name in ja and en"),
        ("[models.rnn]", "[models.baseline]", r"'baseline' is a shared label"),
        ("[models.rnn]", "[models.Big-RNN]", r"a model name is lowercase letters"),
    ],
)
def test_a_bad_model_declaration_is_named_with_file_and_table(tmp_path, old, new, message):
    folder = demo_article(tmp_path, ARTICLE.replace(old, new))
    with pytest.raises(ExperimentError, match=message) as raised:
        read_articles(tmp_path, [read_spec(folder / "demo_example.py")])
    assert re.search(r"demo_vs_thing/article.toml: \[models", str(raised.value))
    assert "\n" not in str(raised.value)
