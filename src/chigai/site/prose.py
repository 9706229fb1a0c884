"""Measured values and text as a page shows them: numbers, percentages, tables, Japanese
line joins and glossary tooltips. Page templates call `num`, `pct` and `table`; the
renderer runs the rest over every page.

`num`, `pct` and `count` return plain strings: what they print is digits, signs and the
caller's words, which pages escape like any other value. `table` returns Markup, its
cells escaped here.
"""

import re
from collections.abc import Mapping
from typing import Any

from markupsafe import Markup

from chigai.site.fragments import FRAGMENTS, plain_text
from chigai.site.strings import GLOSSARY


def num(value: float | int | None, digits: int = 3) -> str:
    """A measured number for prose: integers as they are, floats to `digits` significant
    digits, very small or large ones as a × 10ⁿ."""
    if value is None:
        return "—"
    if isinstance(value, int):
        return f"{value:,}"
    if value != 0 and not 1e-3 <= abs(value) < 1e6:
        return sci(value, digits)  # 1.3 × 10⁻⁵ reads better than 1.3e-05
    return f"{value:.{digits}g}"


def pct(value: float, digits: int = 0) -> str:
    """A share in [0, 1] as a percentage for prose: 0.8149 -> '81%'.

    A share that is not exactly 1 (or 0) never prints as 100% (or 0%): 0.999 -> '99.9%',
    because "100%" would claim a perfect score the data does not have.
    """
    for places in range(digits, digits + 3):
        text = f"{100 * value:.{places}f}"
        if (0 < value < 1 and float(text) in (0, 100)) and places < digits + 2:
            continue
        return f"{text}%"
    return f"{100 * value:.{digits}f}%"


def count(n: int, noun: str) -> str:
    """'1 seed', '3 seeds': an English count with its noun in the right number."""
    return f"{n} {noun}{'' if n == 1 else 's'}"


def table(
    rows: list[Mapping[str, Any]],
    columns: Mapping[str, str],
    digits: int = 3,
    percent: tuple[str, ...] = (),
) -> Markup:
    """A Markdown table of `rows`, one column per key of `columns` (key -> header); headers
    and string cells are escaped (chigai.site.fragments.plain_text).

    Each column shares one notation: columns named in `percent` hold shares in [0, 1]
    and show as percentages, with one decimal for the whole column when any value needs
    it (chance 0.125 is 12.5%, not 12%); a column of floats that spans orders of magnitude
    too wide for plain digits (an error from 0.0001 to 0.17) is shown as a × 10ⁿ throughout.
    """
    header = "| " + " | ".join(plain_text(title) for title in columns.values()) + " |"
    rule = "|" + "|".join("---:" for _ in columns) + "|"
    cells = {key: _column([row[key] for row in rows], key in percent, digits) for key in columns}
    lines = [header, rule]
    for i in range(len(rows)):
        lines.append("| " + " | ".join(plain_text(cells[key][i]) for key in columns) + " |")
    return Markup("\n".join(lines) + "\n")


def _column(values: list[Any], percent: bool, digits: int) -> list[str]:
    numbers = [v for v in values if isinstance(v, float)]
    if percent:
        places = 1 if any(round(100 * v, 1) != round(100 * v) for v in numbers) else 0
        return [pct(v, places) if isinstance(v, float | int) else _cell(v, digits) for v in values]
    if any(v != 0 and not 1e-3 <= abs(v) < 1e5 for v in numbers):
        return [sci(v, digits) if isinstance(v, float) else _cell(v, digits) for v in values]
    return [_cell(v, digits) for v in values]


def _cell(value: Any, digits: int) -> str:
    return value if isinstance(value, str) else num(value, digits)


_SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def sci(value: float, digits: int = 3) -> str:
    """A float as a × 10ⁿ with `digits` significant digits: 9.17e-05 -> '9.17 × 10⁻⁵'."""
    if value == 0:
        return "0"
    mantissa, exponent = f"{value:.{digits - 1}e}".split("e")
    return f"{mantissa} × 10{str(int(exponent)).translate(_SUPERSCRIPT)}"


# A line break inside a paragraph becomes a space in HTML, which Japanese text must not
# have: join a line that ends in CJK text to a following line of the same paragraph, and
# drop the indent of a list item's continuation line, which HTML would show as a space too.
_CJK_BREAK = re.compile(
    r"(?<=[\u3000-\u30ff\u4e00-\u9fff\uff00-\uffef])\n[ \t]*(?=[^\s#>|*\-!?<{}0-9])"
)
_WORD_END = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")  # kana or kanji, not 。、「（
_LATIN = re.compile(r"[A-Za-z]")


def join_cjk_lines(markdown: str) -> str:
    """Join the lines of Japanese paragraphs and list items; a Japanese word followed by a
    Latin one on the next line (なる\nLSTM) keeps one space between them, as typed within a
    line (なる LSTM), while punctuation needs none (した。\nLSTM -> した。LSTM)."""

    def joined(match: re.Match[str]) -> str:
        before, after = markdown[match.start() - 1], markdown[match.end()]
        return " " if _WORD_END.match(before) and _LATIN.match(after) else ""

    return _CJK_BREAK.sub(joined, markdown)


def _is_prose(line: str) -> bool:
    """A paragraph or list-item line: not a heading, table, quote, admonition or HTML."""
    body = line[2:] if line.startswith(("- ", "* ")) else line
    return bool(body) and not body.startswith(("#", ">", "|", "!!!", "???", "<", "{", " ", "\t"))


def add_tooltips(markdown: str, lang: str) -> str:
    """Wrap the first use of each glossary term in prose in <abbr title="…"> (a tooltip).

    Done here rather than with Markdown's abbr extension, which needs word boundaries
    that Japanese text does not have. Longer terms go first so 勾配消失 wins over 勾配.
    """
    lines = markdown.split("\n")
    prose = [_is_prose(line) and "](" not in line for line in lines]  # before any wrapping
    for term in sorted(GLOSSARY.get(lang, {}), key=len, reverse=True):
        edge = "" if lang == "ja" else r"\b"
        # not inside an existing <abbr>…</abbr>, not inside a tag's attributes
        outside = r"(?![^<]*</abbr>)(?![^<>]*>)"
        pattern = re.compile(rf"{edge}({re.escape(term)}){edge}{outside}", re.I)
        for i, line in enumerate(lines):
            if prose[i] and pattern.search(line):
                tip = FRAGMENTS.get_template("tooltip.html").render(title=GLOSSARY[lang][term])
                lines[i] = pattern.sub(
                    lambda m, tip=tip: tip.replace("TERM", m.group(1)), line, count=1
                )
                break
    return "\n".join(lines)
