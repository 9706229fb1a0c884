"""Encoder-decoder LSTMs, with and without additive attention (Bahdanau et al. 2014).

Without attention the decoder sees the source only through the encoder's final state: a
fixed-size bottleneck. With attention, before every output word the decoder scores each
encoder state, e(s, h_j) = vᵀ tanh(W_s s + W_h h_j), and reads their softmax-weighted mix.
Training uses teacher forcing; evaluation decodes greedily and returns the alignments.
"""

import torch
from torch import nn

from chigai.tasks.reversal import START


class Seq2Seq(nn.Module):
    def __init__(self, vocab: int, hidden: int, attention: bool):
        super().__init__()
        self.attention = attention
        self.embed = nn.Embedding(vocab + 1, hidden)  # words 1 … vocab, plus START = 0
        self.encoder = nn.LSTM(hidden, hidden, batch_first=True)
        self.decoder = nn.LSTMCell(2 * hidden if attention else hidden, hidden)
        if attention:
            self.score_state = nn.Linear(hidden, hidden, bias=False)
            self.score_source = nn.Linear(hidden, hidden)
            self.score = nn.Linear(hidden, 1, bias=False)
        self.out = nn.Linear(2 * hidden if attention else hidden, vocab + 1)

    def forward(self, source: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
        """Teacher-forced logits (batch, target_len, vocab + 1)."""
        previous = torch.cat([torch.full_like(target[:, :1], START), target[:, :-1]], dim=1)
        logits, _ = self._decode(source, target.shape[1], previous)
        return logits

    @torch.no_grad()
    def greedy(self, source: torch.Tensor, length: int) -> tuple[torch.Tensor, torch.Tensor | None]:
        """Predicted words (batch, length) and alignments (batch, length, source_len) if any."""
        logits, alignments = self._decode(source, length, None)
        return logits.argmax(dim=-1), alignments

    def _decode(self, source, length, previous):
        encoded, (h, c) = self.encoder(self.embed(source))  # (batch, n, hidden)
        h, c = h[0], c[0]
        keys = self.score_source(encoded) if self.attention else None
        word = torch.full_like(source[:, 0], START)
        logits, alignments = [], []
        for t in range(length):
            if previous is not None:
                word = previous[:, t]
            x = self.embed(word)
            context = None
            if self.attention:
                energy = self.score(
                    torch.tanh(keys + self.score_state(h).unsqueeze(1))
                )  # (batch, n, 1)
                weights = energy.squeeze(-1).softmax(dim=-1)
                context = (weights.unsqueeze(-1) * encoded).sum(dim=1)
                alignments.append(weights)
                x = torch.cat([x, context], dim=-1)
            h, c = self.decoder(x, (h, c))
            step = self.out(torch.cat([h, context], dim=-1) if self.attention else h)
            logits.append(step)
            word = step.argmax(dim=-1)
        stacked = torch.stack(alignments, dim=1) if alignments else None
        return torch.stack(logits, dim=1), stacked
