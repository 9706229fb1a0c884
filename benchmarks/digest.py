"""What two runs of the same trials must agree on bit for bit, and what they need not.

A trial that reads a clock (a step time, a training time, a timestamp) returns values that
differ from run to run, and so does everything summarize() derives from them: a ratio of
step times, a fit of time against length, a verdict such as small_data's `rnn_faster` or
step_cost's `gru_step`. Those are not listed by hand (a hand-kept list missed small_data's
and step_cost's findings, and the benchmark said DATA DIFFERS): each experiment is
summarized again from its own stored trials with every clock reading (WALL_CLOCK, the
only names kept by hand) scaled at random, ROUNDS times, and every value that moves is
wall-clock-derived. The digest covers everything else, which must be identical.
"""

import hashlib
import json
import random
import re
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from chigai.experiment import discover
from chigai.run.cache import TrialCache, checked_grid, settings_of
from chigai.run.fingerprint import code_fingerprint
from chigai.run.loading import prepare
from chigai.run.runner import software
from chigai.trials import Done, Trial

# What trials return that was read off a clock: step_cost, small_data, compute_cost and
# adding_problem time steps or training; compute_cost stamps when it measured.
WALL_CLOCK = frozenset({"step_seconds", "step_ms", "train_seconds", "measured_at"})
ROUNDS = 8  # random rescalings: a threshold verdict survives all eight only by a fluke


def leaves(value: Any, path: str = "") -> Iterator[tuple[str, Any]]:
    """Every scalar of a JSON value with its path: 'findings.rows[2].lstm'."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from leaves(item, f"{path}.{key}" if path else str(key))
    elif isinstance(value, list) and value:
        for index, item in enumerate(value):
            yield from leaves(item, f"{path}[{index}]")
    else:
        yield path, value


def pattern(path: str) -> str:
    """A path without its list positions: 'findings.rows[].lstm'."""
    return re.sub(r"\[\d+\]", "[]", path)


def _rescaled(value: Any, rng: random.Random, clocked: bool = False) -> Any:
    """`value` with every number under a WALL_CLOCK key scaled by 0.1x to 10x, each its own
    factor, and every timestamp moved."""
    if isinstance(value, dict):
        return {k: _rescaled(v, rng, clocked or k in WALL_CLOCK) for k, v in value.items()}
    if isinstance(value, list):
        return [_rescaled(item, rng, clocked) for item in value]
    if clocked and isinstance(value, (int, float)) and not isinstance(value, bool):
        return value * 10 ** rng.uniform(-1, 1)
    if clocked and isinstance(value, str):
        return f"2000-01-01T00:00:{rng.randrange(60):02d}+00:00"
    return value


def _scaled(value: Any, factor: float, clocked: bool = False) -> Any:
    """`value` with every number under a WALL_CLOCK key multiplied by `factor`."""
    if isinstance(value, dict):
        return {k: _scaled(v, factor, clocked or k in WALL_CLOCK) for k, v in value.items()}
    if isinstance(value, list):
        return [_scaled(item, factor, clocked) for item in value]
    if clocked and isinstance(value, (int, float)) and not isinstance(value, bool):
        return value * factor
    return value


def _groups(trials: list[Trial]) -> list[set[int]]:
    """Trials that share one value of one point field: every LSTM trial, every size-100 one.
    Slowing one such group 100-fold (or speeding it up) turns any verdict that compares it
    with the rest, which random factors per reading seldom do when every pair must agree
    (small_data's `rnn_faster` once it is False)."""
    groups: dict[tuple[str, str], set[int]] = {}
    for i, trial in enumerate(trials):
        for key, value in dict(trial.point).items():
            groups.setdefault((key, repr(value)), set()).add(i)
    return [group for group in groups.values() if len(group) < len(trials)]


def clock_derived(module: Any, config: Any, trials: list[Trial]) -> list[str]:
    """The patterns of summarize()'s output that move when only the clock readings do."""
    plain = dict(leaves(module.summarize(config, Done(trials))))
    moved: set[str] = set()
    rng = random.Random(0)
    shifts = [[replace(t, output=_rescaled(t.output, rng)) for t in trials] for _ in range(ROUNDS)]
    for group in _groups(trials):
        for factor in (100.0, 0.01):
            shifts.append(
                [
                    replace(t, output=_scaled(t.output, factor)) if i in group else t
                    for i, t in enumerate(trials)
                ]
            )
    for shifted in shifts:
        other = dict(leaves(module.summarize(config, Done(shifted))))
        moved |= {pattern(p) for p in plain.keys() | other.keys() if plain.get(p) != other.get(p)}
    return sorted(moved)


def stored_trials(project: Path, spec: Any, preset: str, threads: int) -> tuple[Any, Any, list]:
    """An experiment's module, config and the trials a `chigai run --device cpu` with
    CHIGAI_THREADS=threads stored for its current code (missing ones as None)."""
    module, config = prepare(spec, preset)
    cache = TrialCache(
        project, spec, code_fingerprint(spec), settings_of(config), "cpu", threads, software()
    )
    grid = checked_grid(module.grid(config), f"{spec.path} grid()")
    return module, config, [cache.load(point) for point in grid]


def wall_clock_derived(project: Path, preset: str, threads: int = 1) -> dict[str, list[str]]:
    """Per experiment with a result, the patterns of its data that derive from wall-clock
    time (none where its trials read no clock)."""
    specs, derived = discover(project), {}
    for path in sorted((project / "results").glob(f"*.{preset}.json")):
        experiment = path.name.split(".")[0]
        module, config, trials = stored_trials(project, specs[experiment], preset, threads)
        if None in trials:
            raise RuntimeError(f"{experiment}: trials missing from {project}/.trials")
        clocked = any(name in WALL_CLOCK for t in trials for name, _ in _keys(t.output))
        derived[experiment] = clock_derived(module, config, trials) if clocked else []
    return derived


def digests(project: Path, preset: str, left_out: dict[str, list[str]]) -> dict[str, str]:
    """Per experiment, a hash of its result data without the patterns `left_out` names."""
    hashes = {}
    for path in sorted((project / "results").glob(f"*.{preset}.json")):
        experiment = path.name.split(".")[0]
        data = json.loads(path.read_text())["data"]
        skip = set(left_out.get(experiment, ()))
        text = json.dumps([(p, v) for p, v in leaves(data) if pattern(p) not in skip])
        hashes[experiment] = hashlib.sha256(text.encode()).hexdigest()[:16]
    return hashes


def _keys(value: Any) -> Iterator[tuple[str, Any]]:
    """Every (key, value) of nested dicts and lists."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield key, item
            yield from _keys(item)
    elif isinstance(value, list):
        for item in value:
            yield from _keys(item)
