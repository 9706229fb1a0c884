"""Cost measurements: exponents, crossovers, and activation bytes that follow the maths."""

import pytest
import torch

from chigai.costs import crossover, growth_exponent, saved_activation_bytes, step_seconds
from chigai.models.attention import Block


def test_growth_exponent_recovers_a_power_law_from_its_last_points():
    lengths = [16, 32, 64, 128]
    assert growth_exponent(lengths, [n**2 * 3.0 for n in lengths]) == pytest.approx(2.0)
    # early points that bend away are ignored: only the last three count
    assert growth_exponent(lengths, [100.0, 32.0, 64.0, 128.0]) == pytest.approx(1.0)


def test_crossover_is_the_length_from_which_ours_stays_above():
    lengths = [1, 2, 3, 4]
    assert crossover(lengths, [1, 5, 1, 5], [2, 2, 2, 2]) == 4  # above at 2, below again at 3
    assert crossover(lengths, [3, 3, 3, 3], [2, 2, 2, 2]) == 1
    assert crossover(lengths, [1, 1, 1, 1], [2, 2, 2, 2]) is None


def _attention_bytes(n: int, fused: bool) -> int:
    torch.manual_seed(0)
    block = Block(8, 2, fused=fused)
    x = torch.randn(1, n, 8)
    return saved_activation_bytes(block, lambda: block(x)[0].sum())


def test_explicit_attention_saves_the_n_by_n_table_and_the_fused_kernel_does_not():
    small, large = 64, 256  # four times as long
    explicit = _attention_bytes(large, fused=False) / _attention_bytes(small, fused=False)
    fused = _attention_bytes(large, fused=True) / _attention_bytes(small, fused=True)
    assert explicit > 8  # heading for 16 = 4**2
    assert fused == pytest.approx(4, rel=0.1)  # linear


def test_weights_are_not_counted_as_activations():
    layer = torch.nn.Linear(1000, 1000)
    x = torch.randn(1, 1000)
    assert saved_activation_bytes(layer, lambda: layer(x).sum()) < 1000 * 1000 * 4 / 10


def test_step_seconds_times_forward_and_backward():
    layer = torch.nn.Linear(4, 4)
    x = torch.randn(2, 4)
    seconds = step_seconds(layer, lambda: layer(x).sum(), torch.device("cpu"), 1, 3)
    assert 0 < seconds < 1
    assert layer.weight.grad is not None  # the backward pass really ran
