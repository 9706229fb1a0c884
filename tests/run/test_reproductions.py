"""`chigai reproductions`: a rerun made elsewhere stored beside the published results."""

import json
from pathlib import Path

import pytest
from helpers import ROOT, copy_project, run_tool

from chigai.run.reproductions import derived_name

XEON = {"cpu": "Intel(R) Xeon(R) Processor", "threads": 1}
XEON["device"] = "cpu (Intel(R) Xeon(R) Processor, 1 thread)"


def rerun(folder: Path, experiment: str, **changes) -> Path:
    """A copy of a committed full result as if rerun on an Intel Xeon; `changes` set
    findings (`paper="partly"`) or, with `fingerprint=`, the code that made it."""
    raw = json.loads((ROOT / "results" / f"{experiment}.full.json").read_text())
    raw["provenance"] |= XEON
    raw["fingerprint"] = changes.pop("fingerprint", raw["fingerprint"])
    raw["data"]["findings"] |= changes
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{experiment}.full.json"
    path.write_text(json.dumps(raw, indent=1))
    return path


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "p", parts=("mkdocs.yml", "experiments", "results"))


def published(project: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in (project / "results").iterdir()}


def test_add_stores_each_file_as_it_is_under_its_machine_and_leaves_results_alone(
    project, tmp_path
):
    before = published(project)
    files = [rerun(tmp_path / "xeon", "marked_recall"), rerun(tmp_path / "xeon", "small_data")]
    done = run_tool("chigai", "reproductions", "add", str(tmp_path / "xeon"), cwd=project)
    assert done.returncode == 0, done.stderr
    for file in files:
        stored = project / "reproductions" / "intel-xeon-1-thread" / file.name
        assert stored.read_bytes() == file.read_bytes()
    assert done.stdout.count("every verdict held") == 2
    assert published(project) == before


def test_a_corrupt_file_is_refused_naming_it_and_nothing_is_added(project, tmp_path):
    before = published(project)
    rerun(tmp_path / "xeon", "marked_recall")
    broken = rerun(tmp_path / "xeon", "small_data")
    broken.write_text(broken.read_text()[:300])
    done = run_tool("chigai", "reproductions", "add", str(tmp_path / "xeon"), cwd=project)
    assert done.returncode == 2
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert str(broken) in done.stderr and "not valid JSON" in done.stderr
    assert "nothing was added" in done.stderr
    assert not (project / "reproductions").exists()
    assert published(project) == before


@pytest.mark.parametrize(
    ("name", "message"),
    [("../results", "--name '../results'"), ("Xeon Box", "--name 'Xeon Box'")],
)
def test_a_name_that_is_not_a_plain_folder_name_is_refused(project, tmp_path, name, message):
    rerun(tmp_path / "xeon", "small_data")
    done = run_tool(
        "chigai", "reproductions", "add", str(tmp_path / "xeon"), "--name", name, cwd=project
    )
    assert done.returncode == 2 and message in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert not (project / "reproductions").exists()


def test_list_says_which_verdicts_changed_and_which_reruns_are_not_compared(project, tmp_path):
    rerun(
        tmp_path / "a", "marked_recall", paper="partly", longest_solved_lag={"rnn": 10, "lstm": 20}
    )
    rerun(tmp_path / "a", "small_data")
    rerun(tmp_path / "b", "adding_problem", fingerprint="0ld")
    for folder, name in (("a", []), ("b", ["--name", "older-code"])):
        done = run_tool(
            "chigai", "reproductions", "add", str(tmp_path / folder), *name, cwd=project
        )
        assert done.returncode == 0, done.stderr
    for listing in (["reproductions"], ["reproductions", "list"]):
        done = run_tool("chigai", *listing, cwd=project)
        assert done.returncode == 0, done.stderr
        lines = done.stdout.splitlines()
        assert "reproductions/intel-xeon-1-thread/" in lines
        assert "reproductions/older-code/" in lines
        assert (
            "2 verdicts changed: longest_solved_lag.lstm (30 -> 20), paper ('agrees' -> 'partly')"
            in done.stdout
        )
        said = {
            line.split()[0]: lines[i + 1].strip() for i, line in enumerate(lines) if "torch" in line
        }
        assert said["small_data"] == "every verdict held"
        assert said["adding_problem"] == "made by other code, not compared"


def test_a_stored_file_that_cannot_be_used_is_named_and_the_rest_listed(project, tmp_path):
    rerun(tmp_path / "xeon", "small_data")
    run_tool("chigai", "reproductions", "add", str(tmp_path / "xeon"), cwd=project)
    bad = project / "reproductions" / "intel-xeon-1-thread" / "no_such_thing.full.json"
    bad.write_text("{}")
    done = run_tool("chigai", "reproductions", cwd=project)
    assert done.returncode == 1
    assert f"{bad}: not named <experiment>.<preset>.json" in done.stderr
    assert "every verdict held" in done.stdout


@pytest.mark.parametrize(
    ("provenance", "name"),
    [
        (XEON, "intel-xeon-1-thread"),
        (
            {"cpu": "AMD EPYC 7B13 64-Core Processor", "threads": 4},
            "amd-epyc-7b13-64-core-4-threads",
        ),
        ({"cpu": "Intel(R) Xeon(R) CPU @ 2.20GHz", "threads": 2}, "intel-xeon-2-threads"),
        (
            {"device": "cuda (NVIDIA H100 80GB HBM3)", "device_kind": "cuda", "threads": 1},
            "nvidia-h100-80gb-hbm3",
        ),
        ({"device": "cpu (Apple M2, 8 threads)"}, "apple-m2-8-threads"),
    ],
)
def test_a_reproduction_is_named_after_its_machine(provenance, name):
    assert derived_name(provenance) == name
