"""What each `chigai` command does, once its command line is parsed (chigai.cli)."""

import argparse
import itertools
import os
import shlex
import sys
from pathlib import Path

from chigai.experiment import ExperimentError
from chigai.run.cache import has_trials
from chigai.run.freshness import State, check_all
from chigai.run.loading import runs_alone


def print_status(root: Path, specs: dict) -> None:
    print(f"{'experiment':24} {'preset':6} {'state':8} {'device':40} {'started':25} {'took':>8}")
    for spec in specs.values():
        for entry in check_all(root, spec):
            prov = entry.result.provenance if entry.result else {}
            took = f"{prov['duration_s']:.0f}s" if prov else ""
            device, started = prov.get("device", ""), prov.get("started_at", "")
            print(
                f"{spec.id:24} {entry.preset:6} {entry.state.value:8} {device:40.40}"
                f" {started:25} {took:>8}"
            )
            if entry.problem:
                print(f"  {entry.problem}")
            if entry.state is not State.FRESH and has_trials(root, spec):
                from chigai.run.runner import cached_trials  # imports torch: only for partial runs

                try:
                    done, total = cached_trials(root, spec, entry.preset)
                except ExperimentError as error:  # a broken preset: say so, list the rest
                    print(f"  {error}")
                    continue
                if done:
                    print(
                        f"  {spec.id} {entry.preset}: {done}/{total} trials cached;"
                        f" `{spec.command(entry.preset)}` resumes"
                    )
    from chigai.run.notebooks import NotebookError, is_fresh, notebooks

    for path in notebooks(root):
        try:
            state, problem = ("fresh" if is_fresh(path, specs) else "stale"), ""
        except NotebookError as error:
            state, problem = "broken", f"\n  {error}"
        print(f"{path.relative_to(root).as_posix():31} {state}{problem}")


def print_kinds() -> int:
    """`chigai list --kinds`: each figure kind and the data keys it reads (chigai.site.kinds)."""
    from chigai.site.kinds import kinds

    print('figure kinds for FIGURES = {"<name>": "<kind>"}, and the keys of the data each')
    print("reads (*: one entry per model, device, …; AUTHORING.md: A new figure kind):")
    for kind, (_, keys) in kinds().items():
        print(f"  {kind:23} {', '.join(keys) or '(nothing: a diagram)'}")
    return 0


def compare_results(root: Path, other: str, *, markdown: bool) -> int:
    """`chigai compare`: exit 1 when a verdict changed, else 0 (2: bad input)."""
    from chigai.site.compare import compare, report  # renders every page: only here

    comparison = compare(root, other)
    print(report(comparison, md=markdown), end="")
    return comparison.exit_code


def start_article(root: Path, slug: str, *, ja: str, en: str) -> int:
    """`chigai new`: write the article's files, then say what to do next."""
    from chigai.site.scaffold import NewArticle, new_article

    again = shlex.join(["chigai", "new", slug, "--ja", ja, "--en", en])
    try:
        written = new_article(root, slug, ja=ja, en=en)
    except OSError as error:  # new_article put back what it had written: say so, in one line
        folder = Path(error.filename or root / "x").parent
        shown = folder.relative_to(root) if folder.is_relative_to(root) else folder
        raise ExperimentError(
            f"cannot write in {shown}/ ({error.strerror or error}); nothing was written: "
            f"make it writable, then run `{again}` again"
        ) from error
    for path in written:
        print(f"  wrote {path.relative_to(root)}")
    run = f"chigai run {NewArticle(slug, ja, en).experiment}"
    steps = {
        run: "the example's quick preset: seconds on a CPU",
        f"chigai check {slug}": "lint, the article's tests and its pages, in under a minute",
        "make serve": "the site, rebuilt as you edit the article's files",
        f"{run} --preset full": "the numbers to publish, from a clean commit",
    }
    width = max(map(len, steps))
    print("\nnext (AUTHORING.md):")
    for command, why in steps.items():
        print(f"  {command:{width}}   {why}")
    return 0


def render_pages(root: Path, out: Path) -> int:
    """`chigai render`: the pages as the plugin shows them, publishable without it."""
    from chigai.run.freshness import policy_from_env
    from chigai.site.assemble import StaleResults
    from chigai.site.export import render_site

    try:
        done = render_site(root, out, policy_from_env(os.environ.get("CHIGAI_ON_STALE")))
    except StaleResults as error:
        print(f"chigai: error: {error}", file=sys.stderr)
        return 1
    for problem in done.problems:
        print(f"chigai: warning: {problem}", file=sys.stderr)
    print(f"wrote {done.pages} pages and {done.figures} figures to {out}: `mkdocs build` there")
    return 1 if done.problems else 0


def reproductions(root: Path, experiments: set[str], args: argparse.Namespace) -> int:
    """`chigai reproductions [list]` and `chigai reproductions add DIR [--name NAME]`."""
    from chigai.run import reproductions as stored

    added = stored.add(root, args.folder, experiments, args.name) if args.action == "add" else []
    found, problems = stored.load(root, experiments)
    for problem in problems:
        print(f"chigai: warning: {problem}", file=sys.stderr)
    if added:  # what was just stored, and how it compares
        found = [item for item in found if item.result.path in added]
    if not found:
        print(f"no reproductions in {stored.FOLDER}/: `chigai reproductions add DIR` stores one")
    for folder, group in itertools.groupby(found, key=lambda item: item.name):
        print(f"{stored.FOLDER}/{folder}/")
        for item in group:
            prov = item.result.provenance
            made = f"{prov['device']}, torch {prov['torch']}, {prov['started_at'][:10]}"
            print(f"  {item.result.experiment:24} {item.result.preset:6} {made}")
            print(f"  {'':31} {stored.describe(item)}")
    return 1 if problems else 0


def run_notebooks(root: Path, specs: dict, *, everything: bool) -> int:
    from chigai.run.notebooks import NotebookError, execute, is_fresh, notebooks

    failed = 0
    for path in notebooks(root):
        try:
            if not everything and is_fresh(path, specs):
                print(f"  {path.relative_to(root)}: fresh, skipped")
                continue
            print(f"  {path.relative_to(root)}: executed in {execute(path, specs):.1f}s")
        except NotebookError as error:
            print(f"  FAILED: {error}")
            failed += 1
    return 1 if failed else 0


def run_all(root: Path, specs: list, args: argparse.Namespace) -> int:
    """Run the experiments' trials; a failed experiment is reported and the others still run."""
    from chigai.run.runner import run_many

    alone = [spec.id for spec in specs if (args.jobs or 0) > 1 and runs_alone(spec.path)]
    if alone:
        print(
            f"chigai: {', '.join(alone)} time their trials (RUN_ALONE), so they run one at a "
            f"time after the others, whatever --jobs says",
            file=sys.stderr,
        )
    reports = run_many(
        root,
        specs,
        args.preset,
        args.device,
        jobs=args.jobs,
        executor=args.executor,
        stale_only=args.stale_only,
        allow_dirty=args.allow_dirty,
    )
    print("\nsummary:")
    for report in reports:
        trials = f"{report.ran} trials ran, {report.reused} reused"
        if report.error:
            outcome = f"FAILED ({trials}): {report.error}; previous result kept"
        elif report.ran == 0 and report.reused == 0:
            outcome = "fresh, skipped"
        else:
            prov = report.result.provenance
            outcome = f"ok ({trials}) on {prov['device']} -> {report.result.path.name}"
        print(f"  {report.spec.id:24} {outcome}")
    return 1 if any(report.error for report in reports) else 0
