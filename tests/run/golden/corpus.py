"""A frozen corpus for the fingerprint golden test: the constructs chigai's code uses.

Never edit this file: its hash is committed in hashes.json and compared under Python
3.11, 3.12 and 3.13. Docstrings like this one are left out of the hash.
"""

import dataclasses as dc
from collections.abc import Iterable
from typing import Any

LIMIT: int = 10
PAIRS = {"a": (1, 2.5), "b": [None, True, ..., b"x", -3j]}


@dc.dataclass(frozen=True)
class Config:
    """A preset."""

    steps: int = 100
    lrs: tuple[float, ...] = (1e-3, 3e-3)

    def __post_init__(self) -> None:
        if self.steps <= 0:
            raise ValueError(f"steps must be positive, not {self.steps!r:>8}")


class Empty:
    pass


def generic(first, /, second=2, *rest, key: str = "k", **named: Any) -> dict:
    return {"first": first, "second": second, "rest": rest, key: named}


async def pipeline(items: Iterable[int]) -> list[int]:
    async with lock() as held:  # noqa: F821
        return [x async for x in held if x % 2]


def flow(values: list[int]) -> int:
    total = 0
    for index, value in enumerate(values):
        if (double := value * 2) > LIMIT:
            break
        total += double if index else -double
    else:
        total = max(total, 0)
    while total > 100:
        total //= 2
    try:
        total = int(str(total))
    except (ValueError, TypeError) as error:
        raise RuntimeError("bad") from error
    finally:
        del index
    match values:
        case [x, *others] if x:
            return x + len(others)
        case {"k": y}:
            return y
        case Config(steps=s):
            return s
        case _:
            return total


squares = {n: n**2 for n in range(5) if n}
first, *middle, last = [1, 2, 3, 4]
pick = lambda seq, i=0: seq[i:-1:2]  # noqa: E731
text = f"{LIMIT:.2f} {PAIRS['a']=} {'nested' + f'{first}'}tail"
flags = not (first is None or last is not None) and first in {1} and -first < ~last


def outer():
    counter = 0

    def inner():
        nonlocal counter
        global LIMIT
        counter += 1
        yield counter
        yield from range(counter)

    return inner
