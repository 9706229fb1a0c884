"""How long `make test` takes here: cold (no cached trials) and warm (every trial cached).

    python benchmarks/suite.py           # cold, then warm; writes "suite" into report.json
    python benchmarks/suite.py --warm    # only warm, on the checkout's own trial cache

The goal (issue 24): at most 6 minutes warm and 11 cold on 2 cores. `make test` runs ruff
and the whole suite, every tier (slow and browser tests included), with the xdist workers
and timeouts it sets. For cold and warm the quick project's trial cache is a fresh
temporary folder (CHIGAI_TEST_TRIAL_CACHE), so the checkout's own cache is neither used
nor changed; `--warm` alone uses the checkout's, which an earlier `make test` filled.
Each run's whole output goes to test-report/suite-<cold|warm>.log. Timings depend on the
machine and on what else runs on it: measure on a quiet one.
"""

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LOGS = ROOT / "test-report"
GOALS_S = {"warm": 6 * 60, "cold": 11 * 60}
COUNTED = ("passed", "failed", "skipped", "error", "errors", "xfailed", "xpassed")


def outcome(output: str) -> dict[str, int]:
    """The counts of pytest's last summary line ('600 passed, 14 skipped in 301.2s')."""
    lines = [line for line in output.splitlines() if re.search(r" in [0-9.]+s", line)]
    found = re.findall(rf"(\d+) ({'|'.join(COUNTED)})\b", lines[-1] if lines else "")
    return {name.rstrip("s") if name == "errors" else name: int(n) for n, name in found}


def slowest(output: str, count: int = 10) -> list[str]:
    """The first `count` lines of pytest's --durations table ('12.3s call tests/...')."""
    return re.findall(r"^\d+\.\d+s (?:call|setup|teardown) .*$", output, re.M)[:count]


def make_test(trial_cache: Path | None, kind: str) -> dict:
    """One `make test`, its wall time, pytest's counts and slowest steps; its whole output
    goes to test-report/suite-<kind>.log."""
    when, load_before = datetime.now(UTC).isoformat(timespec="seconds"), os.getloadavg()[0]
    env = dict(os.environ)
    if trial_cache is not None:
        env["CHIGAI_TEST_TRIAL_CACHE"] = str(trial_cache)
    start = time.perf_counter()
    done = subprocess.run(["make", "test"], cwd=ROOT, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - start
    LOGS.mkdir(parents=True, exist_ok=True)
    (LOGS / f"suite-{kind}.log").write_text(done.stdout + done.stderr)
    if done.returncode != 0:
        sys.stderr.write(done.stdout[-5000:] + done.stderr[-3000:])
    return {
        "wall_s": round(wall, 1),
        "measured_at": when,
        # the 1-minute load average before and after: above the core count, other work
        # shared the machine and the time says more about it than about the suite
        "load_before_after": [round(load_before, 1), round(os.getloadavg()[0], 1)],
        "exit": done.returncode,
        "tests": outcome(done.stdout),
        "slowest": slowest(done.stdout),
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--warm", action="store_true", help="only warm, on the checkout's cache")
    parser.add_argument("--out", type=Path, default=Path(__file__).with_name("report.json"))
    args = parser.parse_args()
    measured: dict = {}
    if args.warm:
        measured["warm"] = make_test(None, "warm")
    else:
        with tempfile.TemporaryDirectory(prefix="chigai-suite-trials-") as folder:
            cache = Path(folder) / "trials"
            measured["cold"] = make_test(cache, "cold")
            measured["warm"] = make_test(cache, "warm")
    report = json.loads(args.out.read_text()) if args.out.exists() else {}
    about = {"command": "make test", "cores": os.cpu_count(), "goals_s": GOALS_S}
    report["suite"] = report.get("suite", {}) | measured | about
    args.out.write_text(json.dumps(report, indent=1) + "\n")
    for kind, run in measured.items():
        verdict = "ok" if run["wall_s"] <= GOALS_S[kind] and run["exit"] == 0 else "MISSED"
        print(f"make test, {kind}: {run['wall_s']:.0f} s (goal {GOALS_S[kind]} s) {verdict}")
        print(f"  {run['tests']}, exit {run['exit']}")


if __name__ == "__main__":
    main()
