"""benchmarks/suite.py reads what `make test` printed: pytest's counts and slowest steps."""

import sys

from helpers import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
import suite

OUTPUT = """\
============================= slowest 25 durations =============================
95.10s call     tests/benchmarks/test_run.py::test_quick_benchmark_reports_every_measurement
16.74s setup    tests/experiments/attention_vs_lstm/test_far_recall.py::test_rates
0.01s teardown tests/test_cli.py::test_help
=========================== short test summary info ============================
FAILED tests/test_cli.py::test_help - AssertionError
===== 1 failed, 839 passed, 1 skipped, 2 errors in 301.20s (0:05:01) =====
"""


def test_the_counts_come_from_the_last_summary_line():
    assert suite.outcome(OUTPUT) == {"failed": 1, "passed": 839, "skipped": 1, "error": 2}
    assert suite.outcome("ruff: 3 errors\n") == {}  # make stopped before pytest ran


def test_the_slowest_steps_are_listed_in_order():
    found = suite.slowest(OUTPUT, count=2)
    assert [line.split()[0] for line in found] == ["95.10s", "16.74s"]
