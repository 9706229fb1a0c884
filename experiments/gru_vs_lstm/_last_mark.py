"""The task of the gate ablations: name the symbol at the LAST of several marks.

A model must overwrite what it stored at each new mark (an old answer has to be
forgotten), then hold the last one over a gap: a task where forgetting matters.
"""

import torch
from torch import nn


def last_marked(
    n: int, length: int, symbols: int, marks: int, hold: int, generator: torch.Generator
) -> tuple[torch.Tensor, torch.Tensor]:
    """Inputs (n, length, symbols + 2) and class targets (n,): the symbol at the last mark.

    Each sequence has 2…`marks` marks at distinct steps, all at least `hold` steps before
    the question: always an old answer to forget, a random count (so a model cannot count
    its way to the last mark), and an answer held `hold` steps or more. Channels: symbols
    one-hot, the mark flag, the query flag on the last step. Guessing scores 1/symbols.
    """
    span = length - hold  # marks fall on steps 0 … span - 1
    if n <= 0 or symbols < 2 or marks < 2 or hold < 1 or span < marks:
        raise ValueError(
            f"last_marked needs n > 0, symbols >= 2, marks >= 2 and room for {marks} marks "
            f"{hold} steps before the end of {length}"
        )
    sequence = torch.randint(0, symbols, (n, length), generator=generator)
    count = torch.randint(2, marks + 1, (n, 1), generator=generator)
    spots = torch.rand(n, span, generator=generator).argsort(dim=1)[:, :marks]  # distinct
    used = torch.arange(marks) < count  # (n, marks): the first `count` spots are marks
    rows = torch.arange(n)
    inputs = torch.zeros(n, length, symbols + 2)
    inputs[..., :symbols] = nn.functional.one_hot(sequence, symbols).float()
    inputs[rows.unsqueeze(1).expand(-1, marks)[used], spots[used], symbols] = 1.0
    inputs[:, -1, symbols + 1] = 1.0
    last = torch.where(used, spots, -1).max(dim=1).values
    return inputs, sequence[rows, last]
