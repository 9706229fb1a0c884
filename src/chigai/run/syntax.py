"""A canonical text of Python code's syntax tree, the same on Python 3.11, 3.12 and 3.13.

Fingerprints hash what code does, not how it is written, so they hash its syntax tree.
`ast.dump` is not stable across versions: 3.12 adds empty `type_params` fields and 3.13
leaves out empty and None fields altogether, so every committed result would read as
stale after a Python upgrade. Here a field that is None or an empty list is left out on
every version (which loses nothing: a field that is present says what it holds), and
everything else is written as `Node(field=value, ...)` in the grammar's field order.

Standard library only, on purpose: tests run this file under other Python versions
(Pyodide's CPython 3.12 and 3.13) and compare with committed hashes.
"""

import ast
import hashlib


def canonical(node: object) -> str:
    """The node as text: its type, then every field that holds something."""
    if isinstance(node, ast.AST):
        fields = []
        for name in node._fields:
            value = getattr(node, name, None)
            if value is not None and value != []:
                fields.append(f"{name}={canonical(value)}")
        return f"{type(node).__name__}({', '.join(fields)})"
    if isinstance(node, list):
        return "[" + ", ".join(canonical(item) for item in node) + "]"
    return repr(node)  # constants and identifiers: str, int, float, bytes, bool, Ellipsis


def without_docstrings(tree: ast.Module) -> ast.Module:
    """Drop the docstring of the module and of every class and function (kept: `pass`)."""
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if (
            isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
            and body
            and isinstance(body[0], ast.Expr)
            and isinstance(body[0].value, ast.Constant)
            and isinstance(body[0].value.value, str)
        ):
            node.body = body[1:] or [ast.Pass()]
    return tree


def code_hash(source: str) -> str:
    """A short hash of the source's canonical syntax tree without docstrings."""
    text = canonical(without_docstrings(ast.parse(source)))
    return hashlib.sha256(text.encode()).hexdigest()[:16]
