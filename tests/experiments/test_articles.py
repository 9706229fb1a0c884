"""Each article renders from freshly measured quick results, in both languages."""

import re

import pytest
from helpers import ROOT, article_pages

from chigai.experiment import discover
from chigai.run.freshness import State, best, check, check_all
from chigai.site.render import Shown, render_page


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("page", article_pages())
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


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_gpu_result_adds_its_paragraph_to_the_attention_article(lang):
    specs = discover(ROOT)
    shown = {
        spec.id: Shown(spec, best(check_all(ROOT, spec)).result, False) for spec in specs.values()
    }
    cost = shown["compute_cost"].result
    cost.data["devices"]["cuda"] = cost.data["devices"]["cpu"] | {"device": "cuda (stand-in GPU)"}
    cost.data["findings"] |= {"gpu_measured": True, "cuda": cost.data["findings"]["cpu"]}
    template = (ROOT / "docs" / f"attention-vs-lstm.{lang}.md").read_text()
    text = render_page(template, src_uri=f"attention-vs-lstm.{lang}.md", lang=lang, shown=shown)
    assert "cuda (stand-in GPU)" in text
