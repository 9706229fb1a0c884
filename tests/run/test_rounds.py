"""Trials planned in rounds (`next_round`): a run, a rerun from the cache, `chigai status`
and a notebook all follow the same rounds, and a hook that fails or never ends is named."""

import json
import textwrap
from pathlib import Path

import pytest

from chigai.experiment import read_spec
from chigai.run.loading import prepare
from chigai.run.rounds import MAX_ROUNDS

# A learning-rate search in miniature: two seeds tune, stepping /10 while the best rate is
# the lowest tried; once it is interior, every seed trains at it (seeds 1 and 2 already have).
SEARCH = """
import math

from chigai.experiment import PresetConfig

PRESETS = {"quick": {"seeds": [1, 2, 3]}, "full": {"seeds": [1]}}
FIGURES = {}
Config = PresetConfig


def grid(config):
    return [{"lr": 0.1, "seed": seed} for seed in config.seeds[:2]]


def trial(config, point, device):
    return {"score": -abs(math.log10(point["lr"]) + 2) + point["seed"] / 1000}


def next_round(config, done):
    NEXT_ROUND


def summarize(config, done):
    return {"tried": [[t.point["lr"], t.point["seed"]] for t in done.trials], "findings": {}}


def check_trained(data):
    return None
"""
TUNE = """tried = sorted({t.point["lr"] for t in done.trials})
    best = max(tried, key=lambda lr: min(done.values("score", lr=lr)))
    if best == tried[0]:
        return [{"lr": round(best / 10, 12), "seed": seed} for seed in config.seeds[:2]]
    return [{"lr": best, "seed": seed} for seed in config.seeds]"""
ROUNDS = [[0.1, 1], [0.1, 2], [0.01, 1], [0.01, 2], [0.001, 1], [0.001, 2], [0.01, 3]]


def write_search(root: Path, next_round: str = TUNE) -> Path:
    path = root / "experiments" / "tuning" / "search.py"
    path.parent.mkdir(parents=True)
    (root / "results").mkdir()
    path.write_text(textwrap.dedent(SEARCH).replace("NEXT_ROUND", next_round))
    return path


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_run_follows_the_rounds_and_a_rerun_replays_them_from_the_cache(tmp_path, jobs):
    from chigai.run.runner import cached_trials, run_many  # imports torch: only here

    spec = read_spec(write_search(tmp_path))
    (first,) = run_many(tmp_path, [spec], "quick", "cpu", jobs=jobs)
    assert first.error is None and (first.ran, first.reused) == (7, 0)
    assert first.result.data["tried"] == ROUNDS
    stored = (tmp_path / "results" / "search.quick.json").read_bytes()
    assert cached_trials(tmp_path, spec, "quick") == (7, 7)

    (again,) = run_many(tmp_path, [spec], "quick", "cpu", jobs=jobs)
    assert (again.ran, again.reused) == (0, 7)  # every round answered by the cache
    assert json.loads(stored)["data"] == again.result.data


def test_status_counts_the_rounds_as_far_as_the_cache_answers_them(tmp_path):
    from chigai.run.runner import cached_trials, run_many

    spec = read_spec(write_search(tmp_path))
    assert cached_trials(tmp_path, spec, "quick") == (0, 2)  # round one only: nothing is known
    run_many(tmp_path, [spec], "quick", "cpu", jobs=1)
    (one,) = [
        p
        for p in (tmp_path / ".trials").rglob("*.json")
        if '"lr": 0.001' in p.read_text() and '"seed": 2' in p.read_text()
    ]
    one.unlink()  # round three lost a trial: round four cannot be known yet
    assert cached_trials(tmp_path, spec, "quick") == (5, 6)


def test_a_notebook_follows_the_same_rounds(tmp_path):
    from chigai.run.runner import compute

    module, config = prepare(read_spec(write_search(tmp_path)), "quick")
    assert compute(module, config)["tried"] == ROUNDS


@pytest.mark.parametrize(
    ("next_round", "message"),
    [
        ("return [{'lr': 1.0, 'seed': len(done.trials)}]", f"after {MAX_ROUNDS} rounds"),
        ("return [{'lr': done.trials}]", "search.py next_round(): grid point"),
        ("return 1 / 0", "search next_round() failed: division by zero"),
    ],
)
def test_a_hook_that_fails_or_never_ends_is_named_and_nothing_is_written(
    tmp_path, next_round, message
):
    from chigai.run.runner import run_many

    spec = read_spec(write_search(tmp_path, next_round))
    (report,) = run_many(tmp_path, [spec], "quick", "cpu", jobs=1)
    assert report.result is None and message in report.error
    assert "the result was not written" in report.error
    assert not (tmp_path / "results" / "search.quick.json").exists()
