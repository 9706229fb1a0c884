"""Running experiments: plan their trials, reuse the cached ones, run the rest, summarize.

A run holds a lock per result file, so two `chigai run`s, or `mkdocs serve` and a manual
run, never write the same file at once; the second one waits, says so, and then uses the
result the first one wrote if it is fresh. Every finished trial is stored at once
(`chigai.trials`); an experiment is summarized as soon as its last trial is in, and its
result is stored only when every trial succeeded and the experiment says its models
trained (`check_trained`), so a failed or interrupted run never replaces a good file.
"""

import logging
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from types import ModuleType
from typing import Any

import torch
from tqdm import tqdm

from chigai.device import cpu_model, resolve_device, threads_from_env
from chigai.executors import (
    InProcess,
    Outcome,
    Task,
    default_jobs,
    make_executor,
    usable_cores,
)
from chigai.experiment import ExperimentError, ExperimentSpec, PresetConfig
from chigai.fingerprint import code_fingerprint, fingerprint, source_files
from chigai.freshness import Entry, State, check
from chigai.loading import prepare
from chigai.provenance import provenance as describe_run
from chigai.provenance import uncommitted
from chigai.results import HeldLock, Result, check_writable, lock_result, result_path, save_result
from chigai.training import configure_torch
from chigai.trials import (
    Done,
    Trial,
    TrialCache,
    checked_grid,
    settings_of,
    trial_view,
)

log = logging.getLogger(__name__)
TRAINING_KEYS = ("lrs", "steps", "batch_size")  # named when a run did not train


class NotTrained(ExperimentError):
    """A run finished without NaN but its models did not learn: its result is refused."""


@dataclass
class Plan:
    """One experiment of a run: its grid, which trials are cached, and what came back."""

    spec: ExperimentSpec
    module: ModuleType
    config: PresetConfig
    cache: TrialCache
    grid: list[dict]
    trials: dict[int, Trial]  # by grid index: cached, then as they finish
    tasks: list[Task]
    previous: dict[str, Any] | None
    fingerprint: str  # of the result, taken before any trial ran
    failures: list[str] = field(default_factory=list)

    @property
    def alone(self) -> bool:
        """Timing experiments measure on an otherwise idle machine, one trial at a time."""
        return bool(getattr(self.module, "RUN_ALONE", False))


@dataclass
class Report:
    spec: ExperimentSpec
    result: Result | None = None
    error: str | None = None
    ran: int = 0
    reused: int = 0


def compute(module: ModuleType, config: PresetConfig, device: str = "cpu") -> dict:
    """Every trial of `config` in this process, summarized, nothing stored: for notebooks.

    With the thread count of `chigai run` (CHIGAI_THREADS), so the data are the same bits.
    """
    torch.set_num_threads(threads_from_env(os.environ.get("CHIGAI_THREADS")))
    configure_torch()
    view = trial_view(config)
    grid = checked_grid(module.grid(config), "grid()")
    trials = [Trial(p, module.trial(view, dict(p), torch.device(device)), 0.0) for p in grid]
    return module.summarize(config, Done(trials))


def cached_trials(root: Path, spec: ExperimentSpec, preset: str) -> tuple[int, int]:
    """How many of a preset's trials a plain `chigai run` would reuse, and how many it has."""
    module, config = prepare(spec, preset)
    threads = threads_from_env(os.environ.get("CHIGAI_THREADS"))
    kind = resolve_device("auto").type
    cache = TrialCache(
        root, spec, code_fingerprint(spec), settings_of(config), kind, threads, software()
    )
    grid = checked_grid(module.grid(config), f"{spec.path} grid()")
    return sum(cache.load(point) is not None for point in grid), len(grid)


def run_experiment(
    root: Path, spec: ExperimentSpec, preset: str, device_name: str = "auto"
) -> Result:
    """Run one experiment in this process (the site's quick reruns); raise if it failed."""
    (report,) = run_many(root, [spec], preset, device_name, jobs=1)
    if report.result is None:
        raise ExperimentError(report.error or f"{spec.id}: no result")
    return report.result


@dataclass(frozen=True)
class Run:
    """What every experiment of one `chigai run` shares."""

    root: Path
    preset: str
    device: torch.device
    threads: int  # torch threads per trial
    jobs: int
    executor: str
    allow_dirty: bool
    started_at: str = field(default_factory=lambda: datetime.now(UTC).isoformat("T", "seconds"))


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

        def finish(plan: Plan) -> None:
            reports[plan.spec.id] = _finish(run, plan)
            locks.pop(plan.spec.id).release()  # a waiting `mkdocs serve` can go on now

        _execute(run, sorted(plans, key=lambda plan: specs.index(plan.spec)), finish)
        log.info("all trials done in %.1fs", time.perf_counter() - start)
        return list(reports.values())
    finally:
        for lock in locks.values():
            lock.release()


def _execute(run: Run, plans: list[Plan], finish: Callable[[Plan], None]) -> None:
    """Run every missing trial; timing trials last, one at a time, in this process."""
    for plan in plans:
        if not plan.tasks:
            finish(plan)
    pending = [task for plan in plans if not plan.alone for task in plan.tasks]
    alone = [task for plan in plans if plan.alone for task in plan.tasks]
    by_id = {plan.spec.id: plan for plan in plans}
    with _bar(len(pending) + len(alone)) as bar:
        if pending:
            jobs = min(run.jobs, len(pending))  # one trial needs no worker processes
            executor = make_executor(run.executor, jobs, root=run.root, threads=run.threads)
            try:
                _collect(executor.run(pending), by_id, bar, finish)
            finally:
                executor.close()  # an interrupted run must not leave trials training
        _collect(InProcess().run(alone), by_id, bar, finish)


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
    raw, where = dict(spec.presets[run.preset]), (run.device.type, run.threads)
    tasks = [
        Task(spec.id, str(spec.path), spec.article, raw, run.preset, point, *where, code)
        for i, point in enumerate(grid)
        if i not in cached
    ]
    log.info(
        "running %s (%s preset) on %s: %d trials, %d cached, %d to run",
        *(spec.id, run.preset, run.device, len(grid), len(cached), len(tasks)),
    )
    previous = earlier.result.data if earlier.state is State.FRESH else None
    result_fingerprint = fingerprint(spec, run.preset)
    return Plan(spec, module, config, cache, grid, cached, tasks, previous, result_fingerprint)


def software() -> str:
    """What besides the code changes a trial's bits: torch, and on the CPU its model."""
    return f"torch {torch.__version__} on {cpu_model()}"


def _bar(total: int) -> tqdm:
    """One bar over all trials to run; its ETA comes from the trials finished so far."""
    return tqdm(total=total, desc="trials", unit="trial", dynamic_ncols=True, disable=None)


def _collect(outcomes, plans: dict[str, Plan], bar: tqdm, finish: Callable[[Plan], None]) -> None:
    """Store each outcome as it arrives; summarize an experiment once all its trials are in."""
    for outcome in outcomes:
        plan = plans[outcome.task.experiment]
        _record(plan, outcome)
        bar.update(1)
        bar.set_postfix_str(f"{plan.spec.id} {_describe(outcome.task.point)}", refresh=False)
        if len(plan.trials) + len(plan.failures) == len(plan.grid):
            finish(plan)


def _record(plan: Plan, outcome: Outcome) -> None:
    where = f"{plan.spec.id} trial {_describe(outcome.task.point)}"
    if outcome.error is not None or outcome.output is None:
        plan.failures.append(f"{where}: {outcome.error}")
        log.error("%s failed: %s", where, outcome.error)
        return
    trial = Trial(outcome.task.point, outcome.output, outcome.seconds, outcome.host)
    plan.cache.store(trial)
    plan.trials[plan.grid.index(outcome.task.point)] = trial


def _describe(point: dict) -> str:
    return " ".join(f"{key}={value}" for key, value in point.items())


def _finish(run: Run, plan: Plan) -> Report:
    """Summarize an experiment whose trials are all in, check it, store it atomically."""
    spec, ran, reused = plan.spec, len(plan.tasks), len(plan.grid) - len(plan.tasks)
    if plan.failures:
        error = (
            f"{len(plan.failures)} of {len(plan.grid)} trials failed, so the result was not "
            f"written (the {len(plan.trials)} good trials are cached): {plan.failures[0]}"
        )
        return Report(spec, error=error, ran=ran, reused=reused)
    trials = [plan.trials[i] for i in range(len(plan.grid))]
    try:
        data = plan.module.summarize(plan.config, Done(trials, plan.previous))
        if not isinstance(data, dict) or not isinstance(data.get("findings"), dict):
            raise ExperimentError(
                f"{spec.path}: summarize() must return a dict with a 'findings' dict"
            )
        _check_trained(spec, run.preset, plan.module, data)
        counts = {
            "ran": ran,
            "reused": reused,
            "jobs": 1 if plan.alone else run.jobs,
            "executor": "local" if plan.alone else run.executor,
        }
        provenance = describe_run(run.root, run.device, run.started_at, trials, counts)
        provenance["seeds"] = list(plan.config.seeds)
        if run.allow_dirty:
            provenance["dirty_allowed"] = True  # --allow-dirty: not for publishing
        path = result_path(run.root, spec.id, run.preset)
        result = Result(spec.id, run.preset, plan.fingerprint, provenance, data, path)
        try:
            save_result(result)
        except ValueError as error:  # NaN or inf in the data: JSON cannot hold it
            raise ExperimentError(
                f"{spec.id}: result data is not finite JSON ({error}); nothing was written"
            ) from error
    except Exception as error:  # one experiment's bad summary must not stop the others
        log.error("%s (%s) failed: %s", spec.id, run.preset, error)
        return Report(spec, error=str(error), ran=ran, reused=reused)
    log.info("%s: stored %s", spec.id, result.path.name)
    return Report(spec, result=result, ran=ran, reused=reused)


def _check_trained(spec: ExperimentSpec, preset: str, module: ModuleType, data: dict) -> None:
    problem = module.check_trained(data)
    if problem:
        settings = spec.presets[preset]
        named = ", ".join(f"{key}={settings[key]}" for key in TRAINING_KEYS if key in settings)
        raise NotTrained(
            f"{spec.id} ({preset}) did not train: {problem}; nothing was written. "
            f"Check {spec.path.name} PRESETS[{preset!r}]" + (f" ({named})" if named else "")
        )
