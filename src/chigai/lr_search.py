"""Tuning that finds the best: extend the learning-rate grid until the best rate is interior
(issue 22, item 4).

A rate chosen at the edge of its grid is not tuned: a rate beyond the edge might be
better. So, over rounds, the grid grows by one step of `factor` (x3) beyond whichever edge
holds the best validation score, until the best is interior (a worse rate on each side)
or the next step would cross a stated bound. The record says which, so a page can say
when a bound, not the data, stopped the search. Pure logic over validation scores: the
caller trains, scores (e.g. the median over the tuning seeds) and asks for the next rates.

Rates are rounded to 3 significant digits (`rate`): a proposed rate's float is then the
same in every run and every model's grid (trial points are cached by their JSON text,
where 0.030000000000000002 and 0.03 differ), and it prints as written. A search only ever
steps outward from a tried rate, never back: 0.01 -> 0.00333 is followed by 0.00111, not by
0.00333 x 3 = 0.00999, which no rounding could make 0.01 again.

How a run uses it: `Search` holds an experiment's tuning rule, and its `next_round`
is what the experiment's `next_round(config, done)` hook (chigai.run.rounds) returns:
per model and setting (a "group"), the median validation score of each rate over the
tuning seeds, and `next_rates(...)` x the tuning seeds while the best is at an edge; once
that group's search is over, its other seeds at the chosen rate. A summary reports each
group's `Search.record`. The bounds cap the rounds at log(hi/lo)/log(factor).
"""

import math
import statistics
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from chigai.trials import Done, Point

SIGNIFICANT_DIGITS = 3


def rate(value: float) -> float:
    """A learning rate in its canonical form: 3 significant digits (see the docstring)."""
    return float(f"{value:.{SIGNIFICANT_DIGITS}g}")


def best_rate(tried: Mapping[float, float], *, higher_is_better: bool) -> float:
    """The rate with the best validation score; on a tie the smaller rate, as
    chigai.tuning.chosen_lr picks, so a summary over the same scores agrees, and because
    the smaller rate is the safer one for the seeds that train at it untried."""
    sign = 1 if higher_is_better else -1
    return max(sorted(tried), key=lambda lr: sign * tried[lr])


def _steps(
    tried: Mapping[float, float],
    *,
    higher_is_better: bool,
    factor: float,
    bounds: tuple[float, float],
) -> dict[str, float | None]:
    """For each edge that holds the best rate ("low", "high"): the rate one step beyond it,
    or None where that step would cross its bound. An interior best gives {}."""
    _check(tried, factor, bounds)
    best = best_rate(tried, higher_is_better=higher_is_better)
    low, high = bounds
    steps: dict[str, float | None] = {}
    if best == min(tried):
        beyond = rate(best / factor)
        steps["low"] = beyond if beyond >= low else None
    if best == max(tried):
        beyond = rate(best * factor)
        steps["high"] = beyond if beyond <= high else None
    return steps


def next_rates(
    tried: Mapping[float, float],
    *,
    higher_is_better: bool,
    factor: float = 3.0,
    bounds: tuple[float, float],
) -> list[float]:
    """The rates to try next, given each tried rate's validation score: one step beyond
    the edge that holds the best (both edges while one rate is tried); [] once the best is
    interior or a bound stops the search."""
    steps = _steps(tried, higher_is_better=higher_is_better, factor=factor, bounds=bounds)
    return sorted(lr for lr in steps.values() if lr is not None)


def lr_record(
    tried: Mapping[float, float],
    *,
    higher_is_better: bool,
    factor: float = 3.0,
    bounds: tuple[float, float],
) -> dict:
    """What a result says about one model's search: the chosen rate, whether it is
    interior, and which bound stopped the search ("low", "high" or None), with every rate
    tried and its score (the tuning budget, as Dodge et al. 2019 ask to report)."""
    steps = _steps(tried, higher_is_better=higher_is_better, factor=factor, bounds=bounds)
    blocked = [edge for edge, beyond in steps.items() if beyond is None]
    rates = sorted(tried)
    return {
        "chosen": best_rate(tried, higher_is_better=higher_is_better),
        "interior": not steps,
        "bound_hit": blocked[0] if blocked else None,
        "rates": rates,
        "scores": [tried[lr] for lr in rates],
        "factor": factor,
        "bounds": list(bounds),
    }


def _check(tried: Mapping[float, float], factor: float, bounds: tuple[float, float]) -> None:
    low, high = bounds
    if not 0 < low < high:
        raise ValueError(f"bounds must be 0 < low < high, got {bounds}")
    if not factor > 1:
        raise ValueError(f"factor must be > 1, got {factor}")
    if not tried:
        raise ValueError("no rate tried yet: start from the preset's grid")
    for lr, score in tried.items():
        if not low <= lr <= high:
            raise ValueError(f"rate {lr} lies outside the bounds {bounds}")
        if lr != rate(lr):
            raise ValueError(f"rate {lr} is not in canonical form: use rate({lr}) = {rate(lr)}")
        if not math.isfinite(score):
            raise ValueError(f"rate {lr} has validation score {score}")


@dataclass(frozen=True)
class Search:
    """How an experiment tunes: the first `tuning` seeds search each group's rate on the
    validation score `score`; the other seeds then train at the rate chosen."""

    score: str
    higher_is_better: bool
    bounds: tuple[float, float]
    tuning: int = 3
    factor: float = 3.0

    def tried(self, done: Done, group: Point, seeds: Sequence[int]) -> dict[float, float]:
        """Each rate the tuning seeds all tried, with the median of their scores (the
        seeds trained later at the chosen rate do not count: they must not move it)."""
        tuners = set(seeds[: self.tuning])
        by_rate: dict[float, list[float]] = {}
        for trial in done.matching(**group):
            if trial.point["seed"] in tuners:
                by_rate.setdefault(trial.point["lr"], []).append(trial.output[self.score])
        return {
            lr: statistics.median(scores)
            for lr, scores in by_rate.items()
            if len(scores) == len(tuners)
        }

    def record(self, done: Done, group: Point, seeds: Sequence[int]) -> dict:
        """`lr_record` of one group's search, for the result."""
        return lr_record(
            self.tried(done, group, seeds),
            higher_is_better=self.higher_is_better,
            factor=self.factor,
            bounds=self.bounds,
        )

    def next_round(self, done: Done, groups: Iterable[Point], seeds: Sequence[int]) -> list[Point]:
        """An experiment's `next_round` (chigai.run.rounds): for each group whose best rate
        is still at an edge, the next rates on the tuning seeds; for each group whose
        search is over, the other seeds at its chosen rate. Points already run are skipped
        by the run, so a finished group asks for nothing new."""
        points: list[Point] = []
        for group in groups:
            tried = self.tried(done, group, seeds)
            more = next_rates(
                tried,
                higher_is_better=self.higher_is_better,
                factor=self.factor,
                bounds=self.bounds,
            )
            if more:
                points += [
                    group | {"lr": lr, "seed": s} for lr in more for s in seeds[: self.tuning]
                ]
            else:
                chosen = best_rate(tried, higher_is_better=self.higher_is_better)
                points += [group | {"lr": chosen, "seed": s} for s in seeds]
        return points
