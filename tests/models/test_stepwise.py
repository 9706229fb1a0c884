import pytest
import torch
from torch import nn

from chigai.models.stepwise import unroll


@pytest.mark.parametrize("layer_class", [nn.RNN, nn.LSTM])
def test_unrolled_twin_matches_the_fused_layer(layer_class):
    torch.manual_seed(0)
    layer = layer_class(5, 16, batch_first=True)
    inputs = torch.randn(3, 40, 5)
    fused, _ = layer(inputs)  # (batch, time, hidden)
    steps = unroll(layer, inputs)
    assert (torch.stack(steps.hidden, dim=1) - fused).abs().max().item() < 1e-5


def test_lstm_gates_are_probabilities_and_the_cell_obeys_its_update():
    torch.manual_seed(1)
    layer = nn.LSTM(3, 8, batch_first=True)
    steps = unroll(layer, torch.randn(2, 10, 3))
    for gates in (steps.input_gate, steps.forget_gate, steps.output_gate):
        stacked = torch.stack(gates)
        assert (stacked > 0).all() and (stacked < 1).all()
    h, o, c = steps.hidden[-1], steps.output_gate[-1], steps.cell[-1]
    assert torch.allclose(h, o * torch.tanh(c))


def test_each_hidden_state_is_its_own_graph_node():
    layer = nn.RNN(2, 4, batch_first=True)
    steps = unroll(layer, torch.randn(1, 6, 2))
    for h in steps.hidden:
        h.retain_grad()
    steps.hidden[-1].sum().backward()
    assert all(h.grad is not None for h in steps.hidden)
    assert steps.hidden[0].grad.abs().sum() > 0


def test_layers_it_cannot_mirror_are_refused():
    with pytest.raises(ValueError, match="single-layer"):
        unroll(nn.LSTM(2, 4, num_layers=2, batch_first=True), torch.zeros(1, 3, 2))
