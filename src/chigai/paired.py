"""Paired seeds: when an article may say that one model is clearly better than another.

Seed s gives both models the same data, split and batch order, so the two runs of seed s
differ only by the model, and each seed is one paired gap. The rule is a sign test
(Dixon & Mood 1946) over those gaps: A is clearly better when it beats B by more than the
margin in at least 8 of 10 seeds (9 of 10 for a headline). Any other number of seeds N needs
the smallest count k(N) that luck alone reaches no more often than 8 of 10 does, so the rule
gets stronger as seeds are added: one failed seed costs one of the ten, where "every seed of
A beats every seed of B" (`chigai.seeds.winner`) could then never decide. Once more than half
the seeds are ahead by the margin the median gap is past it too, so the issue's second
condition ("and the median gap exceeds the margin") holds by construction; the median is
reported for the page to quote. The chance rate is exact at margin 0 and an upper bound
above it: two equally good models beat each other by a margin in fewer than half the seeds.

Solved counts compare by Fisher's exact test (`compare_solved`), hand-written with
math.comb because scipy is not a dependency.

Methodology page, one sentence per language (N, k and the chance rate come from
`Comparison.seeds`, `.needed` and `.chance`):

- en: We call A clearly better than B only when A beats B by more than the stated margin in
  at least 8 of 10 paired seeds (9 of 10 for a headline), where both models of a seed saw
  the same data in the same order; if the two were equally good, luck alone would give
  this at most 5.5% of the time (1.1% for a headline).
- ja (one sentence, wrapped here only for line length):
  同じデータを同じ順で学んだ10組のシードのうち、8組以上（見出しでは9組以上）で
  Aが決めた差より大きくBに勝ったときだけ「Aがはっきり良い」と言い、
  2つの強さが同じなら、偶然こうなるのは多くても5.5%（見出しでは1.1%）です。
"""

import math
import statistics
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Literal

Outcome = Literal["a", "b", "both_solved", "both_chance", "undecided"]

# The reference rules: ahead in 8 of 10 seeds, 9 of 10 for a headline. Other seed counts are
# held to the same luck: 56/1024 (5.5%) and 11/1024 (1.1%).
STANDARD = (8, 10)
HEADLINE = (9, 10)


def _tail_count(k: int, seeds: int) -> int:
    """Sign patterns of `seeds` coin flips with at least k heads."""
    return sum(math.comb(seeds, i) for i in range(k, seeds + 1))


def chance_of(k: int, seeds: int) -> float:
    """How often luck alone puts A ahead in at least k of `seeds` seeds: a fair coin a seed."""
    return _tail_count(k, seeds) / 2**seeds


def seeds_needed(seeds: int, *, headline: bool = False) -> int | None:
    """k(N): the fewest seeds ahead whose chance is at most the reference rule's; None if no
    count of `seeds` is that unlikely (3 seeds: 3 of 3 happens by luck 12.5% of the time)."""
    k_ref, n_ref = HEADLINE if headline else STANDARD
    for k in range(seeds + 1):
        # tail(k, N) / 2^N <= tail(k_ref, n_ref) / 2^n_ref, in integers: exact at the boundary
        if _tail_count(k, seeds) * 2**n_ref <= _tail_count(k_ref, n_ref) * 2**seeds:
            return k
    return None


@dataclass(frozen=True)
class Comparison:
    """A verdict on paired seeds and the counts a page quotes ("ahead in 7 of 10 seeds").

    `median_gap`: how much A beats B in the median seed, positive when A is better, in the
    units compared (for `ratio` the factor: 3.0 means A's error is 3x lower). `margin`: what a
    seed had to beat the other by, max(margin, noise). `needed` and `chance` are None when
    no count of this many seeds could decide (`decidable` is False).
    """

    outcome: Outcome
    seeds: int
    ahead: int
    behind: int
    needed: int | None
    chance: float | None
    median_gap: float
    margin: float
    ratio: bool

    @property
    def decidable(self) -> bool:
        return self.needed is not None

    def to_json(self) -> dict[str, object]:
        return {**asdict(self), "decidable": self.decidable}


def compare(
    a: Sequence[float],
    b: Sequence[float],
    *,
    higher_is_better: bool,
    margin: float,
    headline: bool = False,
    solved: float | None = None,
    at_chance: float | None = None,
    ratio: bool = False,
    noise: float = 0.0,
) -> Comparison:
    """Which of two models is clearly better over paired seeds: a[i] and b[i] share seed i.

    `ratio`: compare logs, for errors of models that both solve a task; `margin` (and
    `noise`) are then factors, 2.0 meaning "at least 2x lower", never absolute amounts.
    `noise`: the spread one seed's score shows across machines or thread counts; a seed is
    ahead only by more than max(margin, noise), so a gap another machine could undo wins
    nothing. `solved`: the bar a score must pass (over it if higher is better, under it
    otherwise); `at_chance`: the bar a score must pass to be more than chance, i.e. the
    chance level plus the tolerance allowed (0.55 for guessing at 50% with 5 points' grace).
    A seed is solved past `solved` and at chance not past `at_chance`. Without a clear
    winner, both models solved (or both at chance) in at least `needed` seeds is a tie of
    that kind; anything else is undecided.
    """
    _check_scores(a, b, ratio=ratio)
    _check_margins(margin, noise, ratio=ratio)
    sign = 1 if higher_is_better else -1
    if solved is not None and at_chance is not None and sign * (solved - at_chance) <= 0:
        raise ValueError(f"the solved bar {solved} must lie past the chance bar {at_chance}")
    scale = math.log if ratio else float
    gaps = [sign * (scale(x) - scale(y)) for x, y in zip(a, b, strict=True)]
    seed_margin = max(margin, noise)
    ahead = sum(gap > scale(seed_margin) for gap in gaps)
    behind = sum(gap < -scale(seed_margin) for gap in gaps)
    needed = seeds_needed(len(gaps), headline=headline)

    def past(values: Sequence[float], bar: float) -> int:
        return sum(sign * (value - bar) > 0 for value in values)

    def outcome() -> Outcome:
        if needed is None:
            return "undecided"
        if ahead >= needed:
            return "a"
        if behind >= needed:
            return "b"
        if solved is not None and min(past(a, solved), past(b, solved)) >= needed:
            return "both_solved"
        # at chance in at least `needed` seeds: past the chance bar in at most the rest
        if at_chance is not None and max(past(a, at_chance), past(b, at_chance)) <= len(a) - needed:
            return "both_chance"
        return "undecided"

    median_gap = statistics.median(gaps)
    return Comparison(
        outcome=outcome(),
        seeds=len(gaps),
        ahead=ahead,
        behind=behind,
        needed=needed,
        chance=None if needed is None else chance_of(needed, len(gaps)),
        median_gap=math.exp(median_gap) if ratio else median_gap,
        margin=seed_margin,
        ratio=ratio,
    )


def _check_scores(a: Sequence[float], b: Sequence[float], *, ratio: bool) -> None:
    """Refuse scores that would make a verdict quietly wrong, naming the seed."""
    if len(a) != len(b):
        raise ValueError(f"paired seeds need one score each: a has {len(a)}, b has {len(b)}")
    if not a:
        raise ValueError("no seeds to compare")
    for name, values in (("a", a), ("b", b)):
        for seed, value in enumerate(values):
            if not math.isfinite(value):
                raise ValueError(f"{name}[{seed}] is {value}: a seed needs a finite score")
            if ratio and value <= 0:
                raise ValueError(f"{name}[{seed}] is {value}: ratio compares logs of positives")


def _check_margins(margin: float, noise: float, *, ratio: bool) -> None:
    """A factor below 1 (or a negative amount) would count a loss as a win."""
    if ratio and margin < 1:
        raise ValueError(f"with ratio the margin is a factor of at least 1, not {margin}")
    if margin < 0 or noise < 0 or (ratio and 0 < noise < 1):
        raise ValueError(f"margin {margin} or noise {noise} is below what it can mean")


@dataclass(frozen=True)
class SolvedComparison:
    """Solved counts of two models and Fisher's two-sided p-value for their difference."""

    outcome: Literal["a", "b", "undecided"]
    solved_a: int
    solved_b: int
    seeds: int
    p_value: float
    alpha: float

    def to_json(self) -> dict[str, object]:
        return asdict(self)


def fisher_exact(solved_a: int, n_a: int, solved_b: int, n_b: int) -> float:
    """Two-sided p-value of Fisher's exact test on solved/failed counts, as R's fisher.test:
    with every margin of the 2x2 table fixed, the probability of a table no likelier than
    this one. Weights are integers, so tables exactly as likely are never lost to rounding."""
    if not (0 <= solved_a <= n_a and 0 <= solved_b <= n_b and n_a + n_b > 0):
        raise ValueError(f"counts {solved_a} of {n_a} and {solved_b} of {n_b} are not a table")
    solved = solved_a + solved_b

    def weight(x: int) -> int:  # tables with x solved in A, times C(n, solved)
        return math.comb(n_a, x) * math.comb(n_b, solved - x)

    observed = weight(solved_a)
    tables = range(max(0, solved - n_b), min(n_a, solved) + 1)
    return sum(w for x in tables if (w := weight(x)) <= observed) / math.comb(n_a + n_b, solved)


def compare_solved(
    solved_a: int, solved_b: int, seeds: int, *, alpha: float = 0.05
) -> SolvedComparison:
    """Which model solves more often, if Fisher's test says so at `alpha`; not "same", since
    a test that finds no difference has not shown that there is none."""
    p_value = fisher_exact(solved_a, seeds, solved_b, seeds)
    outcome: Literal["a", "b", "undecided"] = "undecided"
    if p_value <= alpha:
        outcome = "a" if solved_a > solved_b else "b"
    return SolvedComparison(outcome, solved_a, solved_b, seeds, p_value, alpha)
