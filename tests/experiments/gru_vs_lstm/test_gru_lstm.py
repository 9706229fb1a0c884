"""The article's model helper: the hand-written loop computes what torch's layers do
(matched widths are tested with the experiments that use them)."""

import sys
from pathlib import Path

import pytest
import torch

sys.path.append(str(Path(__file__).parents[3] / "experiments" / "gru_vs_lstm"))
from _gru_lstm import Recurrent


@pytest.mark.parametrize("cell", ["gru", "lstm"])
def test_the_loop_computes_what_torchs_layer_computes(cell):
    torch.manual_seed(0)
    model = Recurrent(cell, 5, 7, 3, every_step=True)
    x = torch.randn(4, 9, 5)
    fused = model(x)
    model.loop = True
    assert torch.allclose(model(x), fused, atol=1e-6)


def test_the_loop_refuses_a_plain_rnn():
    model = Recurrent("rnn", 2, 4, 1, loop=True)
    with pytest.raises(ValueError, match="GRU or an LSTM"):
        model(torch.zeros(1, 3, 2))
