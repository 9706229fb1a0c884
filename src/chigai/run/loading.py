"""Finding and loading experiment modules, and checking a preset against its Config.

The only place that imports experiment modules (and so torch): the runner and the trial
workers both load experiments through it. Checks that need no change to what a trial
computes live here rather than in chigai.experiment, whose every edit stales results: a
readable message for a preset written as an expression, and a refusal of a preset whose
trials could not fit in this machine's memory.
"""

import ast
import dataclasses
import importlib.util
import os
import sys
from pathlib import Path
from types import ModuleType

from chigai import experiment
from chigai.experiment import ExperimentError, ExperimentSpec, PresetConfig

REQUIRED = ("grid", "trial", "summarize", "check_trained")
LITERALS = ("PRESETS", "FIGURES")  # read without running the file (chigai.experiment)


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
    where = f"{path} PRESETS[{preset!r}]"
    config = config_class.from_preset(presets[preset], where=where)
    check_memory(config, where)
    return config


def prepare(spec: ExperimentSpec, preset: str) -> tuple[ModuleType, PresetConfig]:
    """Import an experiment and check its preset; raises ExperimentError naming the key."""
    module = load_module(spec.path, spec.article)
    return module, load_config(spec.path, module, dict(spec.presets), preset)


def discover(root: Path) -> dict[str, ExperimentSpec]:
    """Every experiment (chigai.experiment.discover); a preset written as an expression
    (`steps = 10 * 5`) is named with its own text instead of Python's `<ast.BinOp …>`."""
    try:
        return experiment.discover(root)
    except ExperimentError as error:
        for path in sorted((root / "experiments").glob("*/[!_]*.py")):
            problem = _expression_in_literals(path)
            if problem:
                raise ExperimentError(problem) from error
        raise


def runs_alone(path: Path) -> bool:
    """Whether an experiment declares `RUN_ALONE = True`, read without importing it (the
    CLI says so before torch loads; the runner reads the same attribute once imported)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return any(
        isinstance(node, ast.Assign)
        and [getattr(target, "id", None) for target in node.targets] == ["RUN_ALONE"]
        and isinstance(node.value, ast.Constant)
        and node.value.value is True
        for node in tree.body
    )


def _expression_in_literals(path: Path) -> str | None:
    try:
        source = path.read_text(encoding="utf-8")
        tree = ast.parse(source)
    except (OSError, SyntaxError, UnicodeDecodeError):
        return None  # chigai.experiment's own message says what is wrong
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            name = getattr(node.targets[0], "id", None)
            found = _expression(node.value, name) if name in LITERALS else None
            if found:
                where, bad = found
                text = ast.get_source_segment(source, bad) or ast.unparse(bad)
                return (
                    f"{path}:{bad.lineno}: {where} is the expression `{text}`, but {name} must "
                    "be plain literals (chigai reads it without running the file): write the "
                    "value itself"
                )
    return None


def _expression(node: ast.expr, where: str) -> tuple[str, ast.expr] | None:
    """The first part of a would-be literal that is an expression, and where it sits."""
    if isinstance(node, ast.Dict):
        for key, value in zip(node.keys, node.values, strict=True):
            if key is None:  # {**other}
                return where, value
            found = _expression(key, f"a key of {where}") or _expression(
                value, f"{where}[{ast.unparse(key)}]"
            )
            if found:
                return found
        return None
    if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
        parts = (_expression(item, f"{where}[{i}]") for i, item in enumerate(node.elts))
        return next((found for found in parts if found), None)
    try:
        ast.literal_eval(node)
    except (ValueError, TypeError, SyntaxError, RecursionError):
        return where, node
    return None


# What a trial allocates at least, from sizes every training preset has: train() draws
# all its minibatch indices before the loop (int64), and a recurrent layer keeps about
# this many float32 values per step, example and unit for the backward pass.
SEQUENCE_KEYS = ("lags", "lengths", "length", "lag", "max_length", "positions", "probe_length")
WIDTH_KEYS = ("hidden_size", "hidden_sizes", "d_model", "widths", "lstm_width")
SAVED_PER_UNIT = 8 * 4  # gates and states, float32


def check_memory(config: PresetConfig, where: str) -> None:
    """Refuse a preset whose trials need more memory than this machine has, naming the
    keys to lower, before any trial runs (instead of every trial failing with torch's
    "can't allocate N bytes")."""
    available = memory_bytes()
    if available is None:
        return
    values = {f.name: getattr(config, f.name) for f in dataclasses.fields(config)}
    for need, what, keys in _needs(values):
        if need > available:
            raise ExperimentError(
                f"{where}: a trial would need at least {_size(need)} for {what}, more than "
                f"the {_size(available)} of memory here; lower {' or '.join(keys)}"
            )


def _needs(values: dict) -> list[tuple[int, str, tuple[str, ...]]]:
    def largest(keys: tuple[str, ...]) -> tuple[int, str | None]:
        found = [(max(v) if isinstance(v, tuple) else v, k) for k in keys if (v := values.get(k))]
        return max(found, default=(0, None))

    needs = []
    steps, batch = values.get("steps"), values.get("batch_size")
    if isinstance(steps, int) and isinstance(batch, int):
        what = f"its minibatch indices (steps × batch_size = {steps:,} × {batch:,} × 8 bytes)"
        needs.append((steps * batch * 8, what, ("steps", "batch_size")))
    (length, length_key), (width, width_key) = largest(SEQUENCE_KEYS), largest(WIDTH_KEYS)
    if isinstance(batch, int) and length_key and width_key:
        what = (
            f"what one minibatch keeps for backpropagation ({batch:,} × {length:,} "
            f"{length_key} × {width:,} {width_key} × {SAVED_PER_UNIT} bytes)"
        )
        needs.append((batch * length * width * SAVED_PER_UNIT, what, (length_key, width_key)))
    return needs


def memory_bytes() -> int | None:
    """This machine's memory, or its container's limit when lower; None where unknown."""
    try:
        total = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (AttributeError, ValueError, OSError):  # Windows
        return None
    try:
        limit = Path("/sys/fs/cgroup/memory.max").read_text().strip()
    except OSError:
        return total
    return min(total, int(limit)) if limit.isdigit() else total


def _size(count: int) -> str:
    return f"{count / 1e9:,.1f} GB"
