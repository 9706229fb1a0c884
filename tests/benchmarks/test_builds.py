"""The benchmark's naive build starts from nothing: no result, no trial, no figure."""

import sys

from helpers import ROOT

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
