"""Code fingerprints: which source text a result depends on, hashed (as joblib does).

A result depends on its experiment module (presets included), the preset it ran, and the
chigai *compute* modules that module imports, followed transitively: models, tasks,
training, probes. Figure, template and site code are left out on purpose: restyling a plot must
re-render in seconds, never retrain. Imports are read from the AST, so computing a
fingerprint imports nothing (no torch on a build where nothing is stale).
"""

import ast
import functools
import hashlib
import json
from pathlib import Path

import chigai
from chigai.experiment import ExperimentSpec

PACKAGE_DIR = Path(chigai.__file__).parent
COMPUTE_MODULES = (
    "chigai.models",
    "chigai.tasks",
    "chigai.training",
    "chigai.probes",
    "chigai.costs",
)


def fingerprint(spec: ExperimentSpec, preset: str) -> str:
    digest = hashlib.sha256()
    config = {"preset": preset, "config": spec.presets[preset]}
    digest.update(json.dumps(config, sort_keys=True).encode())
    for name, source in sorted(code_sources(spec.path).items()):
        digest.update(f"\0{name}\0".encode())
        digest.update(source.encode())
    return digest.hexdigest()[:16]


def code_sources(experiment: Path) -> dict[str, str]:
    """Source text by module name: the experiment and every compute module it reaches."""
    source = experiment.read_text(encoding="utf-8")
    return {f"experiment:{experiment.stem}": source, **compute_sources(source)}


def compute_sources(source: str) -> dict[str, str]:
    """Every chigai compute module that Python `source` imports, directly or not."""
    sources: dict[str, str] = {}
    pending = list(_chigai_imports(source, package=""))
    while pending:
        module = pending.pop()
        path = _module_path(module)
        if module in sources or path is None or not _is_compute(module):
            continue
        sources[module] = path.read_text(encoding="utf-8")
        package = module if path.name == "__init__.py" else module.rpartition(".")[0]
        pending.extend(_chigai_imports(sources[module], package=package))
        pending.extend(_parents(module))
    return sources


@functools.cache  # a build fingerprints each experiment several times: parse each source once
def _chigai_imports(source: str, package: str) -> tuple[str, ...]:
    """Absolute names of the chigai modules (or module attributes) a source imports."""
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
    return tuple(name for name in found if name == "chigai" or name.startswith("chigai."))


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


def _is_compute(module: str) -> bool:
    return any(module == root or module.startswith(root + ".") for root in COMPUTE_MODULES)


def _parents(module: str) -> list[str]:
    """Importing a.b.c runs a/__init__ and a/b/__init__ too."""
    parts = module.split(".")
    return [".".join(parts[:i]) for i in range(2, len(parts))]
