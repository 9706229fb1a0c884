"""Step-by-step twins of torch.nn.RNN and torch.nn.LSTM, for looking inside.

The fused layers hide the per-step states and gates. These twins borrow the weights of a
trained single-layer, batch_first `nn.RNN` / `nn.LSTM` and unroll the same equations in
Python, keeping every h_t as its own graph node (so ∂loss/∂h_t can be read) and, for the
LSTM, the input, forget and output gates and the cell state. They are slower and exist
only to be looked at; the tests check them against the fused layers.
"""

from dataclasses import dataclass, field

import torch
from torch import nn


@dataclass
class Unrolled:
    """Per-step tensors of shape (batch, hidden); gates and cells only for the LSTM."""

    hidden: list[torch.Tensor] = field(default_factory=list)
    input_gate: list[torch.Tensor] = field(default_factory=list)
    forget_gate: list[torch.Tensor] = field(default_factory=list)
    output_gate: list[torch.Tensor] = field(default_factory=list)
    cell: list[torch.Tensor] = field(default_factory=list)


def unroll(layer: nn.RNN | nn.LSTM, inputs: torch.Tensor) -> Unrolled:
    """Run `layer` one step at a time on inputs (batch, time, features)."""
    if layer.num_layers != 1 or layer.bidirectional or not layer.batch_first:
        raise ValueError("unroll handles single-layer, one-directional, batch_first layers")
    if isinstance(layer, nn.LSTM):
        return _unroll_lstm(layer, inputs)
    if isinstance(layer, nn.RNN) and layer.nonlinearity == "tanh":
        return _unroll_rnn(layer, inputs)
    raise ValueError(f"cannot unroll {type(layer).__name__}")


def _unroll_rnn(layer: nn.RNN, inputs: torch.Tensor) -> Unrolled:
    steps = Unrolled()
    h = inputs.new_zeros(inputs.shape[0], layer.hidden_size)
    driven = inputs @ layer.weight_ih_l0.T + layer.bias_ih_l0  # (batch, time, hidden)
    for t in range(inputs.shape[1]):
        h = torch.tanh(driven[:, t] + h @ layer.weight_hh_l0.T + layer.bias_hh_l0)
        steps.hidden.append(h)
    return steps


def _unroll_lstm(layer: nn.LSTM, inputs: torch.Tensor) -> Unrolled:
    steps = Unrolled()
    batch = inputs.shape[0]
    h = inputs.new_zeros(batch, layer.hidden_size)
    c = inputs.new_zeros(batch, layer.hidden_size)
    driven = inputs @ layer.weight_ih_l0.T + layer.bias_ih_l0  # (batch, time, 4 * hidden)
    for t in range(inputs.shape[1]):
        gates = driven[:, t] + h @ layer.weight_hh_l0.T + layer.bias_hh_l0
        i, f, g, o = gates.chunk(4, dim=1)  # torch's gate order: input, forget, cell, output
        i, f, o = torch.sigmoid(i), torch.sigmoid(f), torch.sigmoid(o)
        c = f * c + i * torch.tanh(g)
        h = o * torch.tanh(c)
        steps.hidden.append(h)
        steps.input_gate.append(i)
        steps.forget_gate.append(f)
        steps.output_gate.append(o)
        steps.cell.append(c)
    return steps
