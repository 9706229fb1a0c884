"""Where trials run: in this process, in local worker processes, or on a Ray cluster.

Every executor runs the same `execute(task)`: load the experiment, fix the thread count,
call its `trial`. Outcomes come back as they finish; the caller stores each one at once,
so an interrupt loses only the trials still running. A trial that raises, or returns NaN,
comes back as a failed outcome with its message: it never stops the other trials.
"""

import ctypes
import dataclasses
import json
import multiprocessing
import os
import signal
import sys
import threading
import time
import traceback
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import chigai
from chigai.experiment import ExperimentError
from chigai.run.results import non_finite

EXECUTORS = ("local", "ray")
PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>
PARENT_POLL_S = 1.0  # how soon a worker notices, where prctl is not there


@dataclass(frozen=True)
class Task:
    """One trial to run, in plain picklable values (it may travel to another machine)."""

    experiment: str
    path: str  # the experiment file; relative to experiments/ when sent to Ray
    article: str
    preset: dict[str, Any]  # the raw preset
    preset_name: str
    point: dict[str, Any]
    device: str
    threads: int
    code: str  # the code fingerprint the run planned with: a trial of other code is refused


@dataclass(frozen=True)
class Outcome:
    task: Task
    output: dict[str, Any] | None
    seconds: float
    error: str | None = None
    host: dict[str, Any] = field(default_factory=dict)


def execute(task: Task) -> Outcome:
    """Run one trial (in whichever process this is) and return what it gave or why not."""
    import torch

    from chigai.device import cpu_model, describe_device
    from chigai.experiment import read_spec
    from chigai.run.cache import trial_view
    from chigai.run.fingerprint import code_fingerprint
    from chigai.run.loading import load_config, load_module
    from chigai.training import configure_torch

    start = time.perf_counter()
    try:
        path = Path(task.path) if Path(task.path).is_absolute() else Path.cwd() / task.path
        if code_fingerprint(read_spec(path)) != task.code:
            raise ExperimentError(
                "the experiment's code changed during the run; run it again to use the new code"
            )
        module = load_module(path, task.article)
        presets = {task.preset_name: task.preset}
        config = trial_view(load_config(path, module, presets, task.preset_name))
        torch.set_num_threads(task.threads)
        configure_torch()
        device = torch.device(task.device)
        output = module.trial(config, dict(task.point), device)
        if not isinstance(output, dict):
            raise ExperimentError(f"trial() returned {type(output).__name__}, not a dict")
        bad = non_finite(output)
        if bad:
            raise ExperimentError(f"output.{bad} is not a finite number")
        try:
            json.dumps(output)
        except TypeError as error:  # a tensor or an array left in: it could not be cached
            raise ExperimentError(f"trial() must return plain JSON ({error})") from error
    except Exception as error:  # reported with the trial's point; the other trials go on
        where = traceback.extract_tb(error.__traceback__)[-1]
        message = f"{type(error).__name__}: {error} ({Path(where.filename).name}:{where.lineno})"
        return Outcome(task, None, time.perf_counter() - start, message)
    host = {"cpu": cpu_model(), "device": describe_device(device), "threads": task.threads}
    return Outcome(task, output, time.perf_counter() - start, host=host)


class Executor(Protocol):
    def run(self, tasks: list[Task]) -> Iterator[Outcome]:
        """Run the tasks, yielding each outcome as soon as it is done."""
        ...

    def close(self) -> None: ...


class InProcess:
    """One trial after another in this process: `--jobs 1`, and trials that run alone."""

    def run(self, tasks: list[Task]) -> Iterator[Outcome]:
        for task in tasks:
            yield execute(task)

    def close(self) -> None:
        pass


def _start_worker(parent: int, workers: "multiprocessing.SimpleQueue[int]") -> None:
    """A worker's first act: tell the parent who it is, and tie its life to the parent's.

    Ctrl-C is the parent's to handle. A parent killed outright (kill -9, the OOM killer)
    cannot stop its workers, so each worker stops itself: Linux sends it SIGKILL when the
    parent dies (PR_SET_PDEATHSIG), and a thread that polls the parent's pid does the
    same elsewhere, and covers a parent that died before the prctl call.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    workers.put(os.getpid())
    if sys.platform == "linux":  # the signal comes when the thread that started this
        libc = ctypes.CDLL(None, use_errno=True)  # worker ends: the run's, which submits
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(PARENT_POLL_S)
    os.kill(os.getpid(), signal.SIGKILL)  # now: not after the trial in hand


class LocalPool:
    """`--jobs N`: N worker processes on this machine.

    Workers are spawned (not forked), so none inherits a half-initialised thread pool;
    each imports torch once and then takes trial after trial. A worker that dies (out of
    memory, a crash in native code) fails its trials instead of hanging the run, and one
    whose parent dies goes with it (`_start_worker`).
    """

    def __init__(self, jobs: int):
        context = multiprocessing.get_context("spawn")
        self.workers = context.SimpleQueue()  # each worker's pid, for close()
        self.pool = ProcessPoolExecutor(
            jobs,
            mp_context=context,
            initializer=_start_worker,
            initargs=(os.getpid(), self.workers),
        )

    def run(self, tasks: list[Task]) -> Iterator[Outcome]:
        futures = {self.pool.submit(execute, task): task for task in tasks}
        for future in as_completed(futures):
            try:
                yield future.result()
            except BrokenProcessPool as error:
                yield Outcome(futures[future], None, 0.0, f"a worker process died ({error})")

    def close(self) -> None:
        """Stop at once: an interrupted run must not leave trials training."""
        # shutdown() leaves running trials running: end the workers that said who they
        # are first (Python 3.14 has terminate_workers() for this); only live children of
        # this process, so a pid the system gave to another process since is never hit.
        # A worker still starting is not listed yet: it can take one trial already queued
        # before the shutdown reaches it, and it dies with this process in any case.
        mine = set()
        while not self.workers.empty():
            mine.add(self.workers.get())
        for process in multiprocessing.active_children():
            if process.pid in mine:
                process.terminate()
        self.pool.shutdown(wait=False, cancel_futures=True)


class RayCluster:
    """`--executor ray`: trials as Ray tasks, on the cluster at RAY_ADDRESS or a local one.

    The experiments folder and the chigai package travel with the job (Ray's runtime
    environment), so cluster nodes need only Python, torch and ray installed.
    """

    def __init__(self, root: Path, threads: int, cpus: int):
        try:
            import ray
        except ImportError as error:
            raise ExperimentError(
                "--executor ray needs ray: pip install 'chigai[ray]' (or pip install ray)"
            ) from error
        address = os.environ.get("RAY_ADDRESS")  # unset: a new local instance, never a
        ray.init(  # cluster that happens to run here
            address=address or "local",
            num_cpus=None if address else cpus,
            include_dashboard=False,
            log_to_driver=False,
            runtime_env={
                "working_dir": str(root / "experiments"),
                "py_modules": [str(Path(chigai.__file__).parent)],
                "excludes": ["__pycache__"],
            },
        )
        self.ray = ray
        self.execute = ray.remote(num_cpus=threads, max_retries=0)(execute)
        self.experiments = root / "experiments"

    def run(self, tasks: list[Task]) -> Iterator[Outcome]:
        pending = {
            self.execute.options(num_gpus=1 if task.device == "cuda" else 0).remote(
                self._relative(task)
            ): task
            for task in tasks
        }
        while pending:
            (ready,), _ = self.ray.wait(list(pending), num_returns=1)
            task = pending.pop(ready)
            try:
                outcome = self.ray.get(ready)
            except Exception as error:  # a worker that died, a node that left
                outcome = Outcome(task, None, 0.0, f"ray: {type(error).__name__}: {error}")
            yield dataclasses.replace(outcome, task=task)  # the task as this machine names it

    def _relative(self, task: Task) -> Task:
        return dataclasses.replace(
            task, path=Path(task.path).relative_to(self.experiments).as_posix()
        )

    def close(self) -> None:
        self.ray.shutdown()


def usable_cores() -> int:
    """The cores this process may use (its CPU affinity, which containers restrict)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # macOS, Windows
        return os.cpu_count() or 1


def default_jobs(threads: int) -> int:
    """As many trials at once as the cores allow with `threads` torch threads each."""
    return max(1, usable_cores() // threads)


def make_executor(kind: str, jobs: int, *, root: Path, threads: int) -> Executor:
    if kind == "ray":
        return RayCluster(root, threads, cpus=jobs * threads)
    if kind != "local":
        raise ExperimentError(f"unknown executor {kind!r}: use one of {', '.join(EXECUTORS)}")
    return LocalPool(jobs) if jobs > 1 else InProcess()
