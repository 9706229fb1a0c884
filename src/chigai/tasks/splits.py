"""Training, validation and test sets that share no input.

Where a task's inputs come from a finite set (bit strings, symbol sequences), random
draws repeat, and a test input that was also trained on measures memory, not learning.
Each split here is drawn in turn and keeps only inputs that no earlier split holds.
"""

from collections.abc import Callable

import torch

Draw = Callable[[int, torch.Generator], tuple[torch.Tensor, ...]]


def disjoint_splits(
    draw: Draw, sizes: dict[str, int], generator: torch.Generator, *, tries: int = 50
) -> dict[str, tuple[torch.Tensor, ...]]:
    """`sizes` (e.g. train, validation, test) drawn in order with `draw(n, generator)`,
    which returns the inputs first; a later split never repeats an earlier split's input.
    """
    seen: set[bytes] = set()
    splits: dict[str, tuple[torch.Tensor, ...]] = {}
    for name, size in sizes.items():
        parts: list[tuple[torch.Tensor, ...]] = []
        have = 0
        for _ in range(tries):
            drawn = draw(size - have, generator)
            keep = torch.tensor([row_key(row) not in seen for row in drawn[0]], dtype=torch.bool)
            parts.append(tuple(t[keep] for t in drawn))
            have += int(keep.sum())
            if have == size:
                break
        else:
            raise ValueError(
                f"could not draw {size} {name} inputs unseen in earlier splits in {tries} tries: "
                "the task has too few distinct inputs for these split sizes"
            )
        splits[name] = tuple(torch.cat(column) for column in zip(*parts, strict=True))
        seen |= {row_key(row) for row in splits[name][0]}
    return splits


def row_key(row: torch.Tensor) -> bytes:
    """One input as bytes, to compare inputs across splits."""
    return row.contiguous().numpy().tobytes()


def overlap(first: torch.Tensor, second: torch.Tensor) -> int:
    """How many inputs of `second` also occur in `first` (the tests assert 0)."""
    seen = {row_key(row) for row in first}
    return sum(row_key(row) in seen for row in second)
