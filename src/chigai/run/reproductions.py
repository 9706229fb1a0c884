"""Reproductions: result files of a rerun made elsewhere, kept beside the published ones.

    reproductions/<name>/<experiment>.<preset>.json

Each file is a result file exactly as `chigai run` wrote it on that machine, with its own
provenance (CPU or GPU model, threads, torch); `<name>` says where it was made
(`intel-xeon-1-thread`, from the provenance, unless given). results/ is never touched:
the pages keep printing the published numbers, and a reproduction is evidence beside
them. One made by the same code as the published result (same fingerprint) is compared
verdict by verdict (chigai.run.verdicts); one made by other code is listed, not compared,
since its numbers may differ for reasons other than the machine.
"""

import re
from dataclasses import dataclass
from pathlib import Path

from chigai.experiment import PRESET_NAMES
from chigai.run.atomic import write_atomically
from chigai.run.results import Result, ResultError, load_result, result_path
from chigai.run.verdicts import Leaf, changed_verdicts

FOLDER = "reproductions"
_NAME = re.compile(r"[a-z0-9][a-z0-9._-]{0,63}")  # a folder name on every OS, never `..`
_FILE = re.compile(r"(?P<experiment>[A-Za-z0-9_]+)\.(?P<preset>[a-z]+)\.json")
# Trademark signs and words that name no model: 'Intel(R) Xeon(R) CPU @ 2.20GHz' is an
# Intel Xeon, 'AMD EPYC 7B13 64-Core Processor' an AMD EPYC 7B13 64-Core.
_NOISE = re.compile(r"\((R|TM|tm)\)|[®™]|\bProcessor\b|\bCPU\b|@\s*\S+")


@dataclass(frozen=True)
class Reproduction:
    """A stored rerun, and the published result of the same experiment and preset."""

    name: str  # its folder under reproductions/
    result: Result
    published: Result | None  # None: results/ holds no usable file to compare with

    @property
    def same_code(self) -> bool:
        return self.published is not None and self.published.fingerprint == self.result.fingerprint

    @property
    def changed(self) -> dict[str, tuple[Leaf, Leaf]]:
        """path -> (published, reproduced) for each verdict that did not hold (same code only)."""
        if not self.same_code:
            raise ValueError(
                f"{self.result.path}: made by other code, its verdicts are not compared"
            )
        return changed_verdicts(self.published.findings, self.result.findings)


def machine(provenance: dict) -> tuple[str, int | None]:
    """(model, threads) as a person names a machine: ('Intel Xeon', 1), or a GPU's model
    with None (its CPU threads do not make its numbers)."""
    device = str(provenance.get("device", ""))
    if provenance.get("device_kind") == "cuda" or device.startswith("cuda"):
        return _plain(device.removeprefix("cuda").strip(" ()")) or "GPU", None
    model = _plain(str(provenance.get("cpu") or device.partition("(")[2].partition(",")[0]))
    threads = provenance.get("threads")
    if not isinstance(threads, int):  # older results say it in the device only
        said = re.search(r"(\d+) threads?\)", device)
        threads = int(said[1]) if said else None
    return model or "CPU", threads


def derived_name(provenance: dict) -> str:
    """A folder name from where a result was made: `intel-xeon-1-thread`, `nvidia-h100`."""
    model, threads = machine(provenance)
    words = [model] + ([f"{threads} thread{'' if threads == 1 else 's'}"] if threads else [])
    return re.sub(r"[^a-z0-9]+", "-", " ".join(words).lower()).strip("-")[:64] or "elsewhere"


def _plain(model: str) -> str:
    return " ".join(_NOISE.sub(" ", model).split())


def _identify(path: Path, experiments: set[str]) -> tuple[str, str]:
    named = _FILE.fullmatch(path.name)
    if not named or named["preset"] not in PRESET_NAMES or named["experiment"] not in experiments:
        raise ResultError(
            f"{path}: not named <experiment>.<preset>.json for an experiment of this project "
            f"and a preset ({', '.join(PRESET_NAMES)}); `chigai list` shows the experiments"
        )
    return named["experiment"], named["preset"]


def add(root: Path, folder: Path, experiments: set[str], name: str | None = None) -> list[Path]:
    """Copy every result file of `folder` into reproductions/<name>/; the stored paths.

    Every file is validated before any is written, so a corrupt one (named in a one-line
    ResultError) adds nothing. Without `name`, each file goes under the name its own
    provenance gives. A file already stored under that name and file name is replaced.
    """
    if name is not None and not _NAME.fullmatch(name):
        raise ValueError(
            f"--name {name!r}: use lowercase letters, digits, '.', '_' and '-' (up to 64), "
            f"e.g. intel-xeon-1-thread"
        )
    files = sorted(folder.glob("*.json")) if folder.is_dir() else []
    if not files:
        raise ValueError(f"{folder}: no result files (*.json) there; nothing was added")
    checked = []
    for path in files:
        try:
            experiment, preset = _identify(path, experiments)
            result = load_result(path, experiment=experiment, preset=preset)
        except ResultError as error:
            raise ResultError(f"{_without_advice(error)}; nothing was added") from None
        checked.append((path, name or derived_name(result.provenance)))
    stored = []
    for path, folder_name in checked:
        target = root / FOLDER / folder_name / path.name
        write_atomically(target, path.read_bytes())  # the bytes `chigai run` wrote there
        stored.append(target)
    return stored


def load(root: Path, experiments: set[str]) -> tuple[list[Reproduction], list[str]]:
    """Every stored reproduction, and a one-line problem for each file that cannot be used."""
    found, problems = [], []
    for path in sorted((root / FOLDER).glob("*/*.json")):
        try:
            if not _NAME.fullmatch(path.parent.name):  # it becomes a page's anchor
                raise ResultError(f"{path}: its folder is not named like {_NAME.pattern}")
            experiment, preset = _identify(path, experiments)
            result = load_result(path, experiment=experiment, preset=preset)
        except ResultError as error:
            problems.append(
                f"{_without_advice(error)}; this reproduction is left out: replace it "
                f"(`chigai reproductions add`) or delete it"
            )
            continue
        published_path = result_path(root, experiment, preset)
        try:
            published = load_result(published_path, experiment=experiment, preset=preset)
        except ResultError:  # missing or broken: `chigai status` names it
            published = None
        found.append(Reproduction(path.parent.name, result, published))
    return found, problems


def _without_advice(error: ResultError) -> str:
    """A ResultError without its advice to rerun here: a reproduction was made elsewhere."""
    return str(error).split("; refresh it with")[0]


def describe(reproduction: Reproduction) -> str:
    """One line for a terminal: did every verdict hold?"""
    if reproduction.published is None:
        return "no published result to compare with"
    if not reproduction.same_code:
        return "made by other code, not compared"
    changed = reproduction.changed
    if not changed:
        return "every verdict held"
    shown = ", ".join(
        f"{path.removeprefix('findings.')} ({_word(a)} -> {_word(b)})"
        for path, (a, b) in changed.items()
    )
    return f"{len(changed)} verdict{'s' if len(changed) > 1 else ''} changed: {shown}"


def _word(value: Leaf) -> str:
    return repr(value) if isinstance(value, str) else str(value)
