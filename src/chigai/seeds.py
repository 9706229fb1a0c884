"""Judgements over seeds: what an article may say about k runs of one setting.

A median alone hides a failed seed, and two medians can differ by luck. So the words an
article uses come from here, with the rule in the name: a setting is solved in k of N
seeds; a model wins only where every seed of it beats every seed of the other (the seed
ranges do not overlap) by more than a stated margin; otherwise it is a tie.
"""

import statistics
from collections.abc import Sequence


def spread(values: Sequence[float]) -> dict[str, float]:
    """Median and range over seeds, as tables and bands show them."""
    return {"median": statistics.median(values), "min": min(values), "max": max(values)}


def solved_in(
    values: Sequence[float], *, below: float | None = None, above: float | None = None
) -> int:
    """How many seeds reached the bar: a score under `below` or over `above`."""
    if (below is None) == (above is None):
        raise ValueError("give exactly one of below= and above=")
    return sum(v < below for v in values) if below is not None else sum(v > above for v in values)


def winner(
    runs: dict[str, Sequence[float]], *, higher_is_better: bool, margin: float = 0.0
) -> str | None:
    """The model whose worst seed beats the other's best seed by more than `margin`, or None.

    `runs` holds two models' scores, one per seed; None means a tie.
    """
    (a, a_runs), (b, b_runs) = runs.items()
    sign = 1 if higher_is_better else -1
    if sign * (min(a_runs, key=lambda v: sign * v) - max(b_runs, key=lambda v: sign * v)) > margin:
        return a
    if sign * (min(b_runs, key=lambda v: sign * v) - max(a_runs, key=lambda v: sign * v)) > margin:
        return b
    return None
