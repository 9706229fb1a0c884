"""What each figure kind reads from an experiment's data, found in the figure code itself.

`chigai list --kinds` prints it, so a writer choosing a kind for `FIGURES` sees which keys
`summarize()` must put in the data without reading chigai/site/figures/. It is read from
the syntax trees (no matplotlib, nothing run): every `data["key"]` (or `.get("key")`) a
kind's function reads, following the data into the helpers of the figure modules it
passes it to, through loops (`for name, model in data["models"].items()` reads
`models.*.…`, one entry per model) and local names. Keys chosen at run time are not
seen; the figure code stays the reference.
"""

import ast
import functools
from dataclasses import dataclass, field
from pathlib import Path

FIGURES = Path(__file__).parent / "figures"


@dataclass
class _Reading:
    """Paths into the data found so far, and the calls already followed."""

    paths: set[str] = field(default_factory=set)
    seen: set[tuple] = field(default_factory=set)


def kinds() -> dict[str, tuple[str, list[str]]]:
    """Each kind of chigai.site.figures.KINDS: (what it draws, its docstring's first
    paragraph; the data keys it reads, as short entries: `models.*.{median_mse, mse}`)."""
    functions = _functions()
    return {
        kind: (_summary(functions[name]), _tree(data_paths(kind)))
        for kind, name in _registry().items()
    }


def _summary(function: ast.FunctionDef) -> str:
    return " ".join((ast.get_docstring(function) or "").split("\n\n")[0].split())


def data_paths(kind: str) -> set[str]:
    """Every path into the data that `kind` reads: "lags", "models.*.mse" (*: any entry)."""
    functions = _functions()
    function = functions[_registry()[kind]]
    reading = _Reading()
    _read(function, {function.args.args[0].arg: {""}}, {}, functions, reading)
    return reading.paths


@functools.cache
def _functions() -> dict[str, ast.FunctionDef]:
    """Every top-level function of the figure modules, by name (kinds and their helpers)."""
    return {
        node.name: node
        for path in sorted(FIGURES.glob("*.py"))
        for node in ast.parse(path.read_text(encoding="utf-8")).body
        if isinstance(node, ast.FunctionDef)
    }


def _registry() -> dict[str, str]:
    """KINDS of figures/__init__.py: kind -> function name (`charts.error_vs_lag`)."""
    tree = ast.parse((FIGURES / "__init__.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.AnnAssign | ast.Assign) and isinstance(node.value, ast.Dict):
            target = node.target if isinstance(node, ast.AnnAssign) else node.targets[0]
            if isinstance(target, ast.Name) and target.id == "KINDS":
                return {
                    key.value: value.attr
                    for key, value in zip(node.value.keys, node.value.values, strict=True)
                    if isinstance(key, ast.Constant) and isinstance(value, ast.Attribute)
                }
    raise LookupError(f"{FIGURES / '__init__.py'}: no KINDS = {{...}} found")


def _read(
    function: ast.FunctionDef,
    aliases: dict[str, set[str]],
    constants: dict[str, tuple[str, ...]],
    functions: dict[str, ast.FunctionDef],
    reading: _Reading,
) -> None:
    """Add the data paths `function` reads, given which of its names hold which parts of
    the data (`aliases`) and which hold keys passed in or looped over (`constants`)."""
    key = (function.name, repr(sorted((k, sorted(v)) for k, v in aliases.items())))
    if key in reading.seen:
        return
    reading.seen.add(key)
    aliases, constants = dict(aliases), dict(constants)
    for _ in range(3):  # local names bound from other local names: a few passes settle it
        for node in ast.walk(function):
            if isinstance(node, ast.For | ast.comprehension):
                _bind_loop(node.target, node.iter, aliases, constants)
            elif isinstance(node, ast.Assign) and len(node.targets) == 1:
                paths = _paths(node.value, aliases, constants)
                if isinstance(node.targets[0], ast.Name) and paths:
                    aliases[node.targets[0].id] = paths
    for paths in aliases.values():  # a part read whole (gates = data["gates"]), not an entry
        reading.paths |= {path for path in paths if path and not path.endswith("*")}
    for node in ast.walk(function):
        if isinstance(node, ast.Subscript | ast.Call):
            reading.paths |= {path for path in _paths(node, aliases, constants) if path}
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            callee = functions.get(node.func.id)
            if callee is not None:
                _follow(node, callee, aliases, constants, functions, reading)


def _follow(
    call: ast.Call,
    callee: ast.FunctionDef,
    aliases: dict[str, set[str]],
    constants: dict[str, tuple[str, ...]],
    functions: dict[str, ast.FunctionDef],
    reading: _Reading,
) -> None:
    """Read `callee` with its parameters bound to the data (or keys) this call passes."""
    params = [arg.arg for arg in callee.args.args]
    passed = list(zip(params, call.args, strict=False))
    passed += [(kw.arg, kw.value) for kw in call.keywords if kw.arg in params]
    inner_aliases, inner_constants = {}, {}
    for param, value in passed:
        paths = _paths(value, aliases, constants)
        if paths:
            inner_aliases[param] = paths
        elif keys := _keys(value, constants):
            inner_constants[param] = keys
    if inner_aliases:
        _read(callee, inner_aliases, inner_constants, functions, reading)


def _bind_loop(
    target: ast.expr,
    source: ast.expr,
    aliases: dict[str, set[str]],
    constants: dict[str, tuple[str, ...]],
) -> None:
    """`for v in X.values()`, `for k, v in X.items()`, `for row in X`: v is one entry of X
    (under enumerate too); `for key in ("a", "b")`: key is each of those keys."""
    if isinstance(source, ast.Call) and getattr(source.func, "id", None) == "enumerate":
        source = source.args[0]
        target = target.elts[1] if isinstance(target, ast.Tuple) else target
    if isinstance(source, ast.Tuple | ast.List) and isinstance(target, ast.Name):
        keys = [e.value for e in source.elts if isinstance(e, ast.Constant)]
        if keys and all(isinstance(k, str) for k in keys):
            constants[target.id] = tuple(keys)
        return
    if isinstance(source, ast.Call) and getattr(source.func, "attr", None) in ("items", "values"):
        source = source.func.value  # type: ignore[union-attr]
    paths = _paths(source, aliases, constants)
    if isinstance(target, ast.Tuple) and len(target.elts) == 2:
        target = target.elts[1]
    if paths and isinstance(target, ast.Name):
        aliases[target.id] = {_join(path, "*") for path in paths}


def _paths(
    node: ast.expr, aliases: dict[str, set[str]], constants: dict[str, tuple[str, ...]]
) -> set[str]:
    """The data paths an expression reads ("models.*.mse"); empty if it reads no data. A
    key that is not a string known here reads as *, one entry of many."""
    if isinstance(node, ast.Name):
        return aliases.get(node.id, set())
    if isinstance(node, ast.Subscript):
        base, key = node.value, node.slice
    elif (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "get"
        and node.args
    ):
        base, key = node.func.value, node.args[0]
    else:
        return set()
    if isinstance(key, ast.Slice) or (  # rows[1:], rows[0]: entries of the same list
        isinstance(key, ast.Constant) and isinstance(key.value, int)
    ):
        return _paths(base, aliases, constants)
    keys = _keys(key, constants) or ("*",)
    return {_join(path, k) for path in _paths(base, aliases, constants) for k in keys}


def _keys(node: ast.expr, constants: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return (node.value,)
    if isinstance(node, ast.Name):
        return constants.get(node.id, ())
    if isinstance(node, ast.JoinedStr):  # f"{metric}_min", metric a known key
        keys = [""]
        for part in node.values:
            inner = part if isinstance(part, ast.Constant) else getattr(part, "value", part)
            pieces = _keys(inner, constants)
            if not pieces:
                return ()
            keys = [k + piece for k in keys for piece in pieces]
        return tuple(keys)
    return ()


def _join(base: str, key: str) -> str:
    return f"{base}.{key}" if base else key


def _tree(paths: set[str]) -> list[str]:
    """Paths as short nested entries: models.*.{median_mse, mse}, each key once."""
    tree: dict = {}
    for path in paths:
        node = tree
        for part in path.split("."):
            node = node.setdefault(part, {})
    return [_entry(key, below) for key, below in sorted(tree.items())]


def _entry(key: str, below: dict) -> str:
    if not below:
        return key
    inner = [_entry(k, v) for k, v in sorted(below.items())]
    return f"{key}.{inner[0]}" if len(inner) == 1 else f"{key}.{{{', '.join(inner)}}}"
