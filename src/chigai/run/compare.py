"""Two sets of results side by side: which verdicts changed and which numbers moved.

A rerun on another machine, with another thread count or on a GPU moves numbers a little
and may flip a finding at its threshold. This reads two result sets (a folder, or the
`results/` of a git revision), pairs their files by experiment and preset, and says per
pair which verdicts changed (chigai.run.verdicts) and which numbers moved beyond the
tolerance of their kind (TOLERANCES). What a reader would see change on the pages is
chigai.site.compare's part.
"""

import re
import subprocess
import tempfile
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from chigai.experiment import PRESET_NAMES
from chigai.run.results import Result, ResultError, load_result
from chigai.run.verdicts import Leaf, changed_verdicts, is_verdict, leaves

Key = tuple[str, str]  # (experiment, preset)
OLD_FINGERPRINTS = "db72c93"  # the commit that restamped every result in a new serialisation
_WALL_CLOCK = {"time", "times", "ms", "seconds", "s", "duration"}
_RELATIVE = {"ratio", "over", "gap", "factor", "exponent", "exponents", "gradient", "mse", "loss"}


def _words(path: str) -> set[str]:
    return set(re.split(r"[^a-z0-9]+", path.lower()))


@dataclass(frozen=True)
class Tolerance:
    """How far a number of one kind may move before it counts as moved."""

    kind: str
    keys: str  # which findings are of this kind, in words
    absolute: float
    relative: float
    applies: Callable[[str, float, float], bool]

    def moved(self, a: float, b: float) -> bool:
        slack = self.absolute + self.relative * max(abs(a), abs(b))
        return abs(a - b) > slack + 1e-12  # 0.50 -> 0.52 is within 2 points, rounding aside

    def said(self) -> str:
        return f"±{self.absolute:g} absolute" if self.absolute else f"±{self.relative:.0%} relative"


# The first row that applies decides; wall-clock numbers come first because a time ratio
# or a time fit's r² moves with the machine's load, not with what the models learned.
TOLERANCES = (
    Tolerance(
        "wall-clock time",
        "a word of its key is time, times, ms, seconds, s or duration "
        "(step_time, time_ratio, time_fit.r2, duration_s)",
        0.0,
        0.25,
        lambda path, a, b: bool(_words(path) & _WALL_CLOCK),
    ),
    Tolerance(
        "ratio, loss or gradient",
        "a word of its key is ratio, over, gap, factor, exponent(s), gradient, mse or loss",
        0.0,
        0.10,
        lambda path, a, b: bool(_words(path) & _RELATIVE),
    ),
    Tolerance(
        "accuracy or share",
        "any other number within [0, 1] on both sides (2 points)",
        0.02,
        0.0,
        lambda path, a, b: 0 <= a <= 1 and 0 <= b <= 1,
    ),
    Tolerance("other number", "everything else", 0.0, 0.10, lambda path, a, b: True),
)


def tolerance_for(path: str, a: float, b: float) -> Tolerance:
    return next(rule for rule in TOLERANCES if rule.applies(path, a, b))


def tolerance_table() -> str:
    """The rules as --help prints them, one row each, keys wrapped under their column."""
    width = max(len(rule.kind) for rule in TOLERANCES)
    rows = []
    for rule in TOLERANCES:
        head = f"  {rule.kind:{width}}  {rule.said():14}  "
        keys = textwrap.wrap(rule.keys, 88 - len(head))
        rows += [head + keys[0], *(" " * len(head) + line for line in keys[1:])]
    return "\n".join(rows)


@dataclass(frozen=True)
class Moved:
    path: str
    before: float
    after: float
    tolerance: Tolerance


@dataclass(frozen=True)
class Pair:
    """One experiment x preset on both sides."""

    before: Result
    after: Result
    verdicts: dict[str, tuple[Leaf, Leaf]]
    moved: list[Moved]  # beyond their tolerance
    within: int  # numbers that moved, but within their tolerance

    @property
    def key(self) -> Key:
        return self.before.experiment, self.before.preset

    @property
    def same_code(self) -> bool:
        return self.before.fingerprint == self.after.fingerprint

    @property
    def code_note(self) -> str:
        """'' when both sides were made by the same code."""
        before = f"a fingerprint from before {OLD_FINGERPRINTS}"
        return "" if self.same_code else f"fingerprints differ (other code, or {before})"

    @property
    def identical(self) -> bool:
        return self.before.to_json() == self.after.to_json()


def pair(before: Result, after: Result) -> Pair:
    """The verdicts that changed, and the numbers that moved (floats on both sides)."""
    theirs = leaves(after.findings)
    moved, within = [], 0
    for path, a in leaves(before.findings).items():
        b = theirs.get(path)
        if is_verdict(a) or is_verdict(b) or a == b:
            continue
        rule = tolerance_for(path, a, b)
        if rule.moved(a, b):
            moved.append(Moved(path, a, b, rule))
        else:
            within += 1
    return Pair(before, after, changed_verdicts(before.findings, after.findings), moved, within)


@dataclass(frozen=True)
class Side:
    label: str  # how the output names it: `results/`, a folder, `HEAD~3:results/`
    results: dict[Key, Result]
    revision: bool = False  # read from git: the past, so it is the "before" side


class CompareError(ValueError):
    """OTHER cannot be read; the message says what it is and what was expected."""


def read_folder(folder: Path, label: str | None = None) -> Side:
    """Every `<experiment>.<preset>.json` of a results folder (or a project's results/),
    validated like any result file; other files are not results and are left alone."""
    if (folder / "results").is_dir():
        folder = folder / "results"
    results = {}
    for path in sorted(folder.glob("*.json")):
        key = _key(path.name)
        if key:
            results[key] = load_result(path, experiment=key[0], preset=key[1])
    return Side(label or f"{folder}/", results)


def read_revision(root: Path, revision: str) -> Side:
    """The results/ committed at a git revision, read with `git show`; a broken file is
    named as `REV:results/<file>`."""
    listed = _git(root, "ls-tree", "--name-only", "-z", revision, "--", "results/")
    names = listed.decode().split("\0")
    label = f"{revision}:results/"
    with tempfile.TemporaryDirectory(prefix="chigai-compare-") as scratch:
        for name in (Path(name).name for name in names if name):
            if _key(name):
                (Path(scratch) / name).write_bytes(
                    _git(root, "show", f"{revision}:./results/{name}")
                )
        try:
            return Side(label, read_folder(Path(scratch)).results, revision=True)
        except ResultError as error:
            raise ResultError(str(error).replace(f"{scratch}/", label)) from error


def read_other(root: Path, other: str) -> Side:
    """OTHER as a folder when one is there, else as a git revision of this checkout."""
    folder = Path(other)
    if folder.is_dir():
        side = read_folder(folder, other.rstrip("/") + "/")
        if not side.results:
            raise CompareError(
                f"{other}: holds no result files (<experiment>.<preset>.json); give the "
                f"folder a rerun wrote them to (its results/, or the project above it)"
            )
        return side
    try:
        _git(root, "rev-parse", "--verify", "--quiet", f"{other}^{{commit}}")
    except CompareError:
        raise CompareError(
            f"{other}: neither a folder nor a git revision of {root}; give a folder of "
            f"result files or a revision such as HEAD~3"
        ) from None
    return read_revision(root, other)


def _key(name: str) -> Key | None:
    experiment, _, preset = name.removesuffix(".json").rpartition(".")
    return (experiment, preset) if name.endswith(".json") and preset in PRESET_NAMES else None


def _git(root: Path, *args: str) -> bytes:
    try:
        done = subprocess.run(["git", "-C", str(root), *args], capture_output=True, check=True)
    except (OSError, subprocess.CalledProcessError) as error:
        raise CompareError(f"git {' '.join(args)} failed in {root}") from error
    return done.stdout


def pairs(before: Side, after: Side) -> tuple[list[Pair], dict[Key, str]]:
    """The pairs on both sides, and each key on one side only with the side's label."""
    both = [
        pair(before.results[key], after.results[key])
        for key in sorted(before.results)
        if key in after.results
    ]
    alone = {
        key: side.label
        for side, other in ((before, after), (after, before))
        for key in side.results
        if key not in other.results
    }
    return both, dict(sorted(alone.items()))


def number(value: Leaf) -> str:
    return f"{value:.4g}" if isinstance(value, float) else str(value)
