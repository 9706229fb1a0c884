"""The words of the articles follow the findings (issue 12, point 4).

Two checks. Flipping a finding re-renders the article with the other branch's words (so a
sentence cannot stay put while the measurement turns around). And no sentence that
compares models with a judging word ("faster", "solved", "the same", 速い, 同じ ...) stands
outside a `{% if %}` on a finding: such a sentence was typed, not measured.
"""

import copy
import re
from pathlib import Path

import jinja2
import pytest
from helpers import ROOT, article_pages
from jinja2 import nodes

from chigai.experiment import discover
from chigai.run.freshness import best, check_all
from chigai.site.presentation import article_models, article_prose
from chigai.site.render import Shown, render_page

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


def _explained(root: Path = ROOT) -> dict[str, str]:
    """Sentences that explain how a model works rather than report what we measured, with
    why: each article declares its own in article.toml ([prose.explains])."""
    return {
        text: why
        for toml in sorted((root / "experiments").glob("*/article.toml"))
        for text, why in article_prose(root, toml.parent.name).explains.items()
    }


MODELS = _model_patterns()
JUDGING = {
    "en": r"\b(faster|slower|quicker|better|worse|best|worst|wins?|won|beats?|beat|"
    r"outperform\w*|solved?|solves|fail(s|ed)?|holds?|held|same|most|only|always|never|"
    r"more|less|fewer|higher|lower|larger|smaller|grows? like|ahead|behind|level)\b",
    "ja": r"(速|遅|勝|負け|上回|下回|解け|解き|失敗|同じ|ほとんど|だけ|しか|より|最も|"
    r"多く|少な|常に|いつも|必ず|追いつ|及ば)",
}
CONCEPTS = _explained()


def test_a_new_articles_models_and_exceptions_are_read_from_its_own_folder(tmp_path):
    folder = tmp_path / "experiments" / "cnn_vs_mlp"
    folder.mkdir(parents=True)
    (folder / "article.toml").write_text(
        'share_figure = "x"\n[name]\nja = "CNN と MLP"\nen = "CNN vs MLP"\n'
        '[models.mlp]\ncolour = "#123456"\nja = "多層パーセプトロン"\nen = "MLP"\n'
        '[prose.explains]\n"an MLP has no notion of order" = "how the model works"\n'
    )
    models = _model_patterns(tmp_path)
    assert re.search(models["en"], "The MLPs were faster.")
    assert re.search(models["ja"], "多層パーセプトロンの方が速く学習しました。")
    assert not re.search(models["en"], "The LSTM was faster.")  # no other article here
    assert _explained(tmp_path) == {"an MLP has no notion of order": "how the model works"}


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
            judging = re.search(MODELS[lang], sentence) and re.search(JUDGING[lang], sentence, re.I)
            if judging and not any(allowed in sentence for allowed in CONCEPTS):
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
    """Each experiment's best committed result; one with none yet (an article still being
    written) is left out: only the pages in FLIPS are rendered from these."""
    entries = {spec.id: (spec, best(check_all(ROOT, spec))) for spec in discover(ROOT).values()}
    return {
        key: Shown(spec, entry.result, False)
        for key, (spec, entry) in entries.items()
        if entry.result is not None
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
RNN = "rnn-vs-lstm"
ATTENTION = "attention-vs-lstm"
GRU = "gru-vs-lstm"
FLIPS: list[tuple] = [
    (
        RNN,
        "adding_problem",
        {"paper": "agrees", "lstm_holds_where_rnn_fails": [10]},
        {"paper": "disagrees", "lstm_holds_where_rnn_fails": []},
        {"en": "the two parted completely", "ja": "はっきり明暗が分かれました"},
        {
            "en": "Adding two numbers, the LSTM was not clearly better",
            "ja": "足し算問題では、試したどのラグ",
        },
    ),
    (
        RNN,
        "marked_recall",
        {"paper": "agrees", "lstm_solves_where_rnn_guesses": [10]},
        {"paper": "disagrees", "lstm_solves_where_rnn_guesses": []},
        {"en": "Naming a marked symbol at lag", "ja": "と、当てずっぽう（"},
        {
            "en": "Naming a marked symbol, the LSTM was not clearly better",
            "ja": "印のついた記号を答える問題では、試したどのラグ",
        },
    ),
    (
        RNN,
        "marked_recall",
        {"paper_gradients": "agrees"},
        {"paper_gradients": "disagrees"},
        {"en": "the picture of Bengio et al.", "ja": "LSTM の設計のねらいどおりの姿です"},
        {
            "en": "So this run shows neither the vanishing gradient",
            "ja": "Bengio らの言う勾配消失も",
        },
    ),
    (
        RNN,
        "marked_recall",
        {"cell_held_in_example": True},
        {"cell_held_in_example": False},
        {
            "en": "In this example the cells held on to what they stored",
            "ja": "書き込んだ値をほぼそのまま保っていました",
        },
        {
            "en": "In this example the cells did not hold still",
            "ja": "この例では、セルはじっとしていませんでした",
        },
    ),
    (
        RNN,
        "marked_recall",
        {"cell_held_typically": True},
        {"cell_held_typically": False},
        {"en": "used its cell much as drawn", "ja": "図のとおりの使い方です"},
        {
            "en": "did not use its cell as a still box",
            "ja": "印のところで書き込まれてそのまま保たれたのではなく",
        },
    ),
    (
        ATTENTION,
        "far_recall",
        {"attention_beats_lstm_at_longest": True},
        {"attention_beats_lstm_at_longest": False},
        {
            "en": "every Transformer seed beat every LSTM seed",
            "ja": "Transformer のどのシードも LSTM のどのシードを上回りました",
        },
        {
            "en": "the Transformer and the LSTM did not separate",
            "ja": "Transformer と LSTM の差ははっきりしませんでした",
        },
    ),
    (
        ATTENTION,
        "seq2seq_reversal",
        {"paper": "agrees"},
        {"paper": "disagrees"},
        {
            "en": "That is the 2014 result, in miniature.",
            "ja": "2014 年の結果を、小さく再現できたことになります",
        },
        {"en": "That is not what Bahdanau et al. found", "ja": "Bahdanau らの結果とは違いました"},
    ),
    (
        ATTENTION,
        "length_generalisation",
        {"transformer.verdict": "fits_but_fails_longer"},
        {"transformer.verdict": "generalises"},
        {
            "en": "works only at the lengths it saw",
            "ja": "見たことのある長さでしか通用しない覚え方",
        },
        {
            "en": "The Transformer fitted its training strings in every seed",
            "ja": "Transformer は、どのシードでも学習用の列を覚え",
        },
    ),
    (
        ATTENTION,
        "heads_layers",
        {"depth_matters": True},
        {"depth_matters": False, "one_layer_enough": False},
        {"en": "Depth made the difference", "ja": "決め手は深さでした"},
        {
            "en": "Depth did not clearly decide it here",
            "ja": "深さで結果がはっきり分かれたとは言えません",
        },
    ),
    (
        ATTENTION,
        "data_efficiency",
        {"recall.lstm_better_sizes": [], "recall.transformer_better_sizes": [1000]},
        {"recall.lstm_better_sizes": [10], "recall.transformer_better_sizes": []},
        {"en": "the advice did not hold", "ja": "助言は当てはまりませんでした"},
        {"en": "Here the advice held", "ja": "ここでは助言どおりでした"},
    ),
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
            "ja": "再帰型が n·d² に比例（私たちの結果は一致）",
        },
        {
            "en": "recurrent layer n·d² (ours disagrees)",
            "ja": "再帰型が n·d² に比例（私たちの結果は一致せず）",
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
    (
        GRU,
        "long_memory",
        {"gru_lstm_tie_everywhere": True},
        {"gru_lstm_tie_everywhere": False},
        {
            "en": "neither gated cell was clearly ahead of the other at any lag",
            "ja": "GRU と LSTM のどちらかがはっきり上回ることはありませんでした",
        },
        {
            "en": "(every seed of it beat the other's best)",
            "ja": "（一方のどのシードも、もう一方のいちばん良いシードより上）",
        },
    ),
    (
        GRU,
        "counting_anbn",
        {"winner": "lstm"},
        {"winner": None},
        {
            "en": "every LSTM seed still got it right further out than every GRU seed",
            "ja": "LSTM のどのシードも GRU のどのシードより大きな n まで",
        },
        {"en": "the ranges overlap, so neither counted clearly further", "ja": "範囲が重なるので"},
    ),
    (
        GRU,
        "gate_ablations",
        {"paper_greff": "agrees"},
        {"paper_greff": "disagrees"},
        {"en": "That matches Greff et al.", "ja": "これは Greff らの結果と合っています"},
        {"en": "That is not what Greff et al. found", "ja": "これは Greff らの結果とは違います"},
    ),
    (
        GRU,
        "gate_ablations",
        {"forget_bias_faster": "lstm_bias1"},
        {"forget_bias_faster": "tie"},
        {
            "en": "With the bias at 1 the LSTM got there sooner in every seed",
            "ja": "バイアスを 1 にした LSTM は、どのシードも",
        },
        {
            "en": "neither of the two LSTMs was clearly the quicker learner",
            "ja": "2 つの LSTM のどちらが早く学ぶとは言えません",
        },
    ),
    (
        GRU,
        "gate_ablations",
        {"paper_jozefowicz": "agrees"},
        {"paper_jozefowicz": "disagrees"},
        {
            "en": "So the Jozefowicz et al. picture holds here",
            "ja": "つまり今回は Jozefowicz らの描いたとおりです",
        },
        {
            "en": "So the Jozefowicz et al. picture does not hold here",
            "ja": "描いたとおりにはなりませんでした",
        },
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


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_every_experiment_box_says_which_published_result_it_echoes(page, lang):
    """Issue 12, point 5: each experiment names its paper (or says it tests advice) once."""
    template = (ROOT / "docs" / f"{page}.{lang}.md").read_text(encoding="utf-8")
    article = page.replace("-", "_")
    own = {spec.id for spec in discover(ROOT).values() if spec.article == article}
    with_paper = set(re.findall(r'provenance\("(\w+)"[^\n]*?paper=', template))
    assert own - {"architecture"} <= with_paper  # architecture counts weights, nothing to compare
