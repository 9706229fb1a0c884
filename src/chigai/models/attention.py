"""Attention models: a small Transformer encoder and an LSTM that attends over its states.

Self-attention follows Vaswani et al. 2017 (pre-LayerNorm blocks). Positions are either
learned, one trained vector per position up to a maximum length, or Vaswani et al.'s
fixed sinusoids, which exist at every length, so a model can run on sequences longer than
any it trained on. Attention runs either through PyTorch's fused
`scaled_dot_product_attention` (never stores the n×n weight matrix) or through the
explicit softmax(QKᵀ/√d)V, which is slower and heavier but hands back the weights for
heatmaps and shows the textbook n² memory.
"""

import math

import torch
from torch import nn


def attend(
    q: torch.Tensor, k: torch.Tensor, v: torch.Tensor, *, fused: bool
) -> tuple[torch.Tensor, torch.Tensor | None]:
    """Scaled dot-product attention over (batch, heads, n, d_head); weights only if explicit."""
    if fused:
        return nn.functional.scaled_dot_product_attention(q, k, v), None
    scores = q @ k.transpose(-2, -1) / math.sqrt(q.shape[-1])  # (batch, heads, n, n)
    weights = scores.softmax(dim=-1)
    return weights @ v, weights


class SelfAttention(nn.Module):
    def __init__(self, d_model: int, heads: int, fused: bool = True):
        super().__init__()
        if d_model % heads:
            raise ValueError(f"d_model {d_model} is not divisible by heads {heads}")
        self.heads, self.fused = heads, fused
        self.qkv = nn.Linear(d_model, 3 * d_model)
        self.out = nn.Linear(d_model, d_model)

    def forward(self, x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor | None]:
        batch, n, d = x.shape
        q, k, v = self.qkv(x).view(batch, n, 3, self.heads, d // self.heads).permute(2, 0, 3, 1, 4)
        mixed, weights = attend(q, k, v, fused=self.fused)  # (batch, heads, n, d_head)
        return self.out(mixed.transpose(1, 2).reshape(batch, n, d)), weights


class Block(nn.Module):
    """One pre-LayerNorm Transformer block: attention, then a two-layer MLP, both residual."""

    def __init__(self, d_model: int, heads: int, fused: bool = True):
        super().__init__()
        self.norm1, self.norm2 = nn.LayerNorm(d_model), nn.LayerNorm(d_model)
        self.attention = SelfAttention(d_model, heads, fused)
        self.mlp = nn.Sequential(
            nn.Linear(d_model, 4 * d_model), nn.GELU(), nn.Linear(4 * d_model, d_model)
        )

    def forward(self, x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor | None]:
        mixed, weights = self.attention(self.norm1(x))
        x = x + mixed
        return x + self.mlp(self.norm2(x)), weights


class SinusoidalPositions(nn.Module):
    """Fixed position vectors (Vaswani et al. 2017, section 3.5): sin and cos of the position
    at geometrically spaced rates; called like nn.Embedding, on position indices."""

    def __init__(self, d_model: int):
        super().__init__()
        if d_model % 2:
            raise ValueError(f"sinusoidal positions need an even d_model, got {d_model}")
        rates = torch.exp(torch.arange(0, d_model, 2) * (-math.log(10000.0) / d_model))
        self.register_buffer("rates", rates, persistent=False)

    def forward(self, positions: torch.Tensor) -> torch.Tensor:
        angles = positions.unsqueeze(-1).float() * self.rates  # (n, d_model / 2)
        return torch.stack([angles.sin(), angles.cos()], dim=-1).flatten(-2)  # (n, d_model)


class TransformerClassifier(nn.Module):
    """Tokens in, one class out, read from the last position after `layers` blocks."""

    def __init__(
        self,
        vocab: int,
        d_model: int,
        heads: int,
        layers: int,
        max_len: int,
        classes: int,
        positions: str = "learned",
    ):
        super().__init__()
        self.tokens = nn.Embedding(vocab, d_model)
        # "learned": one trained vector per position up to max_len (the default);
        # "sinusoidal": Vaswani et al.'s fixed sines, defined at every position, so a model
        # can be run on sequences longer than any it trained on (length generalisation).
        if positions == "learned":
            self.positions: nn.Module = nn.Embedding(max_len, d_model)
        elif positions == "sinusoidal":
            self.positions = SinusoidalPositions(d_model)
        else:
            raise ValueError(f"unknown positions {positions!r}: use 'learned' or 'sinusoidal'")
        self.blocks = nn.ModuleList(Block(d_model, heads) for _ in range(layers))
        self.norm = nn.LayerNorm(d_model)
        self.head = nn.Linear(d_model, classes)

    def forward(self, tokens: torch.Tensor, *, with_weights: bool = False):
        """Logits (batch, classes); with_weights also returns each layer's (batch, heads, n, n)."""
        x = self.tokens(tokens) + self.positions(
            torch.arange(tokens.shape[1], device=tokens.device)
        )
        maps = []
        for block in self.blocks:
            block.attention.fused = not with_weights
            x, weights = block(x)
            maps.append(weights)
        logits = self.head(self.norm(x[:, -1]))
        return (logits, maps) if with_weights else logits


class TokenLSTM(nn.Module):
    """Tokens in, one class out, from an LSTM's last state, optionally with attention.

    With attention, the last state asks every earlier state how relevant it is (dot
    product), and the head reads the weighted mix along with the last state (Luong et
    al. 2015's global attention, applied to classification).
    """

    def __init__(self, vocab: int, hidden: int, classes: int, attention: bool = False):
        super().__init__()
        self.embed = nn.Embedding(vocab, hidden)
        self.lstm = nn.LSTM(hidden, hidden, batch_first=True)
        self.attention = attention
        self.head = nn.Linear(2 * hidden if attention else hidden, classes)

    def forward(self, tokens: torch.Tensor, *, with_weights: bool = False):
        states, _ = self.lstm(self.embed(tokens))  # (batch, n, hidden)
        last = states[:, -1]
        weights = None
        if self.attention:
            scores = states @ last.unsqueeze(-1) / math.sqrt(states.shape[-1])  # (batch, n, 1)
            weights = scores.squeeze(-1).softmax(dim=-1)  # (batch, n)
            context = (weights.unsqueeze(-1) * states).sum(dim=1)
            last = torch.cat([last, context], dim=-1)
        logits = self.head(last)
        return (logits, weights) if with_weights else logits
