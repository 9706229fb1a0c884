"""The models an article declares, as its figures look them up.

Each article names its models in its own `experiments/<article>/article.toml`
(`[models.<name>]`: colour, ja, en; chigai.site.presentation reads and checks it), so a
new model needs no edit in chigai. Figure code writes `COLORS[name]` and
`label(name, lang)` as before: while a figure is drawn (`drawing`), a name that is not a
shared colour or label is looked up among the models of the article the figure belongs
to, and one that article does not declare is an error naming its article.toml.

Imports nothing heavy: chigai.site.strings reads it, and no build that draws nothing
should load matplotlib.
"""

import json
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Model:
    """One model as readers see it: its line colour and its name in each language."""

    colour: str
    name: Mapping[str, str]


@dataclass(frozen=True)
class Declared:
    """An article's models, and the article.toml they come from (errors name it)."""

    source: str  # experiments/<article>/article.toml
    models: Mapping[str, Model] = field(default_factory=dict)

    def key(self) -> bytes:
        """The declaration as bytes, for the figure cache: a new colour redraws."""
        plain = {name: [m.colour, dict(m.name)] for name, m in self.models.items()}
        return json.dumps(plain, sort_keys=True, ensure_ascii=False).encode()


class UndeclaredModel(KeyError):
    """A figure named a model its article does not declare; the message says where to."""

    def __str__(self) -> str:  # KeyError would show the message in quotes
        return str(self.args[0])


DRAWING: ContextVar[Declared | None] = ContextVar("drawing", default=None)


@contextmanager
def drawing(declared: Declared | None) -> Iterator[None]:
    """Figures drawn inside look model names up in `declared`."""
    token = DRAWING.set(declared)
    try:
        yield
    finally:
        DRAWING.reset(token)


def model(name: str) -> Model:
    """The model `name` of the article being drawn, or UndeclaredModel in one line."""
    declared = DRAWING.get()
    if declared is None:
        raise UndeclaredModel(
            f"{name!r} is no shared label or colour (chigai/site/strings.py LABELS, "
            f"chigai/site/figures/style.py) and no article's models are in effect: "
            f"draw with chigai.site.figures.render(..., models=<the article's Declared>)"
        )
    try:
        return declared.models[name]
    except KeyError:
        raise UndeclaredModel(
            f"{declared.source}: the article names model {name!r} but does not declare it; "
            f'add [models.{name}] with colour = "#rrggbb", ja = "…" and en = "…" '
            f"(a word that is not a model goes in LABELS of chigai/site/strings.py)"
        ) from None


def current() -> Mapping[str, Model]:
    """The models of the article being drawn (none outside a drawing)."""
    declared = DRAWING.get()
    return declared.models if declared is not None else {}
