"""What the models are made of: parameter counts, and the diagrams drawn from them.

No training: the counts are read from torch's own RNN, GRU and LSTM layers for a few
hidden sizes and checked against the textbook formula, gates × (H·I + H·H + 2H), where
torch keeps two bias vectors per gate. The cell diagrams of the article are drawn from
this result too (chigai.site.figures), so they always name the sizes that were counted.
"""

from dataclasses import dataclass

import torch
from torch import nn

from chigai.experiment import PresetConfig
from chigai.trials import Done

PRESETS = {
    "quick": {"input_size": 10, "hidden_sizes": [16, 64, 256], "seeds": [1]},
    "full": {"input_size": 10, "hidden_sizes": [16, 64, 256], "seeds": [1]},
}
FIGURES = {"unrolled_rnn": "diagram_unrolled_rnn", "lstm_cell": "diagram_lstm_cell"}
ALT = {
    "unrolled_rnn": {
        "ja": "図解。RNN を 4 ステップ分横に並べ、状態が矢印で次へ渡される様子と、"
        "最初の入力の名残が少しずつ薄れていく様子を描いている。",
        "en": "Diagram of an RNN unrolled over four steps: the state is handed on by arrows, "
        "and what is left of the first input shrinks at every step.",
    },
    "lstm_cell": {
        "ja": "図解。LSTM のセルを上を流れるベルトコンベアとして描き、忘却・入力・出力の 3 つの"
        "ゲートがスイッチのように記憶の消去・書き込み・取り出しを決める様子を示す。",
        "en": "Diagram of an LSTM cell as a conveyor belt along the top, with the forget, input "
        "and output gates acting as switches that erase, write and read out the memory.",
    },
}
NAME = {"ja": "パラメータの数", "en": "Parameter counts"}

GATES = {"rnn": 1, "gru": 3, "lstm": 4}
LAYERS = {"rnn": nn.RNN, "gru": nn.GRU, "lstm": nn.LSTM}


@dataclass(frozen=True)
class Config(PresetConfig):
    input_size: int
    hidden_sizes: tuple[int, ...]


def formula(gates: int, inputs: int, hidden: int) -> int:
    return gates * (hidden * inputs + hidden * hidden + 2 * hidden)


def grid(config: Config) -> list[dict]:
    """One point per hidden size; the seeds play no part (nothing is random)."""
    return [{"hidden": hidden} for hidden in config.hidden_sizes]


def trial(config: Config, point: dict, device: torch.device) -> dict:
    """Count each layer's parameters at one hidden size; fail if the formula disagrees."""
    hidden = point["hidden"]
    row = {}
    for name, layer in LAYERS.items():
        counted = sum(p.numel() for p in layer(config.input_size, hidden).parameters())
        if counted != formula(GATES[name], config.input_size, hidden):
            raise RuntimeError(
                f"{name} H={hidden}: torch has {counted} parameters, formula disagrees"
            )
        row[name] = counted
    return row


def summarize(config: Config, done: Done) -> dict:
    rows = [{"hidden": t.point["hidden"], **t.output} for t in done.trials]
    return {
        "input_size": config.input_size,
        "gates": GATES,
        "rows": rows,
        "findings": {
            "lstm_over_rnn": rows[-1]["lstm"] / rows[-1]["rnn"],
            "gru_over_rnn": rows[-1]["gru"] / rows[-1]["rnn"],
        },
    }


def check_trained(data: dict) -> str | None:
    """Nothing trains here: the counts are checked against the formula inside trial()."""
    return None
