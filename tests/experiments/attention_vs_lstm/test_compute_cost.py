"""What a GPU measured is kept by a later CPU-only run of the same code, and only then."""

import json

from helpers import copy_project, run_tool


def _run(project) -> dict:
    done = run_tool("chigai", "run", "compute_cost", "--device", "cpu", cwd=project)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads((project / "results" / "compute_cost.quick.json").read_text())["data"]


def test_a_gpu_section_survives_a_cpu_rerun_but_not_a_code_change(tmp_path):
    project = copy_project(tmp_path / "p")
    _run(project)  # a result of this very code: the stored one may predate it
    path = project / "results" / "compute_cost.quick.json"
    stored = json.loads(path.read_text())
    # Stand in for a GPU run of this very code: same fingerprint, a "cuda" section.
    gpu = stored["data"]["devices"]["cpu"] | {"device": "cuda (NVIDIA stand-in)"}
    stored["data"]["devices"]["cuda"] = gpu
    path.write_text(json.dumps(stored))

    data = _run(project)
    assert data["devices"]["cuda"]["device"] == "cuda (NVIDIA stand-in)"
    assert data["devices"]["cpu"]["device"].startswith("cpu")
    assert data["findings"]["gpu_measured"] and "cuda" in data["findings"]

    experiment = project / "experiments" / "attention_vs_lstm" / "compute_cost.py"
    experiment.write_text(experiment.read_text() + "\nCODE_CHANGED = True\n")  # not a comment
    data = _run(project)  # the GPU numbers belonged to other code: dropped, not carried
    assert "cuda" not in data["devices"] and not data["findings"]["gpu_measured"]
