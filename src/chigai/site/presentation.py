"""What readers see of an article besides its numbers, read from the article's own files.

- `experiments/<article>/article.toml`: the article's name (home and methodology pages),
  `share_figure`, the figure that link previews (Open Graph, Twitter) show, its models
  (`[models.<name>]`: the colour and the ja and en names its figures draw them with,
  chigai.site.declared) and `[prose] model_words`, the other words its pages name models
  by, for tests/experiments/test_prose.py (a sentence that explains rather than judges
  says so next to its words, in a `# explains: <why>` comment of page/<lang>.ftl);
- in each experiment module, next to `FIGURES`: `ALT = {"<figure>": {"ja": …, "en": …}}`,
  the alt text of every figure it declares, and `NAME = {"ja": …, "en": …}`, what a
  reader calls the experiment (optional: its id stands in).

So a writer adds an article without touching chigai. All of it is read statically (no
import, no torch), and none of it lives in chigai.experiment on purpose: every experiment
imports that module, so its code is part of every result's fingerprint. For the same
reason chigai.run.fingerprint leaves PRESENTATION_NAMES out of what it hashes: rewording an
alt text never stales an hour-long result.
"""

import ast
import functools
import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from chigai.experiment import ExperimentError, ExperimentSpec
from chigai.run.fingerprint import PRESENTATION_NAMES
from chigai.site.declared import Declared, Model
from chigai.site.strings import LABELS, LANGUAGES

ARTICLE_FILE = "article.toml"
ARTICLE_KEYS = ("name", "share_figure")
OPTIONAL_KEYS = ("models", "prose")
MODEL_KEYS = ("colour", *LANGUAGES)
MODEL_NAME = re.compile(r"[a-z][a-z0-9_]*")  # as the experiment's data names the model
COLOUR = re.compile(r"#[0-9a-fA-F]{6}")
PROSE_KEYS = ("model_words",)


@dataclass(frozen=True)
class Texts:
    """An experiment's words for readers: alt text by figure, and its name by language."""

    alt: Mapping[str, Mapping[str, str]]
    name: Mapping[str, str]


@dataclass(frozen=True)
class Prose:
    """What the prose test needs beyond the model names: other words the pages name models
    by ({lang: [word, …]})."""

    model_words: Mapping[str, list[str]]


@dataclass(frozen=True)
class Article:
    """One article, from its article.toml; `share_figure` is a figure id ("article/name")."""

    id: str
    name: Mapping[str, str]
    share_figure: str
    share_alt: Mapping[str, str]
    models: Declared
    prose: Prose


def texts(spec: ExperimentSpec) -> Texts:
    """ALT and NAME of an experiment; a figure of FIGURES without ja and en alt text is an
    ExperimentError naming the file and the figure."""
    return _texts(spec.path, spec.path.read_text(encoding="utf-8"), tuple(spec.figures))


@functools.cache  # keyed by the source: `mkdocs serve` sees an edit, a build parses once
def _texts(path: Path, source: str, figures: tuple[str, ...]) -> Texts:
    found: dict[str, Any] = {}
    for node in ast.parse(source, filename=str(path)).body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target = node.targets[0]
            if isinstance(target, ast.Name) and target.id in PRESENTATION_NAMES:
                try:
                    found[target.id] = ast.literal_eval(node.value)
                except ValueError as error:
                    raise ExperimentError(
                        f"{path}:{node.lineno}: {target.id} must be a plain literal ({error})"
                    ) from error
    alt = found.get("ALT", {})
    if not isinstance(alt, dict):
        raise ExperimentError(f'{path}: ALT must be a dict {{"<figure>": {{"ja": …, "en": …}}}}')
    for figure in figures:
        _bilingual(alt.get(figure), f"{path}: ALT[{figure!r}]", "alt text")
    extra = sorted(set(alt) - set(figures))
    if extra:
        raise ExperimentError(f"{path}: ALT names {', '.join(extra)}, which FIGURES does not")
    name = found.get("NAME")
    if name is not None:
        _bilingual(name, f"{path}: NAME", "what readers call the experiment")
    return Texts(alt=alt, name=name or {})


def read_articles(root: Path, specs: Iterable[ExperimentSpec]) -> dict[str, Article]:
    """Every article that has experiments, by id, with every experiment's texts checked."""
    by_article: dict[str, list[ExperimentSpec]] = {}
    for spec in specs:
        texts(spec)
        by_article.setdefault(spec.article, []).append(spec)
    return {
        article: read_article(root / "experiments" / article / ARTICLE_FILE, own)
        for article, own in sorted(by_article.items())
    }


def read_article(path: Path, specs: list[ExperimentSpec]) -> Article:
    """An article.toml, checked against the figures its experiments declare."""
    raw = _load(path)
    name = _bilingual(raw["name"], f"{path}: name", "what readers call the article")
    owner = next((s for s in specs if raw["share_figure"] in s.figures), None)
    if owner is None:
        declared = ", ".join(f for s in specs for f in s.figures)
        raise ExperimentError(
            f"{path}: share_figure {raw['share_figure']!r} is not a figure of this article "
            f"(its FIGURES declare: {declared})"
        )
    return Article(
        id=path.parent.name,
        name=name,
        share_figure=f"{owner.article}/{raw['share_figure']}",
        share_alt=texts(owner).alt[raw["share_figure"]],
        models=_models(path, raw),
        prose=_prose(path, raw),
    )


def article_models(root: Path, article: str) -> Declared:
    """The models `experiments/<article>/article.toml` declares, for drawing its figures."""
    path = root / "experiments" / article / ARTICLE_FILE
    return _models(path, _load(path))


def experiment_models(spec: ExperimentSpec) -> Declared:
    """The models of the article an experiment belongs to (its folder's article.toml)."""
    return article_models(spec.path.parents[2], spec.article)


def article_prose(root: Path, article: str) -> Prose:
    """The [prose] table of `experiments/<article>/article.toml`."""
    path = root / "experiments" / article / ARTICLE_FILE
    return _prose(path, _load(path))


def _load(path: Path) -> dict[str, Any]:
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ExperimentError(
            f"{path}: missing; every article needs one ([name] ja and en, share_figure)"
        ) from None
    except tomllib.TOMLDecodeError as error:
        raise ExperimentError(f"{path}: not valid TOML ({error})") from error
    unknown = sorted(set(raw) - {*ARTICLE_KEYS, *OPTIONAL_KEYS})
    missing = [key for key in ARTICLE_KEYS if key not in raw]
    if unknown or missing:
        raise ExperimentError(f"{path}: unknown keys {unknown}, missing keys {missing}")
    return raw


def _models(path: Path, raw: dict[str, Any]) -> Declared:
    """[models.<name>] tables: colour = "#rrggbb", ja and en, each checked, named on error."""
    models = {}
    for name, table in (raw.get("models") or {}).items():
        where = f"{path}: [models.{name}]"
        if not MODEL_NAME.fullmatch(name):
            raise ExperimentError(f"{where}: a model name is lowercase letters, digits and _")
        if name in LABELS:
            raise ExperimentError(
                f"{where}: {name!r} is a shared label of chigai/site/strings.py, not a model; "
                "name the model as the experiment's data does, something else"
            )
        if not isinstance(table, dict) or sorted(table) != sorted(MODEL_KEYS):
            raise ExperimentError(f"{where}: needs exactly colour, ja and en, got {table!r}")
        if not isinstance(table["colour"], str) or not COLOUR.fullmatch(table["colour"]):
            raise ExperimentError(f'{where}: colour must be "#rrggbb", got {table["colour"]!r}')
        names = _bilingual({lang: table[lang] for lang in LANGUAGES}, where, "a name")
        models[name] = Model(colour=table["colour"], name=names)
    source = path.relative_to(path.parents[2]).as_posix()  # experiments/<article>/article.toml
    return Declared(source=source, models=models)


def _prose(path: Path, raw: dict[str, Any]) -> Prose:
    """[prose]: model_words = {ja = [...], en = [...]}."""
    table = raw.get("prose") or {}
    unknown = sorted(set(table) - set(PROSE_KEYS))
    if not isinstance(table, dict) or unknown:
        raise ExperimentError(
            f"{path}: [prose] takes only model_words, got {unknown}; a sentence that explains "
            "rather than judges says so above its message in page/<lang>.ftl: # explains: <why>"
        )
    words = table.get("model_words") or {}
    if not isinstance(words, dict) or not all(
        lang in LANGUAGES and isinstance(v, list) and all(isinstance(w, str) and w for w in v)
        for lang, v in words.items()
    ):
        raise ExperimentError(f"{path}: [prose] model_words must be {{ja = [...], en = [...]}}")
    return Prose(model_words={lang: words.get(lang, []) for lang in LANGUAGES})


def _bilingual(value: object, where: str, what: str) -> dict[str, str]:
    """A {"ja": …, "en": …} of non-empty strings, or an ExperimentError saying so."""
    if not isinstance(value, dict) or not all(
        isinstance(value.get(lang), str) and value[lang].strip() for lang in LANGUAGES
    ):
        raise ExperimentError(f"{where}: needs {what} in ja and en, got {value!r}")
    return value
