"""far_recall: card recall across growing gaps, and one example of attention."""

from dataclasses import dataclass
from typing import Any, Literal

from ._common import high, low


def _level(clear: int, seeds: int) -> Literal["guessing", "above", "mixed"]:
    """No seed clearly above guessing, every seed, or some."""
    return "guessing" if clear == 0 else "above" if clear == seeds else "mixed"


@dataclass(frozen=True)
class FarRecall:
    """Card recall across growing gaps; where attention looked in one example."""

    cards: int
    chance: float
    solved_from: float
    above_from: float  # "clearly above guessing" starts here
    shortest: int  # sequence lengths
    longest: int
    longest_gap: int  # blank steps between the cards and the question
    seeds: int
    seed_list: list[int]
    lstm_params: int
    lstm_attention_params: int
    transformer_params: int
    beats: Literal["transformer", "no_separation"]  # at the longest length
    transformer: Literal["holds", "slips"]
    transformer_solved: int  # seeds that solved the longest length
    lstm: Literal["drops", "steady"]
    lstm_far: Literal["guessing", "above", "mixed"]  # every LSTM seed at the longest length
    lstm_above_until: int  # longest length where every LSTM seed beat guessing clearly; 0: none
    helps: Literal["helps", "unclear"]  # attention added to the LSTM, at the longest length
    helped_solves: Literal["solved", "short"]  # did that LSTM + attention solve it there?
    lstm_at_shortest: float
    lstm_at_longest: float
    lstm_low: float
    lstm_high: float
    lstm_attention_at_longest: float
    lstm_attention_low: float
    lstm_attention_high: float
    transformer_at_longest: float
    paper: str
    rows: list[dict[str, Any]]
    # one example of attention, read by eye
    map_seed: int
    map_length: int
    map_lr_transformer: float
    map_lr_lstm_attention: float
    heads: int
    heads_on_answer: int  # heads whose largest weight sat on the answer card
    looks_transformer: float  # share of test questions with the peak on the answer
    looks_lstm_attention: float
    lstm_attention_peak: float  # the LSTM's attention: its largest weight in the example
    positions: int
    even_share: float
    # the at-a-glance row: the longest length where models still learned something
    row_length: int
    row_rule: Literal["both", "one", "none"]
    row_lstm: float
    row_lstm_low: float
    row_lstm_high: float
    row_transformer: float
    row_transformer_low: float
    row_transformer_high: float


def far_recall(result: Any) -> FarRecall:
    data, found = result.data, result.findings
    models, example = data["models"], data["attention"]
    heads = [row for row in example["rows"] if row["model"] == "transformer"]
    answer = example["answer_position"]
    on_answer = sum(row["weights"][answer] == max(row["weights"]) for row in heads)
    lstm_attention = next(row for row in example["rows"] if row["model"] == "lstm_attention")
    row = found["informative_row"]
    seeds = found["seeds_n"]
    return FarRecall(
        cards=data["cards"],
        chance=data["chance"],
        solved_from=data["solved_from"],
        above_from=data["above_chance_from"],
        shortest=data["lengths"][0],
        longest=data["lengths"][-1],
        longest_gap=data["gaps"][-1],
        seeds=seeds,
        seed_list=data["seeds"],
        lstm_params=models["lstm"]["params"],
        lstm_attention_params=models["lstm_attention"]["params"],
        transformer_params=models["transformer"]["params"],
        beats="transformer" if found["attention_beats_lstm_at_longest"] else "no_separation",
        transformer="holds" if found["transformer_holds"] else "slips",
        transformer_solved=found["solved_seeds"]["transformer"][-1],
        lstm="drops" if found["lstm_drops"] else "steady",
        lstm_far=_level(found["above_chance_seeds"]["lstm"][-1], seeds),
        lstm_above_until=found["longest_above_chance"]["lstm"] or 0,
        helps="helps" if found["lstm_attention_helps"] else "unclear",
        helped_solves="solved" if found["solved_seeds"]["lstm_attention"][-1] == seeds else "short",
        lstm_at_shortest=found["at_shortest"]["lstm"],
        lstm_at_longest=found["at_longest"]["lstm"],
        lstm_low=low(models["lstm"]["accuracy"][-1]),
        lstm_high=high(models["lstm"]["accuracy"][-1]),
        lstm_attention_at_longest=found["at_longest"]["lstm_attention"],
        lstm_attention_low=low(models["lstm_attention"]["accuracy"][-1]),
        lstm_attention_high=high(models["lstm_attention"]["accuracy"][-1]),
        transformer_at_longest=found["at_longest"]["transformer"],
        paper=found["paper"],
        rows=data["rows"],
        map_seed=example["seed"],
        map_length=example["length"],
        map_lr_transformer=example["lr"]["transformer"],
        map_lr_lstm_attention=example["lr"]["lstm_attention"],
        heads=len(heads),
        heads_on_answer=on_answer,
        looks_transformer=found["transformer_looks_at_answer"],
        looks_lstm_attention=found["lstm_attention_looks_at_answer"],
        lstm_attention_peak=max(lstm_attention["weights"]),
        positions=len(lstm_attention["weights"]),
        even_share=1 / len(lstm_attention["weights"]),
        row_length=row["length"],
        row_rule=row["above_chance"],
        row_lstm=row["lstm"],
        row_lstm_low=low(row["seeds"]["lstm"]),
        row_lstm_high=high(row["seeds"]["lstm"]),
        row_transformer=row["transformer"],
        row_transformer_low=low(row["seeds"]["transformer"]),
        row_transformer_high=high(row["seeds"]["transformer"]),
    )
