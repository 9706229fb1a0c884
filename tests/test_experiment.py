from dataclasses import dataclass
from pathlib import Path

import pytest

from chigai.experiment import ExperimentError, PresetConfig, discover, read_spec

ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Config(PresetConfig):
    hidden_size: int
    lr: float
    lags: tuple[int, ...]


GOOD = {"seeds": [1, 2], "hidden_size": 8, "lr": 0.01, "lags": [5, 10]}


def test_a_good_preset_becomes_a_typed_config():
    config = Config.from_preset(GOOD, where="x.py")
    assert config == Config(seeds=(1, 2), hidden_size=8, lr=0.01, lags=(5, 10))


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"hidden_size": 0}, r"x.py.hidden_size: must be > 0, got 0"),
        ({"lr": -0.1}, r"x.py.lr: must be > 0"),
        ({"lags": [5, -1]}, r"x.py.lags\[1\]: must be > 0"),
        ({"hidden_size": 8.5}, r"x.py.hidden_size: expected int"),
        ({"hidden_size": True}, r"x.py.hidden_size: expected int"),
        ({"lags": []}, r"x.py.lags: expected a non-empty list"),
        ({"dropout": 0.1}, r"unknown keys \['dropout'\]"),
    ],
)
def test_a_bad_preset_is_refused_naming_the_key(change, message):
    with pytest.raises(ExperimentError, match=message):
        Config.from_preset({**GOOD, **change}, where="x.py")


def test_a_missing_key_is_named():
    with pytest.raises(ExperimentError, match=r"missing keys \['lr'\]"):
        Config.from_preset({k: v for k, v in GOOD.items() if k != "lr"}, where="x.py")


def test_discovery_reads_experiments_without_importing_them():
    specs = discover(ROOT)
    adding = specs["adding_problem"]
    assert adding.article == "rnn_vs_lstm"
    assert set(adding.presets) == {"quick", "full"}
    assert adding.figures == {"adding_mse": "error_vs_lag"}
    assert adding.command("full") == "chigai run adding_problem --preset full"


def test_presets_that_are_not_literals_are_reported_with_the_line(tmp_path):
    module = tmp_path / "demo.py"
    module.write_text('FIGURES = {}\nPRESETS = {"quick": make(), "full": {}}\n')
    with pytest.raises(ExperimentError, match=r"demo.py:2: PRESETS must be a plain literal"):
        read_spec(module)
