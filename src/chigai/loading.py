"""Loading an experiment module and checking a preset against its Config.

The only place that imports experiment modules (and so torch): the runner and the trial
workers both load experiments through it.
"""

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

from chigai.experiment import ExperimentError, ExperimentSpec, PresetConfig

REQUIRED = ("grid", "trial", "summarize", "check_trained")


def load_module(path: Path, article: str) -> ModuleType:
    """Import an experiment; its folder and experiments/ are on the path for helpers.

    Appended, not prepended: an experiment file named like a library module must not
    shadow that module for the rest of the process.
    """
    name = f"chigai_experiments.{article}.{path.stem}"
    for folder in (path.parent, path.parent.parent):
        if str(folder) not in sys.path:
            sys.path.append(str(folder))
    module_spec = importlib.util.spec_from_file_location(name, path)
    if module_spec is None or module_spec.loader is None:
        raise ExperimentError(f"{path}: cannot be imported")
    module = importlib.util.module_from_spec(module_spec)
    module_spec.loader.exec_module(module)
    missing = [name for name in REQUIRED if not callable(getattr(module, name, None))]
    if missing:
        raise ExperimentError(
            f"{path}: needs {', '.join(missing)} (see the contract in chigai/experiment.py)"
        )
    return module


def load_config(path: Path, module: ModuleType, presets: dict, preset: str) -> PresetConfig:
    if preset not in presets:
        raise ExperimentError(
            f"unknown preset {preset!r} for {path.stem}: use one of {', '.join(presets)}"
        )
    config_class = getattr(module, "Config", None)
    if not (isinstance(config_class, type) and issubclass(config_class, PresetConfig)):
        raise ExperimentError(f"{path}: needs a `Config` dataclass subclassing PresetConfig")
    return config_class.from_preset(presets[preset], where=f"{path} PRESETS[{preset!r}]")


def prepare(spec: ExperimentSpec, preset: str) -> tuple[ModuleType, PresetConfig]:
    """Import an experiment and check its preset; raises ExperimentError naming the key."""
    module = load_module(spec.path, spec.article)
    return module, load_config(spec.path, module, dict(spec.presets), preset)
