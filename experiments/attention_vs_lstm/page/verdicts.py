"""What the Attention vs LSTM page says, decided once for both languages (chigai.site.words).

One function per experiment id: its result in, a small verdict out. Every word a
sentence chooses is a selector here; every number it quotes is a field. No words, and
no thresholds of our own: each judgement is a finding the experiment made.

Each experiment's verdict lives in a sibling module (`_far_recall.py`, ...) so that no
file grows past a screenful of fields; this one only names them for the loader.
"""

from ._compute_cost import compute_cost
from ._data_efficiency import data_efficiency
from ._far_recall import far_recall
from ._heads_layers import heads_layers
from ._parity import length_generalisation
from ._seq2seq import seq2seq_reversal

__all__ = [
    "compute_cost",
    "data_efficiency",
    "far_recall",
    "heads_layers",
    "length_generalisation",
    "seq2seq_reversal",
]
