import torch

from chigai.tasks.reversal import START, reversal


def test_target_is_the_source_reversed_and_never_the_start_symbol():
    source, target = reversal(50, 7, 9, torch.Generator().manual_seed(0))
    assert torch.equal(target, source.flip(dims=[1]))
    assert (source != START).all() and source.max() <= 9
