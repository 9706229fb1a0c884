"""Gate ablations: the task's answer is the last marked symbol, the splits share no
sequence, and the findings follow made-up trials (so each rule is checked without
training anything)."""

import math
from pathlib import Path

import pytest
import torch
from helpers import assert_disjoint

from chigai.experiment import read_spec
from chigai.run.loading import prepare
from chigai.trials import Done, Trial

SPEC = read_spec(Path(__file__).parents[3] / "experiments" / "gru_vs_lstm" / "gate_ablations.py")
BEST_LR = 0.01  # in both presets' lrs: the made-up trials are best there


def test_the_answer_is_the_symbol_at_the_last_mark_held_at_least_hold_steps():
    module, _ = prepare(SPEC, "quick")
    length, symbols, marks, hold = 12, 4, 3, 4
    inputs, answers = module.last_marked(300, length, symbols, marks, hold, torch.Generator())
    assert inputs.shape == (300, length, symbols + 2) and answers.shape == (300,)
    seen, counts, first_differs = inputs[..., :symbols].argmax(dim=-1), set(), 0
    for row, answer in zip(range(300), answers, strict=True):
        marked = torch.nonzero(inputs[row, :, symbols]).flatten().tolist()
        counts.add(len(marked))
        assert max(marked) < length - hold  # the answer is held `hold` steps or more
        assert answer == seen[row, max(marked)]
        first_differs += int(seen[row, min(marked)] != answer)
    assert counts == {2, 3}  # always something to forget, and no count to rely on
    assert first_differs > 100  # the first mark's symbol is not the answer
    assert inputs[:, -1, symbols + 1].all() and not inputs[:, :-1, symbols + 1].any()
    assert (inputs[..., :symbols].sum(dim=-1) == 1).all()


def test_a_hand_made_sequence():
    module, _ = prepare(SPEC, "quick")
    generator = torch.Generator().manual_seed(5)
    inputs, answers = module.last_marked(1, 8, 3, 2, 3, generator)
    symbols = inputs[0, :, :3].argmax(dim=-1).tolist()
    marked = [t for t in range(8) if inputs[0, t, 3] == 1]
    assert len(marked) == 2 and answers.item() == symbols[marked[-1]]


def test_impossible_tasks_are_refused():
    module, _ = prepare(SPEC, "quick")
    with pytest.raises(ValueError, match="room"):
        module.last_marked(4, 6, 4, 3, 4, torch.Generator())


@pytest.mark.parametrize("preset", ["quick", "full"])
def test_train_validation_and_test_share_no_sequence(preset):
    module, config = prepare(SPEC, preset)
    drawn = module.splits(config, {"seed": config.seeds[0]})
    assert_disjoint(drawn)
    for split, size in (
        ("train", config.train_size),
        ("validation", config.validation_size),
        ("test", config.test_size),
    ):
        assert drawn[split][0].shape == (size, config.length, config.symbols + 2)


@pytest.mark.parametrize("preset", ["quick", "full"])
def test_every_variant_has_the_same_width_and_the_ablated_ones_fewer_weights(preset):
    module, config = prepare(SPEC, preset)
    params = {
        name: sum(p.numel() for p in module.build(name, config).parameters())
        for name in module.MODELS
    }
    assert params["lstm"] == params["lstm_bias1"] == params["noaf"]
    assert params["nfg"] == params["cifg"] == params["gru"] < params["lstm"]
    gru = module.build("gru", config).recurrent
    assert gru.hidden_size == config.hidden_size
    assert gru.bias_ih_l0.abs().sum() == 0 and gru.bias_hh_l0.abs().sum() == 0


def _summary(
    accuracy: dict[str, list[float]], reach: dict[str, int | None], tied: bool = False
) -> dict:
    """summarize() over made-up full-preset trials: at BEST_LR each model scores
    accuracy[model][seed index] and its loss drops below the level at step reach[model]
    (None: never); every other rate validates worse (only in loss when `tied`) and
    scores 0 on test."""
    module, config = prepare(SPEC, "full")
    steps = module.loss_steps(config)
    trials = []
    for point in module.grid(config):
        name, seed = point["model"], config.seeds.index(point["seed"])
        score, at = accuracy[name][seed], reach[name]
        best = point["lr"] == BEST_LR
        losses = [0.1 if at is not None and s >= at else math.log(8) for s in steps]
        output = {
            "val_accuracy": score if best or tied else score - 0.05,
            "val_loss": 0.1 if best else 0.2,
            "accuracy": score if best else 0.0,
            "losses": losses if best else [math.log(8)] * len(steps),
        }
        trials.append(Trial(point, output, 0.0))
    return module.summarize(config, Done(trials))


AS_GREFF = {
    "lstm": [0.91, 0.92, 0.95],
    "lstm_bias1": [0.99, 1.0, 1.0],
    "nfg": [0.30, 0.40, 0.35],
    "noaf": [0.50, 0.45, 0.60],
    "cifg": [0.91, 0.93, 0.94],
    "gru": [1.0, 0.99, 1.0],
}
FAST_BIAS = {"lstm": 2000, "lstm_bias1": 600, "nfg": None, "noaf": None, "cifg": 1800, "gru": 400}


def test_the_papers_agree_when_nfg_and_noaf_hurt_cifg_ties_and_the_bias_helps():
    data = _summary(AS_GREFF, {**FAST_BIAS, "gru": 600})  # the GRU as quick as bias 1
    found = data["findings"]
    assert found["versus_lstm"] == {
        "lstm_bias1": "helps",
        "nfg": "hurts",
        "noaf": "hurts",
        "cifg": "tie",
        "gru": "helps",
    }
    assert found["paper_greff"] == "agrees"
    assert found["forget_bias_faster"] == "lstm_bias1"
    assert found["gru_vs_lstm"] == "gru" and found["gru_vs_lstm_bias1"] == "tie"
    assert found["paper_jozefowicz"] == "agrees"
    assert found["steps_to_loss_level"]["lstm_bias1"] == [600, 600, 600]
    assert found["median_steps_to_loss_level"]["nfg"] is None
    assert found["solved_seeds"] == {
        "lstm": 3,
        "lstm_bias1": 3,
        "nfg": 0,
        "noaf": 0,
        "cifg": 3,
        "gru": 3,
    }


def test_the_reversed_result_disagrees_with_both_papers():
    reversed_ = {
        "lstm": [0.60, 0.62, 0.65],
        "lstm_bias1": [0.20, 0.22, 0.21],
        "nfg": [0.95, 0.97, 0.99],
        "noaf": [0.90, 0.91, 0.93],
        "cifg": [0.30, 0.25, 0.35],
        "gru": [0.40, 0.45, 0.42],
    }
    slow_bias = {**FAST_BIAS, "lstm": 600, "lstm_bias1": None}
    found = _summary(reversed_, slow_bias)["findings"]
    assert found["versus_lstm"]["nfg"] == "helps" and found["versus_lstm"]["cifg"] == "hurts"
    assert found["paper_greff"] == "disagrees"
    assert found["forget_bias_faster"] == "lstm"
    assert found["gru_vs_lstm"] == "lstm" and found["gru_vs_lstm_bias1"] == "gru"
    assert found["paper_jozefowicz"] == "disagrees"


def test_one_prediction_missed_is_partly():
    found = _summary({**AS_GREFF, "noaf": [0.9, 0.93, 0.95]}, FAST_BIAS)["findings"]
    assert found["versus_lstm"]["noaf"] == "tie" and found["paper_greff"] == "partly"
    same_speed = {**FAST_BIAS, "lstm_bias1": 2000}
    tied = _summary({**AS_GREFF, "lstm_bias1": AS_GREFF["lstm"]}, same_speed)["findings"]
    assert tied["forget_bias_faster"] == "tie" and tied["versus_lstm"]["lstm_bias1"] == "tie"
    assert tied["paper_jozefowicz"] == "partly"  # no help from the bias, the GRU ahead


def test_a_win_needs_seed_ranges_apart_by_the_margin_and_above_chance():
    overlapping = {**AS_GREFF, "cifg": [0.85, 0.99, 0.97]}
    assert _summary(overlapping, FAST_BIAS)["findings"]["versus_lstm"]["cifg"] == "tie"
    within = {**AS_GREFF, "lstm": [0.90] * 3, "cifg": [0.915] * 3}
    assert _summary(within, FAST_BIAS)["findings"]["versus_lstm"]["cifg"] == "tie"
    beyond = {**AS_GREFF, "lstm": [0.90] * 3, "cifg": [0.93] * 3}
    assert _summary(beyond, FAST_BIAS)["findings"]["versus_lstm"]["cifg"] == "helps"
    guessers = {**AS_GREFF, "lstm": [0.13] * 3, "nfg": [0.19] * 3}  # chance is 1/8
    assert _summary(guessers, FAST_BIAS)["findings"]["versus_lstm"]["nfg"] == "tie"
    close = {**FAST_BIAS, "lstm": 650}  # 50 steps apart: one log, not faster
    assert _summary(AS_GREFF, close)["findings"]["forget_bias_faster"] == "tie"


def test_the_figures_get_their_data_at_the_chosen_rate():
    data = _summary(AS_GREFF, FAST_BIAS)
    module, config = prepare(SPEC, "full")
    assert data["variants"] == list(module.MODELS)
    assert set(data["curve_variants"]) <= set(data["variants"])
    assert data["chance"] == 1 / config.symbols
    steps = data["loss_steps"]
    assert steps[0] == 50 and steps[-1] == config.steps
    for name, model in data["models"].items():
        assert model["lr"] == BEST_LR and data["tuning"]["chosen"][name] == [BEST_LR]
        assert model["accuracy"] == AS_GREFF[name]
        assert model["median_accuracy"] == sorted(AS_GREFF[name])[1]
        assert len(model["median_loss"]) == len(model["loss_min"]) == len(steps)
        assert all(
            lo <= mid <= hi
            for lo, mid, hi in zip(
                model["loss_min"], model["median_loss"], model["loss_max"], strict=True
            )
        )
    assert [row["variant"] for row in data["rows"]] == data["variants"]


def test_rates_tied_on_validation_accuracy_are_split_by_validation_loss():
    data = _summary(AS_GREFF, FAST_BIAS, tied=True)
    assert all(model["lr"] == BEST_LR for model in data["models"].values())
    assert min(data["tuning"]["lrs"]) != BEST_LR  # chosen_lr alone would take the smallest
    assert data["tuning"]["ties_broken_on"] == "val_loss"


def test_check_trained_refuses_a_run_where_every_variant_guessed():
    module, _ = prepare(SPEC, "full")
    assert module.check_trained(_summary(AS_GREFF, FAST_BIAS)) is None
    guessing = {name: [0.13, 0.12, 0.125] for name in AS_GREFF}
    assert "best median accuracy" in module.check_trained(_summary(guessing, FAST_BIAS))


def test_a_gru_still_quicker_than_the_bias_1_lstm_makes_jozefowicz_partly():
    found = _summary(AS_GREFF, FAST_BIAS)["findings"]  # GRU at step 400, bias 1 at 600
    assert found["gru_vs_lstm_bias1"] == "tie"
    assert found["gru_vs_lstm_bias1_speed"] == "gru"
    assert found["paper_jozefowicz"] == "partly"
    assert (
        found["speed_versus_lstm"]["cifg"] == "cifg" and found["speed_versus_lstm"]["nfg"] == "lstm"
    )
    assert found["help_above"] == pytest.approx(0.95 + found["win_margin"])
