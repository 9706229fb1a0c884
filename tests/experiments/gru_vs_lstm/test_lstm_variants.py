"""The hand-written LSTM with switches: at its defaults it is nn.LSTM; each switch changes
exactly the equation it names, and the ablated cells have 3/4 of the gate weights."""

import sys
from pathlib import Path

import pytest
import torch
from torch import nn

sys.path.append(str(Path(__file__).parents[3] / "experiments" / "gru_vs_lstm"))
from _lstm_variants import LSTMVariant

SWITCHES = {
    "lstm": {},
    "nfg": {"forget_gate": False},
    "noaf": {"output_activation": False},
    "cifg": {"coupled": True},
}


def _with_weights_of(layer: nn.LSTM, **switches) -> LSTMVariant:
    variant = LSTMVariant(layer.input_size, layer.hidden_size, 3, **switches)
    with torch.no_grad():
        for mine, theirs in (("weight_ih", "weight_ih_l0"), ("weight_hh", "weight_hh_l0")):
            getattr(variant, mine).copy_(getattr(layer, theirs))
        for mine, theirs in (("bias_ih", "bias_ih_l0"), ("bias_hh", "bias_hh_l0")):
            getattr(variant, mine).copy_(getattr(layer, theirs))
    return variant


def _reference(variant: LSTMVariant, inputs: torch.Tensor) -> torch.Tensor:
    """The textbook equations, one gate at a time, with the switches written out."""
    h = torch.zeros(inputs.shape[0], variant.hidden_size)
    c = torch.zeros_like(h)
    states = []
    for x in inputs.unbind(dim=1):

        def pre(gate: str, x: torch.Tensor = x, h: torch.Tensor = h) -> torch.Tensor:
            return (
                x @ variant.block(variant.weight_ih, gate).T
                + h @ variant.block(variant.weight_hh, gate).T
                + variant.block(variant.bias_ih, gate)
                + variant.block(variant.bias_hh, gate)
            )

        f = torch.sigmoid(pre("f")) if variant.forget_gate else torch.ones_like(h)
        i = 1 - f if variant.coupled else torch.sigmoid(pre("i"))
        c = f * c + i * torch.tanh(pre("g"))
        o = torch.sigmoid(pre("o"))
        h = o * torch.tanh(c) if variant.output_activation else o * c
        states.append(h)
    return torch.stack(states, dim=1)


def test_at_its_defaults_it_computes_what_nn_lstm_computes():
    torch.manual_seed(0)
    layer = nn.LSTM(5, 16, batch_first=True)
    inputs = torch.randn(3, 40, 5)
    fused, _ = layer(inputs)  # (batch, time, hidden)
    assert (_with_weights_of(layer).states(inputs) - fused).abs().max().item() < 1e-5


@pytest.mark.parametrize("name", SWITCHES)
def test_each_switch_computes_its_own_equations(name):
    torch.manual_seed(1)
    variant = LSTMVariant(4, 8, 3, **SWITCHES[name])
    with torch.no_grad():
        variant.bias_ih.normal_()  # biases start at 0: give them something to add
        variant.bias_hh.normal_()
    inputs = torch.randn(2, 12, 4)
    assert (variant.states(inputs) - _reference(variant, inputs)).abs().max().item() < 1e-5


def test_without_a_forget_gate_it_is_an_lstm_whose_forget_gate_is_always_open():
    torch.manual_seed(2)
    layer = nn.LSTM(4, 8, batch_first=True)
    with torch.no_grad():  # forget block (rows 8:16): no weights, sigmoid(60) == 1.0
        layer.weight_ih_l0[8:16] = 0
        layer.weight_hh_l0[8:16] = 0
        layer.bias_ih_l0[8:16] = 60
        layer.bias_hh_l0[8:16] = 0
    nfg = LSTMVariant(4, 8, 3, forget_gate=False)
    keep = [*range(0, 8), *range(16, 32)]  # the i, g and o blocks
    with torch.no_grad():
        for mine, theirs in (("weight_ih", "weight_ih_l0"), ("weight_hh", "weight_hh_l0")):
            getattr(nfg, mine).copy_(getattr(layer, theirs)[keep])
        nfg.bias_ih.copy_(layer.bias_ih_l0[keep])
        nfg.bias_hh.copy_(layer.bias_hh_l0[keep])
    inputs = torch.randn(2, 20, 4)
    fused, _ = layer(inputs)
    assert (nfg.states(inputs) - fused).abs().max().item() < 1e-5


def test_nfg_and_cifg_have_three_quarters_of_the_gate_weights():
    full = LSTMVariant(10, 32, 8)
    gate_weights = lambda m: m.weight_ih.numel() + m.weight_hh.numel()  # noqa: E731
    for switches in ({"forget_gate": False}, {"coupled": True}):
        assert gate_weights(LSTMVariant(10, 32, 8, **switches)) * 4 == gate_weights(full) * 3
    assert gate_weights(LSTMVariant(10, 32, 8, output_activation=False)) == gate_weights(full)
    fused = nn.LSTM(10, 32)
    assert sum(p.numel() for p in full.parameters()) == sum(
        p.numel() for p in fused.parameters()
    ) + sum(p.numel() for p in nn.Linear(32, 8).parameters())


def test_biases_start_at_zero_but_the_forget_gates():
    model = LSTMVariant(3, 4, 2, forget_bias=1.0)
    total = model.bias_ih + model.bias_hh
    assert total[4:8].tolist() == [1.0] * 4  # the f block in torch's order i, f, g, o
    assert total[:4].abs().sum() == 0 and total[8:].abs().sum() == 0
    assert LSTMVariant(3, 4, 2).bias_ih.abs().sum() == 0
    bound = 1 / 4**0.5  # torch's U(-1/sqrt(H), 1/sqrt(H))
    assert model.weight_hh.abs().max() <= bound and model.weight_hh.abs().max() > bound / 2


def test_switches_that_contradict_each_other_are_refused():
    with pytest.raises(ValueError, match="forget gate"):
        LSTMVariant(3, 4, 2, forget_gate=False, coupled=True)
    with pytest.raises(ValueError, match="forget"):
        LSTMVariant(3, 4, 2, forget_gate=False, forget_bias=1.0)


@pytest.mark.parametrize("name", SWITCHES)
def test_every_variant_learns_to_name_the_symbol_it_just_read(name):
    torch.manual_seed(3)
    model = LSTMVariant(4, 16, 4, **SWITCHES[name])
    symbols = torch.randint(0, 4, (64, 5))
    inputs = nn.functional.one_hot(symbols, 4).float()
    optimizer = torch.optim.Adam(model.parameters(), lr=0.03)
    losses = []
    for _ in range(40):
        loss = nn.functional.cross_entropy(model(inputs), symbols[:, -1])
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
    assert losses[-1] < 0.25 * losses[0]
