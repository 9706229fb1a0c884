"""A rerun made elsewhere, as a reader of the article sees it (issue 25): the sentences it
would change are quoted, in the page's language, chosen by the page layer's verdicts; a
rerun that only moved measured numbers changes no sentence.

Run on a small page layer of its own (a copy of the project's layout in tmp_path), so the
article's prose can change without touching this test."""

import copy
import dataclasses
from pathlib import Path

import pytest
from helpers import ROOT

from chigai.experiment import discover
from chigai.run.freshness import best, check_all
from chigai.run.reproductions import Reproduction
from chigai.site.render import Shown, render_page
from chigai.site.reproduced import outcome

SPEC = discover(ROOT)["small_data"]
PUBLISHED = best(check_all(ROOT, SPEC)).result
VERDICTS = """
from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True)
class SmallData:
    speed: Literal["rnn_faster", "not_faster"]
    pairs: int
    ratio: float


def small_data(result):
    found = result.findings
    return SmallData(
        "rnn_faster" if found["rnn_faster"] else "not_faster",
        found["step_time_pairs"],
        found["lstm_over_rnn_step_time"],
    )
"""
WORDS = {
    "en": "speed = { $speed ->\n    [rnn_faster] The RNN was quicker.\n"
    "   *[not_faster] It was not.\n  }\n"
    "pairs = We timed { $pairs } pairs; the ratio was { NUM($ratio) }.\n",
    "ja": "speed = { $speed ->\n    [rnn_faster] RNN が速かった。\n"
    "   *[not_faster] 速くはなかった。\n  }\n"
    "pairs = { $pairs } 組を測り、比は { NUM($ratio) } でした。\n",
}
PAGE = "# Small\n\n## Speed\n\n"
PAGE += '{{ say("speed", v.small_data) }} {{ say("pairs", v.small_data) }}\n\n'
PAGE += '{{ provenance("small_data") }}\n'


@pytest.fixture
def project(tmp_path: Path) -> Path:
    page = tmp_path / "experiments" / "rnn_vs_lstm" / "page"
    page.mkdir(parents=True)
    (page / "verdicts.py").write_text(VERDICTS)
    (page.parent / "article.toml").write_text((SPEC.path.parent / "article.toml").read_text())
    (tmp_path / "docs").mkdir()
    for lang, words in WORDS.items():
        (page / f"{lang}.ftl").write_text(words)
        (tmp_path / "docs" / f"rnn-vs-lstm.{lang}.md").write_text(PAGE)
    return tmp_path


def _rerun(**findings: object) -> Reproduction:
    result = copy.deepcopy(PUBLISHED)
    result.data["findings"].update(findings)
    result.provenance.update(cpu="Intel Xeon", threads=4)
    return Reproduction("made-up-xeon", result, PUBLISHED)


def _box_line(project: Path, lang: str, rerun: Reproduction) -> str:
    spec = dataclasses.replace(SPEC, path=project / "experiments" / "rnn_vs_lstm" / SPEC.path.name)
    page = render_page(
        PAGE,
        src_uri=f"rnn-vs-lstm.{lang}.md",
        lang=lang,
        shown={"small_data": Shown(spec, PUBLISHED, False)},
        reproductions=[rerun],
    )
    return next(line for line in page.splitlines() if "made-up-xeon-small_data" in line)


@pytest.mark.parametrize(("lang", "now"), [("en", "It was not."), ("ja", "速くはなかった。")])
def test_a_flipped_verdict_quotes_the_sentence_it_changes(project, lang, now):
    line = _box_line(project, lang, _rerun(rnn_faster=False))
    assert "Intel Xeon" in line
    assert now in line and "pairs" not in line and "組を測り" not in line
    said = outcome(_rerun(rnn_faster=False), lang, project / "experiments/rnn_vs_lstm/page")
    assert now in said


@pytest.mark.parametrize(("lang", "held"), [("en", "every verdict held"), ("ja", "すべて同じ")])
def test_a_rerun_that_only_moved_numbers_changes_no_sentence(project, lang, held):
    moved = PUBLISHED.findings["lstm_over_rnn_step_time"] * 1.1
    line = _box_line(project, lang, _rerun(lstm_over_rnn_step_time=moved))
    assert held in line and "“" not in line and "「" not in line


def test_a_changed_count_rewords_the_sentence_that_prints_it(project):
    pairs = PUBLISHED.findings["step_time_pairs"] + 1
    line = _box_line(project, "en", _rerun(step_time_pairs=pairs))
    assert f"“We timed {pairs} pairs" in line and "quicker" not in line


def test_a_changed_finding_the_page_does_not_use_reads_the_same(project):
    said = outcome(_rerun(not_on_the_page="new"), "en", project / "experiments/rnn_vs_lstm/page")
    assert said == "The article would read the same (findings it does not use that changed: 1)."
