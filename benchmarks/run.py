"""chigai's benchmark: how fast rebuilds are, and how close training runs to bare PyTorch.

    python benchmarks/run.py            # full: medians of 5 (naive builds: 3), writes report.json
    python benchmarks/run.py --quick    # smoke run: 1 repeat, one article, one tiny experiment
    python benchmarks/run.py --lighthouse-only   # only the Lighthouse scores, into report.json

Measures on this machine, in one run: a build with nothing stale vs a naive build that
reruns every quick experiment vs the floor (the same pages pre-rendered, no plugin);
incremental edits; the cold quick suite; the quick suite sequential vs `--jobs 2` and a
resumed run (benchmarks/trials.py; the full suite: `make bench-full`); training-loop
overhead; where time goes; and Lighthouse's four scores (mobile) for the home page, every
article and a notebook page (benchmarks/lighthouse.py; not in --quick unless
--lighthouse is given).
"""

import argparse
import cProfile
import json
import os
import platform
import pstats
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import builds
import lighthouse
import training_loop
import trials


def top_costs(profile: cProfile.Profile | str, count: int = 5) -> list[str]:
    """The `count` functions with the most time of their own, as 'file:function  seconds'."""
    stats = pstats.Stats(profile)
    ranked = sorted(stats.stats.items(), key=lambda item: item[1][2], reverse=True)[:count]
    return [
        f"{Path(f).name}:{line}:{name}  {own:.2f}s" for (f, line, name), (_, _, own, _, _) in ranked
    ]


def machine() -> dict:
    import torch

    from chigai.device import cpu_model

    return {
        "cpu": cpu_model(),
        "cores": os.cpu_count(),
        "gpu": torch.cuda.get_device_name(0) if torch.cuda.is_available() else None,
        "torch": torch.__version__,
        "python": platform.python_version(),
        "platform": platform.platform(terse=True),
    }


def measure(
    work: Path,
    *,
    repeats: int,
    only: list[str] | None,
    experiment: str,
    steps: int,
    with_lighthouse: bool,
    one_article: bool,
) -> dict:
    from chigai.experiment import discover

    project = builds.copy_project(work / "project")
    article = discover(project)[experiment].article
    if one_article:
        builds.keep_one_article(project, article)
    builds.forget_results(project, only)
    cold, _ = builds.build(project)  # reruns the quick presets it lacks: the cold suite

    def naive() -> float:
        builds.forget_results(project, only)
        return builds.build(project)[0]

    # The cold build was a naive one too (no result, trial or figure to reuse): it is the
    # first of the (at most three, a minute each) samples; --quick builds no other.
    naive_s = statistics.median([cold, *(naive() for _ in range(min(repeats, 3) - 1))])
    floor = builds.floor_project(project, work / "floor")
    cached, floored = builds.interleaved(repeats, project, floor)
    cached_s, floor_s = (statistics.median(s for s, _ in runs) for runs in (cached, floored))

    profile_path = work / "build.prof"  # a no-change build too: incremental's starting point
    os.environ["PYTHONPATH"] = str(project / "src")
    builds.subprocess.run(
        [sys.executable, "-m", "cProfile", "-o", str(profile_path), "-m", "mkdocs", "build", "-q"],
        cwd=project,
        check=True,
        capture_output=True,
    )
    incremental = builds.incremental(project, experiment)
    from chigai.run.runner import run_experiment

    profiler = cProfile.Profile()
    profiler.runcall(run_experiment, project, discover(project)[experiment], "quick", "cpu")
    scores = {"lighthouse": lighthouse_report(project)} if with_lighthouse else {}
    suites = {} if only else {"quick": trials.measure("quick", [1, 2], experiment)}
    return scores | {
        "trials": suites,
        "machine": machine(),
        "repeats": repeats,
        "experiments_rerun_by_naive": only or "all",
        "articles_built": [article] if one_article else "all",
        "cold_quick_suite_s": cold,
        "cached_build_s": cached_s,
        "naive_build_s": naive_s,
        "floor_build_s": floor_s,
        "naive_over_cached": naive_s / cached_s,
        "cached_over_floor": cached_s / floor_s,
        "cached_build_imports_torch": any(builds.imported_torch(log) for _, log in cached),
        "incremental_s": incremental["seconds"],
        "incremental_reran": incremental["reran"],
        "train_loop_over_bare": training_loop.overhead(steps, repeats),
        "profile": {
            "no_change_build": top_costs(str(profile_path)),
            f"quick_{experiment}": top_costs(profiler),
        },
    }


def lighthouse_report(project: Path) -> dict:
    """Lighthouse's scores per page, with how they were taken (they depend on the machine);
    without node/npm or chromium, the reason it was skipped instead."""
    try:
        scores = lighthouse.measure(project)
    except lighthouse.LighthouseUnavailable as missing:
        return {"skipped": str(missing)}
    return {
        "version": lighthouse.VERSION,
        "form_factor": "mobile (Lighthouse default: simulated slow 4G, 4x CPU slowdown)",
        "served": "built for and served at one local address, gzip as GitHub Pages serves it",
        "scores": scores,
    }


def print_table(report: dict) -> None:
    rows = [
        (
            "cold quick suite (all quick experiments + build)",
            f"{report['cold_quick_suite_s']:.1f} s",
        ),
        ("build, nothing stale (median)", f"{report['cached_build_s']:.2f} s"),
        ("naive build, rerun every quick experiment", f"{report['naive_build_s']:.1f} s"),
        ("floor: pre-rendered pages, no plugin", f"{report['floor_build_s']:.2f} s"),
        ("naive / cached (goal >= 20)", f"{report['naive_over_cached']:.1f}"),
        ("cached / floor (goal <= 1.5)", f"{report['cached_over_floor']:.2f}"),
        ("no-change build imports torch", str(report["cached_build_imports_torch"])),
        *[(f"edit {kind} -> built", f"{s:.2f} s") for kind, s in report["incremental_s"].items()],
        *[
            (f"training loop / bare loop: {name}", f"{r['ratio']:.2f}")
            for name, r in report["train_loop_over_bare"].items()
        ],
    ]
    for preset, measured in report.get("trials", {}).items():
        for run in measured["suites"]:
            rows.append((f"{preset} suite, --jobs {run['jobs']} (wall)", f"{run['wall_s']:.0f} s"))
        speedup = max(measured["speedup"].values())
        same = "identical data" if measured["identical_data"] else "DATA DIFFERS"
        rows.append((f"{preset} suite speedup from --jobs ({same})", f"{speedup:.2f}x"))
        for name, found in measured.get("left_out_as_wall_clock", {}).items():
            rows.append((f"  not compared, from wall-clock time: {name}", _findings(found)))
        resumed = measured["resume"]
        rows.append(
            (
                f"resume {resumed['experiment']} {preset} from "
                f"{resumed['cached_at_interrupt']}/{resumed['trials']} trials",
                f"{resumed['resume_wall_s']:.0f} s",
            )
        )
    for page, scores in report.get("lighthouse", {}).get("scores", {}).items():
        rows.append((f"lighthouse {page} (perf, a11y, best pr., SEO)", _four(scores)))
    width = max(len(name) for name, _ in rows)
    for name, value in rows:
        print(f"{name:<{width}}  {value}")


def _findings(patterns: list[str]) -> str:
    """The findings among wall-clock-derived patterns, to three levels ('findings.cpu.lstm')."""
    paths = (p.replace("[]", "") for p in patterns if p.startswith("findings."))
    shown = {".".join(path.split(".")[:3]) for path in paths}
    return ", ".join(sorted(shown)) or "(no findings; only measured values)"


def _four(scores: dict[str, int]) -> str:
    return ", ".join(str(scores[name]) for name in lighthouse.CATEGORIES)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="smoke run: 1 repeat, one article's pages, one tiny experiment",
    )
    parser.add_argument("--out", type=Path, default=Path(__file__).with_name("report.json"))
    parser.add_argument("--lighthouse", action="store_true", help="with --quick: Lighthouse too")
    parser.add_argument(
        "--lighthouse-only",
        action="store_true",
        help="measure only the Lighthouse scores (of this checkout) and update them in --out",
    )
    args = parser.parse_args()
    if args.lighthouse_only:
        report = json.loads(args.out.read_text()) if args.out.exists() else {}
        report["lighthouse"] = lighthouse_report(builds.ROOT)
        args.out.write_text(json.dumps(report, indent=1) + "\n")
        for page, scores in report["lighthouse"].get("scores", {}).items():
            print(f"lighthouse {page:<18} (perf, a11y, best pr., SEO)  {_four(scores)}")
        print(report["lighthouse"].get("skipped", ""))
        return
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="chigai-bench-") as work:
        report = measure(
            Path(work),
            repeats=1 if args.quick else 5,
            only=["architecture"] if args.quick else None,
            experiment="architecture" if args.quick else "small_data",
            steps=20 if args.quick else 300,
            with_lighthouse=args.lighthouse or not args.quick,
            one_article=args.quick,
        )
    report["benchmark_s"] = time.perf_counter() - started
    earlier = json.loads(args.out.read_text()) if args.out.exists() else {}
    report["trials"] = earlier.get("trials", {}) | report["trials"]  # keep a full-suite run
    report |= {"suite": earlier["suite"]} if "suite" in earlier else {}  # benchmarks/suite.py
    args.out.write_text(json.dumps(report, indent=1) + "\n")
    print_table(report)


if __name__ == "__main__":
    main()
