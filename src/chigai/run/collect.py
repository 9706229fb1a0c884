"""Collecting a run's trials as they finish, and storing each experiment's result.

chigai.run.runner plans a run (which trials are cached, which must run) and holds its locks.
Here the missing trials run: each outcome is checked (`chigai.trials.output_problem`)
and stored in the trial cache as it arrives, and an experiment whose last trial is in is
summarized, checked (`check_trained`, finite JSON) and written atomically. A failed
trial or summary fails only its own experiment, whose previous result is kept.
"""

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from types import ModuleType
from typing import Any

import torch
from tqdm import tqdm

from chigai.experiment import ExperimentError, ExperimentSpec, PresetConfig
from chigai.run.cache import TrialCache, output_problem, point_text
from chigai.run.executors import InProcess, Outcome, Task, make_executor
from chigai.run.provenance import provenance as describe_run
from chigai.run.results import Result, result_path, save_result
from chigai.run.rounds import check_rounds, new_points
from chigai.trials import Done, Point, Trial

log = logging.getLogger(__name__)
TRAINING_KEYS = ("lrs", "steps", "batch_size")  # named when a run did not train


class NotTrained(ExperimentError):
    """A run finished without NaN but its models did not learn: its result is refused."""


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


@dataclass
class Plan:
    """One experiment of a run: its grid, which trials are cached, and what came back."""

    spec: ExperimentSpec
    module: ModuleType
    config: PresetConfig
    cache: TrialCache
    grid: list[dict]  # grid(config), then each round of next_round (chigai.run.rounds)
    trials: dict[int, Trial]  # by grid index: cached, then as they finish
    slots: dict[str, int]  # the grid index of each trial to run, by its point_text
    tasks: list[Task]  # every trial this run ran or runs, all rounds
    previous: dict[str, Any] | None
    fingerprint: str  # of the result, taken before any trial ran
    task_of: Callable[[Point], Task]
    failures: list[str] = field(default_factory=list)
    rounds: int = 1
    round_error: str | None = None  # next_round() raised or never ended

    @property
    def complete(self) -> bool:
        """Every trial of the rounds so far is in (or failed)."""
        return len(self.trials) + len(self.failures) == len(self.grid)

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


def run_trials(run: Run, plans: list[Plan], finished: Callable[[Plan], None]) -> None:
    """Run every missing trial, round after round; timing trials last, one at a time, in
    this process. `finished(plan)` is called once a plan has all its trials (or failed)."""
    by_id = {plan.spec.id: plan for plan in plans}
    first = {plan.spec.id: list(plan.tasks) or next_tasks(plan, finished) for plan in plans}
    pending = [task for plan in plans if not plan.alone for task in first[plan.spec.id]]
    alone = [task for plan in plans if plan.alone for task in first[plan.spec.id]]
    with _bar(len(pending) + len(alone)) as bar:
        if pending:
            jobs = min(run.jobs, len(pending))  # one trial needs no worker processes
            executor = make_executor(run.executor, jobs, root=run.root, threads=run.threads)
            try:
                while pending:  # a round's trials start once the round before is all in
                    pending = _collect(executor.run(pending), by_id, bar, finished)
            finally:
                executor.close()  # an interrupted run must not leave trials training
        while alone:
            alone = _collect(InProcess().run(alone), by_id, bar, finished)


def next_tasks(plan: Plan, finished: Callable[[Plan], None]) -> list[Task]:
    """Once every trial so far is in: the next round's trials to run, taking cached ones
    at once (a rerun replays the rounds from the cache); or, when the experiment has all it
    needs or a trial failed, none, after `finished(plan)`."""
    while not plan.failures:
        trials = [plan.trials[i] for i in range(len(plan.grid))]
        try:
            points = new_points(plan.module, plan.config, trials, plan.grid, str(plan.spec.path))
            if points:
                plan.rounds += 1
                check_rounds(plan.rounds, str(plan.spec.path))
        except Exception as error:  # a broken hook fails its own experiment only
            plan.round_error = f"{plan.spec.id} next_round() failed: {error}"
            log.error("%s next_round() failed: %s", plan.spec.id, error)
            break
        if not points:
            break
        tasks = []
        for point in points:
            plan.grid.append(point)
            index = len(plan.grid) - 1
            if cached := plan.cache.load(point):
                plan.trials[index] = cached
            else:
                plan.slots[point_text(point)] = index
                tasks.append(plan.task_of(point))
        if tasks:
            plan.tasks += tasks
            return tasks
    finished(plan)
    return []


def _bar(total: int) -> tqdm:
    """One bar over all trials to run; its ETA comes from the trials finished so far. A
    round's trials are added to its total when the round is known."""
    return tqdm(total=total, desc="trials", unit="trial", dynamic_ncols=True, disable=None)


def _collect(
    outcomes: Iterable[Outcome], plans: dict[str, Plan], bar: tqdm, finished: Callable
) -> list[Task]:
    """Store each outcome as it arrives; once an experiment's trials so far are all in, ask
    for its next round (or summarize it). Returns the next rounds' trials."""
    more: list[Task] = []
    for outcome in outcomes:
        plan = plans[outcome.task.experiment]
        _record(plan, outcome)
        bar.update(1)
        bar.set_postfix_str(f"{plan.spec.id} {describe(outcome.task.point)}", refresh=False)
        if plan.complete:
            tasks = next_tasks(plan, finished)
            bar.total += len(tasks)
            more += tasks
    return more


def _record(plan: Plan, outcome: Outcome) -> None:
    where = f"{plan.spec.id} trial {describe(outcome.task.point)}"
    problem = outcome.error or output_problem(outcome.output)
    if problem:
        plan.failures.append(f"{where}: {problem}")
        log.error("%s failed: %s", where, problem)
        return
    trial = Trial(outcome.task.point, outcome.output, outcome.seconds, outcome.host)
    plan.cache.store(trial)
    plan.trials[plan.slots[point_text(outcome.task.point)]] = trial


def describe(point: dict) -> str:
    return " ".join(f"{key}={value}" for key, value in point.items())


def summarize(run: Run, plan: Plan) -> Report:
    """Summarize an experiment whose trials are all in, check it, store it atomically."""
    spec, ran, reused = plan.spec, len(plan.tasks), len(plan.grid) - len(plan.tasks)
    if plan.round_error:
        error = f"{plan.round_error}; the result was not written (its trials are cached)"
        return Report(spec, error=error, ran=ran, reused=reused)
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
