import torch

from chigai.tasks.adding import BASELINE_MSE, adding_problem


def test_exactly_two_markers_one_in_each_half():
    inputs, _ = adding_problem(500, 30, torch.Generator().manual_seed(0))
    markers = inputs[..., 1]
    assert inputs.shape == (500, 30, 2)
    assert set(markers.unique().tolist()) == {0.0, 1.0}
    assert (markers.sum(dim=1) == 2).all()
    assert (markers[:, :15].sum(dim=1) == 1).all() and (markers[:, 15:].sum(dim=1) == 1).all()


def test_target_is_the_sum_of_the_marked_values():
    inputs, targets = adding_problem(500, 12, torch.Generator().manual_seed(1))
    marked_sum = (inputs[..., 0] * inputs[..., 1]).sum(dim=1, keepdim=True)
    assert torch.allclose(targets, marked_sum)
    assert ((inputs[..., 0] >= 0) & (inputs[..., 0] <= 1)).all()


def test_predicting_the_mean_scores_the_baseline():
    _, targets = adding_problem(10_000, 50, torch.Generator().manual_seed(2))
    mse_of_mean = ((targets - targets.mean()) ** 2).mean().item()
    assert abs(mse_of_mean - 0.167) < 0.01
    assert abs(BASELINE_MSE - 0.167) < 0.001


def test_same_generator_seed_same_data():
    first = adding_problem(10, 8, torch.Generator().manual_seed(3))
    second = adding_problem(10, 8, torch.Generator().manual_seed(3))
    assert all(torch.equal(a, b) for a, b in zip(first, second, strict=True))
