"""Splits drawn from a small input space share no input, or the draw says it cannot."""

import pytest
import torch

from chigai.tasks.parity import parity
from chigai.tasks.splits import disjoint_splits, overlap


def test_no_validation_or_test_string_was_trained_on():
    sizes = {"train": 150, "validation": 50, "test": 50}
    splits = disjoint_splits(lambda n, g: parity(n, 8, g), sizes, torch.Generator().manual_seed(0))
    assert {name: len(s[0]) for name, s in splits.items()} == sizes
    assert overlap(splits["train"][0], splits["validation"][0]) == 0
    assert overlap(splits["train"][0], splits["test"][0]) == 0
    assert overlap(splits["validation"][0], splits["test"][0]) == 0
    x, y = splits["test"]
    assert torch.equal(y, x.sum(dim=1) % 2)  # inputs and targets stay paired


def test_too_few_distinct_inputs_is_a_clear_error():
    sizes = {"train": 200, "test": 100}  # 4-bit strings: only 16 exist
    with pytest.raises(ValueError, match="test inputs unseen"):
        disjoint_splits(
            lambda n, g: parity(n, 4, g), sizes, torch.Generator().manual_seed(0), tries=5
        )
