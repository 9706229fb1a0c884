"""Pages rendered section by section, so one unusable experiment blanks only its part.

A page template is cut at its `## ` headings. Each section is rendered on its own, with
the top-level `{% set %}` lines above it carried along and every other line above it
blanked, so line numbers in errors stay those of the file. An experiment whose result
cannot be used is passed to the template as `Unavailable`: naming it costs nothing, but
using a value from it (printing, comparing, testing, looping) raises
`ExperimentUnavailable`, and only the section that did so is replaced by a notice. A
use that would quietly pick a branch instead (`winner == "lstm"` false, so "a tie") is
the failure this guards against, so every operator raises, and so does every Jinja test
and filter handed one (`is none` is Python's `is`, which no operator can catch).
"""

import functools
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass

_SET_LINE = re.compile(r"^\{%-?\s*set\s.*%\}\s*$")


class ExperimentUnavailable(Exception):
    """A section used a value of an experiment that has no usable result."""

    def __init__(self, experiment: str, reason: str):
        self.experiment, self.reason = experiment, reason
        super().__init__(f"{experiment}: {reason}")


class Unavailable:
    """Stands in for a missing result: any attribute is itself, any use raises."""

    def __init__(self, experiment: str, reason: str):
        self._experiment, self._reason = experiment, reason

    def __getattr__(self, name: str) -> "Unavailable":
        if name.startswith("__"):
            raise AttributeError(name)
        return self

    def __getitem__(self, key: object) -> "Unavailable":
        return self

    def __repr__(self) -> str:
        return f"Unavailable({self._experiment!r})"

    def _raise(self, *args: object, **kwargs: object):
        raise ExperimentUnavailable(self._experiment, self._reason)

    __str__ = __format__ = __bool__ = __iter__ = __len__ = __float__ = __int__ = _raise
    __eq__ = __ne__ = __lt__ = __le__ = __gt__ = __ge__ = __hash__ = __index__ = _raise
    __add__ = __radd__ = __sub__ = __rsub__ = __mul__ = __rmul__ = __pow__ = __rpow__ = _raise
    __truediv__ = __rtruediv__ = __floordiv__ = __rfloordiv__ = __mod__ = __rmod__ = _raise
    __neg__ = __pos__ = __abs__ = __round__ = __contains__ = __call__ = _raise

    @staticmethod
    def refuse_in(functions: Mapping[str, Callable]) -> dict[str, Callable]:
        """Jinja tests or filters (`environment.tests`) that raise when handed one, so
        `is none`, `is defined` and `| default` cannot answer for a missing result."""
        return {name: _refusing(function) for name, function in functions.items()}


def _refusing(function: Callable) -> Callable:
    @functools.wraps(function)  # keeps Jinja's pass_context marks
    def refusing(*args: object, **kwargs: object) -> object:
        for value in (*args, *kwargs.values()):
            if isinstance(value, Unavailable):
                value._raise()
        return function(*args, **kwargs)

    return refusing


@dataclass(frozen=True)
class Section:
    heading: str  # the `## ` line, or the page's `# ` title for the part above the first one
    source: str  # the section, padded so that its lines keep their numbers in the file


def sections(template: str) -> Iterator[Section]:
    lines = template.split("\n")
    starts = [0] + [i for i, line in enumerate(lines) if line.startswith("## ")]
    ends = [*starts[1:], len(lines)]
    for start, end in zip(starts, ends, strict=True):
        above = [line if _SET_LINE.match(line) else "" for line in lines[:start]]
        part = lines[start:end]
        heading = next((line for line in part if line.startswith("#")), "")
        yield Section(heading, "\n".join(above + part))
