import json
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import PROVENANCE

from chigai.run.results import Result, ResultError, load_result, save_result


def make_result(path: Path, value: float = 0.5) -> Result:
    return Result("demo", "quick", "f00", PROVENANCE, {"x": value, "findings": {"ok": True}}, path)


def test_saved_result_loads_back_equal(tmp_path):
    path = tmp_path / "demo.quick.json"
    save_result(make_result(path))
    loaded = load_result(path, experiment="demo", preset="quick")
    assert loaded == make_result(path)
    assert [p.name for p in tmp_path.iterdir()] == ["demo.quick.json"]  # no temp file left


def test_a_crash_mid_write_leaves_the_old_file_intact(tmp_path):
    path = tmp_path / "demo.quick.json"
    save_result(make_result(path, 0.5))
    # A real process dies (os._exit, no cleanup) after writing the new text, before the rename.
    crash = (
        "import os, sys\n"
        "from pathlib import Path\n"
        "sys.path[:0] = [sys.argv[2], str(Path(sys.argv[2]).parent)]\n"
        "from test_results import make_result\n"
        "import chigai.run.atomic as atomic\nimport chigai.run.results as results\n"
        "atomic.os.fsync = lambda fd: os._exit(9)\n"
        "results.save_result(make_result(Path(sys.argv[1]), 0.9))\n"
    )
    died = subprocess.run([sys.executable, "-c", crash, str(path), str(Path(__file__).parent)])
    assert died.returncode == 9
    assert load_result(path, experiment="demo", preset="quick").data["x"] == 0.5


def test_nan_is_refused_before_the_disk_is_touched(tmp_path):
    path = tmp_path / "demo.quick.json"
    save_result(make_result(path, 0.5))
    with pytest.raises(ValueError, match=r"data\.x is not a finite number"):
        save_result(make_result(path, float("nan")))
    assert load_result(path, experiment="demo", preset="quick").data["x"] == 0.5


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"schema": 1, "experiment": "demo", "pre', r"not valid JSON"),
        ("not json at all", r"not valid JSON"),
        ("[1, 2]", r"not a result object"),
        ('{"schema": 99}', r"schema 99, this chigai reads 1"),
    ],
)
def test_a_broken_file_gives_one_line_naming_file_and_fix(tmp_path, content, message):
    path = tmp_path / "demo.quick.json"
    path.write_text(content)
    with pytest.raises(ResultError, match=message) as caught:
        load_result(path, experiment="demo", preset="quick")
    text = str(caught.value)
    assert "\n" not in text
    assert str(path) in text and "chigai run demo --preset quick" in text


def test_a_file_from_another_experiment_is_refused(tmp_path):
    path = tmp_path / "demo.quick.json"
    save_result(make_result(path))
    other = tmp_path / "other.quick.json"
    other.write_text(path.read_text())
    with pytest.raises(ResultError, match="holds 'demo'/'quick', expected 'other'/'quick'"):
        load_result(other, experiment="other", preset="quick")


def test_missing_provenance_is_refused(tmp_path):
    path = tmp_path / "demo.quick.json"
    save_result(make_result(path))
    raw = json.loads(path.read_text())
    del raw["provenance"]["commit"]
    path.write_text(json.dumps(raw))
    with pytest.raises(ResultError, match="provenance lacks"):
        load_result(path, experiment="demo", preset="quick")


@pytest.mark.parametrize("token", ["NaN", "Infinity", "-Infinity"])
def test_a_file_holding_nan_or_infinity_is_refused_naming_where(tmp_path, token):
    """Python's json reads these tokens; a page must never print "nan times the weights"."""
    path = tmp_path / "demo.quick.json"
    save_result(make_result(path))
    raw = path.read_text().replace('"x": 0.5', f'"x": {token}')
    path.write_text(raw.replace('"ok": true', '"ok": true, "ratio": [1.0, 2.0]'))
    with pytest.raises(ResultError, match=r"data\.x is not a finite number") as caught:
        load_result(path, experiment="demo", preset="quick")
    assert "chigai run demo --preset quick" in str(caught.value)
    path.write_text(
        raw.replace('"x": ' + token, '"x": 1').replace('"ok": true', f'"r": [1, {token}]')
    )
    with pytest.raises(ResultError, match=r"data\.findings\.r\[1\] is not a finite number"):
        load_result(path, experiment="demo", preset="quick")
