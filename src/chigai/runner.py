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
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from types import ModuleType
from typing import Any

import torch
from filelock import FileLock, Timeout
from tqdm import tqdm

from chigai.device import resolve_device, threads_from_env
from chigai.executors import (
    Executor,
    InProcess,
    Outcome,
    Task,
    default_jobs,
    make_executor,
    usable_cores,
)
from chigai.experiment import ExperimentError, ExperimentSpec, PresetConfig
from chigai.fingerprint import code_fingerprint, fingerprint
from chigai.freshness import State, check
from chigai.loading import load_config, load_module
from chigai.provenance import provenance as describe_run
from chigai.results import Result, result_path, save_result
from chigai.training import configure_torch
from chigai.trials import (
    Done,
    Trial,
    TrialCache,
    checked_grid,
    settings_of,
    stored_points,
    trial_view,
)

log = logging.getLogger(__name__)
TRAINING_KEYS = ("lr", "steps", "batch_size")  # named when a run did not train


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
    reused: int = 0
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


def check_writable(folder: Path) -> None:
    """Fail before training, not after, when the result could not be stored."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError as error:
        raise ExperimentError(
            f"{folder}: cannot write results there ({error.strerror}); fix its permissions"
        ) from error


def prepare(spec: ExperimentSpec, preset: str) -> tuple[ModuleType, PresetConfig]:
    """Import an experiment and check its preset; raises ExperimentError naming the key."""
    module = load_module(spec.path, spec.article)
    return module, load_config(spec.path, module, dict(spec.presets), preset)


def compute(module: ModuleType, config: PresetConfig, device: str = "cpu") -> dict:
    """Every trial of `config` in this process, summarized, nothing stored: for notebooks."""
    configure_torch()
    view = trial_view(config)
    grid = checked_grid(module.grid(config), "grid()")
    trials = [Trial(p, module.trial(view, dict(p), torch.device(device)), 0.0) for p in grid]
    return module.summarize(config, Done(trials))


def cached_trials(root: Path, spec: ExperimentSpec, preset: str) -> tuple[int, int]:
    """How many of a preset's trials are stored for the current code, and how many it has."""
    module, config = prepare(spec, preset)
    grid = checked_grid(module.grid(config), f"{spec.path} grid()")
    stored = stored_points(root, spec, code_fingerprint(spec), settings_of(config))
    return sum(point in stored for point in grid), len(grid)


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
) -> list[Report]:
    """Run the experiments' missing trials together and store each finished result."""
    device = resolve_device(device_name)
    threads = threads_from_env(os.environ.get("CHIGAI_THREADS"))
    jobs = jobs or default_jobs(threads)
    if jobs * threads > usable_cores():
        log.warning(
            "%d jobs x %d threads is more than the %d cores here: trials will wait on each other",
            *(jobs, threads, usable_cores()),
        )
    prepared = {spec.id: prepare(spec, preset) for spec in specs}  # all checked first
    check_writable(result_path(root, "any", preset).parent)
    reports = {spec.id: Report(spec) for spec in specs}
    locks = []
    started_at = datetime.now(UTC).isoformat(timespec="seconds")
    start = time.perf_counter()
    runner: Executor | None = None
    try:
        plans: list[Plan] = []
        for spec in specs:
            locks.append(_lock(root, spec, preset))
            earlier = check(root, spec, preset)
            if earlier.state is State.FRESH and (stale_only or locks[-1].waited):
                if locks[-1].waited:
                    log.info("%s: the other run wrote a fresh result; using it", spec.id)
                reports[spec.id].result = earlier.result
                continue
            module, config = prepared[spec.id]
            plans.append(_plan(root, spec, preset, (module, config), device, threads, earlier))
        pending = [task for plan in plans if not plan.alone for task in plan.tasks]
        alone = [task for plan in plans if plan.alone for task in plan.tasks]
        by_id = {plan.spec.id: plan for plan in plans}

        def finish(plan: Plan) -> None:
            reports[plan.spec.id] = _finish(root, plan, preset, device, jobs, executor, started_at)

        for plan in plans:
            if not plan.tasks:
                finish(plan)
        with _bar(len(pending) + len(alone)) as bar:
            if pending:
                runner = make_executor(executor, jobs, root=root, threads=threads)
                _collect(runner.run(pending), by_id, bar, finish)
                runner.close()
                runner = None
            _collect(InProcess().run(alone), by_id, bar, finish)
        for plan in plans:
            reports[plan.spec.id].ran = len(plan.tasks)
            reports[plan.spec.id].reused = plan.reused
        log.info("all trials done in %.1fs", time.perf_counter() - start)
        return list(reports.values())
    finally:
        if runner is not None:
            runner.close()
        for lock in locks:
            lock.release()


class _HeldLock:
    def __init__(self, lock: FileLock, waited: bool):
        self.lock, self.waited = lock, waited

    def release(self) -> None:
        self.lock.release()


def _lock(root: Path, spec: ExperimentSpec, preset: str) -> _HeldLock:
    path = result_path(root, spec.id, preset)
    lock = FileLock(f"{path}.lock")
    try:
        lock.acquire(timeout=0)
        return _HeldLock(lock, waited=False)
    except Timeout:
        log.warning("%s is being written by another chigai run; waiting for it", path)
        lock.acquire()
        return _HeldLock(lock, waited=True)


def _plan(
    root: Path,
    spec: ExperimentSpec,
    preset: str,
    loaded: tuple[ModuleType, PresetConfig],
    device: torch.device,
    threads: int,
    earlier,
) -> Plan:
    module, config = loaded
    code = code_fingerprint(spec)
    cache = TrialCache(root, spec, code, settings_of(config), device.type, threads)
    grid = checked_grid(module.grid(config), f"{spec.path} grid()")
    cached = {i: trial for i, point in enumerate(grid) if (trial := cache.load(point))}
    raw = dict(spec.presets[preset])
    tasks = [
        Task(spec.id, str(spec.path), spec.article, raw, preset, point, device.type, threads)
        for i, point in enumerate(grid)
        if i not in cached
    ]
    log.info(
        "running %s (%s preset) on %s: %d trials, %d cached, %d to run",
        *(spec.id, preset, device, len(grid), len(cached), len(tasks)),
    )
    previous = earlier.result.data if earlier.state is State.FRESH else None
    return Plan(spec, module, config, cache, grid, cached, tasks, previous, reused=len(cached))


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


def _finish(
    root: Path,
    plan: Plan,
    preset: str,
    device: torch.device,
    jobs: int,
    executor: str,
    started_at: str,
) -> Report:
    """Summarize an experiment whose trials are all in, check it, store it atomically."""
    spec = plan.spec
    if plan.failures:
        error = (
            f"{len(plan.failures)} of {len(plan.grid)} trials failed, so the result was not "
            f"written (the {len(plan.trials)} good trials are cached): {plan.failures[0]}"
        )
        return Report(spec, error=error)
    trials = [plan.trials[i] for i in range(len(plan.grid))]
    try:
        data = plan.module.summarize(plan.config, Done(trials, plan.previous))
        if not isinstance(data, dict) or not isinstance(data.get("findings"), dict):
            raise ExperimentError(
                f"{spec.path}: summarize() must return a dict with a 'findings' dict"
            )
        _check_trained(spec, preset, plan.module, data)
        counts = {
            "ran": len(plan.tasks),
            "reused": plan.reused,
            "jobs": 1 if plan.alone else jobs,
            "executor": "local" if plan.alone else executor,
        }
        provenance = describe_run(root, device, started_at, trials, plan.config.seeds, counts)
        path = result_path(root, spec.id, preset)
        result = Result(spec.id, preset, fingerprint(spec, preset), provenance, data, path)
        try:
            save_result(result)
        except ValueError as error:  # NaN or inf in the data: JSON cannot hold it
            raise ExperimentError(
                f"{spec.id}: result data is not finite JSON ({error}); nothing was written"
            ) from error
    except Exception as error:  # one experiment's bad summary must not stop the others
        log.error("%s (%s) failed: %s", spec.id, preset, error)
        return Report(spec, error=str(error))
    log.info("%s: stored %s", spec.id, result.path.name)
    return Report(spec, result=result)


def _check_trained(spec: ExperimentSpec, preset: str, module: ModuleType, data: dict) -> None:
    problem = module.check_trained(data)
    if problem:
        settings = spec.presets[preset]
        named = ", ".join(f"{key}={settings[key]}" for key in TRAINING_KEYS if key in settings)
        raise NotTrained(
            f"{spec.id} ({preset}) did not train: {problem}; nothing was written. "
            f"Check {spec.path.name} PRESETS[{preset!r}]" + (f" ({named})" if named else "")
        )
