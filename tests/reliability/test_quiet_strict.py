"""`mkdocs build --strict -q` exits 0 on template errors (MkDocs 1.6 drops warnings before
`--strict` counts them when -q is given): nothing of ours may rely on that combination."""

import re
from pathlib import Path

from helpers import ROOT

QUIET = re.compile(r"(?<![\w-])(-q|--quiet)\b|\"-q\"|'-q'")
BUILDER = re.compile(r"mkdocs|properdocs|MKDOCS", re.I)


def places() -> list[Path]:
    """Everything that runs or tells a user to run a build: make, CI, docs, tests, benchmarks."""
    found = [ROOT / "Makefile", ROOT / "README.md", ROOT / "AUTHORING.md"]
    found += sorted((ROOT / ".ci").glob("*")) + sorted((ROOT / ".github").rglob("*.yml"))
    found += sorted((ROOT / "tests").rglob("*.py")) + sorted((ROOT / "benchmarks").rglob("*.py"))
    return [path for path in found if path.is_file() and path != Path(__file__)]


def strict_and_quiet(text: str) -> list[str]:
    return [
        line.strip()
        for line in text.splitlines()
        if BUILDER.search(line)
        and "--strict" in line
        and QUIET.search(line)
        and not re.search("exits 0|drops warnings", line)  # README's warning against it
    ]


def test_no_strict_build_of_ours_is_quiet():
    offenders = {
        str(path.relative_to(ROOT)): lines
        for path in places()
        if (lines := strict_and_quiet(path.read_text(encoding="utf-8", errors="replace")))
    }
    assert offenders == {}


def test_the_check_finds_the_combination_in_its_usual_spellings():
    assert strict_and_quiet("\t$(BIN)/$(MKDOCS) build --strict -q")
    assert strict_and_quiet('run_tool("mkdocs", "build", "--strict", "-q", cwd=project)')
    assert strict_and_quiet("properdocs build --quiet --strict")
    assert not strict_and_quiet("mkdocs build --strict  # -quick? no")


def test_readme_warns_where_a_user_would_add_it():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "`mkdocs build --strict -q` exits 0" in readme
