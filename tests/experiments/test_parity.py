"""The Japanese and English page of each article say the same things (issue 15, point 4).

Only the prose may differ between `docs/<slug>.ja.md` and `.en.md`: both must show the same
figures in the same order, the same provenance boxes (with the same `agrees=`), use the
same findings, and branch on the same conditions, so that one language cannot silently
fall behind when the other is edited. Articles are discovered, not listed.

Each template is read as a Jinja syntax tree, with its local names resolved: after
`{% set adding = results.adding_problem %}{% set fa = adding.findings %}`, the text
`fa.paper` reads `results.adding_problem.findings.paper`, so the two languages may name
their shortcuts differently. A `{% for x in <list> %}` variable reads `each(<list>)`.
What is compared:

- figures: `figure("name", ...)` first arguments, in page order; thumbnails likewise;
- provenance boxes: `provenance("id", ..., agrees=...)`, the id and the resolved `agrees`,
  in page order;
- findings: every `results.<id>.findings.<key>[.<key>...]` reached through a name or a
  constant key, as a set (how often a page mentions one is prose);
- conditions: the test of every `{% if %}` / `{% elif %}` that reads a result, resolved
  and written out, as a multiset.

What is not compared, and why:

- inline `x if c else y` expressions: they choose grammar, like an English plural "s"
  that Japanese does not have;
- `{% if %}` tests that read no result once names are resolved, such as `{% if a != b %}`
  inside a formatting macro whose parameters are whatever its caller passes (the caller's
  data are compared where it is called);
- an `{% if %}` test that the other language makes inline instead: the same choice, worded
  another way (rnn-vs-lstm picks 「そのうちラグ X では」 or 「そのラグでも」 with an
  `{% if %}` where English writes `"those lags" if ... else "that lag"`). The test itself
  must be the same, so this only excuses a statement against an identical inline test.

A namespace (`{% set ns = namespace(l=[]) %}`) keeps its name, since its value is built up
in a loop; it reads a result when what is put in it does, or is put in under a branch or
loop that does.
"""

import re
from collections import Counter
from dataclasses import dataclass, field

import jinja2
import pytest
from helpers import ROOT, article_pages
from jinja2 import nodes

LANGS = ("ja", "en")
SHOWN = ("figure", "thumbnail")  # helpers whose first argument names a figure
# `provenance(experiment, about, paper, agrees)`: where `agrees` sits when passed by position
AGREES_AT = 3

_COMPARE = {"eq": "==", "ne": "!=", "gt": ">", "gteq": ">=", "lt": "<", "lteq": "<=", "in": "in"}
_COMPARE["notin"] = "not in"
_FINDING = re.compile(r"\bresults\.(\w+)\.findings((?:\.\w+)+)(\()?")


def _is_key(value: object) -> bool:
    """A constant subscript that reads like an attribute: x["findings"] is x.findings."""
    return isinstance(value, str) and value.isidentifier()


@dataclass
class _Name:
    """What a local name stands for: resolved text (None: keep the name) and whether its
    value reads a result. Shared between a scope and its copies, so that a namespace
    filled inside a loop is marked in the scope that made it."""

    text: str | None
    reads_results: bool


@dataclass
class Page:
    """What one language's template shows and tests, with local names resolved."""

    figures: dict[str, list[str]] = field(default_factory=lambda: {h: [] for h in SHOWN})
    boxes: list[str] = field(default_factory=list)
    findings: set[str] = field(default_factory=set)
    conditions: Counter = field(default_factory=Counter)
    inline: set[str] = field(default_factory=set)  # tests of `x if <test> else y` on results


class _Reader:
    """Walks a template's syntax tree in page order, resolving local names as it goes."""

    def __init__(self) -> None:
        self.page = Page()

    # statements -------------------------------------------------------------------------

    def body(self, statements: list[nodes.Node], scope: dict, guarded: bool) -> None:
        for statement in statements:
            self.statement(statement, scope, guarded)

    def statement(self, node: nodes.Node, scope: dict, guarded: bool) -> None:
        """`guarded`: inside a branch or loop that reads a result."""
        if isinstance(node, nodes.Assign):
            text, reads = self.expr(node.node, scope)
            self.bind(node.target, text, reads or guarded, scope)
        elif isinstance(node, nodes.If):
            test, reads = self.expr(node.test, scope)
            if reads:
                self.page.conditions[test] += 1
            self.body(node.body, scope, guarded or reads)
            for branch in node.elif_:
                self.statement(branch, scope, guarded or reads)
            self.body(node.else_, scope, guarded or reads)
        elif isinstance(node, nodes.For):
            items, reads = self.expr(node.iter, scope)
            inner = dict(scope)  # a loop's names do not leak out of it (Jinja scoping)
            if isinstance(node.target, nodes.Name):
                inner[node.target.name] = _Name(f"each({items})", reads)
            else:  # `for name, label in (...)`: tuples may hold each language's own words
                for target in node.target.find_all(nodes.Name):
                    inner[target.name] = _Name(None, reads)
            if node.test is not None:  # `{% for x in xs if <test> %}` filters like an if
                test, filters = self.expr(node.test, inner)
                if filters:
                    self.page.conditions[test] += 1
                reads = reads or filters
            self.body(node.body, inner, guarded or reads)
            self.body(node.else_, scope, guarded or reads)
        elif isinstance(node, nodes.Macro):
            scope[node.name] = _Name(None, False)
            inner = dict(scope)
            for default in node.defaults:
                self.expr(default, scope)
            for argument in node.args:
                inner[argument.name] = _Name(None, False)
            self.body(node.body, inner, False)
        else:  # Output, AssignBlock, CallBlock, With, ...: expressions and statements inside
            for child in node.iter_child_nodes():
                if isinstance(child, nodes.Expr):
                    self.expr(child, scope)
                else:
                    self.statement(child, scope, guarded)

    def bind(self, target: nodes.Node, text: str, reads: bool, scope: dict) -> None:
        if isinstance(target, nodes.NSRef):  # `{% set ns.l = ... %}` fills a namespace
            known = scope.setdefault(target.name, _Name(None, False))
            known.reads_results = known.reads_results or reads
        elif isinstance(target, nodes.Name):
            namespace = text.startswith("namespace(")
            scope[target.name] = _Name(None if namespace else text, reads)
        else:
            for name in target.find_all(nodes.Name):
                scope[name.name] = _Name(None, reads)

    # expressions ------------------------------------------------------------------------

    def expr(self, node: nodes.Node, scope: dict) -> tuple[str, bool]:
        """A top-level expression as resolved text, recording the findings it reads."""
        found = [False]
        text = self.text(node, scope, found)
        for experiment, keys, call in _FINDING.findall(text):
            path = keys.split(".")[1:]
            if call:  # `....lags.index(x)`: the last name is a method, not a key
                path = path[:-1]
            if path:
                self.page.findings.add(f"results.{experiment}.findings.{'.'.join(path)}")
        return text, found[0]

    def text(self, node: nodes.Node, scope: dict, found: list[bool]) -> str:
        """`node` written out, local names replaced by what they stand for, every compound
        in parentheses; `found[0]` becomes True when it reads a result."""

        def t(child: nodes.Node) -> str:
            return self.text(child, scope, found)

        def arguments(call: nodes.Node) -> str:
            parts = [t(a) for a in call.args] + [f"{k.key}={t(k.value)}" for k in call.kwargs]
            return ", ".join(parts)

        if isinstance(node, nodes.Name):
            known = scope.get(node.name)
            if node.name == "results" and known is None:
                found[0] = True
            if known is None:
                return node.name
            found[0] = found[0] or known.reads_results
            return node.name if known.text is None else known.text
        if isinstance(node, nodes.Const):
            return repr(node.value)
        if isinstance(node, nodes.Getattr):
            return f"{t(node.node)}.{node.attr}"
        if isinstance(node, nodes.Getitem):
            key = node.arg
            if isinstance(key, nodes.Const) and _is_key(key.value):
                return f"{t(node.node)}.{key.value}"
            return f"{t(node.node)}[{t(key)}]"
        if isinstance(node, nodes.Slice):
            parts = [node.start, node.stop] + ([node.step] if node.step else [])
            return ":".join("" if part is None else t(part) for part in parts)
        if isinstance(node, nodes.Call):
            text = f"{t(node.node)}({arguments(node)})"
            if isinstance(node.node, nodes.Name) and node.node.name not in scope:
                self.shown(node.node.name, node, scope, found)
            return text
        if isinstance(node, (nodes.Filter, nodes.Test)):
            word = "|" if isinstance(node, nodes.Filter) else "is"
            subject = "" if node.node is None else t(node.node) + " "
            extra = f"({arguments(node)})" if node.args or node.kwargs else ""
            return f"({subject}{word} {node.name}{extra})"
        if isinstance(node, nodes.Compare):
            rest = " ".join(f"{_COMPARE[op.op]} {t(op.expr)}" for op in node.ops)
            return f"({t(node.expr)} {rest})"
        if isinstance(node, nodes.BinExpr):
            return f"({t(node.left)} {node.operator} {t(node.right)})"
        if isinstance(node, nodes.UnaryExpr):
            return f"({node.operator} {t(node.node)})"
        if isinstance(node, nodes.Concat):
            return "(" + " ~ ".join(t(part) for part in node.nodes) + ")"
        if isinstance(node, nodes.CondExpr):
            reads = [False]
            test = self.text(node.test, scope, reads)
            if reads[0]:
                self.page.inline.add(test)
            found[0] = found[0] or reads[0]
            otherwise = "" if node.expr2 is None else f" else {t(node.expr2)}"
            return f"({t(node.expr1)} if {test}{otherwise})"
        if isinstance(node, nodes.List):
            return "[" + ", ".join(t(item) for item in node.items) + "]"
        if isinstance(node, nodes.Tuple):
            return "(" + "".join(t(item) + ", " for item in node.items) + ")"
        if isinstance(node, nodes.Dict):
            return "{" + ", ".join(f"{t(p.key)}: {t(p.value)}" for p in node.items) + "}"
        fields = [t(v) if isinstance(v, nodes.Node) else repr(v) for _, v in node.iter_fields()]
        return f"{type(node).__name__}({', '.join(fields)})"

    def shown(self, helper: str, call: nodes.Call, scope: dict, found: list[bool]) -> None:
        """Note a figure, thumbnail or provenance box (first argument; a box's `agrees`)."""
        if not call.args:
            return
        first = call.args[0]
        name = first.value if isinstance(first, nodes.Const) else self.text(first, scope, found)
        if helper in SHOWN:
            self.page.figures[helper].append(str(name))
        elif helper == "provenance":
            agrees = [k.value for k in call.kwargs if k.key == "agrees"]
            agrees += call.args[AGREES_AT : AGREES_AT + 1]
            said = self.text(agrees[0], scope, [False]) if agrees else "(not given)"
            self.page.boxes.append(f"provenance({name!r}, agrees={said})")


def read(template: str) -> Page:
    """What a page template shows and tests (see the module docstring)."""
    reader = _Reader()
    reader.body(jinja2.Environment().parse(template).body, {}, False)
    return reader.page


def _times(n: int) -> str:
    return "once" if n == 1 else f"{n} times"


def _sequence(slug: str, what: str, pages: dict[str, list[str]]) -> list[str]:
    """The same items in the same order; each missing item is named, then the order."""
    problems = []
    counts = {lang: Counter(items) for lang, items in pages.items()}
    for lang, other in (LANGS, LANGS[::-1]):
        for item, n in (counts[lang] - counts[other]).items():
            more = f" {_times(n + counts[other][item])}, {other} {_times(counts[other][item])}"
            tail = more if counts[other][item] else f", {other} does not"
            problems.append(f"{slug}: {lang} shows {what} {item}{tail}")
    if not problems and pages["ja"] != pages["en"]:
        order = "; ".join(f"{lang}: {', '.join(pages[lang])}" for lang in LANGS)
        problems.append(f"{slug}: the {what}s are in a different order ({order})")
    return problems


def parity_problems(slug: str, ja: str, en: str) -> list[str]:
    """Every way the two templates of one article differ in what they show or test."""
    pages = {"ja": read(ja), "en": read(en)}
    problems = []
    for helper in SHOWN:
        problems += _sequence(slug, helper, {k: p.figures[helper] for k, p in pages.items()})
    problems += _sequence(slug, "box", {k: p.boxes for k, p in pages.items()})
    for lang, other in (LANGS, LANGS[::-1]):
        for finding in sorted(pages[lang].findings - pages[other].findings):
            problems.append(f"{slug}: {lang} uses {finding}, {other} does not")
    for lang, other in (LANGS, LANGS[::-1]):
        mine, theirs = pages[lang].conditions, pages[other].conditions
        for test, n in sorted((mine - theirs).items()):
            if test in pages[other].inline:
                continue  # the same choice, worded inline there (see the module docstring)
            tail = f", {other} {_times(theirs[test])}" if theirs[test] else f", {other} does not"
            count = f" {_times(n + theirs[test])}" if theirs[test] else ""
            problems.append(f"{slug}: {lang} branches on {test}{count}{tail}")
    return problems


@pytest.mark.parametrize("slug", article_pages())
def test_ja_and_en_show_the_same_figures_findings_and_conditions(slug):
    template = {lang: (ROOT / "docs" / f"{slug}.{lang}.md").read_text("utf-8") for lang in LANGS}
    problems = parity_problems(slug, template["ja"], template["en"])
    assert problems == [], "\n".join(problems)


# Self-tests: the comparison catches what it is for, on small pages of the same shape.

PAGE = """\
{% set adding = results.adding_problem %}{% set fa = adding.findings %}
# Title
{{ figure("adding_mse", caption="x") }}
{% if fa.paper == "agrees" %}Yes.{% elif fa.paper == "partly" %}Partly.{% else %}No.{% endif %}
{% for b in fa.better_per_lag %}{% if b == "lstm" %}LSTM{% endif %}{% endfor %}
{{ figure("recall_accuracy") }}
{% if fa.rnn_at_baseline_lags | length > 1 %}Lags{% endif %}
{{ provenance("adding_problem", about="x", paper="p", agrees=fa.paper) }}
"""


def _problems_after(old: str, new: str) -> list[str]:
    """The problems found when the English page is PAGE with one edit."""
    assert old in PAGE
    return parity_problems("demo", PAGE, PAGE.replace(old, new))


def test_the_self_test_page_matches_itself():
    assert read(PAGE).conditions and read(PAGE).findings and read(PAGE).boxes
    assert parity_problems("demo", PAGE, PAGE) == []


def test_a_figure_missing_in_one_language_is_named():
    assert _problems_after('{{ figure("recall_accuracy") }}', "") == [
        "demo: ja shows figure recall_accuracy, en does not"
    ]


def test_figures_in_another_order_are_caught():
    swapped = PAGE.replace('"adding_mse"', '"TMP"').replace('"recall_accuracy"', '"adding_mse"')
    problems = parity_problems("demo", PAGE, swapped.replace('"TMP"', '"recall_accuracy"'))
    assert problems == [
        "demo: the figures are in a different order "
        "(ja: adding_mse, recall_accuracy; en: recall_accuracy, adding_mse)"
    ]


def test_a_removed_finding_branch_is_named_with_its_finding():
    problems = _problems_after(
        "{% if fa.rnn_at_baseline_lags | length > 1 %}Lags{% endif %}", "Lags"
    )
    assert problems == [
        "demo: ja uses results.adding_problem.findings.rnn_at_baseline_lags, en does not",
        "demo: ja branches on ((results.adding_problem.findings.rnn_at_baseline_lags "
        "| length) > 1), en does not",
    ]


def test_a_removed_elif_is_caught_even_though_the_finding_is_still_used():
    problems = _problems_after('{% elif fa.paper == "partly" %}Partly.', "")
    assert problems == [
        "demo: ja branches on (results.adding_problem.findings.paper == 'partly'), en does not"
    ]


def test_a_changed_condition_is_named_in_both_directions():
    problems = _problems_after('b == "lstm"', 'b == "rnn"')
    each = "each(results.adding_problem.findings.better_per_lag)"
    assert problems == [
        f"demo: ja branches on ({each} == 'lstm'), en does not",
        f"demo: en branches on ({each} == 'rnn'), ja does not",
    ]


def test_a_condition_tested_twice_in_one_language_and_once_in_the_other_is_caught():
    extra = '{% if fa.paper == "agrees" %}Again.{% endif %}\n'
    problems = parity_problems("demo", PAGE, PAGE + extra)
    assert problems == [
        "demo: en branches on (results.adding_problem.findings.paper == 'agrees') 2 times, ja once"
    ]


def test_a_box_with_another_agrees_is_caught():
    problems = _problems_after("agrees=fa.paper", "agrees=fa.paper_gradients")
    box = "box provenance('adding_problem', agrees=results.adding_problem.findings.paper"
    assert problems == [
        f"demo: ja shows {box}), en does not",
        f"demo: en shows {box}_gradients), ja does not",
        "demo: en uses results.adding_problem.findings.paper_gradients, ja does not",
    ]


def test_a_thumbnail_missing_in_one_language_is_named():
    card = '{{ thumbnail("rnn_vs_lstm/adding_mse") }}\n'
    assert parity_problems("demo", PAGE, PAGE + card) == [
        "demo: en shows thumbnail rnn_vs_lstm/adding_mse, ja does not"
    ]


def test_an_if_made_inline_in_the_other_language_counts_only_with_the_same_test():
    ja = PAGE + "{% if fa.seeds_n > 1 %}各シード{% else %}そのシード{% endif %}\n"
    same = PAGE + '{{ "every seed" if fa.seeds_n > 1 else "that seed" }}\n'
    other = PAGE + '{{ "every seed" if fa.seeds_n > 2 else "that seed" }}\n'
    assert parity_problems("demo", ja, same) == []
    assert parity_problems("demo", ja, other) == [
        "demo: ja branches on (results.adding_problem.findings.seeds_n > 1), en does not"
    ]


def test_differently_named_aliases_loop_names_and_grammar_are_accepted():
    en = (
        PAGE.replace("{% set adding = results.adding_problem %}{% set fa = adding.findings %}", "")
        .replace("fa.", "results.adding_problem.findings.")
        .replace("for b in", "for verdict in")
        .replace('b == "lstm"', 'verdict == "lstm"')
    )
    en += (
        "{% macro span(a, b) %}{{ a }}{% if a != b %} to {{ b }}{% endif %}{% endmacro %}"
        '{{ span(1, 2) }} seed{{ "s" if results.adding_problem.findings.seeds_n != 1 }}'
    )
    ja = PAGE.replace("{% set fa = adding.findings %}", "{% set f = adding.findings %}").replace(
        "fa.", "f."
    )
    ja += "{% set n = results.adding_problem.findings.seeds_n %}{{ n }} シード"
    assert parity_problems("demo", ja, en) == []


def test_a_loop_variable_does_not_leak_and_a_namespace_filled_from_results_counts():
    page = (
        "{% set i = results.a.findings.first %}{% for i in [1, 2] %}{% endfor %}"
        "{% if i %}x{% endif %}"
        "{% set ns = namespace(l=[]) %}{% for lag in results.a.data.lags %}"
        "{% set ns.l = ns.l + [lag] %}{% endfor %}{% if ns.l %}y{% endif %}"
    )
    assert read(page).conditions == Counter({"results.a.findings.first": 1, "ns.l": 1})
    assert read(page).findings == {"results.a.findings.first"}
