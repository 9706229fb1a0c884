"""`chigai`: run experiments, see which results are fresh, stale or missing, start articles.

Exit codes: 0 success, 1 an experiment failed (the others still ran), 2 bad input.
"""

import argparse
import logging
import os
import signal
import sys
from pathlib import Path

from chigai.cli.commands import (
    compare_results,
    print_kinds,
    print_status,
    render_pages,
    reproductions,
    run_all,
    run_notebooks,
    start_article,
)
from chigai.device import DEVICES
from chigai.experiment import PRESET_NAMES, ExperimentError, find_root
from chigai.run.compare import tolerance_table
from chigai.run.executors import EXECUTORS
from chigai.run.loading import discover

EPILOG = """examples:
  chigai list
  chigai list --kinds                             the figure kinds and the data keys each reads
  chigai status
  chigai compare HEAD                             what your rerun changed on the pages
  chigai run adding_problem                       quick preset, best device
  chigai run adding_problem --preset full --device cuda
  chigai run --preset full --jobs 2               two trials at a time
  chigai run --preset full --executor ray         trials on the Ray cluster in RAY_ADDRESS
  CHIGAI_THREADS=2 chigai run compute_cost        torch threads per trial (default 1)
  chigai new cnn-vs-mlp --ja "CNN と MLP の違い" --en "CNN vs MLP"
                                                  a new article, ready to build (AUTHORING.md)
  chigai reproductions add ../rerun/results       store a rerun made elsewhere beside the
                                                  published results (methodology page)
  chigai render --out ../chigai-pages             every page as plain Markdown: builds without
                                                  the chigai plugin (AUTHORING.md)

An interrupted or failed run resumes where it stopped: finished trials are kept in
.trials/ and only the missing ones run again.
"""
COMPARE_EPILOG = """OTHER is a folder of result files (a rerun made elsewhere, or a project folder
holding results/), shown as results/ -> OTHER: what it would change if it replaced
results/. Or a git revision (HEAD, HEAD~3, a tag): the results/ committed there, shown as
REV -> results/, as `git diff REV` reads. For each experiment x preset on both sides it
says whether the code differs (fingerprints), which verdicts of the findings changed
(words, yes/no, counts, lags), and which numbers moved beyond the tolerance of their kind
(the first row that applies):
{tolerances}
Then it renders every page in both languages from each side's results and lists the
sentences that read differently. A result on one side only is listed and shown from that
side on both.

exit codes: 0 every verdict the same (numbers that moved and sentences that read
differently are listed: any rerun moves some), 1 a verdict changed, 2 bad input (OTHER
unreadable, or a broken result file, named)
"""


class OneLineParser(argparse.ArgumentParser):
    """argparse, but a usage error is one line (and still exit code 2)."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"{self.prog}: error: {message} (see `{self.prog} --help`)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = OneLineParser(
        prog="chigai",
        description="Run the experiments behind the articles and check their results.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--root", type=Path, help="project folder (default: found from the current one)"
    )
    commands = parser.add_subparsers(dest="command", required=True, parser_class=OneLineParser)
    run = commands.add_parser("run", help="run experiments and store their results")
    run.add_argument(
        "experiments", nargs="*", metavar="EXPERIMENT", help="experiment ids (default: all)"
    )
    run.add_argument(
        "--preset",
        choices=PRESET_NAMES,
        default="quick",
        help="quick (seconds to minutes, CPU) or full (publication)",
    )
    run.add_argument(
        "--device", choices=DEVICES, default="auto", help="where to train (default: auto)"
    )
    run.add_argument(
        "--stale-only", action="store_true", help="skip experiments whose result is fresh"
    )
    run.add_argument(
        "--jobs",
        type=_positive,
        metavar="N",
        help="trials at once (default: cores / CHIGAI_THREADS)",
    )
    run.add_argument(
        "--allow-dirty",
        action="store_true",
        help="let a full run use uncommitted code (a local try; provenance records it)",
    )
    run.add_argument(
        "--executor",
        choices=EXECUTORS,
        default="local",
        help="local worker processes, or Ray (RAY_ADDRESS, else a local Ray instance)",
    )
    books = commands.add_parser("notebooks", help="execute the companion notebooks that are stale")
    books.add_argument("--all", action="store_true", help="execute every notebook, fresh or not")
    commands.add_parser("status", help="show every experiment x preset as fresh / stale / missing")
    listing = commands.add_parser("list", help="list the experiments and their figures")
    listing.add_argument(
        "--kinds", action="store_true", help="the figure kinds instead, and the data each reads"
    )
    check = commands.add_parser(
        "check", help="one article: ruff, its fast tests, its pages from its results (< 1 min)"
    )
    check.add_argument("slug", help="the article's page name, e.g. rnn-vs-lstm")
    compare = commands.add_parser(
        "compare",
        help="what OTHER's results would change on the pages: verdicts, numbers, sentences",
        epilog=COMPARE_EPILOG.format(tolerances=tolerance_table()),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    compare.add_argument(
        "other", metavar="OTHER", help="a folder of result files, or a git revision"
    )
    compare.add_argument("--markdown", action="store_true", help="Markdown for a pull request")
    new = commands.add_parser(
        "new", help="start an article: example experiment, ja/en pages, nav entry, home cards"
    )
    new.add_argument("slug", help="the page name, e.g. cnn-vs-mlp (docs/cnn-vs-mlp.ja.md)")
    new.add_argument(
        "--ja", required=True, metavar="TITLE", help='the Japanese title: "CNN と MLP の違い"'
    )
    new.add_argument("--en", required=True, metavar="TITLE", help='the English title: "CNN vs MLP"')
    reproduced = commands.add_parser(
        "reproductions", help="list the reruns stored in reproductions/, or add one (`add DIR`)"
    )
    reproduced_commands = reproduced.add_subparsers(dest="action", parser_class=OneLineParser)
    reproduced_commands.add_parser("list", help="each reproduction, and whether its verdicts held")
    adding = reproduced_commands.add_parser(
        "add", help="copy the result files of DIR (a rerun elsewhere) into reproductions/NAME/"
    )
    adding.add_argument("folder", type=Path, metavar="DIR", help="a results folder of a rerun")
    adding.add_argument(
        "--name", help="folder under reproductions/ (default: from each file's machine)"
    )
    render = commands.add_parser(
        "render", help="write every page, figure and asset as plain Markdown for any MkDocs"
    )
    render.add_argument(
        "--out", type=Path, required=True, metavar="DIR", help="a new folder outside docs/"
    )
    return parser


INTERRUPTED = {
    "run": "finished trials are kept in .trials/ (run again to resume), earlier results "
    "are untouched",
    "new": "the new article's files were removed and mkdocs.yml and the home pages put back "
    "as they were; run `chigai new` again",
    "notebooks": "each notebook is as it was or fully executed; run `chigai notebooks` again",
}
WHOLE_OR_NOTHING = "every file chigai writes is written whole or not at all; run it again"


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number >= 1, got {text!r}")
    return int(text)


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt  # SIGTERM unwinds like Ctrl-C: temp files removed, locks freed


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    signal.signal(signal.SIGTERM, _interrupt)
    # A shell starts a background job (`chigai run &`) with SIGINT ignored, and Python
    # then keeps ignoring it: take Ctrl-C (and `kill -INT`) back.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        root = find_root(args.root)
        if args.command == "new":
            return start_article(root, args.slug, ja=args.ja, en=args.en)
        if args.command == "render":
            return render_pages(root, args.out)
        if args.command == "compare":
            return compare_results(root, args.other, markdown=args.markdown)
        if args.command == "check":
            from chigai.cli.check import check_article

            return check_article(root, args.slug)
        if args.command == "list" and args.kinds:
            return print_kinds()
        specs = discover(root)
        if args.command == "list":
            for spec in specs.values():
                print(f"{spec.id:24} {spec.article:20} figures: {', '.join(spec.figures)}")
            return 0
        if args.command == "status":
            print_status(root, specs)
            return 0
        if args.command == "notebooks":
            return run_notebooks(root, specs, everything=args.all)
        if args.command == "reproductions":
            return reproductions(root, set(specs), args)
        unknown = [name for name in args.experiments if name not in specs]
        if unknown:
            raise ExperimentError(
                f"unknown experiment {', '.join(unknown)}: `chigai list` shows the ids"
            )
        from chigai.device import resolve_device, threads_from_env  # torch: only to run

        resolve_device(args.device)
        threads_from_env(os.environ.get("CHIGAI_THREADS"))
        chosen = [specs[name] for name in args.experiments or specs]
        return run_all(root, chosen, args)
    except (ExperimentError, ValueError) as error:
        print(f"chigai: error: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(
            f"chigai: interrupted; {INTERRUPTED.get(args.command, WHOLE_OR_NOTHING)}",
            file=sys.stderr,
        )
        return 130
