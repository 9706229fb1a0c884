"""Paired seeds: seed s gives every compared model the same data, split and batch order.

A comparison of two models over seeds is paired when seed s hands both of them the same
training data, the same split and the same minibatches, so that a difference within a
seed is the models' and not the luck of the draw (issue 22, item 1). Each purpose draws
from a stream of its own, so that what one purpose consumes never shifts another: an LSTM
draws more initial weights than an RNN of the same width, and with one shared generator
the data and batch order after it would differ between the two.

The stream of (seed, purpose) starts from a 63-bit number derived by a stated hash:
the first 8 bytes of SHA-256("chigai/<purpose>/<seed>"), big-endian, top bit cleared
(63 bits: `torch.Generator.manual_seed` takes any of them, and they stay exact in JSON).
A purpose may name a setting too, e.g. `derived_seed(seed, "data/lag=20")`, for data
that differ per setting but not per model.
"""

import hashlib
from dataclasses import dataclass

import torch

DATA, ORDER, INIT = "data", "order", "init"


def derived_seed(seed: int, purpose: str) -> int:
    """The starting seed of `purpose`'s stream for paired seed `seed` (see the docstring)."""
    digest = hashlib.sha256(f"chigai/{purpose}/{seed}".encode()).digest()
    return int.from_bytes(digest[:8], "big") >> 1


def generator(seed: int, purpose: str) -> torch.Generator:
    """A fresh CPU generator at the start of `purpose`'s stream for seed `seed`."""
    return torch.Generator().manual_seed(derived_seed(seed, purpose))


@dataclass(frozen=True)
class Streams:
    """One paired seed's sub-streams; build one per trial (generators are consumed)."""

    seed: int
    data: torch.Generator  # the task's examples and their split into train/validation/test
    order: torch.Generator  # which examples each minibatch holds, step by step
    init: int  # seeds torch's global generator, which nn.Module initialisation draws from

    def seed_weights(self) -> None:
        """Seed torch's global generator from the init stream; call right before building
        the model. Only torch's: module initialisation draws nothing from Python's or
        NumPy's generators (and NumPy's legacy seed takes 32 bits, not 63)."""
        torch.manual_seed(self.init)


def streams(seed: int) -> Streams:
    """The data, batch-order and initialisation streams of paired seed `seed`.

    `chigai.training.fit` takes the batch order as a number: pass it
    `derived_seed(seed, ORDER)`, which starts the same stream as `Streams.order`.
    """
    return Streams(
        seed=seed,
        data=generator(seed, DATA),
        order=generator(seed, ORDER),
        init=derived_seed(seed, INIT),
    )
