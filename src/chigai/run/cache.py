"""The trial cache that makes runs resumable, and the views of a preset that key it.

Because a trial depends only on the code, the preset's single-valued settings and its
point, it is stored under a key made of exactly those (plus the device kind and thread
count, which change the bits), in `.trials/<experiment>/<key>.json`. So an interrupted run
resumes where it stopped, a seed added to a preset runs only the new trials, and any code
change runs everything again.

List-valued preset settings (lags, seeds, sizes) are the grid's axes: a trial sees them
only through its point. `trial_view` empties them in the config a trial gets, so a trial
that peeked at the whole sweep would fail at once instead of being cached under a key
that does not describe it.
"""

import dataclasses
import hashlib
import json
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from chigai.experiment import ExperimentError, ExperimentSpec, PresetConfig
from chigai.run.results import non_finite, write_json
from chigai.trials import Point, Trial

TRIALS_DIR = ".trials"


def sweep_fields(config: PresetConfig) -> list[str]:
    """The list-valued settings: the grid's axes."""
    return [
        f.name for f in dataclasses.fields(config) if isinstance(getattr(config, f.name), tuple)
    ]


def trial_view(config: PresetConfig) -> PresetConfig:
    """The config a trial gets: its single-valued settings, the sweeps emptied."""
    return dataclasses.replace(config, **{name: () for name in sweep_fields(config)})


def settings_of(config: PresetConfig) -> dict[str, Any]:
    """The single-valued settings, which every trial of a preset shares."""
    sweeps = set(sweep_fields(config))
    return {
        f.name: getattr(config, f.name) for f in dataclasses.fields(config) if f.name not in sweeps
    }


def point_text(point: Mapping[str, Any]) -> str:
    """A point's identity: its JSON text, in which 1, 1.0 and true differ (as dicts they
    are equal, so `grid.index(point)` could find another point's slot)."""
    return json.dumps(dict(point), sort_keys=True)


def output_problem(output: object) -> str | None:
    """Why what a trial returned cannot be stored (not a dict, NaN, not JSON), or None.

    Every trial a run or a notebook accepts passes this check, wherever it ran.
    """
    if not isinstance(output, dict):
        return f"trial() returned {type(output).__name__}, not a dict"
    bad = non_finite(output)
    if bad:
        return f"output.{bad} is not a finite number"
    try:
        json.dumps(output)
    except (TypeError, ValueError) as error:  # a tensor or an array left in: not cacheable
        return f"trial() must return plain JSON ({error})"
    return None


def checked_grid(points: Iterable[Mapping[str, Any]], where: str) -> list[Point]:
    """A grid as a list of distinct points of plain JSON scalars."""
    grid: list[Point] = []
    seen: set[str] = set()
    for point in points:
        if not isinstance(point, Mapping) or not point:
            raise ExperimentError(f"{where}: grid() must yield non-empty dicts, got {point!r}")
        for key, value in point.items():
            plain = isinstance(value, (str, int, bool)) or (
                isinstance(value, float) and math.isfinite(value)
            )
            if not isinstance(key, str) or not plain:
                raise ExperimentError(f"{where}: grid point {dict(point)} has {key!r}={value!r}")
        text = point_text(point)
        if text in seen:
            raise ExperimentError(f"{where}: grid() yields {text} twice")
        seen.add(text)
        grid.append(dict(point))
    if not grid:
        raise ExperimentError(f"{where}: grid() is empty")
    return grid


def has_trials(root: Path, spec: ExperimentSpec) -> bool:
    """Whether any trial of this experiment is stored (a cheap check before importing it)."""
    folder = root / TRIALS_DIR / spec.id
    return folder.is_dir() and any(folder.glob("*.json"))


@dataclass(frozen=True)
class TrialCache:
    """Finished trials of one experiment under one code fingerprint, on disk."""

    root: Path
    spec: ExperimentSpec
    code: str  # chigai.run.fingerprint.code_fingerprint(spec): the code, not the preset
    settings: Mapping[str, Any]
    device_kind: str
    threads: int
    software: str  # torch version and CPU model: the same code gives other bits elsewhere

    def key(self, point: Point) -> str:
        described = {
            "code": self.code,
            "settings": dict(self.settings),
            "point": point,
            "device": self.device_kind,
            "threads": self.threads,
            "software": self.software,
        }
        text = json.dumps(described, sort_keys=True, default=list)
        return hashlib.sha256(text.encode()).hexdigest()[:24]

    def path(self, point: Point) -> Path:
        return self.root / TRIALS_DIR / self.spec.id / f"{self.key(point)}.json"

    def load(self, point: Point) -> Trial | None:
        """The stored trial, or None when absent or unreadable (then it simply runs again)."""
        try:
            raw = json.loads(self.path(point).read_text(encoding="utf-8"))
            trial = Trial(raw["point"], raw["output"], raw["seconds"], raw.get("host", {}))
        except (OSError, ValueError, KeyError, TypeError):
            return None
        return trial if trial.point == point and output_problem(trial.output) is None else None

    def store(self, trial: Trial) -> None:
        record = {
            "experiment": self.spec.id,
            "code": self.code,
            "settings": dict(self.settings),
            "point": trial.point,
            "device": self.device_kind,
            "threads": self.threads,
            "seconds": round(trial.seconds, 3),
            "host": trial.host,
            "output": trial.output,
        }
        write_json(self.path(trial.point), record)
