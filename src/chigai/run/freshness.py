"""Freshness: is a stored result still what the current code would produce?

A result is fresh when its fingerprint matches the code. The site uses, per experiment,
the freshest of `full` then `quick`; what to do when neither is fresh is the policy
(`CHIGAI_ON_STALE`): rerun the quick preset now, warn on the page, or fail the build.
"""

from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from chigai.experiment import PRESET_NAMES, ExperimentError, ExperimentSpec
from chigai.run.fingerprint import fingerprint
from chigai.run.results import Result, ResultError, load_result, result_path

POLICIES = ("rerun", "warn", "fail")


class State(Enum):
    FRESH = "fresh"
    STALE = "stale"
    MISSING = "missing"
    BROKEN = "broken"


@dataclass(frozen=True)
class Entry:
    spec: ExperimentSpec
    preset: str
    state: State
    result: Result | None = None
    problem: str | None = None  # why a BROKEN file cannot be used


def check(root: Path, spec: ExperimentSpec, preset: str) -> Entry:
    path = result_path(root, spec.id, preset)
    if not path.exists():
        return Entry(spec, preset, State.MISSING)
    try:
        result = load_result(path, experiment=spec.id, preset=preset)
    except ResultError as error:
        return Entry(spec, preset, State.BROKEN, problem=str(error))
    fresh = result.fingerprint == fingerprint(spec, preset)
    return Entry(spec, preset, State.FRESH if fresh else State.STALE, result)


def check_all(root: Path, spec: ExperimentSpec) -> list[Entry]:
    return [check(root, spec, preset) for preset in PRESET_NAMES]


def best(entries: list[Entry]) -> Entry:
    """Fresh full, else fresh quick, else the newest-code stale one (full first), else the first."""
    by_preset = {entry.preset: entry for entry in entries}
    for state in (State.FRESH, State.STALE):
        for preset in ("full", "quick"):
            if by_preset[preset].state is state:
                return by_preset[preset]
    broken = [entry for entry in entries if entry.state is State.BROKEN]
    return broken[0] if broken else by_preset["quick"]


def policy_from_env(value: str | None) -> str:
    policy = (value or "rerun").strip().lower()
    if policy not in POLICIES:
        raise ExperimentError(
            f"CHIGAI_ON_STALE={value!r} is not a policy: use one of {', '.join(POLICIES)}"
        )
    return policy
