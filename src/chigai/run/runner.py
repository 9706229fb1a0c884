"""Running experiments: plan their trials, reuse the cached ones, run the rest, summarize.

A run holds a lock per result file, so two `chigai run`s, or `mkdocs serve` and a manual
run, never write the same file at once; the second one waits, says so, and then uses the
result the first one wrote if it is fresh. Every finished trial is stored at once
(`chigai.trials`); an experiment is summarized as soon as its last trial is in, and its
result is stored only when every trial succeeded and the experiment says its models
trained (`check_trained`), so a failed or interrupted run never replaces a good file.
Here a run is planned and locked; chigai.run.collect runs its trials and stores results.
"""

import logging
import os
import time
from pathlib import Path
from types import ModuleType

import torch

from chigai.device import cpu_model, resolve_device, threads_from_env
from chigai.experiment import ExperimentError, ExperimentSpec, PresetConfig
from chigai.run.cache import (
    TrialCache,
    checked_grid,
    output_problem,
    point_text,
    settings_of,
    trial_view,
)
from chigai.run.collect import NotTrained, Plan, Report, Run, describe, run_trials, summarize
from chigai.run.executors import Task, default_jobs, usable_cores
from chigai.run.fingerprint import code_fingerprint, fingerprint, source_files
from chigai.run.freshness import Entry, State, check
from chigai.run.loading import prepare
from chigai.run.provenance import uncommitted
from chigai.run.results import HeldLock, Result, check_writable, lock_result, result_path
from chigai.run.rounds import check_rounds, new_points, replay
from chigai.training import configure_torch
from chigai.trials import Done, Trial

__all__ = [  # prepare and compute: what notebooks import (`from chigai.run.runner import …`)
    "NotTrained",
    "Report",
    "cached_trials",
    "compute",
    "prepare",
    "run_experiment",
    "run_many",
    "software",
]
log = logging.getLogger(__name__)


def compute(module: ModuleType, config: PresetConfig, device: str = "cpu") -> dict:
    """Every trial of `config` in this process, summarized, nothing stored: for notebooks.

    With the thread count of `chigai run` (CHIGAI_THREADS), so the data are the same bits,
    and the check a run makes of each trial's output, so a NaN fails here as it would there.
    """
    torch.set_num_threads(threads_from_env(os.environ.get("CHIGAI_THREADS")))
    configure_torch()
    view = trial_view(config)
    trials: list[Trial] = []
    points = checked_grid(module.grid(config), "grid()")
    rounds = 1
    while points:
        for point in points:
            output = module.trial(view, dict(point), torch.device(device))
            problem = output_problem(output)
            if problem:
                name = module.__name__.rpartition(".")[2]  # the experiment id, as a run names it
                raise ExperimentError(f"{name} trial {describe(point)}: {problem}")
            trials.append(Trial(point, output, 0.0))
        points = new_points(module, config, trials, [t.point for t in trials], "next_round()")
        rounds += bool(points)
        check_rounds(rounds, "next_round()")
    return module.summarize(config, Done(trials))


def cached_trials(root: Path, spec: ExperimentSpec, preset: str) -> tuple[int, int]:
    """How many of a preset's trials a plain `chigai run` would reuse, and how many it has
    (for an experiment that plans in rounds: as far as the cache answers its rounds)."""
    module, config = prepare(spec, preset)
    threads = threads_from_env(os.environ.get("CHIGAI_THREADS"))
    kind = resolve_device("auto").type
    cache = TrialCache(
        root, spec, code_fingerprint(spec), settings_of(config), kind, threads, software()
    )
    grid = checked_grid(module.grid(config), f"{spec.path} grid()")
    known, cached = replay(module, config, grid, cache.load, str(spec.path))
    return cached, len(known)


def run_experiment(
    root: Path, spec: ExperimentSpec, preset: str, device_name: str = "auto"
) -> Result:
    """Run one experiment in this process (the site's quick reruns); raise if it failed."""
    (report,) = run_many(root, [spec], preset, device_name, jobs=1)
    if report.result is None:
        raise ExperimentError(report.error or f"{spec.id}: no result")
    return report.result


def run_many(
    root: Path,
    specs: list[ExperimentSpec],
    preset: str,
    device_name: str = "auto",
    *,
    jobs: int | None = None,
    executor: str = "local",
    stale_only: bool = False,
    allow_dirty: bool = False,
) -> list[Report]:
    """Run the experiments' missing trials together and store each finished result.

    A full run publishes numbers, so it refuses code that differs from the last commit
    (the result could not say which code made it) unless `allow_dirty`, which provenance
    then records.
    """
    threads = threads_from_env(os.environ.get("CHIGAI_THREADS"))
    jobs = jobs or default_jobs(threads)
    if jobs * threads > usable_cores():
        log.warning(
            "%d jobs x %d threads is more than the %d cores here: trials will wait on each other",
            *(jobs, threads, usable_cores()),
        )
    run = Run(root, preset, resolve_device(device_name), threads, jobs, executor, allow_dirty)
    prepared = {spec.id: prepare(spec, preset) for spec in specs}  # all checked first
    if preset == "full" and not allow_dirty:
        _refuse_uncommitted(root, specs)
    check_writable(result_path(root, "any", preset).parent)
    reports = {spec.id: Report(spec) for spec in specs}
    locks: dict[str, HeldLock] = {}
    start = time.perf_counter()
    try:
        plans: list[Plan] = []
        for spec in sorted(specs, key=lambda spec: spec.id):  # one order: no two runs deadlock
            locks[spec.id] = lock = lock_result(root, spec.id, preset)
            earlier = check(root, spec, preset)
            if earlier.state is State.FRESH and (stale_only or lock.waited):
                if lock.waited:
                    log.info("%s: the other run wrote a fresh result; using it", spec.id)
                reports[spec.id].result = earlier.result
                locks.pop(spec.id).release()
                continue
            plans.append(_plan(run, spec, prepared[spec.id], earlier))

        def finished(plan: Plan) -> None:
            reports[plan.spec.id] = summarize(run, plan)
            locks.pop(plan.spec.id).release()  # a waiting `mkdocs serve` can go on now

        run_trials(run, sorted(plans, key=lambda plan: specs.index(plan.spec)), finished)
        log.info("all trials done in %.1fs", time.perf_counter() - start)
        return list(reports.values())
    finally:
        for lock in locks.values():
            lock.release()


def _refuse_uncommitted(root: Path, specs: list[ExperimentSpec]) -> None:
    for spec in specs:
        changed = uncommitted(root, source_files(spec.path))
        if changed:
            raise ExperimentError(
                f"{spec.id}: a full run publishes numbers, but {', '.join(changed)} differ "
                "from the last commit; commit them first, or pass --allow-dirty for a local "
                "try (its provenance says so)"
            )


def _plan(
    run: Run, spec: ExperimentSpec, loaded: tuple[ModuleType, PresetConfig], earlier: Entry
) -> Plan:
    module, config = loaded
    code = code_fingerprint(spec)
    cache = TrialCache(
        run.root, spec, code, settings_of(config), run.device.type, run.threads, software()
    )
    grid = checked_grid(module.grid(config), f"{spec.path} grid()")
    cached = {i: trial for i, point in enumerate(grid) if (trial := cache.load(point))}
    slots = {point_text(point): i for i, point in enumerate(grid) if i not in cached}
    raw, where = dict(spec.presets[run.preset]), (run.device.type, run.threads)

    def task_of(point: dict) -> Task:
        return Task(spec.id, str(spec.path), spec.article, raw, run.preset, point, *where, code)

    tasks = [task_of(grid[i]) for i in slots.values()]
    log.info(
        "running %s (%s preset) on %s: %d trials, %d cached, %d to run",
        *(spec.id, run.preset, run.device, len(grid), len(cached), len(tasks)),
    )
    previous = earlier.result.data if earlier.state is State.FRESH else None
    result_fingerprint = fingerprint(spec, run.preset)
    return Plan(
        spec,
        module,
        config,
        cache,
        grid,
        cached,
        slots,
        tasks,
        previous,
        result_fingerprint,
        task_of,
    )


def software() -> str:
    """What besides the code changes a trial's bits: torch, and on the CPU its model."""
    return f"torch {torch.__version__} on {cpu_model()}"
