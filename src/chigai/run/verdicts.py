"""Findings as leaves, and which of them two results disagree on.

A result's `findings` hold verdicts (booleans, words such as "agrees", counts such as the
seeds that solved a lag, lists of lags) and measured numbers (floats: ratios, times). Two
runs of the same code on other machines may move a number a little; a verdict that differs
is what a reader would see change. Both `chigai compare` and the reproductions shown on the
site use this one definition.
"""

from typing import Any

Leaf = bool | int | float | str | None


def leaves(value: Any, path: str = "findings") -> dict[str, Leaf]:
    """Every leaf of a findings tree by its path: `findings.solved_seeds.lstm[2]`."""
    if isinstance(value, dict):
        found: dict[str, Leaf] = {}
        for key, item in value.items():
            found |= leaves(item, f"{path}.{key}")
        return found
    if isinstance(value, list):
        found = {}
        for index, item in enumerate(value):
            found |= leaves(item, f"{path}[{index}]")
        return found
    return {path: value}


def is_verdict(value: Leaf) -> bool:
    """Words, yes/no, counts and the absence of a value are verdicts; floats are numbers."""
    return not isinstance(value, float)


def changed_verdicts(ours: dict[str, Any], theirs: dict[str, Any]) -> dict[str, tuple[Leaf, Leaf]]:
    """path -> (ours, theirs) for every verdict that is not the same on both sides.

    A leaf present on one side only counts as changed (MISSING stands for the other side),
    and so does a leaf that is a verdict on one side and a number on the other.
    """
    mine, other = leaves(ours), leaves(theirs)
    changed: dict[str, tuple[Leaf, Leaf]] = {}
    for path in sorted(mine.keys() | other.keys(), key=_natural):
        a, b = mine.get(path, MISSING), other.get(path, MISSING)
        verdict = a is MISSING or b is MISSING or is_verdict(a) or is_verdict(b)
        if verdict and (a != b or type(a) is not type(b)):  # True == 1, yet it changed
            changed[path] = (a, b)
    return changed


class _Missing:
    def __repr__(self) -> str:
        return "(absent)"


MISSING: Any = _Missing()


def _natural(path: str) -> tuple[str, ...]:
    return tuple(path.replace("[", ".[").split("."))
