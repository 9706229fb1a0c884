from pathlib import Path

import pytest

from chigai.experiment import ExperimentSpec
from chigai.run.results import Result
from chigai.site.prose import num, table
from chigai.site.render import Missing, RenderError, Shown, page_language, render_page

ROOT = Path(__file__).resolve().parents[2]
SPEC = ExperimentSpec(
    id="adding_problem",
    article="rnn_vs_lstm",
    path=ROOT / "experiments" / "rnn_vs_lstm" / "adding_problem.py",  # its ALT gives alt text
    presets={"quick": {}, "full": {}},
    figures={"adding_mse": "error_vs_lag"},
)
PROVENANCE = {
    "device": "cpu <script>alert(1)</script>",
    "torch": "2.13.0",
    "python": "3.11",
    "platform": "Linux",
    "commit": "abc123",
    "started_at": "2026-01-01T00:00:00+00:00",
    "duration_s": 12.34,
    "seeds": [1, 2],
}
DATA = {
    "baseline_mse": 0.16666,
    "rows": [{"lag": 10, "rnn": 0.1234567}],
    "findings": {"better": True},
}


def shown(stale: bool = False, preset: str = "full") -> dict[str, Shown]:
    result = Result("adding_problem", preset, "f", PROVENANCE, DATA, Path("r.json"))
    return {"adding_problem": Shown(SPEC, result, stale)}


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_values_and_branches_come_from_the_result(lang):
    page = (
        "{% set r = results.adding_problem %}"
        "{% if r.findings.better %}yes{% else %}no{% endif %} {{ num(r.data.baseline_mse) }}"
    )
    assert (
        render_page(page, src_uri=f"rnn-vs-lstm.{lang}.md", lang=lang, shown=shown()) == "yes 0.167"
    )


def test_a_missing_key_names_page_line_and_key():
    page = "# Title\n\n{{ results.adding_problem.findings.no_such_finding }}\n"
    with pytest.raises(RenderError, match=r"^rnn-vs-lstm.en.md:3: .*'no_such_finding'"):
        render_page(page, src_uri="rnn-vs-lstm.en.md", lang="en", shown=shown())


def test_a_syntax_error_names_page_and_line():
    with pytest.raises(RenderError, match=r"^rnn-vs-lstm.ja.md:2: template syntax error"):
        render_page("ok\n{% if %}\n", src_uri="rnn-vs-lstm.ja.md", lang="ja", shown=shown())


def test_an_undeclared_figure_is_named():
    with pytest.raises(RenderError, match=r"figure 'rnn_vs_lstm/nope' is not declared"):
        render_page('{{ figure("nope") }}', src_uri="rnn-vs-lstm.en.md", lang="en", shown=shown())


@pytest.mark.parametrize(("lang", "alt_word"), [("ja", "折れ線グラフ"), ("en", "Line chart")])
def test_figure_has_language_image_alt_text_and_caption(lang, alt_word):
    page = '{{ figure("adding_mse", caption="A & B") }}'
    html = render_page(page, src_uri=f"rnn-vs-lstm.{lang}.md", lang=lang, shown=shown())
    assert f'src="figures/rnn_vs_lstm/adding_mse.{lang}.svg"' in html
    assert f'srcset="figures/rnn_vs_lstm/adding_mse.{lang}.phone.svg"' in html  # on phones
    assert f'class="glightbox" data-rebase href="figures/rnn_vs_lstm/adding_mse.{lang}.svg"' in html
    assert alt_word in html
    assert ">A &amp; B</figcaption>" in html
    assert 'loading="lazy"' not in html  # the first figure of a page loads at once


def test_figures_after_the_first_load_lazily():
    page = '{{ figure("adding_mse") }}\n\n{{ figure("adding_mse") }}'
    html = render_page(page, src_uri="rnn-vs-lstm.en.md", lang="en", shown=shown())
    assert html.count('loading="lazy"') == 1


def test_provenance_box_shows_where_and_how_and_escapes_result_text():
    html = render_page(
        '{{ provenance("adding_problem") }}', src_uri="a.en.md", lang="en", shown=shown()
    )
    for expected in ("How these numbers were made", "abc123", "2.13.0", "1, 2", "12.3 s", "full"):
        assert expected in html
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "](experiments/rnn_vs_lstm/adding_problem.py)" in html


def test_the_box_names_the_paper_whether_ours_agrees_and_the_chosen_learning_rates():
    data = DATA | {
        "tuning": {
            "lrs": [0.001, 0.01],
            "chosen_on": "val_mse",
            "chosen": {"rnn": [0.01, 0.001], "lstm": [0.001, 0.001]},
            "per": "lag",
            "settings": [10, 20],
        }
    }
    result = Result("adding_problem", "full", "f", PROVENANCE, data, Path("r.json"))
    page = (
        '{{ provenance("adding_problem", paper="Hochreiter & Schmidhuber 1997", agrees="partly") }}'
    )
    html = render_page(
        page, src_uri="a.en.md", lang="en", shown={"adding_problem": Shown(SPEC, result, False)}
    )
    assert (
        "| Published result | Hochreiter &amp; Schmidhuber 1997 (ours agrees only in part) |"
        in html
    )
    assert (
        "from 0.001, 0.01" in html
        and "RNN 0.01 / 0.001; LSTM 0.001 / 0.001 (per lag 10 / 20)" in html
    )
    bad = '{{ provenance("adding_problem", paper="X 2020", agrees="yes") }}'
    with pytest.raises(RenderError, match="agrees must be"):
        render_page(bad, src_uri="a.en.md", lang="en", shown=shown())


def test_a_stale_result_puts_a_notice_with_the_fix_on_its_article():
    html = render_page("body", src_uri="rnn-vs-lstm.ja.md", lang="ja", shown=shown(stale=True))
    assert html.startswith('!!! warning "古い結果を表示しています"')
    assert "chigai run adding_problem --preset full" in html
    assert render_page("body", src_uri="index.ja.md", lang="ja", shown=shown(stale=True)) == "body"


@pytest.mark.parametrize(("lang", "title"), [("ja", "お試し設定"), ("en", "from the quick preset")])
def test_quick_numbers_standing_in_for_full_ones_put_a_notice_on_their_article(lang, title):
    page = "{{ num(results.adding_problem.data.baseline_mse) }}"
    html = render_page(
        page, src_uri=f"rnn-vs-lstm.{lang}.md", lang=lang, shown=shown(preset="quick")
    )
    assert html.startswith("!!! warning") and title in html.splitlines()[0]
    assert "chigai run adding_problem --preset full" in html and html.endswith("0.167")
    assert "!!!" not in render_page(
        page, src_uri=f"rnn-vs-lstm.{lang}.md", lang=lang, shown=shown()
    )


GONE = ExperimentSpec(
    id="marked_recall",
    article="rnn_vs_lstm",
    path=Path("experiments/rnn_vs_lstm/marked_recall.py"),
    presets={"quick": {}, "full": {}},
    figures={"gate_trace": "gate_trace"},
)
TWO_SECTIONS = (
    "{% set a = results.adding_problem %}\n{% set m = results.marked_recall %}\n"
    "# Title\n\nIntro {{ num(a.data.baseline_mse) }}.\n\n"
    "## Adding\n\n{% if a.findings.better %}better{% endif %}\n\n"
    "## Recall\n\n{% if m.findings.lstm_wins %}wins{% endif %}\n\n"
    "## Gates\n\n{{ figure('gate_trace') }}\n\n"
    "## End\n\nbye\n"
)


def test_an_unavailable_experiment_replaces_only_the_sections_that_use_it():
    gone = {"marked_recall": Missing(GONE, "results/marked_recall.full.json: not valid JSON")}
    text = render_page(
        TWO_SECTIONS, src_uri="rnn-vs-lstm.en.md", lang="en", shown=shown(), unavailable=gone
    )
    assert "Intro 0.167." in text and "better" in text and "bye" in text
    assert "## Recall" in text and "## Gates" in text and "wins" not in text
    assert text.count("The results behind this section are missing") == 2
    assert text.count("`marked_recall`: results/marked_recall.full.json: not valid JSON") == 2


def test_a_template_error_names_page_line_and_key_even_inside_a_format():
    page = "# T\n\n## A\n\nline\n{{ '%.1f' | format(results.adding_problem.findings.nope) }}\n"
    with pytest.raises(RenderError, match=r"rnn-vs-lstm\.en\.md:6: .*'nope'"):
        render_page(page, src_uri="rnn-vs-lstm.en.md", lang="en", shown=shown())
    with pytest.raises(RenderError, match=r":3: .*'nope'"):
        render_page(
            "a\n\n{{ num(results.adding_problem.findings.nope) }}",
            src_uri="rnn-vs-lstm.en.md",
            lang="en",
            shown=shown(),
        )


def test_with_a_problems_list_a_broken_section_becomes_a_placeholder_and_is_reported_once():
    page = "# T\n\n## A\n\n{{ results.adding_problem.findings.nope }}\n\n## B\n\nfine\n"
    problems: list[str] = []
    text = render_page(
        page, src_uri="rnn-vs-lstm.en.md", lang="en", shown=shown(), problems=problems
    )
    assert len(problems) == 1 and "rnn-vs-lstm.en.md:5" in problems[0] and "nope" in problems[0]
    assert "## A" in text and "This part cannot be shown" in text and "fine" in text


def test_table_and_num_format_measured_values():
    assert num(0.1234567) == "0.123" and num(1234) == "1,234" and num(None) == "—"
    assert num(1.3e-05, 2) == "1.3 × 10⁻⁵"
    text = table([{"lag": 10, "rnn": 0.1234567}], {"lag": "T", "rnn": "RNN"})
    assert text.splitlines() == ["| T | RNN |", "|---:|---:|", "| 10 | 0.123 |"]


def test_page_language_comes_from_the_suffix():
    assert page_language("rnn-vs-lstm.ja.md") == "ja"
    assert page_language("sub/page.en.md") == "en"
    assert page_language("plain.md") is None


def test_japanese_lines_of_one_paragraph_are_joined_without_a_space():
    page = "一行目です。\n二行目です。\nLSTM も。\n\n- 箇条書き\n- 二つ目\n\nEnglish line\nstays.\n"
    text = render_page(page, src_uri="a.ja.md", lang="ja", shown={})
    assert (
        text
        == "一行目です。二行目です。LSTM も。\n\n- 箇条書き\n- 二つ目\n\nEnglish line\nstays.\n"
    )


def test_placeholders_escape_text_that_came_from_files():
    from chigai.site.fragments import placeholder, placeholder_svg

    page = placeholder("results/x.json: <script>alert(1)</script>", "en")
    assert (
        "This part cannot be shown" in page and "<script>" not in page and "&lt;script&gt;" in page
    )
    svg = placeholder_svg("bad <b>data</b> & more")
    assert "<b>" not in svg and "&lt;b&gt;" in svg and "&amp; more" in svg


@pytest.mark.parametrize(("lang", "expected"), [("en", "50, 100 and 200"), ("ja", "50、100、200")])
def test_listing_joins_values_the_way_each_language_does(lang, expected):
    page = "{{ listing([50, 100, 200]) }}"
    assert render_page(page, src_uri=f"x.{lang}.md", lang=lang, shown={}) == expected


def test_percent_columns_show_shares_as_percentages():
    text = table([{"lag": 10, "acc": 0.82}], {"lag": "T", "acc": "accuracy"}, percent=("acc",))
    assert text.splitlines()[-1] == "| 10 | 82% |"


def test_a_column_shares_one_notation_and_precision():
    rows = [
        {"acc": 1.0, "chance": 0.125, "mse": 9.17e-05},
        {"acc": 0.815, "chance": 0.125, "mse": 0.167},
    ]
    text = table(rows, {"acc": "a", "chance": "c", "mse": "m"}, percent=("acc", "chance"))
    assert text.splitlines()[2:] == [
        "| 100.0% | 12.5% | 9.17 × 10⁻⁵ |",
        "| 81.5% | 12.5% | 1.67 × 10⁻¹ |",
    ]


def test_the_first_use_of_a_glossary_term_gets_a_tooltip_longest_term_first():
    page = "# 勾配\n\n- **忘却ゲート**：消す\n\n勾配消失と勾配。また勾配。\n"
    text = render_page(page, src_uri="a.ja.md", lang="ja", shown={})
    assert text.startswith("# 勾配\n")  # headings are left alone
    assert ">忘却ゲート</abbr>" in text and ">勾配消失</abbr>と<abbr" in text
    assert text.count(">勾配</abbr>") == 1 and text.endswith("また勾配。\n")
    english = render_page("A vanishing gradient.\n", src_uri="a.en.md", lang="en", shown={})
    assert english.count("<abbr") == 1 and ">vanishing gradient</abbr>" in english


def test_notices_come_under_the_title_so_the_page_keeps_its_name():
    """MkDocs names a page after its first heading: a notice above it would rename it."""
    page = "{% set r = results.adding_problem %}\n# RNN vs LSTM\n\nIntro.\n"
    html = render_page(page, src_uri="rnn-vs-lstm.en.md", lang="en", shown=shown(stale=True))
    assert html.lstrip("\n").startswith("# RNN vs LSTM\n")
    assert html.index("Showing out-of-date results") < html.index("Intro.")


WINNER = "results.marked_recall.findings.winner"
ROWS = "results.marked_recall.data.rows"
USES = {  # every use a template can make of a value; each would print SHOWN if it went through
    "==": f'{{% if {WINNER} == "lstm" %}}SHOWN{{% else %}}SHOWN a tie{{% endif %}}',
    "!=": f'{{% if {WINNER} != "lstm" %}}SHOWN{{% else %}}SHOWN{{% endif %}}',
    "is none": f"{{% if {WINNER} is none %}}SHOWN{{% else %}}SHOWN{{% endif %}}",
    "is not none": f"{{% if {WINNER} is not none %}}SHOWN{{% else %}}SHOWN{{% endif %}}",
    "is defined": f"{{% if {WINNER} is defined %}}SHOWN{{% else %}}SHOWN{{% endif %}}",
    "is undefined": f"{{% if {WINNER} is undefined %}}SHOWN{{% else %}}SHOWN{{% endif %}}",
    "is sameas": f"{{% if {WINNER} is sameas false %}}SHOWN{{% else %}}SHOWN{{% endif %}}",
    "is string": f"{{% if {WINNER} is string %}}SHOWN{{% else %}}SHOWN{{% endif %}}",
    "is equalto": f'{{% if {WINNER} is equalto "lstm" %}}SHOWN{{% else %}}SHOWN{{% endif %}}',
    "in a list": f'{{% if {WINNER} in ["lstm", "gru"] %}}SHOWN{{% else %}}SHOWN{{% endif %}}',
    "contains": f'{{% if "lstm" in {WINNER} %}}SHOWN{{% else %}}SHOWN{{% endif %}}',
    "truth": f"{{% if {WINNER} %}}SHOWN{{% else %}}SHOWN{{% endif %}}",
    "not": f"{{% if not {WINNER} %}}SHOWN{{% else %}}SHOWN{{% endif %}}",
    "or": f"{{% if {WINNER} or true %}}SHOWN{{% else %}}SHOWN{{% endif %}}",
    "inline if": f'{{{{ "SHOWN" if {WINNER} else "SHOWN" }}}}',
    "<": f"{{% if {WINNER} < 1 %}}SHOWN{{% else %}}SHOWN{{% endif %}}",
    "for": f"{{% for row in {ROWS} %}}SHOWN{{% else %}}SHOWN{{% endfor %}}",
    "| length": f"SHOWN {{{{ {ROWS} | length }}}}",
    "| default": f'SHOWN {{{{ {WINNER} | default("a tie") }}}}',
    "| select": f'SHOWN {{{{ {ROWS} | select("none") | list | length }}}}',
    "print": f"SHOWN {{{{ {WINNER} }}}}",
    "num()": f"SHOWN {{{{ num({WINNER}) }}}}",
    "+": f"SHOWN {{{{ {WINNER} + 1 }}}}",
    "%": f"SHOWN {{{{ {WINNER} % 2 }}}}",
    "as a key": f'SHOWN {{{{ {{"lstm": 1}}[{WINNER}] }}}}',
    "as an index": f"SHOWN {{{{ [1, 2][{WINNER}] }}}}",
    "a method": f"SHOWN {{{{ {WINNER}.items() }}}}",
}


@pytest.mark.parametrize("use", USES.values(), ids=USES.keys())
def test_any_use_of_a_missing_result_blanks_its_section_naming_the_experiment(use):
    """A comparison must not pick a branch for a missing result ("a tie" for no winner)."""
    page = (
        "# Title\n\n## Adding\n\n{% if results.adding_problem.findings.better %}better{% endif %}"
        f"\n\n## Recall\n\n{use}\n\n## End\n\nbye\n"
    )
    gone = {"marked_recall": Missing(GONE, "results/marked_recall.full.json: not valid JSON")}
    text = render_page(
        page, src_uri="rnn-vs-lstm.en.md", lang="en", shown=shown(), unavailable=gone
    )
    recall = text[text.index("## Recall") : text.index("## End")]
    assert "The results behind this section are missing" in recall
    assert "`marked_recall`: results/marked_recall.full.json: not valid JSON" in recall
    assert "SHOWN" not in text and "better" in text and "bye" in text


def test_a_page_rendered_again_is_not_compiled_again():
    """Compiling took 96% of render time (issue 24): `mkdocs serve` renders every page again."""
    from chigai.site.templating import _compiled

    page = "# T\n\n{{ num(results.adding_problem.data.baseline_mse) }}\n\n## S\n\n{{ lang }}\n"
    render_page(page, src_uri="a.en.md", lang="en", shown=shown())
    compiled = _compiled.cache_info().misses
    again = render_page(page, src_uri="a.en.md", lang="en", shown=shown())
    assert _compiled.cache_info().misses == compiled and "0.167" in again
