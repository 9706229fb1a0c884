"""Same experiment, preset and seed on the CPU: bit-identical data twice in a row."""

import json

from helpers import copy_project, run_tool

# wall-clock measurements and what is derived from them: the only values allowed to differ
TIMINGS = {"step_ms", "lstm_over_rnn_step_time", "rnn_faster"}


def without_timings(value):
    if isinstance(value, dict):
        return {k: without_timings(v) for k, v in value.items() if k not in TIMINGS}
    if isinstance(value, list):
        return [without_timings(v) for v in value]
    return value


def test_two_cpu_runs_give_identical_data(tmp_path):
    project = copy_project(tmp_path / "p")
    runs = []
    for _ in range(2):
        done = run_tool("chigai", "run", "small_data", "--device", "cpu", cwd=project)
        assert done.returncode == 0, done.stderr[-2000:]
        runs.append(json.loads((project / "results" / "small_data.quick.json").read_text()))
    assert without_timings(runs[0]["data"]) == without_timings(runs[1]["data"])
    assert runs[0]["fingerprint"] == runs[1]["fingerprint"]
