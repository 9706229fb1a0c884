"""Cost measurements: fits, crossovers, spreads, and counts that follow the maths."""

import math

import pytest
import torch

from chigai.costs import (
    crossover,
    growth,
    holds_from,
    local_exponents,
    past_overhead,
    pooled,
    power_fit,
    quadratic_share,
    race,
    saved_activation_bytes,
    step_flops,
    step_times,
)
from chigai.models.attention import Block


def test_power_fit_recovers_a_power_law_over_every_point():
    lengths = [16, 32, 64, 128]
    fit = power_fit(lengths, [n**2 * 3.0 for n in lengths])
    assert fit["exponent"] == pytest.approx(2.0)
    assert fit["r2"] == pytest.approx(1.0) and fit["worst_factor"] == pytest.approx(1.0)
    assert (fit["from"], fit["to"], fit["points"]) == (16, 128, 4)


def test_power_fit_shows_a_bend_that_r2_hides():
    lengths = [16, 32, 64, 128, 256]
    bent = [1.0 + n * n / 1000 for n in lengths]  # flat, then quadratic
    fit = power_fit(lengths, bent)
    assert fit["r2"] > 0.9  # R² looks fine...
    assert fit["worst_factor"] > 1.3  # ...the largest miss, 30% and more, does not


def test_local_exponents_find_where_a_curve_bends():
    assert local_exponents([1, 2, 4], [1.0, 2.0, 8.0]) == pytest.approx([1.0, 2.0])


def test_fits_start_past_the_fixed_overhead():
    times = [1.0, 1.5, 3.0, 8.0, 16.0]
    assert past_overhead(times, 8) == 3
    assert past_overhead(times, 100) is None
    grew = growth([1, 2, 4, 8, 16], times, [10, 20, 40, 80, 160], factor=8)
    assert grew["time_fit"]["from"] == 8 and grew["time_fit"]["exponent"] == pytest.approx(1.0)
    assert grew["flop_fit"]["from"] == 8  # the FLOPs fitted over the same lengths
    assert grew["time_fit_all"]["points"] == 5
    assert growth([1, 2], [1.0, 2.0], [1, 2], factor=8)["time_fit"] is None


def test_quadratic_share_splits_linear_and_quadratic_parts():
    lengths = [16, 64, 256]
    share = quadratic_share(lengths, [100 * n + n * n for n in lengths])
    assert share == pytest.approx([n / (100 + n) for n in lengths])
    assert max(abs(s) for s in quadratic_share(lengths, [7.0 * n for n in lengths])) < 1e-9


def test_crossover_is_the_length_from_which_ours_stays_above():
    lengths = [1, 2, 3, 4]
    assert crossover(lengths, [1, 5, 1, 5], [2, 2, 2, 2]) == 4  # above at 2, below again at 3
    assert crossover(lengths, [3, 3, 3, 3], [2, 2, 2, 2]) == 1
    assert crossover(lengths, [1, 1, 1, 1], [2, 2, 2, 2]) is None
    assert holds_from(lengths, [True, False, True, True]) == 3


def test_pooled_keeps_every_step_and_each_rounds_median():
    found = pooled([[[1.0, 2.0, 9.0], [3.0, 4.0, 5.0]]])  # one length, two rounds
    assert found["step_ms"] == [3.5] and found["step_ms_min"] == [1.0]
    assert found["step_ms_max"] == [9.0] and found["step_ms_rounds"] == [[2.0, 4.0]]
    assert found["step_ms_repeats"] == [[1.0, 2.0, 9.0, 3.0, 4.0, 5.0]]


def test_race_calls_overlapping_steps_a_tie():
    found = race([1, 2, 3], {"a": [[1, 2], [1, 2], [1, 2]], "b": [[1.5, 3], [3, 4], [0.1, 0.5]]})
    assert found["faster"] == [None, "a", "b"]
    assert (found["faster_at"], found["tie_at"], found["slower_from"]) == ([3], [1], None)


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


def test_step_times_keeps_every_timed_step_of_forward_and_backward():
    layer = torch.nn.Linear(4, 4)
    x = torch.randn(2, 4)
    seconds = step_times(layer, lambda: layer(x).sum(), torch.device("cpu"), 1, 3)
    assert len(seconds) == 3 and all(0 < s < 1 for s in seconds)
    assert layer.weight.grad is not None  # the backward pass really ran


@pytest.mark.parametrize("fused", [True, False])
def test_attention_flops_are_the_textbook_n_d_squared_plus_n_squared_d(fused):
    """Vaswani et al. 2017, Table 1: linear layers n·d² (q, k, v, out: 4d², MLP: 8d²),
    the attention table n²·d (QKᵀ and weights·V); backward costs twice the forward.
    The fused CPU kernel counts too (FlopCounterMode alone would count it as 0)."""
    batch, n, d = 2, 32, 8
    torch.manual_seed(0)
    block, x = Block(d, 2, fused=fused), torch.randn(batch, n, d)
    forward = 2 * batch * (12 * n * d * d + 2 * n * n * d)  # a multiply-add is 2 FLOPs
    assert step_flops(block, lambda: block(x)[0].sum()) == 3 * forward


def test_lstm_flops_are_the_textbook_n_d_squared():
    """Four gates, each from the input and the last state: 2·4h·(in + h) per position
    forward; backward the same twice, less the input's gradient (the input needs none) and
    the first state's (it starts at zero)."""
    batch, n, h = 2, 32, 8
    lstm, x = torch.nn.LSTM(h, h, batch_first=True), torch.randn(batch, n, h)
    forward = n * 2 * batch * 4 * h * (h + h)
    not_needed = n * 2 * batch * 4 * h * h + 2 * batch * 4 * h * h
    assert step_flops(lstm, lambda: lstm(x)[0].sum()) == 3 * forward - not_needed
    assert math.isclose(step_flops(lstm, lambda: lstm(x)[0].sum()), 2.5 * forward, rel_tol=0.05)
