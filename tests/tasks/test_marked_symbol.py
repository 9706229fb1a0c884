import torch

from chigai.tasks.marked_symbol import marked_symbol


def test_one_marked_symbol_in_the_first_half_and_the_query_on_the_last_step():
    inputs, targets = marked_symbol(400, 20, 5, torch.Generator().manual_seed(0))
    assert inputs.shape == (400, 20, 7) and targets.shape == (400,)
    marker, query = inputs[..., 5], inputs[..., 6]
    assert (marker.sum(dim=1) == 1).all() and (marker[:, 10:] == 0).all()
    assert (query[:, -1] == 1).all() and (query[:, :-1] == 0).all()
    assert (inputs[..., :5].sum(dim=2) == 1).all()  # exactly one symbol per step


def test_the_answer_is_the_symbol_under_the_marker():
    inputs, targets = marked_symbol(300, 12, 8, torch.Generator().manual_seed(1))
    position = inputs[..., 8].argmax(dim=1)
    symbol_there = inputs[torch.arange(300), position, :8].argmax(dim=1)
    assert torch.equal(symbol_there, targets)


def test_answers_are_spread_over_all_symbols():
    _, targets = marked_symbol(8000, 10, 8, torch.Generator().manual_seed(2))
    shares = torch.bincount(targets, minlength=8).float() / 8000
    assert (abs(shares - 1 / 8) < 0.02).all()  # guessing scores 1/symbols
