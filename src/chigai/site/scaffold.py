"""`chigai new <slug> --ja … --en …`: a new article that builds, passes the tests and
shows at once, under the titles its writer gave in both languages.

It writes the article's own files from chigai/site/templates/new (an example experiment that
follows the project's recipe, the article's article.toml, its page layer, page/verdicts.py
with page/ja.ftl and page/en.ftl (chigai.site.words), and a ja and an en page that only
say those words), puts the page in the nav of mkdocs.yml before the methodology page, and
adds a card to both home pages. Nothing is written unless all of it can be: every file's
new text is made first (a missing anchor in mkdocs.yml or a home page fails there), and a
failure while writing removes what was created and puts back what was edited.
"""

import json
import re
import shutil
import string
from dataclasses import dataclass
from pathlib import Path

from chigai.run.atomic import write_atomically
from chigai.site.words import page_folder

TEMPLATES = Path(__file__).parent / "templates" / "new"
# A leading letter: the article's experiment ids are read as `results.<id>` in templates.
SLUG = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")
NAV_ANCHOR = re.compile(r"^(?P<indent>[ \t]*)- methodology\.md[ \t]*$", re.M)
CARDS_START = '<div class="grid cards" markdown>'
CARDS_END = "</div>"
# A title goes into Markdown, a Jinja page, TOML and a docstring as it is: none of these.
NOT_IN_TITLES = re.compile(r'[\x00-\x1f\\"{}\[\]<>]')


class ScaffoldError(ValueError):
    """A slug that cannot become an article, or a project file without its anchor."""


@dataclass(frozen=True)
class NewArticle:
    """An article's slug and titles, and the names the slug gives its pages, folder and
    example experiment."""

    slug: str
    title_ja: str
    title_en: str

    def __post_init__(self) -> None:
        if not SLUG.fullmatch(self.slug):
            raise ScaffoldError(
                f"{self.slug!r} is not an article slug: use lowercase ASCII letters and "
                "digits, starting with a letter, with single hyphens between words "
                "(e.g. cnn-vs-mlp)"
            )
        for option, title in (("--ja", self.title_ja), ("--en", self.title_en)):
            bad = NOT_IN_TITLES.search(title)
            if not title.strip() or bad:
                why = f"holds {bad[0]!r}" if bad else "is empty"
                raise ScaffoldError(
                    f"{option} {title!r} {why}: give a title in plain words, without "
                    'quotes, backslashes, brackets, braces or <> (e.g. --ja "CNN と MLP の違い")'
                )

    @property
    def article(self) -> str:
        return self.slug.replace("-", "_")

    @property
    def experiment(self) -> str:
        return f"{self.article}_example"  # ids are global: the article's name keeps it unique

    def substitutions(self) -> dict[str, str]:
        """What the templates' $names stand for (`*_toml`: as a TOML string, quoted)."""
        return {
            "slug": self.slug,
            "article": self.article,
            "experiment": self.experiment,
            "title_en": self.title_en.strip(),
            "title_ja": self.title_ja.strip(),
            "title_en_toml": json.dumps(self.title_en.strip(), ensure_ascii=False),
            "title_ja_toml": json.dumps(self.title_ja.strip(), ensure_ascii=False),
        }


@dataclass(frozen=True)
class Change:
    """One file's new text, and its old text when it exists (None: the file is new)."""

    path: Path
    text: str
    old: str | None = None


def new_article(root: Path, slug: str, *, ja: str, en: str) -> list[Path]:
    """Write a new article's files into the project at root, titled `ja` and `en`; return
    what was written."""
    new = NewArticle(slug, title_ja=ja, title_en=en)
    _refuse_existing(root, new)
    changes = plan(root, new)
    _apply(changes, folder=root / "experiments" / new.article)
    return [change.path for change in changes]


def plan(root: Path, new: NewArticle) -> list[Change]:
    """Every file's new text, made before anything is written."""
    folder = root / "experiments" / new.article
    words = page_folder(folder)
    docs = root / "docs"
    changes = [
        Change(folder / "article.toml", _fill("article.toml.tmpl", new)),
        Change(folder / f"{new.experiment}.py", _fill("experiment.py.tmpl", new)),
        Change(words / "verdicts.py", _fill("verdicts.py.tmpl", new)),
        *(Change(words / f"{lang}.ftl", _text(f"{lang}.ftl.tmpl")) for lang in ("ja", "en")),
        *(
            Change(docs / f"{new.slug}.{lang}.md", _fill(f"page.{lang}.md.tmpl", new))
            for lang in ("ja", "en")
        ),
    ]
    config = root / "mkdocs.yml"
    old = _read(config)
    changes.append(Change(config, _with_nav_entry(old, new.slug, config), old))
    for lang in ("ja", "en"):
        home = docs / f"index.{lang}.md"
        old = _read(home)
        changes.append(Change(home, _with_card(old, _fill(f"card.{lang}.md.tmpl", new), home), old))
    return changes


def _refuse_existing(root: Path, new: NewArticle) -> None:
    taken = [
        path
        for path in (
            root / "docs" / f"{new.slug}.ja.md",
            root / "docs" / f"{new.slug}.en.md",
            root / "docs" / new.slug,
            root / "experiments" / new.article,
            *(root / "experiments").glob(f"*/{new.experiment}.py"),
        )
        if path.exists()
    ]
    if taken:
        names = ", ".join(str(path.relative_to(root)) for path in taken)
        raise ScaffoldError(f"{new.slug!r} is taken by {names}: choose another slug")


def _fill(template: str, new: NewArticle) -> str:
    return string.Template(_text(template)).substitute(new.substitutions())


def _text(template: str) -> str:
    """A template as it is: the .ftl files are copied unfilled, their `$` is Fluent's."""
    return (TEMPLATES / template).read_text(encoding="utf-8")


def _read(path: Path) -> str:
    try:
        return path.read_bytes().decode("utf-8")  # bytes: line endings stay as they are
    except FileNotFoundError:
        raise ScaffoldError(f"{path}: missing, so the new article cannot be added to it") from None


def _with_nav_entry(text: str, slug: str, path: Path) -> str:
    """mkdocs.yml with `- <slug>.md` in the nav, just before the methodology page."""
    anchors = list(NAV_ANCHOR.finditer(text))
    if len(anchors) != 1:
        raise ScaffoldError(
            f"{path}: expected one `- methodology.md` line in nav to add `- {slug}.md` "
            f"before, found {len(anchors)}; nothing was written"
        )
    at = anchors[0]
    return f"{text[: at.start()]}{at['indent']}- {slug}.md\n{text[at.start() :]}"


def _with_card(text: str, card: str, path: Path) -> str:
    """A home page with the article's card last in its grid of cards."""
    start = text.find(CARDS_START)
    end = text.find(CARDS_END, start) if start >= 0 else -1
    if end < 0:
        raise ScaffoldError(
            f"{path}: found no {CARDS_START} … {CARDS_END} to add the card to; nothing was written"
        )
    return text[:end] + card + text[end:]


def _apply(changes: list[Change], folder: Path) -> None:
    """Write every change, or (on any failure, Ctrl-C included) none of them."""
    made_folder = not folder.exists()
    written: list[Change] = []
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for change in changes:
            write_atomically(change.path, change.text)
            written.append(change)
    except BaseException:
        for change in reversed(written):
            if change.old is None:
                change.path.unlink(missing_ok=True)
            else:
                write_atomically(change.path, change.old)
        if made_folder:
            shutil.rmtree(folder, ignore_errors=True)
        raise
