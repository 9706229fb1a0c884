"""What a GPU measured is kept by a later CPU-only run of the same code, and only then;
and the findings' rules (fits past the overhead, ties, the paper check) on made-up steps."""

import json
from pathlib import Path

import pytest
from helpers import copy_project, run_tool

from chigai.experiment import read_spec
from chigai.run.loading import prepare
from chigai.trials import Done, Trial


def _run(project) -> dict:
    done = run_tool("chigai", "run", "compute_cost", "--device", "cpu", cwd=project)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads((project / "results" / "compute_cost.quick.json").read_text())["data"]


def test_a_gpu_section_survives_a_cpu_rerun_but_not_a_code_change(tmp_path):
    project = copy_project(tmp_path / "p")
    experiment = project / "experiments" / "attention_vs_lstm" / "compute_cost.py"
    quick = '"lengths": [16, 64, 256, 1024],'
    assert quick in experiment.read_text()  # cut short: this is about sections, not timings
    experiment.write_text(experiment.read_text().replace(quick, '"lengths": [16, 32, 64],'))
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

    experiment.write_text(experiment.read_text() + "\nCODE_CHANGED = True\n")  # not a comment
    data = _run(project)  # the GPU numbers belonged to other code: dropped, not carried
    assert "cuda" not in data["devices"] and not data["findings"]["gpu_measured"]


SPEC = read_spec(
    Path(__file__).parents[3] / "experiments" / "attention_vs_lstm" / "compute_cost.py"
)


def _done(
    module, config, ms_per_gflop: dict[str, float], jitter: float = 0.02, slowing: str = ""
) -> Done:
    """Trials of made-up steps: FLOPs as Table 1 has them (LSTM n·d², attention n·d² + n²·d),
    each model's time proportional to them at its own rate, plus a 0.5 ms fixed part; the
    `slowing` model gets slower per FLOP as n grows (as if memory traffic, not arithmetic,
    set its pace)."""
    trials = []
    for point in module.grid(config):
        n, name = point["length"], point["model"]
        flops = 40_000 * n if name == "lstm" else 50_000 * n + 800 * n * n
        base = 0.5 + flops / 1e9 * ms_per_gflop[name] * (n / 16 if name == slowing else 1)
        output = {
            "threads": 1,
            "cpu": {
                "device": "cpu (made up, 1 thread)",
                "measured_at": "2026-01-01T00:00:00+00:00",
                "step_ms": [base * (1 + jitter * k) for k in range(config.repeats)],
                "activation_mb": n / 100 if name != "attention_explicit" else n * n / 1e4,
            },
        }
        trials.append(Trial(point, output | ({"flops": flops} if point["count_flops"] else {}), 0))
    return Done(trials)


def test_the_paper_check_follows_the_counts_and_the_times():
    module, config = prepare(SPEC, "full")
    same_rate = dict.fromkeys(module.MODELS, 1000.0)
    data = module.summarize(config, _done(module, config, same_rate))
    found = data["findings"]
    assert found["flops"]["as_table_1"] and found["flops"]["lstm_exponent"] == pytest.approx(1)
    assert found["flops"]["attention_quadratic_share"][-1] > 0.9
    fused = found["cpu"]["attention_fused"]
    assert fused["time_per_flop_ratio"][-1] == pytest.approx(1, abs=0.01)
    assert fused["time_follows_flop_ratio"] and found["paper"] == "agrees"
    assert found["cpu"]["lstm"]["time_fit"]["from"] > config.lengths[0]  # past the fixed part
    assert found["cpu"]["lstm"]["power_law"] and found["cpu"]["lstm"]["time_follows_flops"]
    assert data["timed_steps"] == config.repeats * len(config.seeds)
    assert len(data["devices"]["cpu"]["models"]["lstm"]["step_ms_repeats"][0]) == 15

    assert fused["arithmetic_main_cause"]  # 42x the FLOPs at the same rate
    slow = same_rate | {"attention_fused": 100_000.0}  # 100x slower per FLOP: still follows
    fused = module.summarize(config, _done(module, config, slow))["findings"]["cpu"]
    assert fused["attention_fused"]["time_follows_flop_ratio"]
    assert fused["attention_fused"]["time_per_flop_ratio"][-1] == pytest.approx(100, rel=0.01)
    assert not fused["attention_fused"]["arithmetic_main_cause"]  # 100x per FLOP > 42x FLOPs

    found = module.summarize(config, _done(module, config, same_rate, slowing="attention_fused"))
    found = found["findings"]
    assert not found["cpu"]["attention_fused"]["time_follows_flop_ratio"]
    assert found["cpu"]["attention_fused"]["time_vs_flop_ratio_exponent"] > 1.2
    assert found["paper"] == "partly" and found["paper_checks"]["flops_as_table_1"]


def test_overlapping_step_times_are_a_tie_not_a_win():
    module, config = prepare(SPEC, "quick")
    same_rate = dict.fromkeys(module.MODELS, 1000.0)
    wide = module.summarize(config, _done(module, config, same_rate, jitter=1))  # steps x1..x3
    fused = wide["findings"]["cpu"]["attention_fused"]
    assert fused["tie_at"] == [16, 64]  # the medians differ, the ranges overlap
    assert fused["slower_from"] == 256 and fused["faster_at"] == []
    assert not wide["findings"]["fused_slower_everywhere_cpu"]


@pytest.mark.parametrize("preset", ["quick", "full"])
def test_the_timed_models_are_almost_the_same_size_as_the_page_says(preset):
    """The page says "almost the same number of weights": within 1%, by construction."""
    spec = read_spec(Path(__file__).parents[3] / "experiments/attention_vs_lstm/compute_cost.py")
    module, config = prepare(spec, preset)
    lstm = module.parameter_count(module.build("lstm", config, 0))
    width = module._width(config)
    sizes = [
        module.parameter_count(module.build(name, config, width))
        for name in ("attention_fused", "attention_explicit")
    ]
    assert all(abs(size - lstm) / lstm < 0.01 for size in sizes), (lstm, sizes)
