"""The learning-rate grid grows past its best edge until the best rate is interior."""

import math

import pytest

from chigai.lr_search import Search, best_rate, lr_record, next_rates, rate
from chigai.trials import Done, Trial

BOUNDS = (1e-5, 1.0)


def _next(tried: dict[float, float], **kwargs) -> list[float]:
    return next_rates(tried, higher_is_better=True, bounds=kwargs.pop("bounds", BOUNDS), **kwargs)


def test_a_best_rate_at_the_high_edge_proposes_three_times_it():
    assert _next({0.001: 0.2, 0.003: 0.5, 0.01: 0.8}) == [0.03]


def test_a_best_rate_at_the_low_edge_proposes_a_third_of_it():
    assert _next({0.001: 0.8, 0.003: 0.5, 0.01: 0.2}) == [0.000333]


def test_lower_is_better_reads_the_scores_the_other_way():
    losses = {0.001: 0.8, 0.003: 0.5, 0.01: 0.2}
    assert next_rates(losses, higher_is_better=False, bounds=BOUNDS) == [0.03]


def test_an_interior_best_ends_the_search():
    tried = {0.001: 0.2, 0.003: 0.9, 0.01: 0.8}
    assert _next(tried) == []
    record = lr_record(tried, higher_is_better=True, bounds=BOUNDS)
    assert record["chosen"] == 0.003
    assert record["interior"] and record["bound_hit"] is None


def test_a_single_rate_extends_both_ways():
    assert _next({0.01: 0.5}) == [0.00333, 0.03]


def test_a_bound_ends_the_search_and_the_record_names_it():
    tried = {0.1: 0.2, 0.3: 0.5, 0.9: 0.8}  # the next step, 2.7, passes the bound 1.0
    assert _next(tried) == []
    record = lr_record(tried, higher_is_better=True, bounds=BOUNDS)
    assert record == {
        "chosen": 0.9,
        "interior": False,
        "bound_hit": "high",
        "rates": [0.1, 0.3, 0.9],
        "scores": [0.2, 0.5, 0.8],
        "factor": 3.0,
        "bounds": [1e-5, 1.0],
    }
    low = lr_record({2e-5: 0.9, 6e-5: 0.1}, higher_is_better=True, bounds=BOUNDS)
    assert low["bound_hit"] == "low" and low["chosen"] == 2e-5


def test_a_search_cut_short_at_an_edge_is_neither_interior_nor_bounded():
    record = lr_record({0.001: 0.2, 0.01: 0.8}, higher_is_better=True, bounds=BOUNDS)
    assert not record["interior"] and record["bound_hit"] is None


def test_a_tie_goes_to_the_smaller_rate():
    assert best_rate({0.01: 0.5, 0.001: 0.5, 0.003: 0.4}, higher_is_better=True) == 0.001
    assert _next({0.001: 0.5, 0.003: 0.5, 0.01: 0.5}) == [0.000333]  # a plateau walks down


def _unimodal(lr: float) -> float:
    """A made-up validation accuracy, best at lr = 7e-4, falling with log-distance."""
    return 1.0 - (math.log10(lr) - math.log10(7e-4)) ** 2


@pytest.mark.parametrize("grid", [(0.01, 0.03, 0.1), (1e-5, 3e-5), (0.002, 0.005, 0.01)])
def test_rounds_of_the_search_reach_an_interior_best_on_a_unimodal_curve(grid):
    tried = {lr: _unimodal(lr) for lr in grid}
    for _ in range(20):
        new = _next(tried)
        if not new:
            break
        tried |= {lr: _unimodal(lr) for lr in new}
    record = lr_record(tried, higher_is_better=True, bounds=BOUNDS)
    assert record["interior"]
    # the best of the x3 lattice: within a factor sqrt(3) of the true peak
    assert 7e-4 / math.sqrt(3) <= record["chosen"] <= 7e-4 * math.sqrt(3)


def test_rates_have_one_canonical_float():
    assert rate(0.01 / 3 * 3) == 0.01
    assert rate(0.1 * 3) == 0.3  # the float product is 0.30000000000000004
    assert rate(0.01 / 3) == 0.00333
    assert rate(0.002 / 3) == 0.000667
    assert rate(rate(0.002 / 3) / 3) == rate(0.002 / 9) == 0.000222  # no drift down the grid
    assert _next({0.1: 0.9, 0.3: 0.1}) == [0.0333]
    assert _next({0.003: 0.1, 0.01: 0.9}) == [0.03]


def test_two_searches_from_one_grid_propose_the_same_floats():
    """Models tuned apart must meet on the same points, or their trials would not line up."""
    one = _next({0.002: 0.9, 0.005: 0.5})
    two = _next({0.002: 0.7, 0.005: 0.1, 0.01: 0.0})
    assert one == two == [0.000667]


@pytest.mark.parametrize(
    ("tried", "kwargs", "message"),
    [
        ({}, {}, "no rate"),
        ({2.0: 0.5}, {}, "outside the bounds"),
        ({0.01 / 3: 0.5}, {}, "canonical"),
        ({0.01: float("nan")}, {}, "score"),
        ({0.01: 0.5}, {"factor": 1.0}, "factor"),
        ({0.01: 0.5}, {"bounds": (1.0, 1e-5)}, "bounds"),
    ],
)
def test_bad_input_is_refused_with_its_reason(tried, kwargs, message):
    with pytest.raises(ValueError, match=message):
        _next(tried, **kwargs)


def _run_search(search: Search, groups: list[dict], seeds: list[int], score) -> Done:
    """Rounds as chigai.run.rounds plays them: start from the preset's rate on the tuning
    seeds, then whatever next_round asks that has not run, until it asks nothing new."""
    points = [g | {"lr": 0.01, "seed": s} for g in groups for s in seeds[: search.tuning]]
    trials: list[Trial] = []
    while points:
        trials += [Trial(p, {"val": score(p)}, 0.0) for p in points]
        known = [t.point for t in trials]
        points = [p for p in search.next_round(Done(trials), groups, seeds) if p not in known]
    return Done(trials)


def _valley(best: dict[str, float]):
    """A validation loss lowest at each model's own best rate, plus a little per seed."""
    return lambda p: abs(math.log(p["lr"] / best[p["model"]])) + p["seed"] / 100


def test_each_model_finds_its_own_interior_rate_then_every_seed_trains_at_it():
    search = Search(score="val", higher_is_better=False, bounds=BOUNDS)
    groups, seeds = [{"model": "rnn"}, {"model": "lstm"}], list(range(1, 11))
    done = _run_search(search, groups, seeds, _valley({"rnn": 0.0009, "lstm": 0.1}))
    rnn, lstm = (search.record(done, g, seeds) for g in groups)
    assert (rnn["chosen"], rnn["interior"]) == (0.00111, True)  # 0.01 / 3 / 3
    assert (lstm["chosen"], lstm["interior"]) == (0.09, True)  # 0.01 * 3 * 3
    for group, record in ((groups[0], rnn), (groups[1], lstm)):
        assert sorted(t.point["seed"] for t in done.matching(**group, lr=record["chosen"])) == seeds
        others = {
            t.point["seed"] for t in done.matching(**group) if t.point["lr"] != record["chosen"]
        }
        assert others == {1, 2, 3}  # only the tuning seeds tried the other rates


def test_a_search_stopped_by_a_bound_says_so_and_still_trains_every_seed():
    search = Search(score="val", higher_is_better=False, bounds=(0.003, 1.0))
    groups, seeds = [{"model": "rnn"}], [1, 2, 3, 4, 5]
    done = _run_search(search, groups, seeds, _valley({"rnn": 1e-5}))
    record = search.record(done, groups[0], seeds)
    assert record["bound_hit"] == "low" and not record["interior"]
    assert record["chosen"] == 0.00333 and len(done.matching(lr=0.00333)) == 5


def test_seeds_trained_after_the_search_do_not_move_the_chosen_rate():
    search = Search(score="val", higher_is_better=True, bounds=BOUNDS, tuning=2)
    group, seeds = {"model": "gru"}, [1, 2, 3]
    scores = [(0.01, 1, 0.5), (0.01, 2, 0.5), (0.03, 1, 0.9), (0.03, 2, 0.7), (0.1, 1, 0.6)]
    scores += [(0.1, 2, 0.6), (0.03, 3, 0.0)]  # seed 3 trained after the search, poorly
    trials = [Trial({"model": "gru", "lr": lr, "seed": s}, {"val": v}, 0.0) for lr, s, v in scores]
    assert search.tried(Done(trials), group, seeds) == {0.01: 0.5, 0.03: 0.8, 0.1: 0.6}
