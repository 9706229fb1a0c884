"""Provenance: the machine, software, commit and trials behind a result."""

import platform
import subprocess
from pathlib import Path
from typing import Any

import torch

from chigai.device import describe_device
from chigai.trials import Trial


def provenance(
    root: Path,
    device: torch.device,
    started_at: str,
    trials: list[Trial],
    trial_counts: dict[str, Any],
) -> dict[str, Any]:
    """Where, when and with what a result was made; read by the methodology page."""
    cpus = sorted({trial.host.get("cpu", "unknown") for trial in trials})
    threads = sorted({trial.host.get("threads", 0) for trial in trials})
    return {
        "device": describe_device(device, threads=threads[-1]),
        "device_kind": device.type,
        "cpu": " + ".join(cpus),  # bit-for-bit reproduction holds only on the same CPU model
        "threads": threads[-1],
        "torch": torch.__version__,
        "python": platform.python_version(),
        "platform": platform.platform(terse=True),
        "commit": git_commit(root),
        "started_at": started_at,
        # compute time: the sum over trials, whether they ran now, earlier or in parallel
        "duration_s": round(sum(trial.seconds for trial in trials), 2),
        "trials": {"count": len(trials), **trial_counts},
    }


def git_commit(root: Path) -> str:
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


def uncommitted(root: Path, files: list[Path]) -> list[str] | None:
    """Which of `files` (those inside root) differ from the last commit (None: no git)."""
    inside = [file for file in files if file.resolve().is_relative_to(root.resolve())]
    try:
        changed = _git(root, "status", "--porcelain", "--untracked-files=all", "--", *inside)
    except (OSError, subprocess.SubprocessError):
        return None
    return [line.split(maxsplit=1)[-1] for line in changed.splitlines()]


def _git(root: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", *args], cwd=root, capture_output=True, text=True, timeout=10, check=True
    )
    return done.stdout.strip()
