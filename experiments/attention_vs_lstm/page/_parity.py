"""length_generalisation: parity trained on short strings, tested on longer ones."""

from dataclasses import dataclass
from typing import Any, Literal

_PARITY = Literal["generalises", "fits_but_fails_longer", "does_not_fit", "mixed"]


@dataclass(frozen=True)
class Parity:
    """Parity trained on short strings, tested on longer ones, per model."""

    max_length: int  # the longest training string, in bits
    test_lengths: list[int]
    longest: int
    test_size: int
    seeds: int
    seed_list: list[int]
    chance: float
    generalises_from: float
    lstm_params: int
    transformer_params: int
    story: Literal["lstm_only", "other"]  # LSTM generalised, Transformer fitted but failed
    lstm: _PARITY
    lstm_train: float  # medians: training strings, held-out strings, the longest strings
    lstm_held_out: float
    lstm_at_longest: float
    lstm_best_seed: float
    lstm_fits: int  # seeds that fitted their training strings
    lstm_generalises: int  # seeds at or above generalises_from at the longest
    transformer: _PARITY
    transformer_train: float
    transformer_held_out: float
    transformer_at_longest: float
    transformer_best_seed: float
    transformer_fits: int
    transformer_generalises: int
    paper: Literal["agrees", "partly", "disagrees"]
    rows: list[dict[str, Any]]


def length_generalisation(result: Any) -> Parity:
    data, found = result.data, result.findings
    lstm, transformer = found["lstm"], found["transformer"]
    lstm_only = lstm["verdict"] == "generalises" and (
        transformer["verdict"] == "fits_but_fails_longer"
    )

    def model(name: str, seen: dict[str, Any]) -> dict[str, Any]:
        return {
            name: seen["verdict"],
            f"{name}_train": seen["train_median"],
            f"{name}_held_out": seen["held_out_median"],
            f"{name}_at_longest": seen["at_longest"],
            f"{name}_best_seed": seen["best_seed_at_longest"],
            f"{name}_fits": seen["fits_seeds"],
            f"{name}_generalises": seen["generalises_seeds"][-1],
        }

    return Parity(
        max_length=data["max_length"],
        test_lengths=data["test_lengths"],
        longest=data["test_lengths"][-1],
        test_size=data["test_size"],
        seeds=found["seeds_n"],
        seed_list=data["seeds"],
        chance=data["chance"],
        generalises_from=data["generalises_from"],
        lstm_params=data["models"]["lstm"]["params"],
        transformer_params=data["models"]["transformer"]["params"],
        story="lstm_only" if lstm_only else "other",
        **model("lstm", lstm),
        **model("transformer", transformer),
        paper=found["paper"],
        rows=data["rows"],
    )
