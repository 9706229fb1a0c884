"""Result files: schema, provenance, validation and atomic storage.

`results/<experiment>.<preset>.json` holds plain JSON only (never pickles or weights):

    {"schema": 1, "experiment", "preset", "fingerprint",
     "provenance": {device, torch, python, platform, commit, started_at, duration_s, seeds},
     "data": {..., "findings": {...}}}

A file is written to a temporary name in the same folder and renamed into place, so a
crash or a Ctrl-C leaves either the old file or the new one, never half of one.
"""

import json
import logging
import math
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from filelock import FileLock, Timeout

from chigai.experiment import ExperimentError
from chigai.run.atomic import write_atomically

log = logging.getLogger(__name__)
SCHEMA_VERSION = 1
PROVENANCE_KEYS = (
    "device",
    "torch",
    "python",
    "platform",
    "commit",
    "started_at",
    "duration_s",
    "seeds",
)
MAX_BYTES = 1_000_000  # results are numbers for pages, not checkpoints
# Pages print a result's strings (devices, model names, findings), and result files come
# from other people's machines: a string is plain text, without the characters that HTML
# or Markdown read as markup (a tag, a quote, a link) and without control characters.
MARKUP = "<>&\"'`[]{}|\\*"
_NOT_PLAIN = re.compile(f"[{re.escape(MARKUP)}\x00-\x1f\x7f-\x9f]")


class ResultError(ValueError):
    """A result file that cannot be used; the message names the file and the fix."""


@dataclass(frozen=True)
class Result:
    experiment: str
    preset: str
    fingerprint: str
    provenance: dict[str, Any]
    data: dict[str, Any]
    path: Path

    @property
    def findings(self) -> dict[str, Any]:
        return self.data["findings"]

    def to_json(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA_VERSION,
            "experiment": self.experiment,
            "preset": self.preset,
            "fingerprint": self.fingerprint,
            "provenance": self.provenance,
            "data": self.data,
        }


def result_path(root: Path, experiment: str, preset: str) -> Path:
    return root / "results" / f"{experiment}.{preset}.json"


def non_finite(value: Any, where: str = "") -> str | None:
    """The first place (e.g. `data.rows[2].lstm`) holding NaN or ±inf, or None."""
    if isinstance(value, float) and not math.isfinite(value):
        return where or "the value"
    items = (
        value.items()
        if isinstance(value, dict)
        else enumerate(value)
        if isinstance(value, list)
        else ()
    )
    for key, item in items:
        found = non_finite(item, f"{where}[{key}]" if isinstance(key, int) else f"{where}.{key}")
        if found:
            return found.lstrip(".")
    return None


def not_plain(value: Any, where: str = "") -> tuple[str, str] | None:
    """The first place (`provenance.device`, `data.rows[2]`, or a key) whose string holds
    a markup or control character, with that string; None when every string is plain."""
    if isinstance(value, str):
        return (where or "the value", value) if _NOT_PLAIN.search(value) else None
    if isinstance(value, list):
        found = (not_plain(item, f"{where}[{i}]") for i, item in enumerate(value))
        return next((bad for bad in found if bad), None)
    if isinstance(value, dict):
        for key, item in value.items():
            if _NOT_PLAIN.search(key):
                return f"a key of {where or 'the object'}", key
            found = not_plain(item, f"{where}.{key}".lstrip("."))
            if found:
                return found
    return None


def save_result(result: Result) -> None:
    """Write atomically; refuse NaN/inf (not JSON) before anything touches the disk."""
    bad = non_finite(result.to_json())
    if bad:
        raise ValueError(f"{bad} is not a finite number")
    write_json(result.path, result.to_json())


def write_json(path: Path, value: Any) -> None:
    """Write JSON atomically (chigai.run.atomic): a crash keeps the old file."""
    write_atomically(path, json.dumps(value, ensure_ascii=False, indent=1, allow_nan=False) + "\n")


def load_result(path: Path, *, experiment: str, preset: str) -> Result:
    """Read and validate one result file; every problem is a one-line ResultError."""
    fix = f"refresh it with `chigai run {experiment} --preset {preset}`"
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ResultError(f"{path}: {size} bytes is over the {MAX_BYTES}-byte limit; {fix}")
        raw = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise ResultError(
            f"{path}: not valid JSON ({error.msg}, line {error.lineno}); {fix}"
        ) from error
    except (OSError, UnicodeDecodeError) as error:
        raise ResultError(f"{path}: cannot be read ({error}); {fix}") from error
    if not isinstance(raw, dict):
        raise ResultError(f"{path}: not a result object; {fix}")
    bad = non_finite(raw)
    if bad:
        raise ResultError(f"{path}: {bad} is not a finite number (NaN or Infinity); {fix}")
    if raw.get("schema") != SCHEMA_VERSION:
        raise ResultError(
            f"{path}: schema {raw.get('schema')!r}, this chigai reads {SCHEMA_VERSION}; {fix}"
        )
    if raw.get("experiment") != experiment or raw.get("preset") != preset:
        found = f"{raw.get('experiment')!r}/{raw.get('preset')!r}"
        raise ResultError(f"{path}: holds {found}, expected {experiment!r}/{preset!r}; {fix}")
    provenance, data = raw.get("provenance"), raw.get("data")
    if not isinstance(provenance, dict) or any(key not in provenance for key in PROVENANCE_KEYS):
        raise ResultError(f"{path}: provenance lacks one of {PROVENANCE_KEYS}; {fix}")
    if not isinstance(data, dict) or not isinstance(data.get("findings"), dict):
        raise ResultError(f"{path}: data has no 'findings' object; {fix}")
    if not isinstance(raw.get("fingerprint"), str):
        raise ResultError(f"{path}: no fingerprint; {fix}")
    marked = not_plain({"provenance": provenance, "data": data})
    if marked:
        where, text = marked
        character = _NOT_PLAIN.search(text)[0]
        raise ResultError(
            f"{path}: {where} holds {character!r} ({text[:40]!r}); result strings must be "
            f"plain text, without {' '.join(MARKUP)} or control characters; {fix}"
        )
    return Result(experiment, preset, raw["fingerprint"], provenance, data, path)


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


class HeldLock:
    """A result file's lock, and whether we had to wait for another run to free it."""

    def __init__(self, lock: FileLock, waited: bool):
        self.lock, self.waited = lock, waited

    def release(self) -> None:
        self.lock.release()


def lock_result(root: Path, experiment: str, preset: str) -> HeldLock:
    """One writer per result file: a second run waits (and says so)."""
    path = result_path(root, experiment, preset)
    lock = FileLock(f"{path}.lock")
    try:
        lock.acquire(timeout=0)
        return HeldLock(lock, waited=False)
    except Timeout:
        log.warning("%s is being written by another chigai run; waiting for it", path)
        lock.acquire()
        return HeldLock(lock, waited=True)
