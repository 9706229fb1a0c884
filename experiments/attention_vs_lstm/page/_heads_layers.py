"""heads_layers: a two-step lookup tried with Transformers of several shapes."""

from dataclasses import dataclass
from typing import Any, Literal


@dataclass(frozen=True)
class HeadsLayers:
    """A two-step lookup tried with Transformers of several shapes."""

    pairs: int
    length: int
    width: int
    steps: int
    seeds: int
    seed_list: list[int]
    chance: float
    solved_from: float
    depth: Literal["matters", "one_layer_enough", "unclear"]
    one_layer_solved: int  # seeds of one-layer shapes that solved it
    one_layer_best: float
    one_layer_max_seed: float
    deeper_best: float
    best_layers: int  # the best deeper shape
    best_heads: int
    deep_enough: Literal["every_seed", "not_every_seed"]  # across the deeper shapes
    deep_solved: int
    deep_seeds: int
    deep_worst: float
    heads: Literal["one_count", "matter", "no"]
    heads_layers: list[int]  # depths at which one head count beat another in every seed
    heads_spread: float
    smallest: Literal["found", "none"]  # the smallest shape solved in every seed
    smallest_layers: int
    smallest_heads: int
    smallest_params: int
    paper: str
    rows: list[dict[str, Any]]


def heads_layers(result: Any) -> HeadsLayers:
    data, found = result.data, result.findings
    rows = data["rows"]
    deep = [row for row in rows if row["layers"] > 1]
    deep_scores = [score for row in deep for score in row["accuracy"]]
    deep_solved = sum(row["solved_seeds"] for row in deep)
    if found["depth_matters"]:
        depth = "matters"
    elif found["one_layer_enough"]:
        depth = "one_layer_enough"
    else:
        depth = "unclear"
    if len({row["heads"] for row in rows}) < 2:
        heads = "one_count"
    else:
        heads = "matter" if found["heads_matter"] else "no"
    best, smallest = found["best_deeper"] or {}, found["smallest_solving"] or {}
    return HeadsLayers(
        pairs=data["pairs"],
        length=data["length"],
        width=data["d_model"],
        steps=data["steps"],
        seeds=found["seeds_n"],
        seed_list=data["seeds"],
        chance=data["chance"],
        solved_from=data["solved_from"],
        depth=depth,
        one_layer_solved=sum(found["one_layer_solved_seeds"]),
        one_layer_best=found["one_layer_best"],
        one_layer_max_seed=found["one_layer_max_seed"],
        deeper_best=found["deeper_best"] or 0.0,
        best_layers=best.get("layers", 0),
        best_heads=best.get("heads", 0),
        deep_enough="every_seed" if deep_solved == len(deep_scores) else "not_every_seed",
        deep_solved=deep_solved,
        deep_seeds=len(deep_scores),
        deep_worst=min(deep_scores, default=0.0),
        heads=heads,
        heads_layers=sorted({h["layers"] for h in found["heads_better"]}),
        heads_spread=found["heads_spread"],
        smallest="found" if smallest else "none",
        smallest_layers=smallest.get("layers", 0),
        smallest_heads=smallest.get("heads", 0),
        smallest_params=smallest.get("params", 0),
        paper=found["paper"],
        rows=rows,
    )
