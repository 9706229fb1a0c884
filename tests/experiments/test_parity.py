"""The Japanese and English page of each article show and say the same things.

Each language words the article its own way (experiments/<article>/page/<lang>.ftl), but
both templates must show the same figures, thumbnails and provenance boxes in the same
order, and say the same messages with the same verdicts, so that one language cannot fall
behind when the other is edited. Judgements are made once, in verdicts.py, so there is no
branching left to compare (tests/site/test_words.py refuses any in a template). Articles
are discovered, not listed.
"""

from collections import Counter

import jinja2
import pytest
from helpers import ROOT, article_pages
from jinja2 import nodes

LANGS = ("ja", "en")
SHOWN = ("figure", "thumbnail", "provenance")  # helpers whose first argument names a thing


def _argument(node: nodes.Node | None) -> str:
    """A call's argument as the page names it: a constant, or `v.<experiment>[.<field>]`."""
    if node is None:
        return "(none)"
    if isinstance(node, nodes.Const):
        return repr(node.value)
    if isinstance(node, nodes.Getattr):
        return f"{_argument(node.node)}.{node.attr}"
    if isinstance(node, nodes.Name):
        return node.name
    return type(node).__name__


def shown_and_said(template: str) -> dict[str, list[str]]:
    """In page order: what each helper shows, and each message said with its verdict."""
    found: dict[str, list[str]] = {name: [] for name in (*SHOWN, "say")}
    for call in jinja2.Environment().parse(template).find_all(nodes.Call):
        name = getattr(call.node, "name", "")
        if name in SHOWN and call.args:
            agrees = next((k.value for k in call.kwargs if k.key == "agrees"), None)
            extra = f", agrees={_argument(agrees)}" if name == "provenance" else ""
            found[name].append(_argument(call.args[0]) + extra)
        elif name == "say" and call.args:
            verdict = call.args[1] if len(call.args) > 1 else None
            found["say"].append(f"{_argument(call.args[0])} with {_argument(verdict)}")
    return found


def parity_problems(slug: str, ja: str, en: str) -> list[str]:
    """Every way the two templates of one article differ in what they show or say."""
    pages = {"ja": shown_and_said(ja), "en": shown_and_said(en)}
    problems = []
    for what in (*SHOWN, "say"):
        counts = {lang: Counter(pages[lang][what]) for lang in LANGS}
        for lang, other in (LANGS, LANGS[::-1]):
            for item, n in (counts[lang] - counts[other]).items():
                problems.append(f"{slug}: {lang} has {what} {item} {n} more time(s) than {other}")
        ordered = what != "say"  # each language orders its sentences its own way
        if ordered and not problems and pages["ja"][what] != pages["en"][what]:
            problems.append(f"{slug}: the {what}s are in a different order")
    return problems


@pytest.mark.parametrize("slug", article_pages())
def test_ja_and_en_show_the_same_figures_and_boxes_and_say_the_same_messages(slug):
    template = {lang: (ROOT / "docs" / f"{slug}.{lang}.md").read_text("utf-8") for lang in LANGS}
    problems = parity_problems(slug, template["ja"], template["en"])
    assert problems == [], "\n".join(problems)


PAGE = """\
# Title
{{ figure("adding_mse", caption=say("adding-caption", v.adding_problem)) }}
{{ say("adding-main", v.adding_problem) }}
{{ figure("recall_accuracy") }}
{{ provenance("adding_problem", about=say("adding-about"), agrees=v.adding_problem.paper) }}
"""


def _problems_after(old: str, new: str) -> list[str]:
    assert old in PAGE
    return parity_problems("demo", PAGE, PAGE.replace(old, new))


def test_the_self_test_page_matches_itself():
    assert parity_problems("demo", PAGE, PAGE) == []


def test_a_figure_missing_or_moved_in_one_language_is_named():
    assert _problems_after('{{ figure("recall_accuracy") }}\n', "") == [
        "demo: ja has figure 'recall_accuracy' 1 more time(s) than en"
    ]
    moved = PAGE.replace('{{ figure("recall_accuracy") }}\n', "")
    moved = moved.replace("# Title\n", '# Title\n{{ figure("recall_accuracy") }}\n')
    assert parity_problems("demo", PAGE, moved) == ["demo: the figures are in a different order"]


def test_a_message_said_in_one_language_only_or_with_another_verdict_is_named():
    assert _problems_after('{{ say("adding-main", v.adding_problem) }}\n', "") == [
        "demo: ja has say 'adding-main' with v.adding_problem 1 more time(s) than en"
    ]
    other = _problems_after('say("adding-main", v.adding_problem)', 'say("adding-main", v.other)')
    assert len(other) == 2 and "with v.other" in other[1]


def test_a_box_with_another_agrees_is_caught():
    problems = _problems_after("agrees=v.adding_problem.paper", "agrees=v.adding_problem.gates")
    assert "agrees=v.adding_problem.paper" in problems[0]
