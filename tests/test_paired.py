"""Paired seeds: every verdict reachable, its chance rate right, stronger with more seeds."""

import functools
import itertools
import math
import random
from collections import Counter

import pytest

from chigai.paired import (
    chance_of,
    compare,
    compare_solved,
    fisher_exact,
    seeds_needed,
)
from chigai.seeds import winner


def ahead_by(gaps: list[float], base: float = 0.5) -> tuple[list[float], list[float]]:
    """Scores of A and B (higher is better) whose paired gaps, A minus B, are `gaps`."""
    return [base + gap for gap in gaps], [base] * len(gaps)


@functools.cache
def heads(seeds: int) -> Counter[int]:
    """How many of the 2^seeds sign patterns have each number of heads, by listing them."""
    return Counter(pattern.bit_count() for pattern in range(2**seeds))


def brute_tail(k: int, seeds: int) -> float:
    """P(at least k heads in `seeds` fair coins)."""
    return sum(count for n, count in heads(seeds).items() if n >= k) / 2**seeds


def test_the_chance_rates_are_those_of_8_and_9_of_10():
    assert chance_of(8, 10) == 56 / 1024
    assert chance_of(9, 10) == 11 / 1024
    for seeds in range(1, 13):
        for k in range(seeds + 1):
            assert chance_of(k, seeds) == pytest.approx(brute_tail(k, seeds))


@pytest.mark.parametrize(
    ("seeds", "headline", "needed"),
    [
        (3, False, None),  # 3 of 3 happens by luck 12.5% of the time
        (5, False, 5),
        (10, False, 8),
        (20, False, 15),
        (3, True, None),
        (5, True, None),
        (10, True, 9),
        (20, True, 16),
    ],
)
def test_seeds_needed_is_the_fewest_no_likelier_by_luck_than_the_reference(seeds, headline, needed):
    assert seeds_needed(seeds, headline=headline) == needed
    reference = 11 / 1024 if headline else 56 / 1024
    if needed is None:
        assert brute_tail(seeds, seeds) > reference
    else:
        assert brute_tail(needed, seeds) <= reference < brute_tail(needed - 1, seeds)


def test_the_rule_grows_stronger_with_seeds():
    fractions = [seeds_needed(n) / n for n in (5, 10, 20, 40, 80)]
    assert fractions == sorted(fractions, reverse=True)
    assert fractions[-1] < 0.65  # towards half the seeds, not towards all of them


def test_one_failed_seed_no_longer_makes_a_clear_difference_undecidable():
    lstm = [0.97, 0.95, 0.99, 0.96, 0.98, 0.95, 0.97, 0.99, 0.96, 0.12]  # seed 9 failed
    rnn = [0.61, 0.55, 0.58, 0.63, 0.52, 0.60, 0.57, 0.59, 0.54, 0.56]
    assert winner({"lstm": lstm, "rnn": rnn}, higher_is_better=True, margin=0.05) is None
    verdict = compare(lstm, rnn, higher_is_better=True, margin=0.05)
    assert (verdict.outcome, verdict.ahead, verdict.behind) == ("a", 9, 1)


NOT_SOLVED_NOR_CHANCE = {"solved": 0.95, "at_chance": 0.3}
CASES = {
    "a": (*ahead_by([0.1] * 8 + [-0.1] * 2), NOT_SOLVED_NOR_CHANCE),
    "b": (*ahead_by([-0.1] * 8 + [0.2] * 2), NOT_SOLVED_NOR_CHANCE),
    "both_solved": (*ahead_by([0.02] * 9 + [-0.01], base=0.96), NOT_SOLVED_NOR_CHANCE),
    "both_chance": (*ahead_by([0.01] * 10, base=0.25), NOT_SOLVED_NOR_CHANCE),
    "undecided": (*ahead_by([0.1] * 7 + [-0.1] * 3), NOT_SOLVED_NOR_CHANCE),
}


@pytest.mark.parametrize("outcome", CASES)
def test_every_outcome_is_reachable_with_made_up_seeds(outcome):
    a, b, bars = CASES[outcome]
    verdict = compare(a, b, higher_is_better=True, margin=0.05, **bars)
    assert verdict.outcome == outcome
    assert verdict.to_json()["outcome"] == outcome


def test_a_tie_of_a_kind_needs_both_models_in_it():
    solved_and_not = [0.97] * 10, [0.97] * 5 + [0.9] * 5  # B solved in 5 of 10
    at_chance_and_not = [0.25] * 10, [0.25] * 5 + [0.32] * 5  # B past chance in 5 of 10
    for a, b in (solved_and_not, at_chance_and_not):
        verdict = compare(a, b, higher_is_better=True, margin=0.05, **NOT_SOLVED_NOR_CHANCE)
        assert (verdict.outcome, verdict.ahead + verdict.behind) == ("undecided", 5)
        swapped = compare(b, a, higher_is_better=True, margin=0.05, **NOT_SOLVED_NOR_CHANCE)
        assert swapped.outcome == "undecided"


def test_undecided_says_in_how_many_seeds_a_was_ahead():
    a, b, bars = CASES["undecided"]
    verdict = compare(a, b, higher_is_better=True, margin=0.05, **bars).to_json()
    assert verdict == {
        "outcome": "undecided",
        "seeds": 10,
        "ahead": 7,
        "behind": 3,
        "needed": 8,
        "chance": 56 / 1024,
        "median_gap": pytest.approx(0.1),
        "margin": 0.05,
        "ratio": False,
        "decidable": True,
    }


def test_a_headline_needs_9_of_10():
    a, b, _ = CASES["a"]
    assert compare(a, b, higher_is_better=True, margin=0.05).outcome == "a"
    headline = compare(a, b, higher_is_better=True, margin=0.05, headline=True)
    assert (headline.outcome, headline.needed, headline.chance) == ("undecided", 9, 11 / 1024)


def test_too_few_seeds_can_only_be_undecided():
    verdict = compare([1.0, 1.0, 1.0], [0.0, 0.0, 0.0], higher_is_better=True, margin=0.1)
    assert (verdict.outcome, verdict.ahead, verdict.decidable) == ("undecided", 3, False)
    assert verdict.to_json()["needed"] is None and verdict.to_json()["chance"] is None
    assert not compare(
        [1.0] * 5, [0.0] * 5, higher_is_better=True, margin=0, headline=True
    ).decidable


def test_a_lead_inside_the_margin_wins_nothing_however_many_seeds():
    a, b = ahead_by([0.005] * 10)
    verdict = compare(a, b, higher_is_better=True, margin=0.01)
    assert (verdict.outcome, verdict.ahead, verdict.median_gap) == (
        "undecided",
        0,
        pytest.approx(0.005),
    )


def test_ahead_in_more_than_half_the_seeds_puts_the_median_gap_past_the_margin():
    """The issue's second condition (median gap past the margin) follows from the first."""
    rng = random.Random(22)
    for _ in range(2000):
        seeds = rng.randint(5, 20)
        a, b = ahead_by([rng.gauss(0.05, 0.1) for _ in range(seeds)])
        verdict = compare(a, b, higher_is_better=True, margin=0.04)
        if verdict.outcome == "a":
            assert verdict.median_gap > 0.04


# Two models that both solve the adding problem (MSE under 0.04): A's error is 2.2-10x lower
# in every seed, far inside an absolute margin of 0.03, 30 times B's errors.
ERRORS_A = [1e-4 * (1 + seed / 10) for seed in range(10)]
FACTORS = [2.2, 3, 4, 5, 6, 7, 8, 9, 10, 2.5]
ERRORS_B = [error * factor for error, factor in zip(ERRORS_A, FACTORS, strict=True)]


def test_solved_errors_compare_as_ratios_where_an_absolute_margin_cannot_decide():
    assert winner({"a": ERRORS_A, "b": ERRORS_B}, higher_is_better=False, margin=0.03) is None
    absolute = compare(ERRORS_A, ERRORS_B, higher_is_better=False, margin=0.03, solved=0.04)
    assert absolute.outcome == "both_solved"
    ratio = compare(ERRORS_A, ERRORS_B, higher_is_better=False, margin=2.0, ratio=True)
    assert (ratio.outcome, ratio.ahead) == ("a", 10)
    assert ratio.median_gap == pytest.approx(math.sqrt(5 * 6))  # between the 5x and 6x seeds


def test_solved_models_not_apart_by_the_factor_tie_as_both_solved():
    verdict = compare(
        ERRORS_A, ERRORS_B, higher_is_better=False, margin=20.0, ratio=True, solved=0.04
    )
    assert (verdict.outcome, verdict.ahead) == ("both_solved", 0)


def test_a_gap_within_a_machines_noise_is_undecided():
    a, b = ahead_by([0.02] * 10)
    assert compare(a, b, higher_is_better=True, margin=0.01).outcome == "a"
    noisy = compare(a, b, higher_is_better=True, margin=0.01, noise=0.03)
    assert (noisy.outcome, noisy.ahead, noisy.margin) == ("undecided", 0, 0.03)
    assert (
        compare(ERRORS_A, ERRORS_B, higher_is_better=False, margin=2.0, ratio=True, noise=12.0)
    ).outcome == "undecided"


SWAPPED = {"a": "b", "b": "a"}


@pytest.mark.parametrize("outcome", CASES)
def test_swapping_a_and_b_swaps_the_verdict(outcome):
    a, b, bars = CASES[outcome]
    forward = compare(a, b, higher_is_better=True, margin=0.05, **bars)
    backward = compare(b, a, higher_is_better=True, margin=0.05, **bars)
    assert backward.outcome == SWAPPED.get(outcome, outcome)
    assert (backward.ahead, backward.behind) == (forward.behind, forward.ahead)
    assert backward.median_gap == pytest.approx(-forward.median_gap)


def test_swapping_solved_errors_inverts_the_factor():
    forward = compare(ERRORS_A, ERRORS_B, higher_is_better=False, margin=2.0, ratio=True)
    backward = compare(ERRORS_B, ERRORS_A, higher_is_better=False, margin=2.0, ratio=True)
    assert (backward.outcome, backward.behind) == ("b", forward.ahead)
    assert backward.median_gap == pytest.approx(1 / forward.median_gap)


@pytest.mark.parametrize(
    ("a", "b", "options", "problem"),
    [
        ([0.1, 0.2, 0.3], [0.1, 0.2], {}, "a has 3, b has 2"),
        ([], [], {}, "no seeds"),
        ([0.1, math.nan], [0.1, 0.2], {}, r"a\[1\] is nan"),
        ([0.1, 0.2], [0.1, math.inf], {}, r"b\[1\] is inf"),
        ([0.1, 0.0], [0.1, 0.2], {"ratio": True, "margin": 2.0}, "logs of positives"),
        ([0.1, 0.2], [0.1, 0.2], {"ratio": True, "margin": 0.5}, "factor of at least 1"),
        ([0.1, 0.2], [0.1, 0.2], {"margin": -0.1}, "below what it can mean"),
        ([0.1, 0.2], [0.1, 0.2], {"solved": 0.5, "at_chance": 0.6}, "must lie past"),
    ],
)
def test_bad_input_raises_naming_the_problem(a, b, options, problem):
    with pytest.raises(ValueError, match=problem):
        compare(a, b, **{"higher_is_better": True, "margin": 0.0, **options})


def brute_fisher(solved_a: int, n_a: int, solved_b: int, n_b: int) -> float:
    """Fisher's two-sided p-value by listing which of the n_a + n_b runs solved."""
    runs = range(n_a + n_b)  # runs 0..n_a-1 are A's
    tables: dict[int, int] = {}
    for solved_runs in itertools.combinations(runs, solved_a + solved_b):
        in_a = sum(run < n_a for run in solved_runs)
        tables[in_a] = tables.get(in_a, 0) + 1
    observed = tables[solved_a]
    return sum(count for count in tables.values() if count <= observed) / sum(tables.values())


@pytest.mark.parametrize(
    ("table", "p_value"),
    [
        ((3, 4, 1, 4), 0.4857),  # Fisher's tea-tasting lady, [[3, 1], [1, 3]]
        ((6, 8, 1, 5), 0.10256),  # scipy.stats.fisher_exact's example, [[6, 2], [1, 4]]
        ((10, 10, 3, 10), 0.0031),  # [[10, 0], [3, 7]]
        ((5, 10, 5, 10), 1.0),
    ],
)
def test_fisher_exact_gives_the_published_values(table, p_value):
    assert fisher_exact(*table) == pytest.approx(p_value, abs=5e-5)
    assert fisher_exact(*table) == pytest.approx(brute_fisher(*table))


def test_fisher_exact_agrees_with_listing_every_table():
    for n_a, n_b in itertools.product(range(1, 6), repeat=2):
        for solved_a, solved_b in itertools.product(range(n_a + 1), range(n_b + 1)):
            expected = brute_fisher(solved_a, n_a, solved_b, n_b)
            assert fisher_exact(solved_a, n_a, solved_b, n_b) == pytest.approx(expected)
            assert fisher_exact(solved_b, n_b, solved_a, n_a) == pytest.approx(expected)


def test_solved_counts_differ_only_when_fishers_test_says_so():
    clear = compare_solved(10, 2, 10)
    assert (clear.outcome, compare_solved(2, 10, 10).outcome) == ("a", "b")
    assert clear.p_value == pytest.approx(brute_fisher(10, 10, 2, 10))
    unclear = compare_solved(7, 3, 10)
    assert (unclear.outcome, unclear.p_value > 0.05) == ("undecided", True)
    assert unclear.to_json()["p_value"] == unclear.p_value
    with pytest.raises(ValueError, match="not a table"):
        fisher_exact(11, 10, 0, 10)
