"""What the trials benchmark compares between runs: everything but what derives from
wall-clock time, found by rescaling the clock readings (benchmarks/digest.py)."""

import json
import os
import sys
from types import SimpleNamespace

from helpers import ROOT

from chigai.device import threads_from_env
from chigai.trials import Trial

sys.path.insert(0, str(ROOT / "benchmarks"))
import digest


def _summarize(config, done) -> dict:
    accuracy, step_ms = done.values("accuracy"), done.values("step_ms")
    return {
        "accuracy": accuracy,
        "step_ms": step_ms,
        "findings": {"best": max(accuracy), "a_faster": step_ms[0] < step_ms[1]},
    }


def test_values_made_from_clock_readings_are_found_and_nothing_else():
    trials = [
        Trial({"model": "a"}, {"accuracy": 0.9, "step_ms": 1.0}, 1.0),
        Trial({"model": "b"}, {"accuracy": 0.5, "step_ms": 1.1}, 1.0),
    ]
    found = digest.clock_derived(SimpleNamespace(summarize=_summarize), None, trials)
    assert found == ["findings.a_faster", "step_ms[]"]


def test_the_digest_ignores_only_the_patterns_it_is_told(tmp_path):
    runs = {
        "first": {"rows": [{"acc": 0.5, "ms": 1.0}], "findings": {"faster": True}},
        "clock moved": {"rows": [{"acc": 0.5, "ms": 9.0}], "findings": {"faster": False}},
        "accuracy moved": {"rows": [{"acc": 0.6, "ms": 1.0}], "findings": {"faster": True}},
    }
    left_out = {"x": ["rows[].ms", "findings.faster"]}
    hashes = {}
    for name, data in runs.items():
        (tmp_path / name / "results").mkdir(parents=True)
        (tmp_path / name / "results" / "x.quick.json").write_text(json.dumps({"data": data}))
        hashes[name] = digest.digests(tmp_path / name, "quick", left_out)
    assert hashes["first"] == hashes["clock moved"] != hashes["accuracy moved"]


def test_the_timing_findings_of_the_real_experiments_are_left_out(quick_project):
    threads = threads_from_env(os.environ.get("CHIGAI_THREADS"))
    derived = digest.wall_clock_derived(quick_project, "quick", threads)
    small, step, cost = derived["small_data"], derived["step_cost"], derived["compute_cost"]
    assert {"findings.lstm_over_rnn_step_time", "findings.rnn_faster"} <= set(small)
    assert not {"findings.lstm_better_sizes[]", "models.lstm.accuracy[][]"} & set(small)
    assert {"findings.torch.gru_step[]", "findings.loop.time_ratio.median"} <= set(step)
    assert not {"findings.paper", "findings.params_ratio.median"} & set(step)
    assert "findings.cpu.lstm.time_exponent" in cost and "flops.lstm[]" not in cost
    assert derived["heads_layers"] == []  # its trials read no clock
