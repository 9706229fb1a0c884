import pytest
import torch

from chigai.models.attention import (
    SelfAttention,
    SinusoidalPositions,
    TokenLSTM,
    TransformerClassifier,
    attend,
)


def test_explicit_attention_matches_the_fused_kernel_and_its_weights_sum_to_one():
    torch.manual_seed(0)
    q, k, v = (torch.randn(2, 3, 9, 4) for _ in range(3))
    fused, none = attend(q, k, v, fused=True)
    explicit, weights = attend(q, k, v, fused=False)
    assert none is None and torch.allclose(fused, explicit, atol=1e-5)
    assert weights.shape == (2, 3, 9, 9)
    assert torch.allclose(weights.sum(dim=-1), torch.ones(2, 3, 9))


def test_transformer_gives_logits_and_per_layer_weights_that_sum_to_one_over_keys():
    torch.manual_seed(0)
    model = TransformerClassifier(vocab=12, d_model=16, heads=2, layers=3, max_len=20, classes=5)
    tokens = torch.randint(0, 12, (4, 11))
    logits, maps = model(tokens, with_weights=True)
    assert logits.shape == (4, 5) and len(maps) == 3
    for weights in maps:
        assert weights.shape == (4, 2, 11, 11)
        assert torch.allclose(weights.sum(dim=-1), torch.ones(4, 2, 11), atol=1e-6)
    assert torch.allclose(model(tokens), logits, atol=1e-5)  # fused path, same answer


def test_lstm_attention_weights_sum_to_one_over_the_sequence():
    torch.manual_seed(0)
    model = TokenLSTM(vocab=10, hidden=8, classes=3, attention=True)
    logits, weights = model(torch.randint(0, 10, (5, 13)), with_weights=True)
    assert logits.shape == (5, 3) and weights.shape == (5, 13)
    assert torch.allclose(weights.sum(dim=-1), torch.ones(5))


def test_heads_must_divide_the_width():
    with pytest.raises(ValueError, match="not divisible"):
        SelfAttention(10, 3)


def test_sinusoidal_positions_exist_past_the_training_length_and_are_fixed():
    torch.manual_seed(0)
    positions = SinusoidalPositions(16)
    far = positions(torch.arange(1000))
    assert far.shape == (1000, 16) and torch.isfinite(far).all()
    assert not list(positions.parameters())  # nothing to train: fixed by the formula
    torch.manual_seed(1)
    assert torch.equal(SinusoidalPositions(16)(torch.arange(1000)), far)  # no randomness
    assert torch.equal(positions(torch.arange(8)), far[:8])  # a position's vector ignores n
    assert torch.equal(far[0], torch.tensor([0.0, 1.0] * 8))  # sin 0, cos 0
    assert torch.cdist(far[8:], far[8:]).fill_diagonal_(1).min() > 0  # all distinct


def test_only_a_sinusoidal_transformer_runs_past_its_training_length():
    shape = {"vocab": 3, "d_model": 16, "heads": 2, "layers": 1, "max_len": 8, "classes": 2}
    longer = torch.zeros(2, 40, dtype=torch.long)
    sinusoidal = TransformerClassifier(**shape, positions="sinusoidal")
    assert sinusoidal(longer).shape == (2, 2)
    with pytest.raises(IndexError):
        TransformerClassifier(**shape)(longer)  # learned: no vector past position 7
