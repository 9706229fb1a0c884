"""The layers of ARCHITECTURE.md, enforced: imports go down, never up.

    chigai.cli  ->  chigai.site  ->  chigai.run  ->  science (every other chigai module)

Every import counts, those inside functions included (they run too). Experiments may
import science only: what they import is what their fingerprints hash.
"""

import ast
from pathlib import Path

import pytest
from helpers import ROOT

PACKAGE = ROOT / "src" / "chigai"
RANK = {"science": 0, "run": 1, "site": 2, "cli": 3}


def layer(module: str) -> str:
    parts = module.split(".")
    if parts[:2] == ["chigai", "cli"]:
        return "cli"
    if len(parts) > 1 and parts[1] in ("run", "site"):
        return parts[1]
    return "science"


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def package_of(path: Path) -> str:
    """The package a module's relative imports start from."""
    name = module_name(path)
    return name if path.name == "__init__.py" else name.rpartition(".")[0]


def chigai_imports(path: Path, package: str) -> list[tuple[int, str]]:
    """(line, module) of every chigai module a file imports, relative imports resolved."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                base = ".".join([*parts[: len(parts) - node.level + 1], *filter(None, [base])])
            found.append((node.lineno, base))
    return [(line, name) for line, name in found if name.split(".")[0] == "chigai"]


MODULES = sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_go_down_the_layers(path):
    mine = layer(module_name(path))
    upward = [
        f"{path.relative_to(ROOT)}:{line} imports {name} ({layer(name)} layer)"
        for line, name in chigai_imports(path, package_of(path))
        if RANK[layer(name)] > RANK[mine]
    ]
    assert not upward, f"a {mine} module imports upward: " + "; ".join(upward)


EXPERIMENT_CODE = sorted(p for p in (ROOT / "experiments").rglob("*.py") if "page" not in p.parts)
PAGE_LAYERS = sorted((ROOT / "experiments").glob("*/page/*.py"))


@pytest.mark.parametrize("path", EXPERIMENT_CODE, ids=lambda p: p.name)
def test_experiments_import_science_only(path):
    upward = [name for _, name in chigai_imports(path, "") if layer(name) != "science"]
    assert not upward, f"{path.relative_to(ROOT)} imports {upward}: experiments use science only"


@pytest.mark.parametrize("path", PAGE_LAYERS, ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_a_page_layer_imports_no_run_machinery(path):
    """An article's page layer (verdicts.py and its parts) is read by chigai.site: it may
    use science and the site's own helpers, never the run machinery or the command line."""
    above = [n for _, n in chigai_imports(path, "") if layer(n) not in ("science", "site")]
    assert not above, f"{path.relative_to(ROOT)} imports {above}"


@pytest.mark.parametrize("path", sorted(ROOT.glob("experiments/*/*.py")), ids=lambda p: p.name)
def test_no_experiment_reads_its_page_layer(path):
    """verdicts.py decides what a page says; an experiment that imported it (or opened its
    folder) would make words part of a fingerprint, and an edited sentence stale a result."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = [
        alias.name if isinstance(node, ast.Import) else f"{node.module}.{alias.name}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom)
        for alias in node.names
    ]
    paths = [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant)]
    assert not [n for n in names if "verdicts" in n or "page" in n.split(".")], names
    assert not [p for p in paths if p in ("page", "verdicts.py") or "page/" in str(p)]


def test_the_layers_are_where_architecture_md_says():
    text = (ROOT / "ARCHITECTURE.md").read_text(encoding="utf-8")
    for package in ("chigai.run", "chigai.site", "chigai.cli"):
        assert f"`{package}`" in text
    assert {layer(module_name(p)) for p in MODULES} == set(RANK)
