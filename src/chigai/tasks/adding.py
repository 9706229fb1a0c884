"""Adding problem (Hochreiter & Schmidhuber 1997, Exp. 4), in the two-channel form of
Le, Jaitly & Hinton 2015 ("A simple way to initialize recurrent networks").

Each step carries (value in [0, 1], marker in {0, 1}); exactly two steps are marked and
the target is the sum of their values. One marker sits in the first half of the sequence
and one in the second, so the first number must be carried across at least length/2 steps.
Predicting the mean (1.0) scores an MSE of Var(U + U) = 1/6 ≈ 0.167: the baseline.
"""

import torch

BASELINE_MSE = 1.0 / 6.0


def adding_problem(
    n: int, length: int, generator: torch.Generator
) -> tuple[torch.Tensor, torch.Tensor]:
    """Return inputs (n, length, 2) and targets (n, 1)."""
    if n <= 0 or length < 2:
        raise ValueError(f"adding_problem needs n > 0 and length >= 2, got n={n}, length={length}")
    values = torch.rand(n, length, generator=generator)
    half = length // 2
    first = torch.randint(0, half, (n,), generator=generator)
    second = torch.randint(half, length, (n,), generator=generator)
    markers = torch.zeros(n, length)
    rows = torch.arange(n)
    markers[rows, first] = 1.0
    markers[rows, second] = 1.0
    inputs = torch.stack([values, markers], dim=-1)  # (n, length, 2)
    targets = (values[rows, first] + values[rows, second]).unsqueeze(1)  # (n, 1)
    return inputs, targets
