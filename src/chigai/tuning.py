"""Learning rates chosen on validation data, with the same budget for every model.

Each model trains at every rate of the preset's `lrs` with every seed and the same number
of steps; the rate whose median *validation* score over the seeds is best is chosen, and
only then is the test score of that rate read. The test set never picks anything.
"""

import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from chigai.trials import Done


def chosen_lr(
    done: Done, lrs: Sequence[float], score: str, *, higher_is_better: bool, **where: Any
) -> float:
    """The rate with the best median validation `score` over seeds (the smaller on a tie)."""
    medians = {lr: statistics.median(done.values(score, lr=lr, **where)) for lr in sorted(lrs)}
    pick = max if higher_is_better else min
    return pick(medians, key=lambda lr: medians[lr])


def tuning_record(
    lrs: Sequence[float],
    score: str,
    chosen: dict[str, list[float]],
    per: str = "",
    settings: Sequence[Any] = (),
) -> dict[str, Any]:
    """What a result says about its tuning, shown in the provenance box: the candidate
    rates, the validation score that chose, and each model's chosen rate per setting
    (e.g. per="lag", settings=[10, 25], chosen={"rnn": [0.003, 0.001], ...})."""
    return {
        "lrs": list(lrs),
        "chosen_on": score,
        "chosen": chosen,
        "per": per,
        "settings": list(settings),
    }


@dataclass(frozen=True)
class Tuned:
    """Each model's chosen rate per setting, and the trials' values at those rates."""

    done: Done
    axis: str  # the point key the settings vary, e.g. "lag"
    settings: list[Any]
    chosen: dict[str, list[float]]  # model -> one rate per setting

    def values(self, key: str, model: str) -> list[list[Any]]:
        """output[key] at the chosen rate: one list per setting, one value per seed."""
        return [
            self.done.values(key, model=model, lr=lr, **{self.axis: setting})
            for setting, lr in zip(self.settings, self.chosen[model], strict=True)
        ]


def tune(
    done: Done,
    lrs: Sequence[float],
    score: str,
    *,
    higher_is_better: bool,
    models: Sequence[str],
    axis: str,
    settings: Sequence[Any],
) -> Tuned:
    """`chosen_lr` for every model and setting of a sweep."""
    chosen = {
        model: [
            chosen_lr(done, lrs, score, higher_is_better=higher_is_better, model=model, **{axis: s})
            for s in settings
        ]
        for model in models
    }
    return Tuned(done, axis, list(settings), chosen)
