"""The learning rate is chosen on validation scores; the test score never picks it."""

from chigai.trials import Done, Trial
from chigai.tuning import chosen_lr, tune


def _done(rows: list[tuple[float, int, float, float]]) -> Done:
    return Done(
        [
            Trial(
                point={"lr": lr, "seed": seed, "model": "m"},
                output={"val": v, "test": t},
                seconds=0,
            )
            for lr, seed, v, t in rows
        ]
    )


def test_the_best_median_validation_score_wins_even_where_the_test_score_disagrees():
    done = _done(
        [
            (0.001, 1, 0.70, 0.99), (0.001, 2, 0.72, 0.99), (0.001, 3, 0.10, 0.99),
            (0.01, 1, 0.80, 0.50), (0.01, 2, 0.81, 0.50), (0.01, 3, 0.20, 0.50),
        ]
    )  # fmt: skip
    assert chosen_lr(done, [0.001, 0.01], "val", higher_is_better=True, model="m") == 0.01
    assert chosen_lr(done, [0.001, 0.01], "val", higher_is_better=False, model="m") == 0.001


def test_a_tie_goes_to_the_smaller_rate():
    done = _done([(0.01, 1, 0.5, 0.0), (0.001, 1, 0.5, 0.0)])
    assert chosen_lr(done, [0.01, 0.001], "val", higher_is_better=True) == 0.001


def test_tune_reads_every_setting_at_its_own_chosen_rate():
    rows = [
        Trial(
            point={"lag": lag, "lr": lr, "seed": s, "model": "m"},
            output={"val": v, "test": v},
            seconds=0,
        )
        for lag, lr, v in [(10, 0.01, 0.9), (10, 0.001, 0.5), (20, 0.01, 0.2), (20, 0.001, 0.6)]
        for s in (1, 2)
    ]
    tuned = tune(
        Done(rows),
        [0.001, 0.01],
        "val",
        higher_is_better=True,
        models=["m"],
        axis="lag",
        settings=[10, 20],
    )
    assert tuned.chosen == {"m": [0.01, 0.001]}
    assert tuned.values("test", "m") == [[0.9, 0.9], [0.6, 0.6]]
