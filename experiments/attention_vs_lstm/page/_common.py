"""Helpers the verdicts of several experiments share: a seed range as the page quotes it."""


def low(values: list[float]) -> float:
    """The worst seed's score, the left end of a range."""
    return min(values)


def high(values: list[float]) -> float:
    """The best seed's score, the right end of a range."""
    return max(values)
