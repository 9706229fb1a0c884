"""Test helpers: a throwaway copy of the project, and the tools run as real processes."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
PROJECT_PARTS = ("mkdocs.yml", "docs", "experiments", "src", "results")


def copy_project(target: Path, parts: tuple[str, ...] = PROJECT_PARTS) -> Path:
    """Copy what a site build reads into `target` (results and all; no .cache, no site)."""
    target.mkdir(parents=True, exist_ok=True)
    for part in parts:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(
                source, target / part, ignore=shutil.ignore_patterns("__pycache__", "*.lock")
            )
        elif source.exists():
            shutil.copy2(source, target / part)
    return target


def run_tool(*args: str, cwd: Path, env: dict[str, str] | None = None, timeout: float = 300):
    """Run a console script of this environment (chigai, mkdocs) as a real process."""
    return subprocess.run(
        [str(BIN / args[0]), *args[1:]],
        cwd=cwd,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
        capture_output=True,
        text=True,
        timeout=timeout,
    )
