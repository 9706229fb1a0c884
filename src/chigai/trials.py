"""Trials as an experiment sees them: the points of its grid and what each returned.

An experiment sweeps a grid of points (a lag, a model, a seed, ...). Each point is one
trial, trained or measured on its own from its own seed and returning plain JSON; its
`summarize(config, done)` reads them all through `Done`. Where trials are cached and how
they are keyed is the run machinery's business (chigai.run.cache).
"""

import itertools
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

Point = dict[str, Any]


@dataclass(frozen=True)
class Trial:
    """One finished trial: its point, what it returned, and how it ran."""

    point: Point
    output: dict[str, Any]
    seconds: float
    host: dict[str, Any] = field(default_factory=dict)  # cpu, device, threads


class NoSuchKey(KeyError):
    """A key no trial has, as a one-line message (a KeyError's own text is its repr)."""

    def __str__(self) -> str:
        return str(self.args[0])


class Done:
    """All trials of a run, handed to an experiment's `summarize(config, done)`.

    A key that no trial has raises NoSuchKey naming the keys there are: a misspelling in
    `summarize()` must fail, not read as a setting with no trials (`[]`).
    """

    def __init__(self, trials: list[Trial], previous: dict[str, Any] | None = None):
        self.trials = trials
        # The data of this experiment's fresh result at the same preset, if any: lets an
        # experiment keep what another device measured with the same code.
        self.previous = previous
        self._point_keys = {key for t in trials for key in t.point}
        self._output_keys = {key for t in trials for key in t.output}

    def matching(self, **where: Any) -> list[Trial]:
        """The trials whose point has all of `where`, in grid order."""
        unknown = [key for key in where if key not in self._point_keys]
        if unknown:
            raise NoSuchKey(
                f"no trial's point has {unknown[0]!r}: the points have "
                f"{', '.join(sorted(self._point_keys))}; check the name in summarize()"
            )
        return [t for t in self.trials if all(t.point.get(k) == v for k, v in where.items())]

    def values(self, key: str, **where: Any) -> list[Any]:
        """output[key] of every matching trial, in grid order (e.g. one per seed)."""
        if key not in self._output_keys:
            raise NoSuchKey(
                f"no trial's output has {key!r}: the outputs have "
                f"{', '.join(sorted(self._output_keys))}; check the name in summarize()"
            )
        found = self.matching(**where)
        for t in found:
            if key not in t.output:
                raise NoSuchKey(
                    f"trial {t.point} has no output {key!r}, only {', '.join(sorted(t.output))}"
                )
        return [t.output[key] for t in found]

    def one(self, **where: Any) -> dict[str, Any]:
        """The output of the single trial matching `where`."""
        found = self.matching(**where)
        if len(found) != 1:
            raise NoSuchKey(f"{len(found)} trials match {where}, expected exactly one")
        return found[0].output


def product(**axes: Iterable[Any]) -> list[Point]:
    """Every combination of the axes, the first varying slowest: `product(lag=.., seed=..)`."""
    return [dict(zip(axes, values, strict=True)) for values in itertools.product(*axes.values())]
