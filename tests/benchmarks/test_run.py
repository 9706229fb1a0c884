"""The benchmark's quick mode, as a smoke test: it runs end to end and reports every key.

Timings are never asserted here (they belong in benchmarks/report.json, not in a test);
what is asserted is what must hold on any machine.
"""

import json
import subprocess
import sys

from helpers import ROOT

KEYS = {
    "naive_over_cached",
    "cached_over_floor",
    "cold_quick_suite_s",
    "incremental_s",
    "train_loop_over_bare",
    "machine",
    "profile",
    "cached_build_imports_torch",
}


def test_quick_benchmark_reports_every_measurement(tmp_path):
    out = tmp_path / "report.json"
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "run.py"), "--quick", "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    report = json.loads(out.read_text())
    assert set(report) >= KEYS
    assert report["articles_built"] == ["rnn_vs_lstm"]  # the article of its experiment
    assert set(report["incremental_s"]) == {"template", "figure", "experiment"}
    assert report["incremental_reran"] == {
        "template": [],
        "figure": [],
        "experiment": ["architecture"],
    }
    assert set(report["train_loop_over_bare"]) == {"lstm", "transformer"}
    assert report["cached_build_imports_torch"] is False
    assert len(report["profile"]["no_change_build"]) == 5
    assert "naive / cached" in done.stdout
