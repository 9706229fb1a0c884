"""The readability report (benchmarks/readability.py) counts what issue 21 counts: the main
text outside folds and tables, the 結論 / In short box on its own, asides and digits."""

import sys

import pytest
from helpers import ROOT, article_pages

sys.path.insert(0, str(ROOT / "benchmarks"))
import readability

PAGE = """<html><body><nav><p>メニュー。</p></nav><article>
<h1>RNN と LSTM</h1>
<div class="admonition abstract"><p class="admonition-title">結論</p>
<ul><li>LSTM は長く覚えた。</li><li>RNN は軽い（重みが少ない）。</li></ul></div>
<p>ふつうの文です。短い文。</p>
<figure><figcaption>図の説明です。</figcaption></figure>
<details class="info"><summary>数字で見る</summary><p>12345 と 67890。</p></details>
<table><tr><td>99 と 98。</td></tr></table>
</article></body></html>"""


def test_the_main_text_leaves_out_folds_and_tables_and_the_box_is_measured_alone():
    measured = readability.measure_page(PAGE, "ja")
    main, box = measured["main"], measured["in_short"]
    # main, as the issue's counter reads it: the box's title and two items, two sentences
    # of the paragraph, the caption; not the heading, the menu, the fold or the table
    assert main["sentences"] == 6
    assert main["digits"] == 0
    assert box["sentences"] == 2
    first, second = "LSTM は長く覚えた。", "RNN は軽い（重みが少ない）。"
    assert box["mean_sentence"] == round((len(first) + len(second)) / 2, 1)
    assert box["asides_per_1000"] == round(1000 / len(first + second), 2)


def test_english_sentences_are_counted_in_words():
    html = '<article><div class="admonition"><p class="admonition-title">In short</p>'
    html += "<ul><li>The LSTM kept the clue. It won.</li></ul></div><p>1 2 3.</p></article>"
    measured = readability.measure_page(html, "en")
    assert measured["in_short"]["mean_sentence"] == 3.5  # 5 words, then 2
    assert measured["main"]["digits"] > 0


def test_a_seed_text_is_measured_by_the_same_rules_without_its_profile_line():
    seed = "名前:中嶋 悟 6:30 起床。\n本文の文です。二つ目。\n次の記事: 何か。\n"
    assert readability.measure_seed(seed)["main"]["sentences"] == 2
    assert readability.measure_seed(seed)["main"]["digits"] == 0


@pytest.mark.slow
@pytest.mark.parametrize("slug", article_pages())
def test_every_article_reads_as_issue_21_asks(built_site, slug):
    """Japanese: 結論 sentences <= 40 characters on average, asides <= 2 per 1,000
    characters of main text, digits <= 2.5% of it; English: In short <= 22 words."""
    pages = {"ja": built_site / slug, "en": built_site / "en" / slug}
    ja, en = (
        readability.measure_page((pages[lang] / "index.html").read_text("utf-8"), lang)
        for lang in ("ja", "en")
    )
    assert ja["in_short"]["mean_sentence"] <= 40, ja["in_short"]
    assert ja["main"]["asides_per_1000"] <= 2, ja["main"]
    assert ja["main"]["digits"] <= 0.025, ja["main"]
    assert en["in_short"]["mean_sentence"] <= 22, en["in_short"]
