"""The Experiment contract and the discovery of experiments/, without importing them.

An experiment is a module `experiments/<article>/<id>.py` with:

- `PRESETS = {"quick": {...}, "full": {...}}`: plain literals, so chigai can read them
  (and fingerprint them) without importing torch;
- `FIGURES = {"<name>": "<figure kind in chigai.site.figures>"}`: the figures its data feeds;
- `Config`: a frozen dataclass subclassing `PresetConfig`, which checks a preset;
- `grid(config) -> list[dict]`: the points it sweeps (e.g. every lag x seed x model), each
  a dict of plain values;
- `trial(config, point, device) -> dict`: train or measure one point, return plain JSON.
  It sees the preset's single-valued settings; the lists (lags, seeds) are emptied in its
  config, because a trial is cached under its own point (chigai.trials) and must not
  depend on the rest of the sweep. It seeds everything it uses from its point;
- `summarize(config, done) -> dict`: all trials (`done.values("mse", lag=10, model="rnn")`)
  turned into plain JSON data with a `findings` dict for the templates;
- optionally `RUN_ALONE = True`: its trials time things, so they run one at a time on an
  otherwise idle machine, after every other trial of the run (with CHIGAI_THREADS
  threads, like every trial, so that their other numbers keep the same bits);
- `check_trained(data) -> str | None`: what "the models trained" means for this
  experiment (usually: the easiest setting was learned by its best model), returning why
  not; a run that did not train is refused like a NaN run, and the old result is kept.

The id is the file name, so `chigai run adding_problem` and `results/adding_problem.*`
can never disagree with the module.
"""

import ast
import dataclasses
import math
import typing
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Self

PRESET_NAMES = ("quick", "full")
LARGEST_INT = 2**31  # sizes and counts past this overflow torch's index types


class ExperimentError(ValueError):
    """A user-fixable problem with an experiment module or a preset."""


@dataclass(frozen=True)
class ExperimentSpec:
    """What chigai knows about an experiment from reading its source."""

    id: str
    article: str
    path: Path
    presets: Mapping[str, Mapping[str, Any]]
    figures: Mapping[str, str]

    def command(self, preset: str = "quick") -> str:
        return f"chigai run {self.id} --preset {preset}"


def find_root(start: Path | None = None) -> Path:
    """The project root: the nearest folder upwards holding mkdocs.yml and experiments/."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "mkdocs.yml").is_file() and (folder / "experiments").is_dir():
            return folder
    raise ExperimentError(f"no chigai project (mkdocs.yml + experiments/) at or above {here}")


def discover(root: Path) -> dict[str, ExperimentSpec]:
    """Every experiment under root/experiments, by id, read statically."""
    specs: dict[str, ExperimentSpec] = {}
    for path in sorted((root / "experiments").glob("*/*.py")):
        if path.name.startswith("_"):
            continue
        spec = read_spec(path)
        if spec.id in specs:
            raise ExperimentError(
                f"{path}: experiment id {spec.id!r} is also used by {specs[spec.id].path}"
            )
        specs[spec.id] = spec
    return specs


def read_spec(path: Path) -> ExperimentSpec:
    try:
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    except SyntaxError as error:
        raise ExperimentError(f"{path}:{error.lineno}: syntax error: {error.msg}") from error
    literals = _top_level_literals(tree, path, ("PRESETS", "FIGURES"))
    presets = literals["PRESETS"]
    if not isinstance(presets, dict) or set(presets) != set(PRESET_NAMES):
        raise ExperimentError(
            f"{path}: PRESETS must be a dict with exactly the keys {PRESET_NAMES}"
        )
    return ExperimentSpec(
        id=path.stem,
        article=path.parent.name,
        path=path,
        presets=presets,
        figures=literals["FIGURES"],
    )


def _top_level_literals(tree: ast.Module, path: Path, names: tuple[str, ...]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target = node.targets[0]
            if isinstance(target, ast.Name) and target.id in names:
                try:
                    found[target.id] = ast.literal_eval(node.value)
                except ValueError as error:
                    raise ExperimentError(
                        f"{path}:{node.lineno}: {target.id} must be a plain literal ({error})"
                    ) from error
    missing = [name for name in names if name not in found]
    if missing:
        raise ExperimentError(f"{path}: missing top-level {', '.join(missing)}")
    return found


@dataclass(frozen=True)
class PresetConfig:
    """Base of every experiment's Config: checked keys, types and signs.

    Every number in a preset is a size, a count, a rate or a seed, so all must be > 0.
    """

    seeds: tuple[int, ...]

    @classmethod
    def from_preset(cls, raw: Mapping[str, Any], *, where: str) -> Self:
        fields = {field.name: field for field in dataclasses.fields(cls)}
        unknown = sorted(set(raw) - set(fields))
        missing = sorted(name for name, f in fields.items() if name not in raw and _required(f))
        if unknown or missing:
            raise ExperimentError(f"{where}: unknown keys {unknown}, missing keys {missing}")
        hints = typing.get_type_hints(cls)
        values = {
            name: _checked(value, hints[name], f"{where}.{name}") for name, value in raw.items()
        }
        return cls(**values)


def _required(field: dataclasses.Field) -> bool:
    return field.default is dataclasses.MISSING and field.default_factory is dataclasses.MISSING


def _checked(value: Any, hint: Any, where: str) -> Any:
    if typing.get_origin(hint) is tuple:
        (item_hint, *_) = typing.get_args(hint)
        if not isinstance(value, (list, tuple)) or not value:
            raise ExperimentError(f"{where}: expected a non-empty list, got {value!r}")
        return tuple(_checked(item, item_hint, f"{where}[{i}]") for i, item in enumerate(value))
    if hint is float and isinstance(value, int) and not isinstance(value, bool):
        value = float(value)
    if not isinstance(value, hint) or isinstance(value, bool) != (hint is bool):
        raise ExperimentError(f"{where}: expected {hint.__name__}, got {value!r}")
    if isinstance(value, (int, float)) and not isinstance(value, bool) and not value > 0:
        raise ExperimentError(f"{where}: must be > 0, got {value!r}")
    if isinstance(value, float) and not math.isfinite(value):
        raise ExperimentError(f"{where}: must be a finite number, got {value!r}")
    if isinstance(value, int) and value >= LARGEST_INT:
        raise ExperimentError(f"{where}: {value} is too large (the limit is {LARGEST_INT - 1:,})")
    return value


def clearly_learned(accuracy: float, chance: float) -> bool:
    """At least halfway from chance to a perfect score: a model that trained."""
    return accuracy >= chance + 0.5 * (1 - chance)
