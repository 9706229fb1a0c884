"""Trials benchmark: the whole suite sequential vs `--jobs`, and resuming a half-done run.

    python benchmarks/trials.py --preset quick              # minutes
    python benchmarks/trials.py --preset full --jobs 1 2    # hours on 2 cores

Each suite runs in a fresh project copy with no cached trials, as `chigai run --preset P
--jobs N` (compute_cost's trials run alone at the end, as always), and must give the same
data, wall-clock timings aside. The resume measurement interrupts one experiment once half
of its trials are stored, then times the run that finishes it. Results are merged into
report.json under "trials".
"""

import argparse
import hashlib
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

BIN = Path(sys.executable).parent
# wall-clock measurements and what is derived from them: the only values that may differ
TIMINGS = {
    "train_seconds_per_lag",
    "measured_at",
    "step_ms",
    "step_ms_min",
    "step_ms_max",
    "step_time_ratio",
    "lstm_over_rnn_step_time",
    "rnn_faster",
}
# compute_cost measures time and nothing else: only its operation counts must agree
COUNTED = {"compute_cost": ("lengths", "flops", "params")}


def without_timings(value, experiment: str = ""):
    if experiment in COUNTED and isinstance(value, dict) and "flops" in value:
        return {key: value[key] for key in COUNTED[experiment]}
    if isinstance(value, dict):
        return {
            key: without_timings(item, experiment)
            for key, item in value.items()
            if key not in TIMINGS
        }
    if isinstance(value, list):
        return [without_timings(item, experiment) for item in value]
    return value


def data_digest(project: Path, preset: str) -> dict[str, str]:
    """Per experiment, a hash of its result data without the wall-clock values."""
    digests = {}
    for path in sorted((project / "results").glob(f"*.{preset}.json")):
        experiment = path.name.split(".")[0]
        data = without_timings(json.loads(path.read_text())["data"], experiment)
        text = json.dumps(data, sort_keys=True)
        digests[experiment] = hashlib.sha256(text.encode()).hexdigest()[:16]
    return digests


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
        "data": data_digest(project, preset),
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
        resumed = resume(work, preset, resume_experiment, max(jobs))
    return summary(preset, suites, resumed)


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
