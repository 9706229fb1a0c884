import math

import pytest
import torch
from torch import nn

from chigai.models.recurrent import RecurrentRegressor
from chigai.probes import decay_per_step, gate_trace, hidden_gradient_norms, input_sensitivity
from chigai.tasks.marked_symbol import marked_symbol


def test_decay_per_step_recovers_a_geometric_factor():
    norms = [0.5**k for k in reversed(range(30))]  # last step 1, one step back 0.5, ...
    assert decay_per_step(norms) == pytest.approx(0.5)
    assert decay_per_step([0.0, 0.0, 1e-3, 1e-2, 1e-1, 1.0]) == pytest.approx(0.1)


def test_gradient_norms_have_one_value_per_step_and_fade_in_an_untrained_rnn():
    torch.manual_seed(0)
    inputs, targets = marked_symbol(64, 40, 4, torch.Generator().manual_seed(0))
    norms = hidden_gradient_norms(
        RecurrentRegressor("rnn", 6, 16, 4), inputs, targets, nn.functional.cross_entropy
    )
    assert len(norms) == 40
    assert norms[0] < 1e-3 * norms[-1]


def test_input_sensitivity_is_a_share_per_position():
    torch.manual_seed(0)
    inputs, targets = marked_symbol(32, 15, 4, torch.Generator().manual_seed(0))
    shares = input_sensitivity(
        RecurrentRegressor("lstm", 6, 8, 4), inputs, targets, nn.functional.cross_entropy
    )
    assert len(shares) == 15 and math.isclose(sum(shares), 1.0, rel_tol=1e-5)


def test_gate_trace_records_gates_and_cells_per_step():
    torch.manual_seed(0)
    inputs, _ = marked_symbol(1, 9, 4, torch.Generator().manual_seed(0))
    trace = gate_trace(RecurrentRegressor("lstm", 6, 8, 4), inputs, cells=2)
    assert all(len(trace[key]) == 9 for key in ("input_gate", "forget_gate", "output_gate"))
    assert len(trace["cells"]) == 2 and len(trace["cells"][0]) == 9
