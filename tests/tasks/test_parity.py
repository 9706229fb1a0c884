import torch

from chigai.tasks.parity import every_string, parity


def test_target_is_one_when_the_count_of_ones_is_odd():
    bits, targets = parity(200, 9, torch.Generator().manual_seed(0))
    assert set(bits.unique().tolist()) <= {0, 1}
    assert torch.equal(targets, bits.sum(dim=1) % 2)
    assert 0.35 < targets.float().mean() < 0.65


def test_every_string_lists_each_bit_string_once_with_its_parity():
    bits, targets = every_string(4)
    assert bits.shape == (16, 4)
    assert len({tuple(row) for row in bits.tolist()}) == 16
    assert bits[5].tolist() == [0, 1, 0, 1] and targets[5] == 0  # 5 = 0101: two ones
    assert bits[7].tolist() == [0, 1, 1, 1] and targets[7] == 1
    assert torch.equal(targets, bits.sum(dim=1) % 2)
