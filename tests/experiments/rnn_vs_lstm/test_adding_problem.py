"""The quick preset, run for real: complete, and already showing the effect.

Its wall time is reported (chigai status, README), never asserted: timed tests are flaky.
"""

import json
from pathlib import Path

import pytest
from helpers import ROOT, copy_project, run_tool

from chigai.experiment import discover
from chigai.render import Shown, render_page
from chigai.results import load_result


@pytest.fixture(scope="module")
def quick(tmp_path_factory) -> tuple[Path, dict]:
    project = copy_project(tmp_path_factory.mktemp("adding"))
    (project / "results" / "adding_problem.quick.json").unlink(missing_ok=True)
    done = run_tool(
        "chigai", "run", "adding_problem", "--preset", "quick", "--device", "cpu", cwd=project
    )
    assert done.returncode == 0, done.stderr[-3000:]
    path = project / "results" / "adding_problem.quick.json"
    return project, json.loads(path.read_text())


def test_lstm_holds_on_at_lags_where_the_rnn_falls_to_the_baseline(quick):
    _, result = quick
    findings, data = result["data"]["findings"], result["data"]
    assert findings["lstm_solves_longer_lags"]
    assert findings["lstm_holds_where_rnn_fails"], "no lag where RNN ~ baseline and LSTM solved"
    for lag in findings["lstm_holds_where_rnn_fails"]:
        row = next(row for row in data["rows"] if row["lag"] == lag)
        assert row["rnn"] > 0.5 * data["baseline_mse"] and row["lstm"] < 0.1 * data["baseline_mse"]
    assert abs(data["baseline_mse"] - 0.167) < 0.02


def test_provenance_says_where_when_and_how_long(quick):
    _, result = quick
    provenance = result["provenance"]
    assert provenance["device"].startswith("cpu") and provenance["seeds"] == [1]
    assert provenance["torch"].startswith("2.13") and provenance["duration_s"] > 0
    assert provenance["commit"] and provenance["started_at"].startswith("20")


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_article_templates_render_from_this_result(quick, lang):
    project, _ = quick
    spec = discover(project)["adding_problem"]
    result = load_result(
        project / "results" / "adding_problem.quick.json", experiment=spec.id, preset="quick"
    )
    page = (ROOT / "docs" / f"rnn-vs-lstm.{lang}.md").read_text()
    html = render_page(
        page,
        src_uri=f"rnn-vs-lstm.{lang}.md",
        lang=lang,
        shown={spec.id: Shown(spec, result, False)},
    )
    assert "{{" not in html and "{%" not in html
    assert f"adding_mse.{lang}.svg" in html
