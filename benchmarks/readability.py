"""How the built article pages read, measured beside the seed texts by the same code.

    python benchmarks/readability.py                 # builds the site, writes report.json
    python benchmarks/readability.py --site site     # measures an existing build

Per article and language, for the main text (paragraphs, list items and captions outside
folds and tables; provenance boxes are folds) and for the "In short" / 「結論」 box: sentences and
their mean length (characters in Japanese, words in English), parenthetical asides per
1,000 characters, and the share of digits. The seed texts (Japanese plain text, by default
../shared/seeds/*.ja.txt) are measured by the same functions. Issue 21's bar for Japanese:
結論 sentences <= 40 characters on average, asides <= 2 per 1,000 characters, digits <= 2.5%;
for English, In short sentences <= 22 words on average.
"""

import argparse
import json
import re
import statistics
import subprocess
import sys
import tempfile
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "figcaption", "td", "th", "summary", "div", "pre"}
MAIN = {"p", "li", "figcaption"}
CONTAINERS = {"details": "fold", "table": "table", "figure": "figure"}
BOX_TITLES = {"結論", "In short"}


class _Blocks(HTMLParser):
    """Text blocks inside <article>, each with its tag and what encloses it (fold, table,
    admonition), skipping scripts, SVG and heading anchors."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[str, frozenset[str], str]] = []
        self._open: list[tuple[str, str | None]] = []  # (tag, what it encloses)
        self._boxes = 0
        self._text: list[str] = []
        self._tag = "p"
        self._inside = 0
        self._skip = 0

    def _flush(self) -> None:
        text = re.sub(r"\s+", " ", "".join(self._text)).strip()
        if text:
            kinds = frozenset(kind for _, kind in self._open if kind)
            self.blocks.append((self._tag, kinds, text))
        self._text = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = dict(attrs).get("class") or ""
        if tag == "article":
            self._inside += 1
        if not self._inside:
            return
        if tag in ("script", "style", "svg", "nav") or (tag == "a" and "headerlink" in classes):
            self._skip += 1
            self._open.append((tag, "skip"))
            return
        kind = CONTAINERS.get(tag)
        if tag == "div" and "admonition" in classes.split():
            self._boxes += 1
            kind = f"box{self._boxes}"
        if tag in BLOCKS:
            self._flush()
            self._tag = tag
        self._open.append((tag, kind))

    def handle_endtag(self, tag: str) -> None:
        if not self._inside:
            return
        for i in range(len(self._open) - 1, -1, -1):
            if self._open[i][0] == tag:
                if tag in BLOCKS or tag in CONTAINERS:
                    self._flush()
                self._skip -= sum(kind == "skip" for _, kind in self._open[i:])
                del self._open[i:]
                break
        if tag == "article":
            self._flush()
            self._inside -= 1

    def handle_data(self, data: str) -> None:
        if self._inside and not self._skip:
            self._text.append(data)


def sentences(blocks: list[str], lang: str) -> list[str]:
    end = r"(?<=[。！？])" if lang == "ja" else r"(?<=[.!?])\s+"
    return [s.strip() for text in blocks for s in re.split(end, text) if len(s.strip()) >= 2]


def stats(blocks: list[str], lang: str) -> dict[str, float]:
    """Sentence count and mean length (ja: characters, en: words), asides per 1,000
    characters, and the share of digits in the text."""
    text = "".join(blocks)
    found = sentences(blocks, lang)
    if not text or not found:
        return {"sentences": 0}
    lengths = [len(s) if lang == "ja" else len(s.split()) for s in found]
    return {
        "sentences": len(found),
        "characters": len(text),
        "mean_sentence": round(statistics.mean(lengths), 1),
        "unit": "characters" if lang == "ja" else "words",
        "asides_per_1000": round(1000 * len(re.findall(r"[（(]", text)) / len(text), 2),
        "digits": round(sum(c.isdigit() for c in text) / len(text), 4),
    }


def measure_page(html: str, lang: str) -> dict[str, dict]:
    """The main text and the 結論 / In short box of one built page."""
    parser = _Blocks()
    parser.feed(html)
    parser.close()
    main = [
        text for tag, kinds, text in parser.blocks if tag in MAIN and not kinds & {"fold", "table"}
    ]
    titles = {_box(kinds) for _, kinds, text in parser.blocks if text in BOX_TITLES}
    in_short = [
        text
        for tag, kinds, text in parser.blocks
        if tag in ("p", "li") and _box(kinds) in titles - {None} and text not in BOX_TITLES
    ]
    return {"main": stats(main, lang), "in_short": stats(in_short, lang)}


def _box(kinds: frozenset[str]) -> str | None:
    """The innermost admonition a block is in (main text is outside every one)."""
    return max((k for k in kinds if k.startswith("box")), default=None, key=lambda k: int(k[3:]))


def measure_seed(text: str) -> dict[str, dict]:
    """A seed article (plain text): its prose lines, as the pages' main text is measured;
    the blogger's profile line ("名前: …", a timetable full of digits) and the link to his
    next post are not article prose."""
    prose = [
        line
        for line in text.split("\n")
        if "。" in line and not line.startswith(("名前:", "次の記事"))
    ]
    return {"main": stats(prose, "ja")}


def report(site: Path, seeds: Path, slugs: list[str]) -> dict:
    out: dict = {"articles": {}, "seeds": {}}
    for slug in slugs:
        out["articles"][slug] = {
            lang: measure_page((site / prefix / slug / "index.html").read_text("utf-8"), lang)
            for lang, prefix in (("ja", ""), ("en", "en"))
        }
    if seeds.is_dir():
        for path in sorted(seeds.glob("*.ja.txt")):
            out["seeds"][path.name] = measure_seed(path.read_text(encoding="utf-8"))
    else:
        out["seeds"] = {"skipped": f"{seeds} is not on this machine"}
    return out


def articles(root: Path = ROOT) -> list[str]:
    return sorted(p.name.removesuffix(".ja.md") for p in (root / "docs").glob("*-vs-*.ja.md"))


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--site", type=Path, help="a built site (default: build one now)")
    parser.add_argument("--seeds", type=Path, default=ROOT.parent / "shared" / "seeds")
    parser.add_argument("--out", type=Path, default=Path(__file__).with_name("report.json"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="chigai-readability-") as work:
        site = args.site
        if site is None:
            site = Path(work) / "site"
            mkdocs = Path(sys.executable).parent / "mkdocs"
            subprocess.run([str(mkdocs), "build", "-q", "-d", str(site)], cwd=ROOT, check=True)
        measured = report(site, args.seeds, articles())
    earlier = json.loads(args.out.read_text()) if args.out.exists() else {}
    args.out.write_text(json.dumps(earlier | {"readability": measured}, indent=1) + "\n")
    for slug, langs in measured["articles"].items():
        for lang, parts in langs.items():
            print(f"{slug} {lang}: {json.dumps(parts, ensure_ascii=False)}")
    for name, parts in measured["seeds"].items():
        print(f"seed {name}: {json.dumps(parts, ensure_ascii=False)}")


if __name__ == "__main__":
    main()
