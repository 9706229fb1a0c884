"""Reproductions as a reader sees them (chigai.run.reproductions stores and compares them).

The methodology page lists, per experiment and preset, where it was rerun (machine,
threads, torch, when) and whether every verdict held, naming those that did not; an
article's "how these numbers were made" box says, in one linked sentence, how a rerun of
that very result came out. Words come from chigai.site.strings; every value (a machine
from someone's provenance, a finding's name or value) is escaped by the fragment's
environment like any other.
"""

from collections.abc import Sequence
from pathlib import Path

from markupsafe import Markup

from chigai.run.freshness import Entry
from chigai.run.reproductions import Reproduction, machine
from chigai.run.results import Result
from chigai.run.verdicts import MISSING, Leaf
from chigai.site.fragments import FRAGMENTS, labels
from chigai.site.readable import when
from chigai.site.words import page_folder, rerun_sentences

METHODOLOGY = "methodology.md"  # the page that lists every result and rerun
SHOWN_CHANGES = 5  # a rerun that moved more findings names these, then counts the rest


def anchor(reproduction: Reproduction) -> str:
    """The id of a reproduction's line on the methodology page, which articles link to."""
    result = reproduction.result
    return f"reproduced-{reproduction.name}-{result.experiment}-{result.preset}"


def machine_words(reproduction: Reproduction, lang: str) -> str:
    """'Intel Xeon, 1 thread' (en), 'Intel Xeon、1 スレッド' (ja), or a GPU's model."""
    return _machine_words(reproduction.result.provenance, lang)


def _machine_words(provenance: dict, lang: str) -> str:
    t = labels(lang)
    model, threads = machine(provenance)
    if threads is None:
        return model
    return f"{model}{t['comma']}{threads} {t['thread' if threads == 1 else 'threads']}"


def quoted(sentences: list[Markup], lang: str) -> Markup:
    """Sentences as a reader would read them, quoted: 「…」 in Japanese, “…” in English."""
    marks = ("「", "」") if lang == "ja" else ("“", "”")
    return Markup(" ").join(Markup(marks[0]) + s + Markup(marks[1]) for s in sentences)


def outcome(reproduction: Reproduction, lang: str, folder: Path | None = None) -> str:
    """Whether every verdict held, in plain words: the article's sentences that would read
    differently (when its page layer says them), or else the findings that changed."""
    t = labels(lang)
    if reproduction.published is None:
        return t["rerun_unpublished"]
    if not reproduction.same_code:
        return t["rerun_other_code"]
    changed = reproduction.changed
    if not changed:
        return t["rerun_all_held"]
    sentences = (
        rerun_sentences(folder, lang, reproduction.published, reproduction.result)
        if folder
        else None
    )
    if sentences:
        return Markup(t["rerun_page_reworded"]).format(quotes=quoted(sentences, lang))
    if sentences == []:
        return t["rerun_page_same"].format(n=len(changed))
    named = [
        t["rerun_change"].format(
            finding=path.removeprefix("findings."),
            ours=_value(ours, lang),
            theirs=_value(theirs, lang),
        )
        for path, (ours, theirs) in list(changed.items())[:SHOWN_CHANGES]
    ]
    if len(changed) > SHOWN_CHANGES:
        named.append(t["rerun_more"].format(n=len(changed) - SHOWN_CHANGES))
    counted = t["rerun_changed_one" if len(changed) == 1 else "rerun_changed_many"]
    return counted.format(n=len(changed), which=t["comma"].join(named))


def _value(value: Leaf, lang: str) -> str:
    t = labels(lang)
    if value is MISSING or value is None:
        return t["finding_none"]
    if isinstance(value, bool):
        return t["finding_yes" if value else "finding_no"]
    return str(value)


def listing(entries: Sequence[Entry], reproductions: Sequence[Reproduction], lang: str) -> Markup:
    """The methodology page's lines for these experiments x presets: every rerun of each."""
    wanted = [(entry.spec, entry.preset) for entry in entries]
    t = labels(lang)
    rows = [
        {
            "spec": spec,
            "anchor": anchor(item),
            "text": t["rerun_item"].format(
                id=spec.id,
                preset=preset,
                machine=machine_words(item, lang),
                torch=item.result.provenance["torch"],
                when=when(item.result.provenance["started_at"], lang),
                outcome=outcome(item, lang, page_folder(spec.path.parent)),
            ),
        }
        for spec, preset in wanted
        for item in reproductions
        if (item.result.experiment, item.result.preset) == (spec.id, preset)
    ]
    if not rows:
        return Markup()
    return Markup(FRAGMENTS.get_template("reproduced.md").render(t=t, rows=rows))


def box_lines(
    shown: Result, reproductions: Sequence[Reproduction], lang: str, folder: Path | None = None
) -> list[dict[str, str]]:
    """For an article's box: each rerun of the very result it shows (same experiment,
    preset and code), as a sentence linking its line on the methodology page, and the
    page's sentences that the rerun would change, quoted (the article's page layer in
    `folder` says which; without one, the changed findings are counted)."""
    t = labels(lang)
    lines = []
    for item in reproductions:
        result = item.result
        same = (result.experiment, result.preset, result.fingerprint)
        if not item.same_code or same != (shown.experiment, shown.preset, shown.fingerprint):
            continue
        changed = len(item.changed)
        sentences = rerun_sentences(folder, lang, shown, result) if folder and changed else None
        if sentences is None:
            words = t["rerun_box_changed" if changed else "rerun_box_held"]
        else:
            words = t["rerun_box_reworded" if sentences else "rerun_box_same_words"]
        published = _machine_words(shown.provenance, lang)  # same CPU, other threads: said
        sentence = words.format(machine=machine_words(item, lang), published=published, n=changed)
        quotes = quoted(sentences, lang) if sentences else ""
        lines.append({"sentence": sentence, "anchor": anchor(item), "quotes": quotes})
    return lines
