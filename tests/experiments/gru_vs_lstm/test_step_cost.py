"""Weights, FLOPs and step time of a GRU and an LSTM: the counts a reader is told, and the
verdict rules on made-up timings (nothing is timed here except one tiny real trial)."""

import functools
from pathlib import Path

import pytest
import torch

from chigai.experiment import read_spec
from chigai.run.loading import prepare
from chigai.trials import Done, Trial

SPEC = read_spec(Path(__file__).parents[3] / "experiments" / "gru_vs_lstm" / "step_cost.py")


@functools.cache
def loaded(preset: str):
    return prepare(SPEC, preset)


@pytest.mark.slow  # several seconds: chigai check runs the fast tier
@pytest.mark.parametrize("kernel", ["torch", "loop"])
def test_a_gru_has_three_quarters_of_the_lstms_weights_and_flops(kernel):
    module, config = loaded("quick")
    cpu = torch.device("cpu")
    out = {
        name: module.trial(config, {"kernel": kernel, "width": 32, "seed": 1, "model": name}, cpu)
        for name in module.MODELS
    }
    assert out["gru"]["params"] / out["lstm"]["params"] == pytest.approx(0.75, abs=0.01)
    assert out["gru"]["flops"] / out["lstm"]["flops"] == pytest.approx(0.75, abs=0.01)
    assert len(out["gru"]["step_ms"]) == config.repeats and min(out["gru"]["step_ms"]) > 0


def _summary(ratio: dict[str, list[float]], gru_params: int = 750) -> dict:
    """summarize() over made-up trials: the LSTM's step takes 10 ms in every round; the
    GRU's ratio[kernel][round] times that; weights and FLOPs gru_params against 1000."""
    module, config = loaded("full")
    trials = []
    for point in module.grid(config):
        times = 10.0 * (
            ratio[point["kernel"]][config.seeds.index(point["seed"])]
            if point["model"] == "gru"
            else 1
        )
        params = gru_params if point["model"] == "gru" else 1000
        output = {"step_ms": [times] * 3, "params": params, "flops": params, "device": "cpu (test)"}
        trials.append(Trial(point, output, 0.0))
    return module.summarize(config, Done(trials))


def test_the_verdicts_need_every_round_beyond_five_percent():
    data = _summary({"torch": [1.5, 1.6, 1.4], "loop": [0.8, 0.85, 0.82]})
    found = data["findings"]
    assert found["loop"]["gru_step"] == ["faster"] * len(data["widths"])
    assert found["torch"]["gru_step"] == ["slower"] * len(data["widths"])
    mixed = _summary({"torch": [1.5, 1.6, 1.4], "loop": [0.8, 1.0, 0.9]})["findings"]
    assert mixed["loop"]["gru_step"][0] == "neither"
    assert mixed["loop"]["neither_widths"] == list(loaded("full")[1].widths)
    barely = _summary({"torch": [1.10, 1.05, 1.049], "loop": [0.5, 0.5, 0.5]})["findings"]
    assert barely["torch"]["neither_widths"] == list(loaded("full")[1].widths)


def test_the_paper_is_judged_on_weights_and_arithmetic_not_on_time():
    slower = _summary({"torch": [1.5, 1.6, 1.4], "loop": [1.2, 1.3, 1.25]})["findings"]
    assert slower["paper"] == "agrees"  # fewer weights and FLOPs; time is our own question
    assert slower["params_ratio"]["median"] == 0.75
    same = _summary({"torch": [1.0, 1.0, 1.0], "loop": [1.0, 1.0, 1.0]}, gru_params=1000)
    assert same["findings"]["paper"] == "disagrees"
