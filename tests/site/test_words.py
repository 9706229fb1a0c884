"""Every judgement decided once (experiments/<article>/page/verdicts.py) and said in each
language's own words (page/<lang>.ftl): the messages exist in every language, every
selector's sentences flip when its verdict flips, and page templates make no judgement.
"""

import dataclasses
import re
import typing
from pathlib import Path

import jinja2
import pytest
from fluent.syntax import FluentParser, ast
from fluent.syntax.visitor import Visitor
from helpers import ROOT, article_pages, committed_results
from jinja2 import nodes

from chigai.site.render import render_page
from chigai.site.templating import RenderError
from chigai.site.words import LANGUAGES, Verdicts, page_folder, say

PAGES = article_pages()
CONVERTED = [p for p in PAGES if page_folder(ROOT / "experiments" / p.replace("-", "_")).is_dir()]


def _folder(page: str) -> Path:
    return page_folder(ROOT / "experiments" / page.replace("-", "_"))


def _messages(page: str, lang: str) -> dict[str, ast.Message]:
    text = (_folder(page) / f"{lang}.ftl").read_text(encoding="utf-8")
    return {
        entry.id.name: entry
        for entry in FluentParser().parse(text).body
        if isinstance(entry, ast.Message)
    }


def _said(page: str, lang: str) -> list[tuple[str, str | None]]:
    """(message, experiment whose verdict fills it) for every say() in a page template."""
    source = (ROOT / "docs" / f"{page}.{lang}.md").read_text(encoding="utf-8")
    pairs = []
    for call in jinja2.Environment().parse(source).find_all(nodes.Call):
        if isinstance(call.node, nodes.Name) and call.node.name == "say":
            message = call.args[0].value
            verdict = call.args[1] if len(call.args) > 1 else None
            experiment = verdict.attr if isinstance(verdict, nodes.Getattr) else None
            pairs.append((message, experiment))
    return pairs


def _selectors(message: ast.Message) -> set[str]:
    """The variables a message chooses its words by."""
    found: set[str] = set()

    class Selectors(Visitor):
        def visit_SelectExpression(self, node: ast.SelectExpression) -> None:
            if isinstance(node.selector, ast.VariableReference):
                found.add(node.selector.id.name)
            self.generic_visit(node)

    Selectors().visit(message)
    return found


def _depth(node: object, depth: int = 0) -> int:
    """How deep select expressions nest in a Fluent syntax tree."""
    if isinstance(node, ast.SelectExpression):
        depth += 1
    children = [v for v in vars(node).values()] if isinstance(node, ast.BaseNode) else []
    deepest = depth
    for child in children:
        for item in child if isinstance(child, list) else [child]:
            if isinstance(item, ast.BaseNode):
                deepest = max(deepest, _depth(item, depth))
    return deepest


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("page", CONVERTED)
def test_each_message_chooses_its_words_one_selector_deep(page, lang):
    deep = [name for name, message in _messages(page, lang).items() if _depth(message) > 1]
    assert deep == [], f"{lang}.ftl: selectors nested in {deep}; give the verdict one field"


@pytest.mark.parametrize("page", CONVERTED)
def test_every_language_has_every_message(page):
    ids = {lang: set(_messages(page, lang)) for lang in LANGUAGES}
    assert ids["ja"] == ids["en"], (
        f"only in ja: {ids['ja'] - ids['en']}, en: {ids['en'] - ids['ja']}"
    )
    for lang in LANGUAGES:
        missing = {message for message, _ in _said(page, lang)} - ids[lang]
        assert not missing, f"docs/{page}.{lang}.md says messages {lang}.ftl lacks: {missing}"


COMMITTED = committed_results()


def _flip_cases() -> list[tuple[str, str, str, str]]:
    """(page, message, experiment, field) for every selector a said message chooses by."""
    cases = set()
    for page in CONVERTED:
        for lang in LANGUAGES:
            messages = _messages(page, lang)
            for message, experiment in _said(page, lang):
                if experiment:
                    for field in _selectors(messages[message]):
                        cases.add((page, message, experiment, field))
    return sorted(cases)


@pytest.mark.parametrize(("page", "message", "experiment", "field"), _flip_cases())
def test_each_verdict_flips_its_sentence_in_both_languages(page, message, experiment, field):
    """Every value a selector can take (its Literal type in verdicts.py) says something
    different, in both languages: a sentence cannot stay put while its verdict turns."""
    verdict = getattr(Verdicts(_folder(page), COMMITTED), experiment)
    hints = typing.get_type_hints(type(verdict))
    choices = typing.get_args(hints[field])
    if not choices:  # a count: its [0] variant and the rest must differ
        choices = (0, 1, 2)
    for lang in LANGUAGES:
        said = {
            value: str(
                say(_folder(page), lang, message, dataclasses.replace(verdict, **{field: value}))
            )
            for value in choices
        }
        assert len(set(said.values())) == len(said) or not typing.get_args(hints[field]), (
            f"{page} {lang}: {message} says the same for {field} = {list(said)}"
        )
        if not typing.get_args(hints[field]):
            assert said[0] != said[2], f"{page} {lang}: {message} ignores {field}"


# Template nodes that would make a judgement in the page: branches, loops, comparisons,
# arithmetic, boolean logic, accumulators. A page may only name values and call helpers.
JUDGING_NODES = (
    nodes.If,
    nodes.For,
    nodes.CondExpr,
    nodes.Compare,
    nodes.BinExpr,
    nodes.UnaryExpr,
    nodes.Concat,
    nodes.Macro,
    nodes.Test,
)
ALLOWED_FILTERS = {"indent", "device", "duration"}


def judgements(template: str) -> list[str]:
    """What a page template decides by itself, as 'line N: node' strings."""
    found = []
    for node in jinja2.Environment().parse(template).find_all(nodes.Node):
        if isinstance(node, JUDGING_NODES):
            found.append(f"line {node.lineno}: {type(node).__name__}")
        elif isinstance(node, nodes.Filter) and node.name not in ALLOWED_FILTERS:
            found.append(f"line {node.lineno}: filter {node.name}")
        elif isinstance(node, nodes.Call) and getattr(node.node, "name", "") == "namespace":
            found.append(f"line {node.lineno}: namespace")
    return found


def test_the_scan_catches_a_judgement_and_spares_a_said_verdict():
    assert judgements("{% if f.x > 1 %}big{% endif %}") == ["line 1: If", "line 1: Compare"]
    assert judgements("{{ (a.x | min) * 100 }}") == ["line 1: Mul", "line 1: filter min"]
    assert judgements('{{ say("m", v.small_data) }}\n{{ table(v.s.rows, {"a": say("h")}) }}') == []


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("page", CONVERTED)
def test_a_page_template_makes_no_judgement_and_reads_as_prose(page, lang):
    source = (ROOT / "docs" / f"{page}.{lang}.md").read_text(encoding="utf-8")
    assert judgements(source) == []
    tags = len(re.findall(r"\{\{|\{%", source))
    assert tags <= 150, f"docs/{page}.{lang}.md has {tags} template tags (at most 150)"
    long = [i for i, line in enumerate(source.splitlines(), 1) if len(line) > 200]
    assert not long, f"docs/{page}.{lang}.md: lines over 200 characters: {long}"


def test_a_missing_message_or_verdict_function_is_named(tmp_path):
    folder = tmp_path / "page"
    folder.mkdir()
    (folder / "en.ftl").write_text("hello = Hello { $who }.\n")
    (folder / "verdicts.py").write_text("")
    with pytest.raises(RenderError, match=r"en.ftl has no message 'bye'; add it"):
        say(folder, "en", "bye")
    with pytest.raises(RenderError, match=r"ja.ftl is missing"):
        say(folder, "ja", "hello")
    with pytest.raises(RenderError, match=r"verdicts.py has no function small_data\(result\)"):
        _ = Verdicts(folder, {"small_data": object()}).small_data
    (folder / "en.ftl").write_text("broken = { $x ->\n")
    with pytest.raises(RenderError, match="Fluent syntax error"):
        say(folder, "en", "broken")


def test_values_from_results_are_escaped_and_messages_keep_their_markdown(tmp_path):
    folder = tmp_path / "page"
    folder.mkdir()
    (folder / "en.ftl").write_text("m = **{ $name }** scored { PCT($share) } at { $lags }.\n")
    said = say(folder, "en", "m", name="<b>[x](javascript:1)</b>", share=0.5, lags=[10, 20, 30])
    assert "<b>" not in said and "](" not in said
    assert said.startswith("**") and "50% at 10, 20 and 30." in said


def test_a_page_renders_the_verdicts_words_in_each_language():
    """The small-data section as a reader sees it: its main line follows the finding."""
    for lang, lstm_only, rnn_somewhere in (
        ("en", "the plain RNN never did clearly better", "the plain RNN did clearly better"),
        ("ja", "一度もありませんでした", "ふつうの RNN が LSTM をはっきり上回りました"),
    ):
        template = (ROOT / "docs" / f"rnn-vs-lstm.{lang}.md").read_text(encoding="utf-8")
        page = render_page(template, src_uri=f"rnn-vs-lstm.{lang}.md", lang=lang, shown=COMMITTED)
        assert (lstm_only in page) == (COMMITTED["small_data"].findings["rnn_better_sizes"] == [])
        assert (rnn_somewhere in page) != (lstm_only in page)


def test_a_long_verdicts_module_may_keep_parts_in_sibling_files_and_an_edit_is_read(tmp_path):
    folder = tmp_path / "experiments" / "demo" / "page"
    folder.mkdir(parents=True)
    (folder / "_recall.py").write_text("def recall(result):\n    return {'n': 1}\n")
    (folder / "verdicts.py").write_text("from ._recall import recall  # noqa: F401\n")
    assert Verdicts(folder, {"recall": object()}).recall == {"n": 1}
    (folder / "_recall.py").write_text("def recall(result):\n    return {'n': 22}\n")
    assert Verdicts(folder, {"recall": object()}).recall == {"n": 22}  # the next build
