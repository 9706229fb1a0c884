"""The GRU vs LSTM page as a reader gets it: rendered from results in both languages, its
main lines turn when a finding turns, and every fold keeps its numbers.

The findings are changed in a copy of the committed results, as a rerun could change
them; the page is rendered the way the site renders it (chigai.site.render).
"""

import copy

import pytest
from helpers import ROOT, committed_results

from chigai.site.render import Shown, render_page

SLUG = "gru-vs-lstm"


COMMITTED = committed_results()


def render(lang: str, experiment: str = "", **findings: object) -> str:
    """The page in `lang`, with `experiment`'s findings (top-level keys) replaced."""
    shown = dict(COMMITTED)
    if experiment:
        result = copy.deepcopy(shown[experiment].result)
        result.data["findings"].update(findings)
        shown[experiment] = Shown(shown[experiment].spec, result, False)
    template = (ROOT / "docs" / f"{SLUG}.{lang}.md").read_text(encoding="utf-8")
    return render_page(template, src_uri=f"{SLUG}.{lang}.md", lang=lang, shown=shown)


# (experiment, findings for side A, for side B, {lang: (words only A says, only B says)})
FLIPS = [
    (
        "long_memory",
        {"gru_vs_lstm": [None, None, None]},
        {"gru_vs_lstm": [None, "lstm", "lstm"]},
        {
            "en": (
                "neither gated cell was clearly ahead of the other at any lag",
                "the LSTM was clearly ahead of the GRU",
            ),
            "ja": ("GRU と LSTM のどちらもはっきりとは上回りませんでした", "LSTM が GRU を"),
        },
    ),
    (
        "counting_anbn",
        {"winner": "tie"},
        {"winner": "lstm"},
        {
            "en": ("neither cell kept counting right clearly further", "every LSTM seed kept"),
            "ja": ("どちらかがはっきり先まで数え続けた", "LSTM のどのシードも、GRU のどのシード"),
        },
    ),
    (
        "gate_ablations",
        {"forget_bias_faster": "lstm_bias1"},
        {"forget_bias_faster": "tie"},
        {
            "en": ("learned clearly faster than the usual one", "the two LSTMs did not separate"),
            "ja": ("どの回も速く学びました", "2 つの LSTM ははっきり分かれませんでした"),
        },
    ),
    (
        "gate_ablations",
        {"paper_greff": "agrees"},
        {"paper_greff": "disagrees"},
        {
            "en": ("That is what Greff et al. found.", "That is not what Greff et al. found"),
            "ja": ("これは Greff らの結果と合っています", "Greff らの結果とは違います"),
        },
    ),
    (
        "counting_anbn",
        {"paper": "partly"},
        {"paper": "disagrees"},
        {
            "en": ("their prediction held only in part", "we saw the opposite"),
            "ja": ("予想と合ったのは一部だけでした", "予想と逆になりました"),
        },
    ),
]


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize(("experiment", "side_a", "side_b", "words"), FLIPS)
def test_the_main_line_turns_with_its_finding(experiment, side_a, side_b, words, lang):
    text_a, text_b = render(lang, experiment, **side_a), render(lang, experiment, **side_b)
    only_a, only_b = words[lang]
    assert only_a in text_a and only_a not in text_b
    assert only_b in text_b and only_b not in text_a


@pytest.mark.parametrize(("lang", "fold"), [("en", "The numbers"), ("ja", "数字で見る")])
def test_every_section_keeps_its_numbers_one_click_away(lang, fold):
    """Five sections, five folds; exact numbers such as the plain LSTM's worst seed on
    the gate task (39.8%) or the time ratio per round sit in them, not in the main text
    (the lines a fold or box does not indent)."""
    page = render(lang)
    assert page.count(f'??? info "{fold}"') == 5
    main = "\n".join(line for line in page.splitlines() if not line.startswith("    "))
    for number in ("39.8%", "4.58 (4.36–5.04)", "10,033"):
        assert number in page and number not in main
