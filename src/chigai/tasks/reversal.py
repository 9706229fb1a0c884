"""Sequence reversal: a toy "translation" whose every output word depends on one input word.

Reversing a sentence forces an encoder-decoder to reach the *first* input word when it
writes the *last* output word, the long-distance case where Bahdanau, Cho & Bengio (2014)
showed plain encoder-decoders fall apart as sentences grow. Token 0 is the start symbol
the decoder reads first; words are 1 … vocab.
"""

import torch

START = 0


def reversal(
    n: int, length: int, vocab: int, generator: torch.Generator
) -> tuple[torch.Tensor, torch.Tensor]:
    """Return source (n, length) and target (n, length) = source reversed, ids 1 … vocab."""
    if n <= 0 or length < 1 or vocab < 2:
        raise ValueError(
            f"reversal needs n > 0, length >= 1, vocab >= 2; got {n}, {length}, {vocab}"
        )
    source = torch.randint(1, vocab + 1, (n, length), generator=generator)
    return source, source.flip(dims=[1])
