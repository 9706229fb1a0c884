"""Sequence-to-one recurrent models: a plain tanh RNN and an LSTM behind one interface.

Both wrap torch's fused layers (`torch.nn.RNN`, `torch.nn.LSTM`, cuDNN on a GPU) and
read out the last hidden state through a linear head, so the two differ only in the cell.
"""

from typing import Literal

import torch
from torch import nn

CellKind = Literal["rnn", "lstm"]


class RecurrentRegressor(nn.Module):
    """Read a sequence, predict `output_size` numbers from the final hidden state."""

    def __init__(self, cell: CellKind, input_size: int, hidden_size: int, output_size: int = 1):
        super().__init__()
        if cell == "rnn":
            self.recurrent: nn.RNNBase = nn.RNN(
                input_size, hidden_size, nonlinearity="tanh", batch_first=True
            )
        elif cell == "lstm":
            self.recurrent = nn.LSTM(input_size, hidden_size, batch_first=True)
        else:
            raise ValueError(f"unknown cell {cell!r}: use 'rnn' or 'lstm'")
        self.head = nn.Linear(hidden_size, output_size)

    def forward(self, inputs: torch.Tensor) -> torch.Tensor:
        states, _ = self.recurrent(inputs)  # (batch, time, hidden)
        return self.head(states[:, -1])  # (batch, output)


def parameter_count(model: nn.Module) -> int:
    return sum(p.numel() for p in model.parameters())
