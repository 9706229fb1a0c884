"""One-off migration: restamp committed fingerprints after the switch to chigai.run.syntax.

The serialisation of syntax trees changed (ast.dump -> a canonical form that Python
3.11-3.13 agree on); the code did not. So a result is restamped only where its stored
fingerprint equals the fingerprint that the previous serialisation gives today's code,
which proves it was made by this very code; the new fingerprint is then computed from the
same code. Anything else is left alone and listed (it was stale before and stays stale).

    python tools/restamp_fingerprints.py LEGACY_SRC   # LEGACY_SRC: src/ of the old commit
"""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROBE = """
import json, sys
from pathlib import Path
from chigai.experiment import discover
from chigai.run.fingerprint import fingerprint
from chigai.run.notebooks import notebook_fingerprint, notebooks
root = Path(sys.argv[1])
specs = discover(root)
out = {f"{i}.{p}": fingerprint(s, p) for i, s in specs.items() for p in s.presets}
out |= {str(nb.relative_to(root)): notebook_fingerprint(nb, specs) for nb in notebooks(root)}
print(json.dumps(out))
"""


def fingerprints(src: Path) -> dict[str, str]:
    """Every result's and notebook's fingerprint, computed by the chigai under `src`."""
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(ROOT)],
        env={"PYTHONPATH": str(src), "PATH": "/usr/bin:/bin", "HOME": "/tmp"},
        stdout=subprocess.PIPE,
        text=True,
        check=True,
    )
    return json.loads(done.stdout)


def main(legacy_src: Path) -> None:
    legacy, current = fingerprints(legacy_src), fingerprints(ROOT / "src")
    for path in sorted((ROOT / "results").glob("*.json")):
        raw = json.loads(path.read_text(encoding="utf-8"))
        key = f"{raw['experiment']}.{raw['preset']}"
        restamp(path, raw, raw["fingerprint"], legacy[key], current[key], ("fingerprint",))
    for key in sorted(k for k in legacy if k.endswith(".ipynb")):
        path = ROOT / key
        raw = json.loads(path.read_text(encoding="utf-8"))
        stored = raw["metadata"]["chigai"]["fingerprint"]
        restamp(path, raw, stored, legacy[key], current[key], ("metadata", "chigai", "fingerprint"))


def restamp(path: Path, raw: dict, stored: str, legacy: str, new: str, where: tuple) -> None:
    if stored != legacy:
        print(f"left alone (stale before): {path.name}")
        return
    node = raw
    for part in where[:-1]:
        node = node[part]
    node[where[-1]] = new
    notebook = path.suffix == ".ipynb"  # nbformat writes sorted keys
    text = json.dumps(raw, ensure_ascii=False, indent=1, sort_keys=notebook) + "\n"
    path.write_text(text, encoding="utf-8")
    print(f"restamped {path.name}: {stored} -> {new}")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
