import torch

from chigai.tasks.parity import PAD, parity, short_strings


def test_target_is_one_when_the_count_of_ones_is_odd():
    bits, targets = parity(200, 9, torch.Generator().manual_seed(0))
    assert set(bits.unique().tolist()) <= {0, 1}
    assert torch.equal(targets, bits.sum(dim=1) % 2)
    assert 0.35 < targets.float().mean() < 0.65


def test_short_strings_are_left_padded_and_their_parity_ignores_the_padding():
    tokens, targets = short_strings(2000, 6, torch.Generator().manual_seed(0))
    assert tokens.shape == (2000, 6)
    padded = tokens == PAD
    lengths = 6 - padded.sum(dim=1)
    assert set(lengths.tolist()) == set(range(1, 7))  # every length from 1 to 6
    # the padding is a prefix: once a bit starts, no PAD follows
    assert torch.equal(padded, padded.cummin(dim=1).values)
    assert torch.equal(targets, torch.where(padded, 0, tokens).sum(dim=1) % 2)
    assert (tokens[:, -1] != PAD).all()  # the last token is always a bit
