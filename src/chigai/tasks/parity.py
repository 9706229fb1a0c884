"""Parity: is the number of ones in a bit string odd?

A counting task that suits recurrence: a two-state machine solves it at any length.
Delétang et al. (2023, "Neural networks and the Chomsky hierarchy") train on strings of
length 1…N and test on longer ones; an LSTM length-generalises on parity, a Transformer
does not. `short_strings` draws such a training set; `parity` draws test strings of one
length. Tokens are 0 and 1, and PAD (2) fills a short string out to the batch's width.
"""

import torch

PAD = 2  # a third token, never a bit: a padded string cannot pass for a longer one


def parity(n: int, length: int, generator: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Return bits (n, length) as token ids and targets (n,): 1 where the count of ones is odd."""
    if n <= 0 or length < 1:
        raise ValueError(f"parity needs n > 0 and length >= 1; got {n}, {length}")
    bits = torch.randint(0, 2, (n, length), generator=generator)
    return bits, bits.sum(dim=1) % 2


def short_strings(
    n: int, max_length: int, generator: torch.Generator
) -> tuple[torch.Tensor, torch.Tensor]:
    """Strings of every length 1…max_length (the length uniform, as in Delétang et al.),
    left-padded with PAD to (n, max_length) so the last token is always the last bit;
    targets (n,) are the parity of the bits alone."""
    if n <= 0 or max_length < 1:
        raise ValueError(f"short_strings needs n > 0 and max_length >= 1; got {n}, {max_length}")
    lengths = torch.randint(1, max_length + 1, (n,), generator=generator)
    bits = torch.randint(0, 2, (n, max_length), generator=generator)
    padding = torch.arange(max_length) < (max_length - lengths).unsqueeze(1)  # (n, max_length)
    return torch.where(padding, PAD, bits), (bits * ~padding).sum(dim=1) % 2
