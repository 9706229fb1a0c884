"""What the RNN vs LSTM page says, decided once for both languages (chigai.site.words).

One function per experiment id: its result in, a small verdict out. Every word a
sentence chooses is a selector here; every number it quotes is a field. No words, and no
thresholds of our own: each judgement reads a finding (or a rule) the experiment set.

Each experiment's verdict lives in a sibling module (`_adding_problem.py`, ...) and what
two memory tests share in `_common.py`, so that no file grows past a screenful of fields;
this one only names them for the loader.
"""

from ._adding_problem import adding_problem
from ._architecture import architecture
from ._marked_recall import marked_recall
from ._small_data import small_data

__all__ = ["adding_problem", "architecture", "marked_recall", "small_data"]
