"""What the GRU vs LSTM page says, decided once for both languages (chigai.site.words).

One function per experiment id: its result in, a small verdict out. Every word a
sentence chooses is a selector here; every number it quotes is a field. Table cells that
name a winner use the models' own names (GRU, LSTM, NFG...) or "–", the same in both
languages. Every judgement comes from a finding the experiment computed.

Each experiment's verdict lives in a sibling module (`_step_cost.py`, ...) so that no
file grows past a screenful of fields; this one only names them for the loader.
"""

from ._bach_chorales import bach_chorales
from ._counting import counting_anbn
from ._gate_ablations import gate_ablations
from ._long_memory import long_memory
from ._step_cost import step_cost

__all__ = ["bach_chorales", "counting_anbn", "gate_ablations", "long_memory", "step_cost"]
