"""data_efficiency: card recall from training sets of growing size."""

from dataclasses import dataclass
from typing import Any, Literal

from ._common import high, low


@dataclass(frozen=True)
class DataEfficiency:
    """Card recall from training sets of growing size: who is ahead where."""

    cards: int
    smallest: int  # training examples
    largest: int
    seeds: int
    seed_list: list[int]
    chance: float
    lstm_params: int
    transformer_params: int
    margin: float  # "ahead" means every seed beat every other seed by more than this
    margin_points: float
    learned_from: float  # halfway from guessing to 100%
    advice: Literal["not_held", "held", "depends"]  # "an LSTM is steadier with little data"
    # the same for In short, which also says when neither model learned the smallest sets
    in_short: Literal["not_held", "not_held_unlearned", "held", "depends"]
    transformer_sizes: list[int]
    transformer_count: int
    lstm_sizes: list[int]
    lstm_count: int
    tie_sizes: list[int]
    tie_count: int
    unlearned_sizes: list[int]  # no seed of either model learned the lookup
    unlearned_count: int
    unlearned_up_to: int  # every size up to this one unlearned by both; 0: the smallest was learned
    lstm_learned: Literal["never", "somewhere"]
    # the seed ranges at the largest size the Transformer won and the smallest the LSTM won
    transformer_size: int
    transformer_low: float
    transformer_high: float
    transformer_lstm_low: float
    transformer_lstm_high: float
    lstm_size: int
    lstm_low: float
    lstm_high: float
    lstm_transformer_low: float
    lstm_transformer_high: float
    # the at-a-glance row: the smallest size someone won, else the largest
    row_size: int
    row_lstm: float
    row_transformer: float
    rows: list[dict[str, Any]]


def data_efficiency(result: Any) -> DataEfficiency:
    data, found = result.data, result.findings
    recall, sizes = found["recall"], data["train_sizes"]
    models = data["recall"]["models"]
    learned = recall["learned_seeds"]
    unlearned = [
        n for i, n in enumerate(sizes) if learned["lstm"][i] == learned["transformer"][i] == 0
    ]
    if not recall["lstm_better_sizes"]:
        advice = "not_held"
    elif not recall["transformer_better_sizes"]:
        advice = "held"
    else:
        advice = "depends"

    def seeds_at(size: int | None, model: str) -> list[float]:
        return models[model]["accuracy"][sizes.index(size)] if size else [0.0]

    won = recall["transformer_better_sizes"][-1] if recall["transformer_better_sizes"] else None
    lost = recall["lstm_better_sizes"][0] if recall["lstm_better_sizes"] else None
    decided = sorted(recall["lstm_better_sizes"] + recall["transformer_better_sizes"])
    row = sizes.index(decided[0] if decided else sizes[-1])
    return DataEfficiency(
        cards=data["cards"],
        smallest=sizes[0],
        largest=sizes[-1],
        seeds=found["seeds_n"],
        seed_list=data["seeds"],
        chance=data["recall"]["chance"],
        lstm_params=models["lstm"]["params"],
        transformer_params=models["transformer"]["params"],
        margin=found["win_margin"],
        margin_points=100 * found["win_margin"],
        learned_from=recall["learned_from"],
        advice=advice,
        in_short="not_held_unlearned" if advice == "not_held" and sizes[0] in unlearned else advice,
        transformer_sizes=recall["transformer_better_sizes"],
        transformer_count=len(recall["transformer_better_sizes"]),
        lstm_sizes=recall["lstm_better_sizes"],
        lstm_count=len(recall["lstm_better_sizes"]),
        tie_sizes=recall["tie_sizes"],
        tie_count=len(recall["tie_sizes"]),
        unlearned_sizes=unlearned,
        unlearned_count=len(unlearned),
        unlearned_up_to=_prefix(sizes, unlearned),
        lstm_learned="never" if max(learned["lstm"]) == 0 else "somewhere",
        transformer_size=won or 0,
        transformer_low=low(seeds_at(won, "transformer")),
        transformer_high=high(seeds_at(won, "transformer")),
        transformer_lstm_low=low(seeds_at(won, "lstm")),
        transformer_lstm_high=high(seeds_at(won, "lstm")),
        lstm_size=lost or 0,
        lstm_low=low(seeds_at(lost, "lstm")),
        lstm_high=high(seeds_at(lost, "lstm")),
        lstm_transformer_low=low(seeds_at(lost, "transformer")),
        lstm_transformer_high=high(seeds_at(lost, "transformer")),
        row_size=sizes[row],
        row_lstm=models["lstm"]["median_accuracy"][row],
        row_transformer=models["transformer"]["median_accuracy"][row],
        rows=data["rows"],
    )


def _prefix(sizes: list[int], unlearned: list[int]) -> int:
    """The largest size such that it and every smaller one went unlearned by both models, so
    the main line can say "with N examples or fewer, neither learned it"; 0 when none."""
    up_to = 0
    for size in sizes:
        if size not in unlearned:
            break
        up_to = size
    return up_to
