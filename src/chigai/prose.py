"""Measured values and text as a page shows them: numbers, percentages, tables, Japanese
line joins and glossary tooltips. Page templates call `num`, `pct` and `table`; the
renderer runs the rest over every page.
"""

import re
from collections.abc import Mapping
from typing import Any

from chigai.fragments import FRAGMENTS
from chigai.strings import GLOSSARY


def num(value: float | int | None, digits: int = 3) -> str:
    """A measured number for prose: integers as they are, floats to `digits` significant digits."""
    if value is None:
        return "—"
    if isinstance(value, int):
        return f"{value:,}"
    return f"{value:.{digits}g}"


def pct(value: float, digits: int = 0) -> str:
    """A share in [0, 1] as a percentage for prose: 0.8149 -> '81%'."""
    return f"{100 * value:.{digits}f}%"


def table(
    rows: list[Mapping[str, Any]],
    columns: Mapping[str, str],
    digits: int = 3,
    percent: tuple[str, ...] = (),
) -> str:
    """A Markdown table of `rows`, one column per key of `columns` (key -> header).

    Columns named in `percent` hold shares in [0, 1] and are shown as percentages.
    """
    header = "| " + " | ".join(columns.values()) + " |"
    rule = "|" + "|".join("---:" for _ in columns) + "|"
    lines = [header, rule]
    for row in rows:
        cells = [pct(row[key]) if key in percent else row[key] for key in columns]
        lines.append(
            "| " + " | ".join(num(c, digits) if not isinstance(c, str) else c for c in cells) + " |"
        )
    return "\n".join(lines) + "\n"


# A line break inside a paragraph becomes a space in HTML, which Japanese text must not
# have: join a line that ends in CJK text to a following line of the same paragraph.
_CJK_BREAK = re.compile(r"(?<=[\u3000-\u30ff\u4e00-\u9fff\uff00-\uffef])\n(?=[^\s#>|*\-!?<{}0-9])")


def join_cjk_lines(markdown: str) -> str:
    return _CJK_BREAK.sub("", markdown)


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
