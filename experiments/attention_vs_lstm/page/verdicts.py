"""What the Attention vs LSTM page says, decided once for both languages (chigai.site.words).

One function per experiment id: its result in, a small verdict out. Every word a
sentence chooses is a selector here; every number it quotes is a field. No words, and
no thresholds of our own: each judgement is a finding the experiment made.
"""

from dataclasses import dataclass
from typing import Any, Literal


def _low(values: list[float]) -> float:
    return min(values)


def _high(values: list[float]) -> float:
    return max(values)


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
        lstm_low=_low(models["lstm"]["accuracy"][-1]),
        lstm_high=_high(models["lstm"]["accuracy"][-1]),
        lstm_attention_at_longest=found["at_longest"]["lstm_attention"],
        lstm_attention_low=_low(models["lstm_attention"]["accuracy"][-1]),
        lstm_attention_high=_high(models["lstm_attention"]["accuracy"][-1]),
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
        row_lstm_low=_low(row["seeds"]["lstm"]),
        row_lstm_high=_high(row["seeds"]["lstm"]),
        row_transformer=row["transformer"],
        row_transformer_low=_low(row["seeds"]["transformer"]),
        row_transformer_high=_high(row["seeds"]["transformer"]),
    )


_WINNERS: dict[str | None, Literal["attention", "plain", "tie"]] = {
    "seq2seq_attention": "attention",
    "seq2seq": "plain",
    None: "tie",
}


@dataclass(frozen=True)
class Seq2Seq:
    """Reversing sentences with and without attention; one alignment read by eye."""

    vocab: int
    shortest: int  # words
    longest: int
    seeds: int
    seed_list: list[int]
    solved_from: float
    plain_hidden: int
    attention_hidden: int
    plain_params: int
    attention_params: int
    plain: Literal["drops", "steady"]
    plain_at_shortest: float
    plain_at_longest: float
    attention: Literal["holds", "slips"]
    attention_at_longest: float
    attention_solved: int  # seeds at or above solved_from at the longest length
    attention_low: float
    attention_high: float
    attention_handled: int  # longest length every seed handled; 0: none
    longest_winner: Literal["attention", "plain", "tie"]  # every seed of one beat the other's
    attention_lengths: list[int]  # every seed with attention beat every seed without
    plain_lengths: list[int]
    tie_lengths: list[int]
    attention_count: int
    plain_count: int
    tie_count: int
    paper: Literal["agrees", "partly", "disagrees"]
    rows: list[dict[str, Any]]
    align_length: int
    align_seed: int
    align_lr: float
    align_correct: Literal["correct", "wrong"]
    near_copied: float  # share of written words whose peak was on the copied word or next door


def seq2seq_reversal(result: Any) -> Seq2Seq:
    data, found = result.data, result.findings
    models, rows, align = data["models"], data["rows"], data["alignment"]
    with_attention = models["seq2seq_attention"]["accuracy"][-1]
    return Seq2Seq(
        vocab=data["vocab"],
        shortest=data["lengths"][0],
        longest=data["lengths"][-1],
        seeds=found["seeds_n"],
        seed_list=data["seeds"],
        solved_from=data["solved_from"],
        plain_hidden=models["seq2seq"]["hidden_size"],
        attention_hidden=models["seq2seq_attention"]["hidden_size"],
        plain_params=models["seq2seq"]["params"],
        attention_params=models["seq2seq_attention"]["params"],
        plain="drops" if found["plain_drops"] else "steady",
        plain_at_shortest=rows[0]["seq2seq"],
        plain_at_longest=rows[-1]["seq2seq"],
        attention="holds" if found["attention_holds"] else "slips",
        attention_at_longest=rows[-1]["seq2seq_attention"],
        attention_solved=found["solved_seeds"]["seq2seq_attention"][-1],
        attention_low=_low(with_attention),
        attention_high=_high(with_attention),
        attention_handled=found["longest_handled"]["seq2seq_attention"] or 0,
        longest_winner=_WINNERS[found["better_per_length"][-1]],
        attention_lengths=found["attention_better_lengths"],
        plain_lengths=found["plain_better_lengths"],
        tie_lengths=found["tie_lengths"],
        attention_count=len(found["attention_better_lengths"]),
        plain_count=len(found["plain_better_lengths"]),
        tie_count=len(found["tie_lengths"]),
        paper=found["paper"],
        rows=rows,
        align_length=align["length"],
        align_seed=align["seed"],
        align_lr=align["lr"],
        align_correct="correct" if align["correct"] else "wrong",
        near_copied=found["alignment_near_copied_word"],
    )
