"""What the verdicts of several experiments share: the table cell for "neither is clearly
ahead" and the paper's three verdicts."""

from typing import Literal

TIE = "–"  # a table cell: neither is clearly ahead
Paper = Literal["agrees", "partly", "disagrees"]
