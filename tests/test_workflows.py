"""The CI and publishing workflows run what README.md tells a new user to run."""

import ast
import importlib.metadata
import re
import sys
import tomllib
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]


def readme_commands() -> list[str]:
    """The commands in README.md's first code block: install+serve, install+test."""
    block = re.search(r"```sh\n(.*?)```", (ROOT / "README.md").read_text(), re.S).group(1)
    return [line.split("#")[0].strip() for line in block.splitlines() if line.strip()]


def steps(workflow: str, job: str) -> list[dict]:
    parsed = yaml.safe_load((ROOT / ".github" / "workflows" / workflow).read_text())
    return parsed["jobs"][job]["steps"]


def test_readme_opens_with_the_serve_and_test_commands():
    assert readme_commands() == ["make serve", "make test"]


def test_ci_runs_exactly_the_readme_test_command():
    lines = [
        line
        for line in (ROOT / ".ci" / "run").read_text().splitlines()
        if line and not line.startswith("#")
    ]
    assert lines[-1] == readme_commands()[1]


def test_publishing_tests_then_builds_strictly_and_deploys_on_every_push_to_main():
    parsed = yaml.safe_load((ROOT / ".github" / "workflows" / "publish.yml").read_text())
    triggers = parsed[True] if True in parsed else parsed["on"]  # YAML reads a bare `on` as True
    assert triggers["push"]["branches"] == ["main"]
    commands = [step.get("run", "") for step in steps("publish.yml", "build")]
    assert readme_commands()[1] in commands
    assert "CHIGAI_ON_STALE=fail make site" in commands
    site = next(s for s in steps("publish.yml", "build") if "make site" in s.get("run", ""))
    assert site["env"]["CHIGAI_SITE_URL"] == "${{ steps.pages.outputs.base_url }}/"
    uses = [
        step.get("uses", "")
        for step in steps("publish.yml", "build") + steps("publish.yml", "deploy")
    ]
    assert any(u.startswith("actions/upload-pages-artifact") for u in uses)
    assert any(u.startswith("actions/deploy-pages") for u in uses)


def test_the_refresh_job_reruns_only_stale_experiments():
    commands = " ".join(step.get("run", "") for step in steps("refresh.yml", "refresh"))
    assert "chigai run --stale-only" in commands and "make install" in commands


@pytest.mark.parametrize("workflow", ["publish.yml", "refresh.yml"])
def test_workflows_install_the_cpu_torch_wheel_and_the_lock_through_make(workflow):
    parsed = yaml.safe_load((ROOT / ".github" / "workflows" / workflow).read_text())
    assert parsed["env"]["TORCH_INDEX"] == "https://download.pytorch.org/whl/cpu"
    commands = " ".join(
        step.get("run", "") for job in parsed["jobs"].values() for step in job["steps"]
    )
    assert "pip install" not in commands  # everything goes through make's install step
    makefile = (ROOT / "Makefile").read_text()
    install = makefile[makefile.index("$(STAMP):") : makefile.index("touch $(STAMP)")]
    assert "-r requirements.lock" in install and "--index-url $(TORCH_INDEX)" in install
    assert "--no-deps -e ." in install and "pip check" in install


def _declared() -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    specs = project["dependencies"] + project["optional-dependencies"]["dev"]
    return {re.split(r"[ <>=!;\[]", spec, maxsplit=1)[0].lower() for spec in specs}


def _imported(folder: str) -> set[str]:
    names = set()
    for path in (ROOT / folder).rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Import):
                names |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module.split(".")[0])
    # our own modules and folders (helpers, builds, tests/browser, experiments/_common …)
    ours = {"chigai"} | {
        path.stem
        for part in ("tests", "benchmarks", "experiments")
        for path in (ROOT / part).rglob("*")
        if path.suffix == ".py" or path.is_dir()
    }
    return names - set(sys.stdlib_module_names) - ours


def _normal(name: str) -> str:
    """A distribution's name as pip compares them (PEP 503): fluent.runtime = fluent-runtime."""
    return re.sub(r"[-_.]+", "-", name).lower()


@pytest.mark.parametrize("folder", ["src", "experiments", "tests", "benchmarks"])
def test_every_imported_package_is_declared_and_locked(folder):
    """An import that works only because another package pulled it in breaks one day."""
    distributions = importlib.metadata.packages_distributions()
    declared = {_normal(name) for name in _declared()}
    locked = {
        _normal(line.split("==")[0])
        for line in (ROOT / "requirements.lock").read_text().splitlines()
        if "==" in line
    }
    for module in sorted(_imported(folder)):
        names = {_normal(name) for name in distributions.get(module, [module])}
        assert names & declared, f"{folder} imports {module} ({names}): declare it in pyproject"
        assert names & (locked | {"torch"}), f"{module} is not pinned in requirements.lock"
