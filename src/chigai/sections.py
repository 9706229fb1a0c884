"""Pages rendered section by section, so one unusable experiment blanks only its part.

A page template is cut at its `## ` headings. Each section is rendered on its own, with
the top-level `{% set %}` lines above it carried along and every other line above it
blanked, so line numbers in errors stay those of the file. An experiment whose result
cannot be used is passed to the template as `Unavailable`: naming it costs nothing, but
using a value from it (printing, comparing, testing, looping) raises
`ExperimentUnavailable`, and only the section that did so is replaced by a notice.
"""

import re
from collections.abc import Iterator
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

    def _raise(self, *args: object, **kwargs: object):
        raise ExperimentUnavailable(self._experiment, self._reason)

    __str__ = __format__ = __bool__ = __iter__ = __len__ = __float__ = __int__ = _raise
    __lt__ = __le__ = __gt__ = __ge__ = __add__ = __radd__ = __sub__ = __rsub__ = _raise
    __mul__ = __rmul__ = __truediv__ = __rtruediv__ = __neg__ = __round__ = _raise
    __contains__ = __call__ = _raise


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
