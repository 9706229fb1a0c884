"""The benchmark's naive build starts from nothing: no result, no trial, no figure; and
--quick's project copy holds one article, whole."""

import re
import sys

from helpers import ROOT

from chigai.experiment import discover

sys.path.insert(0, str(ROOT / "benchmarks"))
import builds


def _project(tmp_path):
    for path in (
        "results/a.quick.json",
        "results/b.quick.json",
        ".trials/a/1.json",
        ".trials/b/2.json",
        ".cache/chigai/figures/f.svg",
    ):
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text("{}")
    return tmp_path


def _left(project) -> set[str]:
    return {p.relative_to(project).as_posix() for p in project.rglob("*") if p.is_file()}


def test_forgetting_one_experiment_drops_its_result_trials_and_the_figures(tmp_path):
    project = _project(tmp_path)
    builds.forget_results(project, ["a"])
    assert _left(project) == {"results/b.quick.json", ".trials/b/2.json"}


def test_forgetting_everything_leaves_no_trial_to_reuse(tmp_path):
    project = _project(tmp_path)
    builds.forget_results(project, None)
    assert _left(project) == set()


def test_a_one_article_copy_keeps_that_article_whole_and_nothing_of_the_others(tmp_path):
    project = builds.copy_project(tmp_path / "p")
    builds.keep_one_article(project, "rnn_vs_lstm")
    specs = discover(project).values()
    assert {spec.article for spec in specs} == {"rnn_vs_lstm"}
    assert {p.name.split(".")[0] for p in (project / "results").glob("*.json")} == {
        spec.id for spec in specs
    }
    pages = {p.relative_to(project / "docs").as_posix() for p in (project / "docs").rglob("*.*")}
    assert {p for p in pages if p.endswith((".md", ".ipynb")) and "vs-lstm" in p} == {
        f"{name}.{lang}.{kind}"
        for name, kind in (("rnn-vs-lstm", "md"), ("notebooks/rnn-vs-lstm", "ipynb"))
        for lang in ("ja", "en")
    }
    nav = re.findall(r"^  - (\S+)$", (project / "mkdocs.yml").read_text(), re.M)
    assert [entry for entry in nav if "vs-lstm" in entry] == [
        "rnn-vs-lstm.md",
        "notebooks/rnn-vs-lstm.ipynb",
    ]
    for home in (project / "docs").glob("index.*.md"):
        assert re.findall(r"thumbnail\(\"(\w+)/", home.read_text()) == ["rnn_vs_lstm"]
