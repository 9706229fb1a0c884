"""`chigai list --kinds` tells a writer which data keys each figure kind reads: what it
lists must be in the data of every figure of that kind, as the experiments write it."""

import json
from pathlib import Path

import pytest

from chigai.experiment import discover
from chigai.site.kinds import data_paths, kinds

ROOT = Path(__file__).resolve().parents[2]
DECLARED = [(s.id, n, k) for s in discover(ROOT).values() for n, k in s.figures.items()]


def _present(data: object, path: list[str]) -> bool:
    """Whether `path` (keys, * for every entry) is in `data`, optional _min/_max aside."""
    if not path:
        return True
    key, rest = path[0], path[1:]
    if key == "*":
        entries = data.values() if isinstance(data, dict) else data
        return isinstance(entries, list | type({}.values())) and all(
            _present(entry, rest) for entry in entries
        )
    return isinstance(data, dict) and key in data and _present(data[key], rest)


@pytest.mark.parametrize(("experiment", "name", "kind"), DECLARED)
def test_every_key_a_kind_lists_is_in_the_data_of_each_figure_of_that_kind(experiment, name, kind):
    data = json.loads((ROOT / "results" / f"{experiment}.quick.json").read_text())["data"]
    missing = [
        path
        for path in data_paths(kind)
        if not path.endswith(("_min", "_max"))  # bands drawn only where the data keep them
        and not _present(data, path.split("."))
    ]
    assert missing == [], f"{experiment}/{name} ({kind})"


def test_the_listing_follows_the_data_into_helpers_loops_and_keys_passed_as_strings():
    assert data_paths("error_vs_lag") == {
        "lags",
        "baseline_mse",
        "solved_below_mse",
        "models",
        "models.*.median_mse",
        "models.*.mse",
    }
    assert "devices.*.models.*.activation_mb" in data_paths("memory_vs_length")
    assert kinds()["data_efficiency"][1] == [
        "recall.{chance, models.*.{accuracy, median_accuracy}, train_sizes}"
    ]


def test_authoring_lists_every_kind_with_what_it_draws():
    guide = (ROOT / "AUTHORING.md").read_text(encoding="utf-8")
    for kind, (draws, _) in kinds().items():
        assert f"| `{kind}` | {draws} |" in guide, f"AUTHORING.md, Figure kinds: {kind}"
