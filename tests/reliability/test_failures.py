"""An experiment that crashes or diverges: stopped, reported, and the rest still runs."""

import textwrap

import pytest
from helpers import copy_project, run_tool

from chigai.experiment import ExperimentError, read_spec
from chigai.run.loading import prepare

EXPERIMENT = '''
"""A tiny regression experiment used to try faults; LOSS picks the loss."""

from dataclasses import dataclass
from pathlib import Path

import torch
from torch import nn

from chigai.experiment import PresetConfig
from chigai.training import TrainSettings, train

PRESETS = {"quick": {"seeds": [1, 2], "steps": 60}, "full": {"seeds": [1], "steps": 60}}
FIGURES = {}


@dataclass(frozen=True)
class Config(PresetConfig):
    steps: int


def grid(config):
    return [{"seed": seed} for seed in config.seeds]


def trial(config, point, device):
    torch.manual_seed(point["seed"])
    inputs, targets = torch.randn(64, 3, 2), torch.randn(64, 1)
    model = nn.Sequential(nn.Flatten(), nn.Linear(6, 1))
    settings = TrainSettings(steps=config.steps, batch_size=16, lr=0.01)
    losses = train(model, inputs, targets, settings, loss_fn=LOSS,
                   generator=torch.Generator().manual_seed(1))
    return {"final_loss": losses[-1]}


def summarize(config, done):
    return {"final_loss": max(done.values("final_loss")), "findings": {}}


def check_trained(data):
    return None if data["final_loss"] < TRAINED_BELOW else f"final loss {data['final_loss']:.3g}"
'''


def write_experiment(project, name: str, loss: str, trained_below: float = 1e6) -> None:
    folder = project / "experiments" / "faults"
    folder.mkdir(exist_ok=True)
    source = textwrap.dedent(EXPERIMENT).replace("LOSS", loss)
    (folder / f"{name}.py").write_text(source.replace("TRAINED_BELOW", str(trained_below)))


def test_crash_and_divergence_are_reported_and_keep_the_last_good_result(tmp_path):
    project = copy_project(tmp_path / "p")
    write_experiment(project, "diverges", "nn.functional.mse_loss")
    write_experiment(project, "crashes", "nn.functional.mse_loss")
    first = run_tool("chigai", "run", "diverges", "crashes", cwd=project)
    assert first.returncode == 0, first.stderr[-2000:]
    good = {
        name: (project / "results" / f"{name}.quick.json").read_bytes()
        for name in ("diverges", "crashes")
    }

    # now one loss turns NaN half-way, and the other experiment raises
    write_experiment(
        project,
        "diverges",
        "lambda p, t: nn.functional.mse_loss(p, t) / (p.detach().abs() > 1e9).float().mean()",
    )
    (project / "experiments" / "faults" / "crashes.py").write_text(
        (project / "experiments" / "faults" / "crashes.py")
        .read_text()
        .replace(
            "    inputs, targets =",
            "    if point['seed'] == 2 and Path('source-gone').exists():\n"
            "        raise RuntimeError('the data source is gone')\n"
            "    inputs, targets =",
        )
    )
    (project / "source-gone").touch()
    second = run_tool("chigai", "run", "diverges", "crashes", "architecture", cwd=project)
    assert second.returncode == 1
    summary = second.stdout
    assert "diverges" in summary and "loss became nan at step 50" in summary
    assert "crashes" in summary and "the data source is gone" in summary
    assert "architecture             ok" in summary
    assert summary.count("previous result kept") == 2
    assert "crashes trial seed=2: RuntimeError: the data source is gone" in summary
    assert "1 of 2 trials failed" in summary  # seed 1 trained, is cached, and is not lost
    for name, content in good.items():
        assert (project / "results" / f"{name}.quick.json").read_bytes() == content

    # the data source is back (the code did not change): only the failed trial runs again
    (project / "source-gone").unlink()
    third = run_tool("chigai", "run", "crashes", cwd=project)
    assert third.returncode == 0, third.stderr[-2000:]
    assert "1 trials ran, 1 reused" in third.stdout


def test_a_run_that_did_not_train_is_refused_and_keeps_the_last_good_result(tmp_path):
    """lr 1e9 ends near chance without a NaN: the experiment's check_trained catches it."""
    project = copy_project(tmp_path / "p")
    stored = project / "results" / "small_data.quick.json"
    good = stored.read_bytes()
    experiment = project / "experiments" / "rnn_vs_lstm" / "small_data.py"
    source = experiment.read_text()
    quick = source.index('"quick"')
    lr = source.index('"lrs": ', quick)
    experiment.write_text(source[:lr] + '"lrs": [1e9]' + source[source.index("],", lr) + 1 :])
    done = run_tool("chigai", "run", "small_data", cwd=project)
    assert done.returncode == 1
    assert "small_data (quick) did not train: with" in done.stdout
    assert "small_data.py PRESETS['quick'] (lrs=[1000000000.0], steps=" in done.stdout
    assert "previous result kept" in done.stdout
    assert stored.read_bytes() == good


TINY = """
import torch

from chigai.experiment import PresetConfig

PRESETS = {"quick": {"seeds": [1, 2]}, "full": {"seeds": [1]}}
FIGURES = {}
Config = PresetConfig


def grid(config):
    return [{"seed": seed} for seed in config.seeds]


def trial(config, point, device):
    return RETURNS


def summarize(config, done):
    return {"values": done.values(KEY), "findings": {}}


def check_trained(data):
    return None
"""


def write_tiny(root, returns: str, key: str = '"value"'):
    path = root / "experiments" / "faults" / "tiny.py"
    path.parent.mkdir(parents=True)
    (root / "results").mkdir()
    path.write_text(TINY.replace("RETURNS", returns).replace("KEY", key))
    return read_spec(path)


@pytest.mark.parametrize(
    ("returns", "problem"),
    [
        ('{"value": float("nan")}', "output.value is not a finite number"),
        ('{"value": torch.ones(1)}', "trial() must return plain JSON (Object of type Tensor"),
        ("[1.0]", "trial() returned list, not a dict"),
    ],
)
def test_a_notebook_refuses_the_trial_output_that_a_run_refuses(tmp_path, returns, problem):
    """`compute` (the notebooks' way to run trials) checks each output as `chigai run` does."""
    from chigai.run.runner import compute  # imports torch: only here

    module, config = prepare(write_tiny(tmp_path, returns), "quick")
    with pytest.raises(ExperimentError) as error:
        compute(module, config)
    assert str(error.value).startswith(f"tiny trial seed=1: {problem}")


def test_a_misspelled_key_in_summarize_fails_the_run_naming_the_keys_there_are(tmp_path):
    from chigai.run.runner import run_many  # imports torch: only here

    spec = write_tiny(tmp_path, '{"value": 1.5}', key='"vlaue"')
    (report,) = run_many(tmp_path, [spec], "quick", "cpu", jobs=1)
    assert report.result is None and report.error == (
        "no trial's output has 'vlaue': the outputs have value; check the name in summarize()"
    )
    assert not (tmp_path / "results" / "tiny.quick.json").exists()
