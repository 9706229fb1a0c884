"""Each article renders from freshly measured quick results, in both languages."""

import re

import pytest
from helpers import ROOT

from chigai.experiment import discover
from chigai.freshness import State, check
from chigai.render import Shown, render_page


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("page", ["rnn-vs-lstm", "attention-vs-lstm"])
def test_the_article_renders_every_figure_from_fresh_quick_results(quick_project, page, lang):
    article = page.replace("-", "_")
    specs = discover(quick_project)
    shown = {}
    for spec in specs.values():
        entry = check(quick_project, spec, "quick")
        assert entry.state is State.FRESH, spec.id
        shown[spec.id] = Shown(spec, entry.result, stale=False)
    template = (ROOT / "docs" / f"{page}.{lang}.md").read_text()
    text = render_page(template, src_uri=f"{page}.{lang}.md", lang=lang, shown=shown)
    assert "{{" not in text and "{%" not in text
    own = [spec for spec in specs.values() if spec.article == article]
    for spec in own:
        for name in spec.figures:
            assert f"figures/{article}/{name}.{lang}.svg" in text, name
    # a "how these numbers were made" box for every experiment, and one per figure
    boxes = len(re.findall(r'\?\?\? info "', text))
    assert boxes >= len(own)
    if article == "attention_vs_lstm":
        assert boxes >= sum(len(spec.figures) for spec in own)
