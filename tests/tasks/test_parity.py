import torch

from chigai.tasks.parity import parity


def test_target_is_one_when_the_count_of_ones_is_odd():
    bits, targets = parity(200, 9, torch.Generator().manual_seed(0))
    assert set(bits.unique().tolist()) <= {0, 1}
    assert torch.equal(targets, bits.sum(dim=1) % 2)
    assert 0.35 < targets.float().mean() < 0.65
