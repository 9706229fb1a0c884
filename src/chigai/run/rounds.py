"""Trials planned in rounds: an experiment that decides what to try next from what it saw.

Tuning that finds each model's best rate (issue 22) cannot list its trials in advance: the
learning-rate grid grows beyond whichever edge holds the best score (chigai.lr_search),
and only then do the remaining seeds train at the chosen rate. An experiment says so with
an optional hook beside `grid(config)`:

    def next_round(config, done) -> list[dict]:
        '''The trials to run after those in `done`; [] when the experiment has them all.'''

The run starts with `grid(config)`; whenever every trial so far is in, it asks
`next_round` with all of them (grid order, then each round in the order it was given) and
runs the points it has not run yet. A round with no new point ends the experiment, so a
hook that returns what it already has cannot loop; MAX_ROUNDS stops a hook that never ends.
Every trial is cached by its point like any other, so a rerun replays the same rounds from
the cache and trains nothing. An experiment without the hook runs `grid(config)` alone.
"""

from collections.abc import Callable
from types import ModuleType

from chigai.experiment import ExperimentError, PresetConfig
from chigai.run.cache import checked_grid, point_text
from chigai.trials import Done, Point, Trial

MAX_ROUNDS = 50  # x3 steps from 1e-6 to 10 are 15 rounds: more is a hook that never ends


def new_points(
    module: ModuleType, config: PresetConfig, trials: list[Trial], known: list[Point], where: str
) -> list[Point]:
    """The next round's points that are not in `known` yet ([] for an experiment without
    `next_round`, or when its rounds are over); `trials` are those of `known`, all in."""
    hook: Callable | None = getattr(module, "next_round", None)
    if hook is None:
        return []
    asked = checked_grid(hook(config, Done(trials)), f"{where} next_round()")
    seen = {point_text(point) for point in known}
    return [point for point in asked if point_text(point) not in seen]


def check_rounds(rounds: int, where: str) -> None:
    """Refuse a round beyond MAX_ROUNDS: the hook does not converge."""
    if rounds > MAX_ROUNDS:
        raise ExperimentError(
            f"{where} next_round() still asked for new trials after {MAX_ROUNDS} rounds; "
            "it must return [] once the experiment has what it needs (e.g. a stated bound)"
        )


def replay(
    module: ModuleType,
    config: PresetConfig,
    grid: list[Point],
    cached: Callable[[Point], Trial | None],
    where: str,
) -> tuple[list[Point], int]:
    """Follow the rounds as far as the cache answers them: every point known so far and
    how many of them are cached. For `chigai status`, which cannot know a total in advance."""
    grid = list(grid)
    found = [cached(point) for point in grid]
    rounds = 1
    while all(found):
        more = new_points(module, config, [t for t in found if t], grid, where)
        if not more:
            break
        rounds += 1
        check_rounds(rounds, where)
        grid += more
        found += [cached(point) for point in more]
    return grid, sum(1 for trial in found if trial)
