import pytest
import torch

from chigai.models.recurrent import RecurrentRegressor, parameter_count


def test_reads_a_batch_of_sequences_into_one_prediction_each():
    model = RecurrentRegressor("lstm", input_size=2, hidden_size=8)
    assert model(torch.zeros(5, 13, 2)).shape == (5, 1)


@pytest.mark.parametrize(("cell", "gates"), [("rnn", 1), ("lstm", 4)])
def test_parameter_count_follows_the_textbook_formula(cell, gates):
    inputs, hidden = 2, 16
    # each gate: input weights, recurrent weights and two biases (torch keeps b_ih and b_hh)
    recurrent = gates * (hidden * inputs + hidden * hidden + 2 * hidden)
    head = hidden + 1
    assert parameter_count(RecurrentRegressor(cell, inputs, hidden)) == recurrent + head


def test_unknown_cell_is_refused():
    with pytest.raises(ValueError, match="unknown cell 'gru'"):
        RecurrentRegressor("gru", 2, 4)
