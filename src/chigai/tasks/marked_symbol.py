"""Marked-symbol recall: a memory task with a discrete answer.

A sequence of `length` random symbols (one-hot) goes by. One of them, somewhere in the
first half, carries a marker; the last step carries a query flag: "which symbol was
marked?". The answer has to be kept for at least length/2 steps while newer, equally
loud symbols arrive. It is the discrete twin of the adding problem (Hochreiter &
Schmidhuber 1997): the marker tells the model *when* to store. Guessing scores 1/symbols.
"""

import torch


def marked_symbol(
    n: int, length: int, symbols: int, generator: torch.Generator
) -> tuple[torch.Tensor, torch.Tensor]:
    """Return inputs (n, length, symbols + 2) and class targets (n,).

    Channels: symbols one-hot, then the marker flag, then the query flag.
    """
    if n <= 0 or length < 2 or symbols < 2:
        raise ValueError(
            f"marked_symbol needs n > 0, length >= 2, symbols >= 2; got {n}, {length}, {symbols}"
        )
    sequence = torch.randint(0, symbols, (n, length), generator=generator)
    marked = torch.randint(0, length // 2, (n,), generator=generator)
    rows = torch.arange(n)
    inputs = torch.zeros(n, length, symbols + 2)
    inputs[..., :symbols] = torch.nn.functional.one_hot(sequence, symbols).float()
    inputs[rows, marked, symbols] = 1.0
    inputs[:, -1, symbols + 1] = 1.0
    return inputs, sequence[rows, marked]
