"""Associative recall: look up a value by its key, given far back.

A sequence of `pairs` key-value pairs, then one of the keys again: the answer is the
value that came with it (the task of Ba et al. 2016 "Using fast weights…" and of many
attention-vs-recurrence studies since). Keys are distinct within a sequence. Tokens are
integer ids: keys are 0 … keys-1, values keys … keys+values-1. Guessing scores 1/values.
"""

import torch


def associative_recall(
    n: int, pairs: int, keys: int, values: int, generator: torch.Generator
) -> tuple[torch.Tensor, torch.Tensor]:
    """Return tokens (n, 2 * pairs + 1) and targets (n,) as value indices 0 … values-1."""
    if n <= 0 or pairs < 1 or keys < pairs or values < 2:
        raise ValueError(
            "associative_recall needs n > 0, 1 <= pairs <= keys, values >= 2; "
            f"got {n}, {pairs}, {keys}, {values}"
        )
    chosen_keys = torch.rand(n, keys, generator=generator).argsort(dim=1)[:, :pairs]  # distinct
    chosen_values = torch.randint(0, values, (n, pairs), generator=generator)
    asked = torch.randint(0, pairs, (n,), generator=generator)
    rows = torch.arange(n)
    tokens = torch.empty(n, 2 * pairs + 1, dtype=torch.long)
    tokens[:, 0:-1:2] = chosen_keys
    tokens[:, 1:-1:2] = keys + chosen_values
    tokens[:, -1] = chosen_keys[rows, asked]
    return tokens, chosen_values[rows, asked]


def card_vocabulary(keys: int, values: int) -> int:
    """Number of token ids card_recall uses: cards, the blank, and one question per key."""
    return keys * values + 1 + keys


def card_recall(
    n: int, cards: int, keys: int, values: int, gap: int, generator: torch.Generator
) -> tuple[torch.Tensor, torch.Tensor]:
    """Cards, then a stretch of blanks, then a question: which value was on key k's card?

    The same lookup as associative_recall, with each key-value pair written on one token
    (a "card", id key * values + value) so that one attention step can answer, and with
    `gap` blank tokens (id keys * values) before the question (id keys * values + 1 + key),
    so the answer lies at least gap + 1 steps back. Returns tokens (n, cards + gap + 1)
    and targets (n,) as values 0 … values-1.
    """
    if gap < 0:
        raise ValueError(f"card_recall needs gap >= 0; got {gap}")
    pairs, targets = associative_recall(n, cards, keys, values, generator)
    card_keys, card_values = pairs[:, 0:-1:2], pairs[:, 1:-1:2] - keys
    blanks = torch.full((n, gap), keys * values, dtype=torch.long)
    question = keys * values + 1 + pairs[:, -1:]
    return torch.cat([card_keys * values + card_values, blanks, question], dim=1), targets
