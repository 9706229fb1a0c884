"""Code fingerprints: which code a result depends on, hashed (as joblib does).

A result depends on its experiment module (presets included), the preset it ran, the
helper modules of experiments/ it imports, and every chigai module it imports, followed
transitively. Every chigai module counts as *compute* unless `NOT_COMPUTE` lists it with
a reason: a forgotten module stales results (safe) instead of silently not counting.
Presentation (figures, labels, templates, site) and bookkeeping (running, storing,
checking) are listed there: restyling a plot must re-render in seconds, never retrain.

What is hashed is the code's syntax tree without docstrings, not its text: comments,
docstrings and formatting cannot change what a run computes, so editing them keeps an
hour-long full result fresh; nor can an experiment's `ALT` and `NAME` (the words readers
see, chigai.site.presentation), which are left out too. Imports are read from the AST, so
computing a fingerprint imports nothing (no torch on a build where nothing is stale).
"""

import ast
import functools
import hashlib
import json
from pathlib import Path

import chigai
from chigai.experiment import ExperimentSpec
from chigai.run.syntax import canonical, without_docstrings

PACKAGE_DIR = Path(chigai.__file__).parent
# Top-level literals of an experiment that only readers see (chigai.site.presentation reads
# them): never hashed, so rewording alt text or a name costs no rerun.
PRESENTATION_NAMES = ("ALT", "NAME")
# Where the computing lives. Listing a package here documents it; leaving a new module
# out of both lists still makes it compute (tests/test_fingerprint.py asks to list it).
COMPUTE_PACKAGES = (
    "chigai.costs",
    "chigai.experiment",
    "chigai.lr_search",
    "chigai.models",
    "chigai.paired",
    "chigai.probes",
    "chigai.seeds",
    "chigai.stopping",
    "chigai.streams",
    "chigai.tasks",
    "chigai.training",
    "chigai.tuning",
)
# Modules (and packages) that cannot change what an experiment computes, and why.
NOT_COMPUTE = {
    "chigai": "package docstring only",
    "chigai.run": "bookkeeping: runs, caches, stores, checks; trial() computes",
    "chigai.site": "presentation: pages, figures, the MkDocs plugin, `chigai new`",
    "chigai.cli": "bookkeeping: the command line",
    "chigai.device": "bookkeeping: picks the device and thread count, recorded in provenance",
    "chigai.trials": "experiment API: finished trials for summarize(); unhashed, as before the"
    " trial cache moved out of it to chigai.run.cache",
}


def fingerprint(spec: ExperimentSpec, preset: str) -> str:
    """What a result depends on: the code and the preset."""
    digest = hashlib.sha256()
    config = {"preset": preset, "config": spec.presets[preset]}
    digest.update(json.dumps(config, sort_keys=True).encode())
    _add_code(digest, spec)
    return digest.hexdigest()[:16]


def code_fingerprint(spec: ExperimentSpec) -> str:
    """What a trial depends on besides its own settings: the code `trial` runs (chigai.trials).

    Only what `trial` reaches counts, so a changed summary, finding or grid re-summarizes
    the cached trials in seconds instead of retraining them.
    """
    digest = hashlib.sha256()
    _add_sources(digest, trial_sources(spec.path))
    return digest.hexdigest()[:16]


def _add_code(digest: "hashlib._Hash", spec: ExperimentSpec) -> None:
    _add_sources(digest, code_sources(spec.path))


def _add_sources(digest: "hashlib._Hash", sources: dict[str, str]) -> None:
    for name, code in sorted(sources.items()):
        digest.update(f"\0{name}\0".encode())
        digest.update(code.encode())


def trial_sources(experiment: Path) -> dict[str, str]:
    """Like `code_sources`, for the part of the experiment that `trial` reaches by name.

    The experiment's top-level statements are followed from `trial` through the names
    they use (functions, classes, constants, imports); the helper and compute modules
    are those that the statements reached import, in full.
    """
    reached = ast.unparse(_reached(ast.parse(experiment.read_text(encoding="utf-8")), "trial"))
    sources = {f"experiment:{experiment.stem}": normalized(reached)}
    for helper in _experiment_helpers(reached, experiment.parent):
        sources |= {f"helper:{helper.stem}": normalized(helper.read_text(encoding="utf-8"))}
        sources |= compute_sources(helper.read_text(encoding="utf-8"))
    return sources | compute_sources(reached)


def _reached(tree: ast.Module, start: str) -> ast.Module:
    """The module's top-level statements that `start` uses, directly or through others."""
    defining: dict[str, list[ast.stmt]] = {}
    for node in tree.body:
        for name in _defined_names(node):
            defining.setdefault(name, []).append(node)
    kept: list[ast.stmt] = []
    pending, seen = [start], set()
    while pending:
        name = pending.pop()
        if name in seen:
            continue
        seen.add(name)
        for node in defining.get(name, []):
            if node not in kept:
                kept.append(node)
                pending.extend(n.id for n in ast.walk(node) if isinstance(n, ast.Name))
    return ast.Module(body=[node for node in tree.body if node in kept], type_ignores=[])


def _defined_names(node: ast.stmt) -> list[str]:
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return [node.name]
    if isinstance(node, (ast.Import, ast.ImportFrom)):
        return [(alias.asname or alias.name).split(".")[0] for alias in node.names]
    targets = node.targets if isinstance(node, ast.Assign) else [getattr(node, "target", None)]
    return [n.id for t in targets if t is not None for n in ast.walk(t) if isinstance(n, ast.Name)]


def code_sources(experiment: Path) -> dict[str, str]:
    """Normalized code by module name: the experiment, its helpers, the compute modules.

    The presets are left out of the experiment (and its helpers) and hashed on their own
    (`fingerprint`): a seed added to one preset must not change the code that every
    cached trial was run with. Its alt text and name (chigai.site.presentation) are left out
    altogether: they change no number.
    """
    return {
        name: normalized(path.read_text(encoding="utf-8"), without=_left_out(name))
        for name, path in code_files(experiment).items()
    }


def source_files(experiment: Path) -> list[Path]:
    """The files an experiment's fingerprint reads: what a publishing run needs committed."""
    return list(code_files(experiment).values())


def code_files(experiment: Path) -> dict[str, Path]:
    """The files behind `code_sources`, by the same names."""
    files: dict[str, Path] = {}
    pending = [(f"experiment:{experiment.stem}", experiment)]
    while pending:
        name, path = pending.pop()
        files[name] = path
        source = path.read_text(encoding="utf-8")
        for helper in _experiment_helpers(source, path.parent):
            if f"helper:{helper.stem}" not in files:
                pending.append((f"helper:{helper.stem}", helper))
        files |= {module: _module_path(module) for module in compute_sources(source)}
    return files


def _left_out(name: str) -> tuple[str, ...]:
    return () if name.startswith("chigai") else ("PRESETS", *PRESENTATION_NAMES)


def compute_sources(source: str) -> dict[str, str]:
    """Every chigai compute module that Python `source` imports, directly or not."""
    sources: dict[str, str] = {}
    pending = list(_chigai_imports(source, package=""))
    while pending:
        module = pending.pop()
        path = _module_path(module)
        if module in sources or path is None or not is_compute(module):
            continue
        text = path.read_text(encoding="utf-8")
        sources[module] = normalized(text)
        package = module if path.name == "__init__.py" else module.rpartition(".")[0]
        pending.extend(_chigai_imports(text, package=package))
        pending.extend(_parents(module))
    return sources


def is_compute(module: str) -> bool:
    """True unless the module, or a package above it, is listed in NOT_COMPUTE."""
    parts = module.split(".")  # "chigai" itself stands for its __init__ only
    listed = {module} | {".".join(parts[:i]) for i in range(2, len(parts))}
    return not listed & NOT_COMPUTE.keys()


@functools.cache
def normalized(source: str, without: tuple[str, ...] = ()) -> str:
    """The syntax tree without docstrings, in a form no Python version changes
    (chigai.run.syntax): what the code does, not how it is written.

    `without`: top-level names whose assignments are left out.
    """
    tree = ast.parse(source)
    tree.body = [node for node in tree.body if not _assigns(node, without)]
    return canonical(without_docstrings(tree))


def _assigns(node: ast.stmt, names: tuple[str, ...]) -> bool:
    return isinstance(node, ast.Assign) and any(
        isinstance(target, ast.Name) and target.id in names for target in node.targets
    )


@functools.cache  # a build fingerprints each experiment several times: parse each source once
def _chigai_imports(source: str, package: str) -> tuple[str, ...]:
    """Absolute names of the chigai modules (or module attributes) a source imports."""
    names = _imports(source, package)
    return tuple(name for name in names if name == "chigai" or name.startswith("chigai."))


@functools.cache
def _imports(source: str, package: str) -> tuple[str, ...]:
    found: list[str] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = _absolute(node.module or "", node.level, package)
            found.append(base)
            # `from chigai.tasks import adding` imports a module; `import X` names are cheap
            # to try and `_module_path` drops those that are not modules.
            found += [f"{base}.{alias.name}" for alias in node.names]
    return tuple(found)


def _experiment_helpers(source: str, folder: Path) -> list[Path]:
    """Helper modules of experiments/ that a source imports (`from _common import x`).

    The runner puts the experiment's folder and then experiments/ itself on the import
    path, so a top-level name found in one of them is looked up in that order here too.
    """
    helpers = []
    for name in _imports(source, package=""):
        top = name.split(".")[0]
        for candidate in (folder / f"{top}.py", folder.parent / f"{top}.py"):
            if candidate.is_file() and candidate not in helpers:
                helpers.append(candidate)
                break
    return helpers


def _absolute(module: str, level: int, package: str) -> str:
    if level == 0:
        return module
    parts = package.split(".")
    base = ".".join(parts[: len(parts) - level + 1])
    return f"{base}.{module}" if module else base


def _module_path(module: str) -> Path | None:
    relative = Path(*module.split(".")[1:])
    for candidate in (
        PACKAGE_DIR / relative / "__init__.py",
        (PACKAGE_DIR / relative).with_suffix(".py"),
    ):
        if candidate.is_file():
            return candidate
    return None


def _parents(module: str) -> list[str]:
    """Importing a.b.c runs a/__init__ and a/b/__init__ too."""
    parts = module.split(".")
    return [".".join(parts[:i]) for i in range(2, len(parts))]
