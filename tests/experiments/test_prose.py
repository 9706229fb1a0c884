"""The words of the articles follow the findings (issue 12, point 4; issue 21).

No sentence that compares models with a judging word ("faster", "solved", "the same",
速い, 同じ ...) stands in a message outside a selector on a verdict: such a sentence was
typed, not measured. A message that explains how a model works (by design, not by
measurement) says so in its Fluent comment: `# explains: <why>`. That each selector's
sentences flip with their verdict, in both languages, is tests/site/test_words.py; that
findings reach each verdict, each article's tests/experiments/<article>/test_verdicts.py.
"""

import re
from pathlib import Path

import pytest
from fluent.syntax import FluentParser, ast
from helpers import ROOT, article_pages

from chigai.experiment import discover
from chigai.site.presentation import article_models, article_prose

PAGES = article_pages()  # every article, found in docs/ and experiments/ (tests/helpers.py)


def _model_patterns(root: Path = ROOT) -> dict[str, str]:
    """What names a model in each language, from every article's own folder: the names its
    article.toml gives its models ([models.*] ja, en) and its [prose] model_words. A new
    model is declared there to be drawn at all, so none can escape the scan."""
    words: dict[str, set[str]] = {"ja": set(), "en": set()}
    for toml in sorted((root / "experiments").glob("*/article.toml")):
        article = toml.parent.name
        for model in article_models(root, article).models.values():
            for lang in words:
                words[lang].add(model.name[lang])
        for lang, extra in article_prose(root, article).model_words.items():
            words[lang] |= set(extra)
    alternatives = {
        lang: "|".join(re.escape(w) for w in sorted(found, key=len, reverse=True))
        for lang, found in words.items()
    }
    return {"en": rf"\b({alternatives['en']})s?\b", "ja": f"({alternatives['ja']})"}


MODELS = _model_patterns()
JUDGING = {
    "en": r"\b(faster|slower|quicker|better|worse|best|worst|wins?|won|beats?|beat|"
    r"outperform\w*|solved?|solves|fail(s|ed)?|holds?|held|same|most|only|always|never|"
    r"more|less|fewer|higher|lower|larger|smaller|grows? like|ahead|behind|level)\b",
    "ja": r"(速|遅|勝|負け|上回|下回|解け|解き|失敗|同じ|ほとんど|だけ|しか|より|最も|"
    r"多く|少な|常に|いつも|必ず|追いつ|及ば)",
}


def test_a_new_articles_models_are_read_from_its_own_folder(tmp_path):
    folder = tmp_path / "experiments" / "cnn_vs_mlp"
    folder.mkdir(parents=True)
    (folder / "article.toml").write_text(
        'share_figure = "x"\n[name]\nja = "CNN と MLP"\nen = "CNN vs MLP"\n'
        '[models.mlp]\ncolour = "#123456"\nja = "多層パーセプトロン"\nen = "MLP"\n'
    )
    models = _model_patterns(tmp_path)
    assert re.search(models["en"], "The MLPs were faster.")
    assert re.search(models["ja"], "多層パーセプトロンの方が速く学習しました。")
    assert not re.search(models["en"], "The LSTM was faster.")  # no other article here


def _fixed_text(pattern: ast.Pattern) -> str:
    """A message's words that no selector chooses, placeables written as 'N'."""
    parts = []
    for element in pattern.elements:
        if isinstance(element, ast.TextElement):
            parts.append(element.value)
        elif not isinstance(element.expression, ast.SelectExpression):
            parts.append("N")
        else:
            parts.append(" ")  # a selector's words are chosen by a verdict
    return "".join(parts)


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=[.!?。！？])\s*", text) if s.strip()]


def unselected_judgements(ftl: str, lang: str) -> list[str]:
    """Sentences no verdict chooses that name a model and use a judging word, except in a
    message whose comment says why it explains rather than judges (`# explains: <why>`)."""
    flagged = []
    for entry in FluentParser().parse(ftl).body:
        if not isinstance(entry, ast.Message) or entry.value is None:
            continue
        why = entry.comment.content if entry.comment else ""
        if re.match(r"explains:\s*\S", why):
            continue
        for sentence in _sentences(_fixed_text(entry.value)):
            judging = re.search(MODELS[lang], sentence) and re.search(JUDGING[lang], sentence, re.I)
            if judging:
                flagged.append(sentence)
    return flagged


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_no_typed_judgement_outside_a_verdicts_selector(page, lang):
    words = ROOT / "experiments" / page.replace("-", "_") / "page" / f"{lang}.ftl"
    assert unselected_judgements(words.read_text(encoding="utf-8"), lang) == []


def test_the_scan_catches_a_typed_comparison_and_spares_a_selected_one():
    typed = "m = The LSTM was faster at every length.\n"
    selected = "m = { $speed ->\n    [lstm] The LSTM was faster.\n   *[other] It was not.\n  }\n"
    assert unselected_judgements(typed, "en") == ["The LSTM was faster at every length."]
    assert unselected_judgements(selected, "en") == []
    assert unselected_judgements("m = LSTM の方が速く学習しました。\n", "ja")
    explained = "# explains: how the cell works, by design\nm = An LSTM has more weights.\n"
    assert unselected_judgements(explained, "en") == []
    assert unselected_judgements("# explains:\n" + explained.split("\n", 1)[1], "en")  # no why


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_every_experiment_box_says_which_published_result_it_echoes(page, lang):
    """Issue 12, point 5: each experiment names its paper (or says it tests advice) once."""
    template = (ROOT / "docs" / f"{page}.{lang}.md").read_text(encoding="utf-8")
    article = page.replace("-", "_")
    own = {spec.id for spec in discover(ROOT).values() if spec.article == article}
    with_paper = set(re.findall(r'provenance\("(\w+)"[^\n]*?paper=', template))
    assert own - {"architecture"} <= with_paper  # architecture counts weights, nothing to compare
