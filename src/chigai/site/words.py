"""An article's judgements, decided once in code and said in each language's own words.

Each article keeps its page layer in `experiments/<article>/page/`:

- `verdicts.py`: one function per experiment id, `adding_problem(result) -> Verdict`,
  that turns a result (`.data`, `.findings`, `.provenance`) into a small frozen dataclass:
  selectors (`outcome: Literal["lstm", "rnn", "undecided"]`), counts and the numbers a
  sentence quotes. It is the only place a page's judgement is made, it holds no words, and
  no experiment imports it, so editing it never stales a result.
- `en.ftl`, `ja.ftl`: Project Fluent messages that say each verdict, one selector level
  deep, in the language's own grammar (plurals in English, counters in Japanese). A page
  prints one with `{{ say("adding-main", v.adding_problem) }}`.

Fluent over flat Jinja macros: a message is one line of one file of one language, a
translator can edit it without reading Jinja, each language picks its own variants
("asymmetric localization"), and a missing message or variable is an error we can name.

Values from results are escaped before Fluent places them (chigai.site.fragments
`plain_text`); the messages themselves are ours and may hold Markdown (`**bold**`).
Fluent functions: `NUM($x, digits: 2)`, `PCT($share, digits: 1)`; a list value is
joined the page language's way ("10, 20 and 30", "10、20、30").
"""

import dataclasses
import functools
import importlib.util
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from types import MappingProxyType, ModuleType
from typing import Any

import jinja2
import jinja2.nodes
from fluent.runtime import FluentBundle
from fluent.syntax import ast as fluent_ast
from fluent.syntax.visitor import Visitor
from markupsafe import Markup

from chigai.site.fragments import plain_text
from chigai.site.parsed import parse_ftl
from chigai.site.prose import num, pct
from chigai.site.sections import Unavailable
from chigai.site.templating import RenderError

PAGE_FOLDER = "page"
LANGUAGES = ("ja", "en")


def page_folder(article_folder: Path) -> Path:
    return article_folder / PAGE_FOLDER


def listing(values: list, lang: str) -> str:
    """[50, 100, 200] -> '50, 100 and 200' in English, '50、100、200' in Japanese."""
    words = [v if isinstance(v, str) else num(v) for v in values]
    if lang == "ja" or len(words) < 2:
        return "、".join(words)
    return f"{', '.join(words[:-1])} and {words[-1]}"


def _number(value: Any, digits: Any = 3) -> str:
    return num(value if isinstance(value, int) else float(value), int(digits))


def _percent(value: Any, digits: Any = 0) -> str:
    return pct(float(value), int(digits))


FUNCTIONS = {"NUM": _number, "PCT": _percent}


@functools.lru_cache(maxsize=64)
def _parsed(path: Path, modified: int) -> fluent_ast.Resource:
    """One language's messages, parsed once per version of the file (`mkdocs serve`
    rereads an edited one)."""
    return parse_ftl(path)


@functools.lru_cache(maxsize=64)
def _bundle(path: Path, lang: str, modified: int) -> FluentBundle:
    bundle = FluentBundle([lang], functions=FUNCTIONS, use_isolating=False)
    bundle.add_resource(_parsed(path, modified))
    return bundle


def bundle(folder: Path, lang: str) -> tuple[FluentBundle, Path]:
    path = folder / f"{lang}.ftl"
    if not path.is_file():
        raise RenderError(f"{path} is missing: every article says its verdicts in {LANGUAGES}")
    return _bundle(path, lang, path.stat().st_mtime_ns), path


def load_verdicts(folder: Path) -> ModuleType:
    """The article's verdicts.py, loaded from its file on every build (never cached across
    builds, so `mkdocs serve` picks up an edit). It is a module of a package made of the
    page folder, so a long one may keep parts in sibling files (`from ._recall import ...`)."""
    path = folder / "verdicts.py"
    if not path.is_file():
        raise RenderError(f"{path} is missing: an article's judgements are made there")
    package = f"chigai_page_{folder.parent.name}"
    for loaded in [name for name in sys.modules if name.split(".")[0] == package]:
        del sys.modules[loaded]  # this build reads the files as they are now
    home = ModuleType(package)
    home.__path__ = [str(folder)]
    sys.modules[package] = home
    spec = importlib.util.spec_from_file_location(f"{package}.verdicts", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


class Verdicts:
    """`v` in a page: `v.adding_problem` is the verdict of that experiment's result, made
    by verdicts.py once per page; a missing result stays `Unavailable`, so saying it blanks
    its section like any other use."""

    def __init__(self, folder: Path, results: Mapping[str, Any]):
        self._folder, self._results = folder, results
        self._made: dict[str, Any] = {}

    @functools.cached_property
    def _module(self) -> ModuleType:
        return load_verdicts(self._folder)

    def __getattr__(self, experiment: str) -> Any:
        if experiment.startswith("_"):
            raise AttributeError(experiment)
        if experiment not in self._made:
            self._made[experiment] = self._make(experiment)
        return self._made[experiment]

    def _make(self, experiment: str) -> Any:
        if experiment not in self._results:
            raise RenderError(f"v.{experiment}: no experiment {experiment!r} in this build")
        result = self._results[experiment]
        if isinstance(result, Unavailable):
            return result
        make: Callable | None = getattr(self._module, experiment, None)
        if make is None:
            raise RenderError(
                f"{self._folder / 'verdicts.py'} has no function {experiment}(result); add it"
            )
        return make(result)


def values(verdict: Any, lang: str) -> dict[str, Any]:
    """A verdict's fields as Fluent variables: numbers as they are, text escaped, lists
    joined in the page language, True/False refused (a sentence selects on a word)."""
    if verdict is None:
        return {}
    if isinstance(verdict, Unavailable):
        verdict._raise()
    fields = (
        {f.name: getattr(verdict, f.name) for f in dataclasses.fields(verdict)}
        if dataclasses.is_dataclass(verdict)
        else dict(verdict)
    )
    out: dict[str, Any] = {}
    for name, value in fields.items():
        if isinstance(value, Unavailable):
            value._raise()
        if isinstance(value, bool):
            raise RenderError(
                f"{type(verdict).__name__}.{name} is True/False; give it words to select on"
            )
        if isinstance(value, (list, tuple)):  # rows for a table are the template's to print
            if all(isinstance(item, (int, float, str)) for item in value):
                out[name] = str(plain_text(listing(list(value), lang)))
        elif isinstance(value, (int, float)):
            out[name] = value
        elif value is not None and not dataclasses.is_dataclass(value):
            out[name] = str(plain_text(value))
    return out


def say(folder: Path, lang: str, message: str, verdict: Any = None, **extra: Any) -> Markup:
    """One message of the article's words in `lang`, filled from a verdict (and extras)."""
    messages, path = bundle(folder, lang)
    if not messages.has_message(message):
        raise RenderError(f"{path} has no message {message!r}; add it")
    arguments = values(verdict, lang) | values(extra, lang)
    text, errors = messages.format_pattern(messages.get_message(message).value, arguments)
    if errors:
        raise RenderError(f"{path}: message {message!r}: {errors[0]}")
    return Markup(text)


@functools.lru_cache(maxsize=16)  # parsing a whole page is slow; a build asks once per rerun
def said_with(template: str) -> Mapping[str, tuple[str, ...]]:
    """experiment -> the messages a page template says with `v.<experiment>`, in order."""
    found: dict[str, tuple[str, ...]] = {}
    for call in jinja2.Environment().parse(template).find_all(jinja2.nodes.Call):
        name = getattr(call.node, "name", "")
        if name == "say" and len(call.args) > 1 and isinstance(call.args[1], jinja2.nodes.Getattr):
            message = call.args[0]
            if isinstance(message, jinja2.nodes.Const):
                found[call.args[1].attr] = (*found.get(call.args[1].attr, ()), message.value)
    return MappingProxyType(found)


@functools.lru_cache(maxsize=64)
def _variables(path: Path, modified: int) -> dict[str, frozenset[str]]:
    """message -> every variable it reads (to choose words by, or to print), from a file."""
    read: dict[str, frozenset[str]] = {}
    for entry in _parsed(path, modified).body:
        if isinstance(entry, fluent_ast.Message):
            found: set[str] = set()
            _Variables(found).visit(entry)
            read[entry.id.name] = frozenset(found)
    return read


class _Variables(Visitor):
    def __init__(self, found: set[str]):
        super().__init__()
        self.found = found

    def visit_VariableReference(self, node: fluent_ast.VariableReference) -> None:
        self.found.add(node.id.name)


def variables(folder: Path, lang: str) -> dict[str, frozenset[str]]:
    _, path = bundle(folder, lang)  # names a missing or broken file
    return _variables(path, path.stat().st_mtime_ns)


def _decides(value: Any) -> bool:
    """A selector, a count or a list of them (which sizes won): what a verdict is made of.
    A measured float is not: a rerun always moves it a little (chigai.run.verdicts)."""
    if isinstance(value, (list, tuple)):
        return all(_decides(item) for item in value)
    return isinstance(value, (str, int)) and not isinstance(value, bool)


def reworded(folder: Path, lang: str, messages: list[str], ours: Any, theirs: Any) -> list[Markup]:
    """What a reader would read differently if `theirs` (a rerun's verdict) stood on the
    page instead of `ours`: each of `messages` that reads a selector, count or list of the
    verdict that changed, said with the rerun's verdict. Numbers that merely moved do not
    count."""
    changed = {
        f.name
        for f in dataclasses.fields(ours)
        if (ours_value := getattr(ours, f.name)) != getattr(theirs, f.name) and _decides(ours_value)
    }
    read = variables(folder, lang)
    sentences = []
    for message in dict.fromkeys(messages):  # page order, each once
        if read.get(message, frozenset()) & changed:
            sentences.append(say(folder, lang, message, theirs))
    return sentences


def rerun_sentences(folder: Path, lang: str, ours: Any, theirs: Any) -> list[Markup] | None:
    """The sentences of the article's page in `lang` that would read differently with a
    rerun's result (`theirs`) in place of the published one (`ours`); None when the article
    has no page layer or no verdict for that experiment (then findings are named instead)."""
    experiment = ours.experiment
    slug = folder.parent.name.replace("_", "-")
    template = folder.parents[2] / "docs" / f"{slug}.{lang}.md"
    if not (folder / "verdicts.py").is_file() or not template.is_file():
        return None
    if not (folder / f"{lang}.ftl").is_file():
        return None
    make = getattr(load_verdicts(folder), experiment, None)
    if make is None:
        return None
    source = template.read_text(encoding="utf-8")
    if f"results.{experiment}.findings" in source:  # the page still judges some of it itself
        return None
    messages = list(said_with(source).get(experiment, ()))
    return reworded(folder, lang, messages, make(ours), make(theirs))
