"""Running one experiment: load its module, check the preset, train, store the result.

This is the only place that imports an experiment module (and so torch). A run holds a
lock per result file, so two `chigai run`s, or `mkdocs serve` and a manual run, never
write the same file at once; the second one waits, says so, and then uses the result
the first one wrote if it is fresh instead of training again. A result is stored only
when the experiment says its models trained (`check_trained`), so a run that went wrong
without a NaN never replaces a good file.
"""

import importlib.util
import logging
import os
import platform
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import ModuleType
from typing import Any

import torch
from filelock import FileLock, Timeout
from tqdm import tqdm

from chigai.device import cpu_model, describe_device, resolve_device, threads_from_env
from chigai.experiment import ExperimentError, ExperimentSpec, PresetConfig
from chigai.fingerprint import fingerprint
from chigai.freshness import State, check
from chigai.results import Result, result_path, save_result
from chigai.training import configure_torch

log = logging.getLogger(__name__)
TRAINING_KEYS = ("lr", "steps", "batch_size")  # named when a run did not train


class NotTrained(ExperimentError):
    """A run finished without NaN but its models did not learn: its result is refused."""


@dataclass
class RunContext:
    """What an experiment's run() gets besides its config."""

    device: torch.device
    seeds: tuple[int, ...]
    log: logging.Logger
    # The data of this experiment's fresh result at the same preset, if any: lets an
    # experiment keep what another device measured with the same code (one GPU run is
    # not undone by a later CPU run).
    previous: dict[str, Any] | None = None

    def progress(self, total: int, desc: str) -> tqdm:
        """A progress bar on the terminal (silent when stderr is not a terminal)."""
        return tqdm(total=total, desc=desc, unit="step", dynamic_ncols=True, disable=None)


def load_module(spec: ExperimentSpec) -> ModuleType:
    """Import an experiment; its folder and experiments/ are on the path for helpers.

    Appended, not prepended: an experiment file named like a library module must not
    shadow that module for the rest of the process.
    """
    name = f"chigai_experiments.{spec.article}.{spec.id}"
    for folder in (spec.path.parent, spec.path.parent.parent):
        if str(folder) not in sys.path:
            sys.path.append(str(folder))
    module_spec = importlib.util.spec_from_file_location(name, spec.path)
    if module_spec is None or module_spec.loader is None:
        raise ExperimentError(f"{spec.path}: cannot be imported")
    module = importlib.util.module_from_spec(module_spec)
    module_spec.loader.exec_module(module)
    if not callable(getattr(module, "check_trained", None)):
        raise ExperimentError(
            f"{spec.path}: needs check_trained(data) -> str | None, saying what 'trained' means"
        )
    return module


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


def load_config(spec: ExperimentSpec, module: ModuleType, preset: str) -> PresetConfig:
    if preset not in spec.presets:
        raise ExperimentError(
            f"unknown preset {preset!r} for {spec.id}: use one of {', '.join(spec.presets)}"
        )
    config_class = getattr(module, "Config", None)
    if not (isinstance(config_class, type) and issubclass(config_class, PresetConfig)):
        raise ExperimentError(f"{spec.path}: needs a `Config` dataclass subclassing PresetConfig")
    return config_class.from_preset(spec.presets[preset], where=f"{spec.path} PRESETS[{preset!r}]")


def run_experiment(
    root: Path, spec: ExperimentSpec, preset: str, device_name: str = "auto"
) -> Result:
    """Run one experiment at one preset and store its result atomically."""
    module = load_module(spec)
    config = load_config(spec, module, preset)
    device = resolve_device(device_name)
    threads = threads_from_env(os.environ.get("CHIGAI_THREADS"))
    path = result_path(root, spec.id, preset)
    check_writable(path.parent)
    lock = FileLock(f"{path}.lock")
    try:
        lock.acquire(timeout=0)
        waited = False
    except Timeout:
        log.warning("%s is being written by another chigai run; waiting for it", path)
        lock.acquire()
        waited = True
    try:
        earlier = check(root, spec, preset)
        if waited and earlier.state is State.FRESH:
            log.info("%s: the other run wrote a fresh result; using it", spec.id)
            return earlier.result
        log.info("running %s (%s preset) on %s", spec.id, preset, device)
        code = fingerprint(spec, preset)
        torch.set_num_threads(threads)
        configure_torch()
        started_at = datetime.now(UTC).isoformat(timespec="seconds")
        start = time.perf_counter()
        context = RunContext(
            device=device,
            seeds=config.seeds,
            log=logging.getLogger(spec.id),
            previous=earlier.result.data if earlier.state is State.FRESH else None,
        )
        data = module.run(config, context)
        duration = time.perf_counter() - start
        if not isinstance(data, dict) or not isinstance(data.get("findings"), dict):
            raise ExperimentError(f"{spec.path}: run() must return a dict with a 'findings' dict")
        _check_trained(spec, preset, module, data)
        provenance = _provenance(root, device, started_at, duration, config.seeds)
        result = Result(spec.id, preset, code, provenance, data, path)
        try:
            save_result(result)
        except ValueError as error:  # NaN or inf in the data: JSON cannot hold it
            raise ExperimentError(
                f"{spec.id}: result data is not finite JSON ({error}); nothing was written"
            ) from error
        return result
    finally:
        lock.release()


def _check_trained(spec: ExperimentSpec, preset: str, module: ModuleType, data: dict) -> None:
    problem = module.check_trained(data)
    if problem:
        settings = spec.presets[preset]
        named = ", ".join(f"{key}={settings[key]}" for key in TRAINING_KEYS if key in settings)
        raise NotTrained(
            f"{spec.id} ({preset}) did not train: {problem}; nothing was written. "
            f"Check {spec.path.name} PRESETS[{preset!r}]" + (f" ({named})" if named else "")
        )


def _provenance(
    root: Path, device: torch.device, started_at: str, duration: float, seeds: tuple[int, ...]
) -> dict[str, Any]:
    return {
        "device": describe_device(device),
        "device_kind": device.type,
        "cpu": cpu_model(),  # bit-for-bit reproduction holds only on the same CPU model
        "threads": torch.get_num_threads(),
        "torch": torch.__version__,
        "python": platform.python_version(),
        "platform": platform.platform(terse=True),
        "commit": _git_commit(root),
        "started_at": started_at,
        "duration_s": round(duration, 2),
        "seeds": list(seeds),
    }


def _git_commit(root: Path) -> str:
    """The commit, with `-dirty` when tracked files other than results/ differ from it.

    Result files are what runs write, not what they run: two runs side by side must not
    mark each other's provenance dirty.
    """
    try:
        commit = _git(root, "rev-parse", "--short=12", "HEAD")
        changed = _git(
            root, "status", "--porcelain", "--untracked-files=no", "--", ".", ":!results"
        )
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    return f"{commit}-dirty" if changed else commit


def _git(root: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", *args], cwd=root, capture_output=True, text=True, timeout=10, check=True
    )
    return done.stdout.strip()
