"""Parity: is the number of ones in a bit string odd?

A counting task that suits recurrence: a two-state machine solves it at any length, and
Delétang et al. (2023, "Neural networks and the Chomsky hierarchy") found recurrent models
learn and length-generalise it where Transformers do not. Tokens are 0 and 1.
"""

import torch


def parity(n: int, length: int, generator: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Return bits (n, length) as token ids and targets (n,): 1 where the count of ones is odd."""
    if n <= 0 or length < 1:
        raise ValueError(f"parity needs n > 0 and length >= 1; got {n}, {length}")
    bits = torch.randint(0, 2, (n, length), generator=generator)
    return bits, bits.sum(dim=1) % 2


def every_string(length: int) -> tuple[torch.Tensor, torch.Tensor]:
    """All 2**length bit strings and their parities: a test set with nothing left out."""
    if not 1 <= length <= 20:
        raise ValueError(
            f"every_string enumerates 2**length strings; length must be 1…20, got {length}"
        )
    numbers = torch.arange(2**length).unsqueeze(1)
    bits = (numbers >> torch.arange(length - 1, -1, -1)) & 1
    return bits, bits.sum(dim=1) % 2
