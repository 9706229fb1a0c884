"""The CI and publishing workflows run what README.md tells a new user to run."""

import re
from pathlib import Path

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
    uses = [
        step.get("uses", "")
        for step in steps("publish.yml", "build") + steps("publish.yml", "deploy")
    ]
    assert any(u.startswith("actions/upload-pages-artifact") for u in uses)
    assert any(u.startswith("actions/deploy-pages") for u in uses)


def test_the_refresh_job_reruns_only_stale_experiments():
    commands = " ".join(step.get("run", "") for step in steps("refresh.yml", "refresh"))
    assert "chigai run --stale-only" in commands and "make install" in commands
