"""The RNN vs LSTM article renders from freshly measured quick results, in both languages."""

import re

import pytest
from helpers import ROOT

from chigai.experiment import discover
from chigai.freshness import State, check
from chigai.render import Shown, render_page


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_article_renders_every_figure_from_fresh_quick_results(quick_project, lang):
    specs = discover(quick_project)
    shown = {}
    for spec in specs.values():
        entry = check(quick_project, spec, "quick")
        assert entry.state is State.FRESH, spec.id
        shown[spec.id] = Shown(spec, entry.result, stale=False)
    page = (ROOT / "docs" / f"rnn-vs-lstm.{lang}.md").read_text()
    text = render_page(page, src_uri=f"rnn-vs-lstm.{lang}.md", lang=lang, shown=shown)
    assert "{{" not in text and "{%" not in text
    for spec in specs.values():
        if spec.article == "rnn_vs_lstm":
            for name in spec.figures:
                assert f"figures/rnn_vs_lstm/{name}.{lang}.svg" in text, name
    assert len(re.findall(r'\?\?\? info "', text)) >= len(
        [s for s in specs.values() if s.article == "rnn_vs_lstm"]
    )
