"""Trials benchmark: the whole suite sequential vs `--jobs`, and resuming a half-done run.

    python benchmarks/trials.py --preset quick              # minutes
    python benchmarks/trials.py --preset full --jobs 1 2    # hours on 2 cores

Each suite runs in a fresh project copy with no cached trials, as `chigai run --preset P
--jobs N` (the timing experiments' trials run alone at the end, as always), and must give
bit-identical data except what derives from wall-clock time: step and training times and
every ratio, fit and verdict made from them (small_data's `lstm_over_rnn_step_time` and
`rnn_faster`, step_cost's `gru_step` and `time_ratio`, most of compute_cost).
benchmarks/digest.py finds those by re-summarizing each experiment's own trials with the
clock readings rescaled; each suite lists them under "left_out_as_wall_clock", and
`make bench` prints the findings among them.

The resume measurement interrupts one experiment once half of its trials are stored, then
times the run that finishes it. Results are merged into report.json under "trials".
"""

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import builds
import digest

BIN = Path(sys.executable).parent


def chigai(project: Path, *args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [str(BIN / "chigai"), "run", *args, "--device", "cpu"],
        cwd=project,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "CHIGAI_THREADS": "1"},
    )


def suite(work: Path, preset: str, jobs: int) -> dict:
    """Wall time of every experiment at `preset`, nothing cached, `jobs` trials at once."""
    project = builds.copy_project(work / f"suite-{preset}-jobs{jobs}")
    shutil.rmtree(project / ".trials", ignore_errors=True)
    start = time.perf_counter()
    run = chigai(project, "--preset", preset, "--jobs", str(jobs))
    output, _ = run.communicate()
    wall = time.perf_counter() - start
    if run.returncode != 0:
        raise RuntimeError(f"suite with --jobs {jobs} failed:\n{output[-3000:]}")
    trial_seconds = sum(
        json.loads(path.read_text())["seconds"] for path in (project / ".trials").rglob("*.json")
    )
    return {
        "jobs": jobs,
        "wall_s": round(wall, 1),
        "trial_seconds_sum": round(trial_seconds, 1),
        "project": project,  # digested once every suite has run (`digested`)
    }


def resume(work: Path, preset: str, experiment: str, jobs: int) -> dict:
    """Interrupt a run of one experiment at half its trials, then time the run that resumes."""
    project = builds.copy_project(work / f"resume-{experiment}")
    stored = project / ".trials" / experiment
    run = chigai(project, experiment, "--preset", preset, "--jobs", str(jobs))
    total = None
    while total is None:  # the plan line: "running X (P preset) on cpu: N trials, ..."
        line = run.stdout.readline()
        if not line:
            raise RuntimeError(f"{experiment} ended before planning its trials")
        if " trials, " in line:
            total = int(line.split(": ")[-1].split(" trials")[0])
    while run.poll() is None and len(list(stored.glob("*.json"))) < total // 2:
        time.sleep(0.2)
    run.send_signal(signal.SIGINT)
    run.communicate()
    kept = len(list(stored.glob("*.json")))
    start = time.perf_counter()
    output, _ = chigai(project, experiment, "--preset", preset, "--jobs", str(jobs)).communicate()
    return {
        "experiment": experiment,
        "trials": total,
        "cached_at_interrupt": kept,
        "resume_wall_s": round(time.perf_counter() - start, 1),
        "resumed_log": [line for line in output.splitlines() if "trials" in line][-2:],
    }


def measure(preset: str, jobs: list[int], resume_experiment: str) -> dict:
    with tempfile.TemporaryDirectory(prefix="chigai-trials-") as folder:
        work = Path(folder)
        suites = [suite(work, preset, n) for n in jobs]
        left_out = digested(suites, preset)
        resumed = resume(work, preset, resume_experiment, max(jobs))
    return summary(preset, suites, resumed) | {"left_out_as_wall_clock": left_out}


def digested(suites: list[dict], preset: str) -> dict[str, list[str]]:
    """Give each suite its data digest, leaving out what derives from wall-clock time in
    any of them (one list for all: no suite's digest covers what another's leaves out);
    returns that list, by experiment."""
    left_out: dict[str, set[str]] = {}
    for run in suites:
        for name, found in digest.wall_clock_derived(run["project"], preset).items():
            left_out.setdefault(name, set()).update(found)
    listed = {name: sorted(found) for name, found in left_out.items() if found}
    for run in suites:
        run["data"] = digest.digests(run.pop("project"), preset, listed)
    return listed


def summary(preset: str, suites: list[dict], resumed: dict) -> dict:
    first = suites[0]
    return {
        "preset": preset,
        "suites": suites,
        "identical_data": all(s["data"] == first["data"] for s in suites),
        "speedup": {f"jobs {s['jobs']}": round(first["wall_s"] / s["wall_s"], 2) for s in suites},
        "resume": resumed,
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--preset", choices=("quick", "full"), default="quick")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--resume", default="marked_recall", help="experiment to resume")
    parser.add_argument("--out", type=Path, default=Path(__file__).with_name("report.json"))
    args = parser.parse_args()
    measured = measure(args.preset, args.jobs, args.resume)
    report = json.loads(args.out.read_text()) if args.out.exists() else {}
    report.setdefault("trials", {})[args.preset] = measured
    args.out.write_text(json.dumps(report, indent=1) + "\n")
    print(json.dumps(measured, indent=1))


if __name__ == "__main__":
    main()
