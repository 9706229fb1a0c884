"""The words of the articles follow the findings (issue 12, point 4).

Two checks. Flipping a finding re-renders the article with the other branch's words (so a
sentence cannot stay put while the measurement turns around). And no sentence that
compares models with a judging word ("faster", "solved", "the same", 速い, 同じ ...) stands
outside a `{% if %}` on a finding: such a sentence was typed, not measured.
"""

import copy
import re

import jinja2
import pytest
from helpers import ROOT
from jinja2 import nodes

from chigai.experiment import discover
from chigai.freshness import best, check_all
from chigai.render import Shown, render_page

PAGES = ("rnn-vs-lstm", "attention-vs-lstm")
MODELS = {
    "en": r"\b(RNNs?|LSTMs?|GRUs?|Transformers?|attention)\b",
    "ja": r"(RNN|LSTM|GRU|Transformer|トランスフォーマー|アテンション)",
}
JUDGING = {
    "en": r"\b(faster|slower|quicker|better|worse|best|worst|wins?|won|beats?|beat|"
    r"outperform\w*|solved?|solves|fail(s|ed)?|holds?|held|same|most|only|always|never|"
    r"more|less|fewer|higher|lower|larger|smaller|grows? like|ahead|behind|level)\b",
    "ja": r"(速|遅|勝|負け|上回|下回|解け|解き|失敗|同じ|ほとんど|だけ|しか|より|最も|"
    r"多く|少な|大き|小さ|常に|いつも|必ず|追いつ|及ば)",
}
# Sentences that explain how a model works rather than report what we measured, with why.
CONCEPTS: dict[str, str] = {}


def _literal_text(node: nodes.Node, branched: bool = False) -> list[tuple[int, str, bool]]:
    """Every piece of literal template text with its line and whether a branch chose it."""
    found = []
    if isinstance(node, nodes.TemplateData):
        found.append((node.lineno, node.data, branched))
    for child in node.iter_child_nodes():
        found += _literal_text(child, branched or isinstance(node, (nodes.If, nodes.CondExpr)))
    return found


def _sentences(text: str) -> list[str]:
    prose = [
        line
        for line in text.split("\n")
        if not line.lstrip().startswith(("|", "#", "{", "<", "!!!", "???"))
    ]
    return [s.strip() for s in re.split(r"(?<=[.!?。！？])\s*", " ".join(prose)) if s.strip()]


def unbranched_judgements(template: str, lang: str) -> list[str]:
    """Sentences outside any branch that name a model and use a judging word."""
    tree = jinja2.Environment().parse(template)
    flagged = []
    for _, text, branched in _literal_text(tree):
        if branched:
            continue
        for sentence in _sentences(text):
            if re.search(MODELS[lang], sentence) and re.search(JUDGING[lang], sentence, re.I):
                if not any(allowed in sentence for allowed in CONCEPTS):
                    flagged.append(sentence)
    return flagged


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_no_typed_judgement_outside_a_findings_branch(page, lang):
    template = (ROOT / "docs" / f"{page}.{lang}.md").read_text(encoding="utf-8")
    assert unbranched_judgements(template, lang) == []


def test_the_scan_catches_a_typed_comparison_and_spares_a_branched_one():
    typed = "The LSTM was faster at every length.\n"
    branched = "{% if f.lstm_faster %}The LSTM was faster.{% else %}It was not.{% endif %}\n"
    assert unbranched_judgements(typed, "en") == ["The LSTM was faster at every length."]
    assert unbranched_judgements(branched, "en") == []
    assert unbranched_judgements("LSTM の方が速く学習しました。\n", "ja")


def _committed() -> dict[str, Shown]:
    specs = discover(ROOT)
    return {
        spec.id: Shown(spec, best(check_all(ROOT, spec)).result, False) for spec in specs.values()
    }


def _render(page: str, lang: str, shown: dict[str, Shown]) -> str:
    template = (ROOT / "docs" / f"{page}.{lang}.md").read_text(encoding="utf-8")
    return render_page(template, src_uri=f"{page}.{lang}.md", lang=lang, shown=shown)


def _with(shown: dict[str, Shown], experiment: str, changes: dict[str, object]) -> dict:
    """A copy of the results where `experiment`'s findings (dotted paths) are replaced."""
    flipped = dict(shown)
    result = copy.deepcopy(shown[experiment].result)
    for path, value in changes.items():
        *parents, last = path.split(".")
        target = result.data["findings"]
        for key in parents:
            target = target[key]
        target[last] = value
    flipped[experiment] = Shown(shown[experiment].spec, result, False)
    return flipped


# (page, experiment, {finding: value} for side A, {finding: value} for side B,
#  {lang: words only side A says}, {lang: words only side B says})
ATTENTION = "attention-vs-lstm"
FLIPS: list[tuple] = [
    (
        ATTENTION,
        "compute_cost",
        {"cpu.attention_fused.arithmetic_main_cause": True},
        {"cpu.attention_fused.arithmetic_main_cause": False},
        {"en": "the extra arithmetic is the bigger part", "ja": "差の大きい方は演算の量でした"},
        {"en": "Yet the arithmetic explains the smaller part", "ja": "演算の多さで説明できるのは"},
    ),
    (
        ATTENTION,
        "compute_cost",
        {"paper": "agrees"},
        {"paper": "disagrees"},
        {
            "en": "recurrent layer n·d² (ours agrees)",
            "ja": "再帰型が n·d² に比例 (私たちの結果は一致)",
        },
        {
            "en": "recurrent layer n·d² (ours disagrees)",
            "ja": "再帰型が n·d² に比例 (私たちの結果は一致せず)",
        },
    ),
    (
        ATTENTION,
        "compute_cost",
        {"cpu.attention_fused.slower_from": 16, "cpu.attention_fused.faster_at": []},
        {"cpu.attention_fused.slower_from": None, "cpu.attention_fused.faster_at": []},
        {"en": "attention was **not** faster", "ja": "Attention は速く**ありません**でした"},
        {"en": "overlapped at every length: a tie", "ja": "幅が重なり、引き分けでした"},
    ),
]


@pytest.mark.parametrize(("page", "experiment", "side_a", "side_b", "words_a", "words_b"), FLIPS)
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_words_flip_with_the_finding(page, experiment, side_a, side_b, words_a, words_b, lang):
    shown = _committed()
    text_a = _render(page, lang, _with(shown, experiment, side_a))
    text_b = _render(page, lang, _with(shown, experiment, side_b))
    assert words_a[lang] in text_a and words_a[lang] not in text_b
    assert words_b[lang] in text_b and words_b[lang] not in text_a
