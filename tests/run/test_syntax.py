"""Fingerprints must not depend on the Python version (chigai.run.syntax).

The golden hashes in golden/hashes.json were made under Python 3.11. The same hash must
come out here and under Pyodide's CPython 3.12 and 3.13 (npm packages, installed by
.ci/run; skipped, saying so, where node or they are missing). The test also records that
the old serialisation, `ast.dump`, gives other hashes under 3.12 and 3.13: that is the
bug the canonical form fixes, and the reason the golden test would fail without it.
"""

import ast
import hashlib
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from chigai.run import syntax
from chigai.run.syntax import canonical, code_hash

GOLDEN = Path(__file__).parent / "golden"
CORPUS = (GOLDEN / "corpus.py").read_text(encoding="utf-8")
HASHES = json.loads((GOLDEN / "hashes.json").read_text(encoding="utf-8"))
ROOT = Path(__file__).resolve().parents[2]
# Pyodide 0.27 ships CPython 3.12, 0.28 ships 3.13 (install: see .ci/run).
PYODIDES = {"3.12": "0.27.7", "3.13": "0.28.3"}


def legacy_hash(source: str) -> str:
    """How fingerprints hashed code before: ast.dump of the tree without docstrings."""
    tree = syntax.without_docstrings(ast.parse(source))
    return hashlib.sha256(ast.dump(tree, include_attributes=False).encode()).hexdigest()[:16]


def test_the_corpus_hashes_as_committed():
    assert code_hash(CORPUS) == HASHES["canonical"]


def test_docstrings_comments_and_layout_do_not_count_but_code_does():
    reformatted = CORPUS.replace("LIMIT: int = 10", "LIMIT: int = (  # the same\n    10\n)")
    assert code_hash(reformatted) == HASHES["canonical"]
    assert code_hash(CORPUS.replace("total //= 2", "total //= 3")) != HASHES["canonical"]


def test_empty_and_missing_fields_read_alike():
    """3.13 leaves out empty fields that 3.11 fills in; both must give one text."""
    full = ast.parse("def f(x): return x")
    full.body[0].type_params = []  # what 3.12 adds
    assert canonical(full) == canonical(ast.parse("def f(x): return x"))
    assert "type_params" not in canonical(full) and "decorator_list" not in canonical(full)


@pytest.mark.parametrize("version", sorted(PYODIDES))
def test_other_python_versions_give_the_same_hash(version, tmp_path):
    package = ROOT / ".cache" / "pyodide" / PYODIDES[version] / "node_modules" / "pyodide"
    if shutil.which("node") is None or not package.is_dir():
        pytest.skip(
            f"Python {version} via Pyodide is not installed: "
            f"npm install --prefix .cache/pyodide/{PYODIDES[version]} pyodide@{PYODIDES[version]}"
        )
    # Every source file of the project too, hashed here and there: the hashes must agree.
    files = sorted([*(ROOT / "src").rglob("*.py"), *(ROOT / "experiments").rglob("*.py")])
    sources = {str(f.relative_to(ROOT)): f.read_text(encoding="utf-8") for f in files}
    script = tmp_path / "probe.py"
    script.write_text(
        (ROOT / "src" / "chigai" / "run" / "syntax.py").read_text(encoding="utf-8")
        + "\nimport json, sys\n"
        + f"CORPUS = {CORPUS!r}\nSOURCES = {sources!r}\n"
        + "tree = without_docstrings(ast.parse(CORPUS))\n"
        + "legacy = hashlib.sha256(ast.dump(tree).encode()).hexdigest()[:16]\n"
        + "print(json.dumps({'version': sys.version[:4], 'canonical': code_hash(CORPUS),"
        + " 'legacy': legacy, 'files': {k: code_hash(v) for k, v in SOURCES.items()}}))\n",
        encoding="utf-8",
    )
    done = subprocess.run(
        ["node", str(GOLDEN / "pyodide.mjs"), str(package), str(script)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    measured = json.loads(done.stdout.strip().splitlines()[-1])
    assert measured["version"] == version
    assert measured["canonical"] == HASHES["canonical"]
    assert measured["files"] == {name: code_hash(text) for name, text in sources.items()}
    # Why the canonical form exists: the old serialisation differs under 3.12 and 3.13.
    assert legacy_hash(CORPUS) == HASHES["legacy_3.11"]
    assert measured["legacy"] != HASHES["legacy_3.11"]
