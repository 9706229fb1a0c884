"""`chigai compare OTHER`: what another set of results would change on the pages.

chigai.run.compare pairs the result files and finds the changed verdicts and the moved
numbers. This renders every page of docs/, in both languages, from each side's results
as a build would show them (full, else quick; as if fresh: the fingerprint line says
whether they are), reduces each page to the text a reader reads, and diffs it sentence
by sentence. A result on one side only is shown from that side on both, so it cannot
change a sentence; it is listed instead.

Which side is "before": a folder is a rerun made elsewhere (results/ → OTHER, what it
would change if it replaced results/); a git revision is the past (REV → results/, as
`git diff REV` reads).
"""

import difflib
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import markdown
from mkdocs.utils.meta import get_data

from chigai.experiment import PRESET_NAMES, ExperimentSpec
from chigai.run.compare import Key, Pair, number, pairs, read_folder, read_other
from chigai.run.fingerprint import fingerprint
from chigai.run.freshness import Entry, State
from chigai.run.loading import discover
from chigai.run.results import Result
from chigai.site.presentation import read_articles
from chigai.site.render import Missing, Shown, page_article, page_language, render_page

# As mkdocs.yml's markdown_extensions, less toc: anchors are not text a reader reads.
EXTENSIONS = ["admonition", "attr_list", "md_in_html", "tables", "pymdownx.details"]
EXTENSIONS += ["pymdownx.superfences"]
_BLOCKS = {"p", "li", "tr", "figcaption", "summary", "div", "details", "br"}
_BLOCKS |= {"h1", "h2", "h3", "h4", "h5", "h6", "pre", "blockquote", "dt", "dd", "table"}
_SENTENCE_END = re.compile(r"(?<=[。！？])\s*|(?<=[.!?])\s+")

Hunk = tuple[list[str], list[str]]  # sentences before, sentences after


@dataclass(frozen=True)
class PageChange:
    src_uri: str  # e.g. rnn-vs-lstm.en.md
    hunks: list[Hunk]

    @property
    def sentences(self) -> int:
        return sum(max(len(gone), len(new)) for gone, new in self.hunks)


@dataclass
class Comparison:
    before: str  # the labels of the two sides
    after: str
    pairs: list[Pair]
    alone: dict[Key, str]  # on one side only: the side's label
    pages: list[PageChange]
    problems: list[str] = field(default_factory=list)  # sections one side cannot render
    homes: dict[str, str] = field(default_factory=dict)  # experiment -> article id
    names: dict[str, str] = field(default_factory=dict)  # article id -> its English name

    @property
    def exit_code(self) -> int:
        """1 when a verdict changed (what a CI job flags), else 0: numbers that moved and
        sentences that read differently are reported but expected of any rerun."""
        return int(any(p.verdicts for p in self.pairs))


def compare(root: Path, other: str, ours: Path | None = None) -> Comparison:
    """Compare OTHER with `ours` (the project's results/); a broken file on either side
    raises its one-line ResultError, an unreadable OTHER a CompareError."""
    mine = read_folder(ours or root / "results", "results/")
    theirs = read_other(root, other)
    before, after = (theirs, mine) if theirs.revision else (mine, theirs)
    both, alone = pairs(before, after)
    specs = discover(root)
    articles = read_articles(root, specs.values())
    problems: list[str] = []
    merged = [
        side.results | {k: v for k, v in other.results.items() if k not in side.results}
        for side, other in ((before, after), (after, before))
    ]
    today = {
        (spec.id, preset): fingerprint(spec, preset)
        for spec in specs.values()
        for preset in PRESET_NAMES
    }
    rendered = [
        _pages(root, specs, articles, results, today, problems, side.label)
        for results, side in zip(merged, (before, after), strict=True)
    ]
    changes = []
    for src_uri, page in rendered[0].items():
        if page == rendered[1][src_uri]:
            continue
        gone, new = sentences(page), sentences(rendered[1][src_uri])
        matcher = difflib.SequenceMatcher(None, gone, new, autojunk=False)
        hunks = [
            (gone[i1:i2], new[j1:j2])
            for tag, i1, i2, j1, j2 in matcher.get_opcodes()
            if tag != "equal"
        ]
        if hunks:
            changes.append(PageChange(src_uri, hunks))
    homes = {spec.id: spec.article for spec in specs.values()}
    names = {key: article.name.get("en", key) for key, article in articles.items()}
    return Comparison(before.label, after.label, both, alone, changes, problems, homes, names)


def _pages(
    root: Path,
    specs: dict[str, ExperimentSpec],
    articles: dict,
    results: dict[Key, Result],
    today: dict[Key, str],
    problems: list[str],
    label: str,
) -> dict[str, str]:
    """Each page of docs/ in each language, rendered from `results`: the full result,
    else the quick one, stale (with the notices that brings) where its fingerprint is not
    `today`'s, today's code's."""
    shown: dict[str, Shown] = {}
    missing: dict[str, Missing] = {}
    status = []
    for spec in specs.values():
        entries = []
        for preset in PRESET_NAMES:
            result = results.get((spec.id, preset))
            fresh = result and result.fingerprint == today[spec.id, preset]
            state = State.MISSING if not result else State.FRESH if fresh else State.STALE
            entries.append(Entry(spec, preset, state, result))
        status += entries
        chosen = next((e for e in reversed(entries) if e.result), None)  # full, else quick
        if chosen:
            shown[spec.id] = Shown(spec, chosen.result, stale=chosen.state is State.STALE)
        else:
            missing[spec.id] = Missing(spec, f"no result for {spec.id} on either side")
    pages = {}
    for path in sorted((root / "docs").rglob("*.md")):
        src_uri = path.relative_to(root / "docs").as_posix()
        lang = page_language(src_uri)
        if lang is None:
            continue
        body, _ = get_data(path.read_text(encoding="utf-8"))
        found: list[str] = []
        page = render_page(
            body,
            src_uri=src_uri,
            lang=lang,
            shown=shown,
            status=status,
            unavailable=missing,
            problems=found,
            articles=articles,
        )
        problems += [f"{src_uri} from {label}: {problem}" for problem in found]
        pages[src_uri] = page
    return pages


class _Text(HTMLParser):
    """The text of HTML, one block (paragraph, list item, cell, heading) at a time."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[list[str]] = [[]]
        self.hidden = 0  # inside <script> or <style>

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.hidden += tag in ("script", "style")
        if tag in _BLOCKS:
            self.blocks.append([])
        elif tag in ("td", "th") and "".join(self.blocks[-1]).strip():
            self.blocks[-1].append(" | ")  # a table row reads as one line, cells apart

    def handle_endtag(self, tag: str) -> None:
        self.hidden -= tag in ("script", "style")
        if tag in _BLOCKS:
            self.blocks.append([])

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.blocks[-1].append(data)


def sentences(page: str) -> list[str]:
    """A rendered page's Markdown as the sentences a reader reads (split at 。！？ and at
    . ! ? before a space), markup, attributes and alt texts left out."""
    parser = _Text()
    parser.feed(markdown.markdown(page, extensions=EXTENSIONS))
    found = []
    for block in parser.blocks:
        text = " ".join("".join(block).split())
        found += [part.strip() for part in _SENTENCE_END.split(text) if part.strip()]
    return found


def report(c: Comparison, *, md: bool = False) -> str:
    """The comparison for a terminal, or as Markdown for a pull request (`md`)."""
    code = (lambda text: f"`{text}`") if md else (lambda text: text)
    item = "- " if md else "  "
    lines = [
        f"{'## ' if md else ''}chigai compare: {code(c.before)} → {code(c.after)}",
        "",
        f"{len(c.pairs)} experiment × preset pairs on both sides, "
        f"{sum(not p.identical for p in c.pairs)} of them not identical.",
    ]
    for label in dict.fromkeys(c.alone.values()):
        keys = [
            f"{experiment}.{preset}" for (experiment, preset), at in c.alone.items() if at == label
        ]
        lines.append(
            f"Only in {code(label)} ({len(keys)}, shown from there on both sides): "
            f"{', '.join(keys)}."
        )
    pages_of = {}
    for page in c.pages:
        pages_of.setdefault(page_article(page.src_uri), []).append(page)
    articles = [*dict.fromkeys(c.homes.get(p.key[0], "") for p in c.pairs), *pages_of]
    for article in dict.fromkeys(articles):
        said = [p for p in c.pairs if c.homes.get(p.key[0], "") == article and not p.identical]
        if not said and article not in pages_of:
            continue
        title = c.names.get(article) or article or "Not an experiment of this checkout"
        lines += ["", f"{'### ' if md else ''}{title}"]
        for pair in said:
            lines += _pair(pair, c, code, item, md)
        for page in pages_of.get(article, []):
            lines += _page(page, md)
    lines += ["", *(f"{item}cannot render {problem}" for problem in c.problems)]
    verdicts = sum(len(p.verdicts) for p in c.pairs)
    moved = sum(len(p.moved) for p in c.pairs)
    sentences = sum(page.sentences for page in c.pages)
    lines.append(
        f"{verdicts} verdicts changed, {moved} numbers moved beyond their tolerance, "
        f"{sentences} sentences read differently on {len(c.pages)} pages: exit {c.exit_code}."
    )
    return "\n".join(lines).replace("\n\n\n", "\n\n") + "\n"


def _pair(pair: Pair, c: Comparison, code, item: str, md: bool) -> list[str]:
    experiment, preset = pair.key
    sub = "  - " if md else "    "
    lines = ["", f"{'**' if md else ''}{experiment}{'**' if md else ''} ({preset})"]
    if pair.code_note:
        lines.append(f"{item}code: {pair.code_note}")
        for side, result in ((c.before, pair.before), (c.after, pair.after)):
            prov = result.provenance
            lines.append(
                f"{sub}{code(side)}: commit {prov['commit']}, {prov['device']}, "
                f"{prov['started_at']}"
            )
    if pair.verdicts:
        lines.append(f"{item}verdicts changed ({len(pair.verdicts)}):")
        lines += [
            f"{sub}{code(path)}: {number(a)} → {number(b)}"
            for path, (a, b) in pair.verdicts.items()
        ]
    else:
        lines.append(f"{item}verdicts: the same")
    lines.append(
        f"{item}numbers: {len(pair.moved)} moved beyond their tolerance, "
        f"{pair.within} within it" + (":" if pair.moved else "")
    )
    lines += [
        f"{sub}{code(m.path)}: {number(m.before)} → {number(m.after)} "
        f"({m.tolerance.kind}: {m.tolerance.said()})"
        for m in pair.moved
    ]
    return lines


def _page(page: PageChange, md: bool) -> list[str]:
    """The page's changed sentences; one changed at several places (the device in each
    provenance box) is shown once."""
    body = [
        f"{sign} {text}"
        for gone, new in page.hunks
        for sign, texts in (("-", gone), ("+", new))
        for text in texts
    ]
    body = list(dict.fromkeys(body))
    head = f"{page.src_uri}: {page.sentences} sentences read differently"
    if md:  # folded: a pull request's reader opens the pages they care about
        return ["", f"<details><summary>{head}</summary>\n\n```diff", *body, "```\n</details>"]
    return ["", f"  {head}", *(f"    {line}" for line in body)]
