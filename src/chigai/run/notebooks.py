"""Companion notebooks, kept fresh by the same rules as experiments.

A notebook's fingerprint hashes its code cells, the fingerprints of the experiments its
code names, and the chigai compute modules its code imports. It is stored in the
notebook's own metadata (`metadata.chigai`) with when and for how long it ran, so a
notebook is executed again only when that code changes, never on every build. Execution
goes through nbclient with a per-cell timeout (a build cannot hang on a notebook), and
the result is written back atomically; a failed run leaves the old notebook as it was.
"""

import hashlib
import json
import time
from datetime import UTC, datetime
from pathlib import Path

from chigai.experiment import ExperimentSpec
from chigai.run.atomic import write_atomically
from chigai.run.fingerprint import compute_sources, fingerprint

CELL_TIMEOUT_S = 300


class NotebookError(RuntimeError):
    """A notebook that could not be executed; the message names it and the cell's error."""


def notebooks(root: Path) -> list[Path]:
    return sorted((root / "docs" / "notebooks").glob("*.ipynb"))


def read(path: Path) -> dict:
    """A notebook's JSON; a truncated or hand-broken file is a NotebookError naming it."""
    named = path.relative_to(Path.cwd()) if path.is_relative_to(Path.cwd()) else path
    fix = f"restore it with `git checkout -- {named}`, then run `chigai notebooks`"
    try:
        notebook = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise NotebookError(
            f"{named}: not a readable notebook ({error.msg}, line {error.lineno}); {fix}"
        ) from error
    except (OSError, UnicodeDecodeError) as error:
        raise NotebookError(f"{named}: cannot be read ({error}); {fix}") from error
    if not isinstance(notebook, dict) or not isinstance(notebook.get("cells"), list):
        raise NotebookError(f"{named}: not a notebook (no list of cells); {fix}")
    return notebook


def notebook_fingerprint(path: Path, specs: dict[str, ExperimentSpec]) -> str:
    cells = read(path)["cells"]
    code = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
    digest = hashlib.sha256(code.encode())
    for name, source in sorted(compute_sources(code).items()):
        digest.update(f"\0{name}\0{source}".encode())
    for spec_id in sorted(specs):
        if f'"{spec_id}"' in code or f"'{spec_id}'" in code:  # the experiments it runs
            digest.update(f"\0{spec_id}\0{fingerprint(specs[spec_id], 'quick')}".encode())
    return digest.hexdigest()[:16]


def is_fresh(path: Path, specs: dict[str, ExperimentSpec]) -> bool:
    stored = read(path).get("metadata", {}).get("chigai", {})
    return stored.get("fingerprint") == notebook_fingerprint(path, specs)


def execute(path: Path, specs: dict[str, ExperimentSpec]) -> float:
    """Run every cell, store outputs and fingerprint in the file; return the seconds taken."""
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError, CellTimeoutError

    code = notebook_fingerprint(path, specs)  # a broken file stops here, named
    notebook = nbformat.read(path, as_version=4)
    started = datetime.now(UTC).isoformat(timespec="seconds")
    start = time.perf_counter()
    client = NotebookClient(
        notebook,
        timeout=CELL_TIMEOUT_S,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
    )
    try:
        client.execute()
    except (CellExecutionError, CellTimeoutError) as error:
        what = f"{getattr(error, 'ename', type(error).__name__)}: {getattr(error, 'evalue', error)}"
        raise NotebookError(f"{path}: a cell failed ({what}); the old notebook is kept") from error
    duration = time.perf_counter() - start
    notebook.metadata["chigai"] = {
        "fingerprint": code,
        "executed_at": started,
        "duration_s": round(duration, 1),
    }
    text = nbformat.writes(notebook)
    write_atomically(path, text if text.endswith("\n") else text + "\n")  # as nbformat.write
    return duration
