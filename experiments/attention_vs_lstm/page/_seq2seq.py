"""seq2seq_reversal: reversing sentences with and without attention."""

from dataclasses import dataclass
from typing import Any, Literal

from ._common import high, low

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
        attention_low=low(with_attention),
        attention_high=high(with_attention),
        attention_handled=found["longest_handled"]["seq2seq_attention"] or 0,
        longest_winner=_WINNERS[found["better_per_length"][-1]],
        attention_lengths=found["attention_better_lengths"],
        plain_lengths=found["plain_better_lengths"],
        tie_lengths=found["tie_lengths"],
        attention_count=len(found["attention_better_lengths"]),
        plain_count=len(found["plain_better_lengths"]),
        tie_count=len(found["tie_lengths"]),
        paper=found["paper"],
        rows=[
            {"length": r["length"], "plain": r["seq2seq"], "attention": r["seq2seq_attention"]}
            for r in rows
        ],
        align_length=align["length"],
        align_seed=align["seed"],
        align_lr=align["lr"],
        align_correct="correct" if align["correct"] else "wrong",
        near_copied=found["alignment_near_copied_word"],
    )
