"""architecture: weights per layer, what the gates cost."""

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Architecture:
    """Weights per layer: what the gates cost."""

    input_size: int
    largest_hidden: int
    lstm_ratio: float  # LSTM layer's weights over the RNN layer's
    gru_ratio: float
    rows: list[dict[str, Any]]


def architecture(result: Any) -> Architecture:
    data, found = result.data, result.findings
    return Architecture(
        input_size=data["input_size"],
        largest_hidden=data["rows"][-1]["hidden"],
        lstm_ratio=found["lstm_over_rnn"],
        gru_ratio=found["gru_over_rnn"],
        rows=data["rows"],
    )
