"""The models of the GRU vs LSTM article: torch's fused RNN, GRU and LSTM behind one
interface, and the width at which each matches a given number of weights.

A GRU has three gate blocks where an LSTM has four, so at one width it has about 3/4 of
the LSTM's weights; comparisons of skill give each model the width that matches the
LSTM's weight count instead (Chung et al. 2014 matched sizes the same way).
"""

from typing import Literal

import torch
from torch import nn

from chigai.models.recurrent import parameter_count

Cell = Literal["rnn", "gru", "lstm"]
LAYERS: dict[str, type[nn.RNNBase]] = {"rnn": nn.RNN, "gru": nn.GRU, "lstm": nn.LSTM}


class Recurrent(nn.Module):
    """Read a sequence with one recurrent layer; a linear head reads the last state, or
    every state when `every_step` (one prediction per input step). With `loop`, the
    layer's own weights are run by `loop_states` instead of torch's kernel."""

    def __init__(
        self,
        cell: Cell,
        input_size: int,
        hidden_size: int,
        output_size: int,
        every_step: bool = False,
        loop: bool = False,
    ):
        super().__init__()
        if cell not in LAYERS:
            raise ValueError(f"unknown cell {cell!r}: use one of {', '.join(LAYERS)}")
        self.recurrent = LAYERS[cell](input_size, hidden_size, batch_first=True)
        self.head = nn.Linear(hidden_size, output_size)
        self.every_step, self.loop = every_step, loop

    def forward(self, inputs: torch.Tensor) -> torch.Tensor:
        if self.loop:
            states = loop_states(self.recurrent, inputs)
        else:
            states, _ = self.recurrent(inputs)  # (batch, time, hidden)
        return self.head(states if self.every_step else states[:, -1])


def loop_states(layer: nn.RNNBase, inputs: torch.Tensor) -> torch.Tensor:
    """The states (batch, time, hidden) of a one-layer GRU or LSTM, computed by the
    textbook equations one step at a time: the input part of every gate for the whole
    sequence in one product, then one product with the previous state per step. The same
    loop for both cells, so that their times compare the cells, not two kernels."""
    weights_h, bias_h = layer.weight_hh_l0, layer.bias_hh_l0
    driven = inputs @ layer.weight_ih_l0.T + layer.bias_ih_l0  # (batch, time, gates)
    h = inputs.new_zeros(inputs.shape[0], layer.hidden_size)
    c = torch.zeros_like(h)
    states = []
    for t in range(inputs.shape[1]):
        recurrent = h @ weights_h.T + bias_h
        if isinstance(layer, nn.LSTM):
            i, f, g, o = (driven[:, t] + recurrent).chunk(4, dim=1)
            c = torch.sigmoid(f) * c + torch.sigmoid(i) * torch.tanh(g)
            h = torch.sigmoid(o) * torch.tanh(c)
        elif isinstance(layer, nn.GRU):  # torch's gate order: reset, update, new
            x_r, x_z, x_n = driven[:, t].chunk(3, dim=1)
            h_r, h_z, h_n = recurrent.chunk(3, dim=1)
            r, z = torch.sigmoid(x_r + h_r), torch.sigmoid(x_z + h_z)
            h = (1 - z) * torch.tanh(x_n + r * h_n) + z * h
        else:
            raise ValueError(f"loop_states runs a GRU or an LSTM, not {type(layer).__name__}")
        states.append(h)
    return torch.stack(states, dim=1)


def matched_width(cell: Cell, input_size: int, output_size: int, weights: int) -> int:
    """The width at which a `cell` model has the weight count closest to `weights`."""
    with torch.device("meta"):  # counting only: no memory used, no random numbers drawn
        counts = {
            width: parameter_count(Recurrent(cell, input_size, width, output_size))
            for width in range(1, 1024)
        }
    return min(counts, key=lambda width: abs(counts[width] - weights))


def matched_models(
    input_size: int, lstm_width: int, output_size: int, cells: tuple[Cell, ...]
) -> dict[str, int]:
    """Each cell's width, so that every model has about the weights of an LSTM of
    `lstm_width`."""
    with torch.device("meta"):
        target = parameter_count(Recurrent("lstm", input_size, lstm_width, output_size))
    return {cell: matched_width(cell, input_size, output_size, target) for cell in cells}
