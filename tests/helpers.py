"""Test helpers: a throwaway copy of the project, and the tools run as real processes."""

import copy
import itertools
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import typing
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from filelock import FileLock
from processes import BIN, run_tool  # noqa: F401 (where the tests find it)

from chigai.tasks.splits import overlap

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from builds import keep_one_article  # the benchmark's: its --quick builds one article too

ROOT = Path(__file__).resolve().parents[1]
PROJECT_PARTS = ("mkdocs.yml", "docs", "experiments", "src", "results", "reproductions")


def article_pages(root: Path = ROOT) -> list[str]:
    """Every article's slug, found rather than listed: a docs/<slug>.ja.md with its .en.md
    and an experiments/<slug with _>/ folder to draw on (so `chigai new` pages count too).
    Reads file names only, so a page whose experiments have no result yet is still found."""
    return sorted(
        slug
        for page in (root / "docs").glob("*.ja.md")
        if (slug := page.name.removesuffix(".ja.md"))
        and (root / "docs" / f"{slug}.en.md").is_file()
        and (root / "experiments" / slug.replace("-", "_")).is_dir()
    )


# Figures drawn for any project copy, kept between test runs like the trial cache: chigai
# names each by the hash of its data, its drawing code and its labels, and writes it
# atomically, so copies, xdist workers and runs share them safely, and a copy builds in
# ~3 s instead of ~13 s of drawing every figure again. prune_kept() keeps it small.
FIGURE_CACHE = ROOT / ".cache" / "test-figures"
FIGURE_DAYS = 14  # a figure file older than this is dropped at the start of a run
# What else a build keeps (chigai.site.plugin), kept the same way, each named by what it
# was made from and written atomically: compiled page sections and theme templates (Jinja's
# bytecode cache) and parsed .ftl files.
KEPT_CACHES = {name: ROOT / ".cache" / f"test-{name}" for name in ("templates", "theme", "words")}
# The rest of a copy's build cache (converted notebooks, matplotlib's font list) is one per
# process: mkdocs-jupyter writes its entries in place and evicts those its build did not
# use, so two workers' builds must not share it. Named by the process's id, so that a run
# removes its own at the end (conftest's pytest_unconfigure) and those of killed runs
# (prune_shared_caches) without touching the folders of a run still going beside it.
SHARED_CACHE = Path(tempfile.mkdtemp(prefix=f"chigai-test-cache-{os.getpid()}-"))
FIGURE_CACHE.mkdir(parents=True, exist_ok=True)
(SHARED_CACHE / "chigai").mkdir()
(SHARED_CACHE / "chigai" / "figures").symlink_to(FIGURE_CACHE, target_is_directory=True)
for name, kept in KEPT_CACHES.items():
    kept.mkdir(parents=True, exist_ok=True)
    (SHARED_CACHE / "chigai" / name).symlink_to(kept, target_is_directory=True)
# The derived Bach chorales (chigai.tasks.chorales) are named by what they were derived from
# and written atomically, so every copy shares the checkout's own instead of deriving them
# again in each run (about 20 s for the quick preset's files).
CHORALES = ROOT / ".cache" / "chorales"
CHORALES.mkdir(parents=True, exist_ok=True)
(SHARED_CACHE / "chorales").symlink_to(CHORALES, target_is_directory=True)


def prune_kept(folder: Path = FIGURE_CACHE, days: float = FIGURE_DAYS) -> None:
    """Drop kept files (figures, compiled templates, parsed words) older than `days`: an
    edit names each anew, so old ones would pile up (a current one is simply made again)."""
    cutoff = time.time() - days * 86400
    for path in (path for path in folder.rglob("*") if path.is_file()):
        if path.stat().st_mtime < cutoff:
            path.unlink(missing_ok=True)


def drop_shared_cache() -> None:
    """Remove this process's SHARED_CACHE (the kept figures it links to stay)."""
    shutil.rmtree(SHARED_CACHE, ignore_errors=True)


def prune_shared_caches(folder: Path = SHARED_CACHE.parent) -> None:
    """Remove the SHARED_CACHE folders of test processes that are gone (killed before they
    could remove their own); those of live processes, this one's included, stay."""
    for cache in folder.glob("chigai-test-cache-*-*"):
        if (pid := cache.name.split("-")[3]).isdigit() and not _alive(int(pid)):
            shutil.rmtree(cache, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, but another user's
        pass
    return True


def copy_project(target: Path, parts: tuple[str, ...] = PROJECT_PARTS) -> Path:
    """Copy what a site build reads into `target` (results and all; no site), with the
    session's shared build cache as its .cache."""
    target.mkdir(parents=True, exist_ok=True)
    (target / ".cache").symlink_to(SHARED_CACHE, target_is_directory=True)
    for part in parts:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(
                source, target / part, ignore=shutil.ignore_patterns("__pycache__", "*.lock")
            )
        elif source.exists():
            shutil.copy2(source, target / part)
    return target


def copy_article(target: Path, article: str = "rnn_vs_lstm") -> Path:
    """A project copy of one article only (its pages, experiments and results; the other
    articles' cards and nav entries go too): for tests of how that article's page reacts
    to an edit or a fault, where every build of the whole site would take twice as long."""
    project = copy_project(target)
    keep_one_article(project, article)
    return project


def trial_files(project: Path, preset: str = "quick") -> list[Path]:
    """Where `chigai run --preset P --device cpu` in `project` keeps each trial of every
    experiment, under chigai's own key (CHIGAI_THREADS as in this process)."""
    from chigai.device import threads_from_env
    from chigai.experiment import ExperimentError, discover
    from chigai.run.cache import TrialCache, checked_grid, settings_of
    from chigai.run.fingerprint import code_fingerprint
    from chigai.run.loading import prepare
    from chigai.run.runner import software

    threads, where = threads_from_env(os.environ.get("CHIGAI_THREADS")), software()
    files = []
    for spec in discover(project).values():
        try:
            module, config = prepare(spec, preset)
        except ExperimentError:  # the run refused it too: it has no trials to keep
            continue
        code, settings = code_fingerprint(spec), settings_of(config)
        cache = TrialCache(project, spec, code, settings, "cpu", threads, where)
        files += [cache.path(point) for point in checked_grid(module.grid(config), spec.id)]
    return files


# The trials of the quick project's last run (tests/conftest.py), kept between test runs:
# gitignored like all of .cache, emptied by `make clean`. benchmarks/suite.py points it
# elsewhere to time a cold run without emptying this one.
TRIAL_CACHE = Path(
    os.environ.get("CHIGAI_TEST_TRIAL_CACHE") or ROOT / ".cache" / "test-trials"
).resolve()


def once(factory: pytest.TempPathFactory, name: str, make: Callable[[Path], None]) -> Path:
    """A folder that `make` fills once per test run, whichever xdist worker asks first;
    the others wait for it, then reuse it (or fail with the first one's error)."""
    base = factory.getbasetemp()
    shared = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base  # one per run
    folder, failed = shared / f"shared-{name}", shared / f"shared-{name}.failed"
    with FileLock(shared / f"shared-{name}.lock"):
        if failed.exists():
            pytest.fail(failed.read_text(), pytrace=False)
        if not (shared / f"shared-{name}.done").exists():
            shutil.rmtree(folder, ignore_errors=True)  # a worker interrupted half-way
            try:
                make(folder)
            except Exception as error:
                failed.write_text(f"{name} (made by another worker) failed: {error}")
                raise
            (shared / f"shared-{name}.done").touch()
    return folder


def seed_trials(project: Path, cache: Path) -> None:
    """Give a project copy the cached trials (chigai reuses those whose key matches)."""
    cache.parent.mkdir(parents=True, exist_ok=True)
    with FileLock(f"{cache}.lock"):
        if cache.is_dir():
            shutil.copytree(cache, project / ".trials", dirs_exist_ok=True)


def keep_trials(project: Path, cache: Path) -> None:
    """Replace the cache with the trials a quick run in `project` used: stale ones (old
    code, settings or torch) go, so the cache never grows past one run's trials."""
    staged = Path(f"{cache}.new-{os.getpid()}")
    shutil.rmtree(staged, ignore_errors=True)
    for path in trial_files(project):
        if path.is_file():
            target = staged / path.relative_to(project / ".trials")
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, target)
    staged.mkdir(parents=True, exist_ok=True)
    with FileLock(f"{cache}.lock"):  # seed_trials takes it too: none sees half a swap
        old = Path(f"{cache}.old-{os.getpid()}")
        if cache.is_dir():
            cache.rename(old)
        staged.rename(cache)
        shutil.rmtree(old, ignore_errors=True)


TINY_ADDING_QUICK = (
    '"quick": {"lags": [4, 6], "seeds": SEEDS, "hidden_size": 8, "steps": STEPS, '
    '"batch_size": 16, "lrs": [0.01], "train_size": 128, "validation_size": 64, '
    '"test_size": 64},\n    "full": {'
)


def shrink_adding_quick(project: Path, steps: int, seed: int = 1, seeds: tuple = ()) -> None:
    """Make the adding problem's quick preset in a project copy as short as a test needs:
    lags 4 and 6, both models, `seeds` (default: just `seed`)."""
    experiment = project / "experiments" / "rnn_vs_lstm" / "adding_problem.py"
    chosen = list(seeds or (seed,))
    tiny = TINY_ADDING_QUICK.replace("STEPS", str(steps)).replace("SEEDS", str(chosen))
    source = re.sub(r'"quick": \{.*?\},\n    "full": \{', tiny, experiment.read_text(), flags=re.S)
    experiment.write_text(source)


@contextmanager
def started(command: list[str], **popen) -> Iterator[subprocess.Popen]:
    """A background process (in its own process group) that never outlives the test.

    Whatever the test asserts, on the way out the group is killed: a failing test must
    not leave a CPU-heavy training run behind to slow every later test.
    """
    process = subprocess.Popen(command, start_new_session=True, **popen)
    try:
        yield process
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
        for stream in (process.stdout, process.stderr):
            if stream is not None:
                stream.close()


def wait_for_line(process: subprocess.Popen, text: str, timeout: float = 60) -> None:
    """Read a process's stderr until a line contains text."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = process.stderr.readline()
        if text in line:
            return
        assert line or process.poll() is None, "process ended before printing " + text
    raise AssertionError(f"no {text!r} within {timeout}s")


PROVENANCE = {
    "device": "cpu (test)",
    "torch": "2.13.0",
    "python": "3.11",
    "platform": "Linux",
    "commit": "abc",
    "started_at": "2026-01-01T00:00:00+00:00",
    "duration_s": 1.0,
    "seeds": [1],
    "cpu": "test CPU",
    "threads": 1,
}  # a complete provenance block, for result files written by tests


def assert_disjoint(drawn: dict) -> None:
    """No input of one split occurs in another (every pair; inputs are each split's [0])."""
    for first, second in itertools.combinations(drawn, 2):
        assert overlap(drawn[first][0], drawn[second][0]) == 0, (first, second)


def result_with(experiment: str, **changes: Any) -> SimpleNamespace:
    """The committed full result of `experiment` with `changes` applied, each keyed by a
    path into its data ("findings.paper", "models.lstm.mse.1"): what a page layer's
    verdict reads (.data, .findings, .provenance), for made-up findings."""
    stored = json.loads((ROOT / "results" / f"{experiment}.full.json").read_text())
    data = copy.deepcopy(stored["data"])
    for path, value in changes.items():
        *parents, last = path.split(".")
        target = data
        for key in parents:
            target = target[int(key)] if isinstance(target, list) else target[key]
        target[int(last) if isinstance(target, list) else last] = value
    return SimpleNamespace(data=data, findings=data["findings"], provenance=stored["provenance"])


def selectors(kind: type) -> dict[str, set]:
    """A verdict's Literal fields and the words each can choose."""
    hints = typing.get_type_hints(kind)
    return {
        name: set(typing.get_args(hint))
        for name, hint in hints.items()
        if typing.get_origin(hint) is typing.Literal
    }


def committed_results() -> dict[str, Any]:
    """Every experiment's committed result as a page shows it (fresh full, else quick):
    id -> chigai.site.render.Shown, for rendering pages in process."""
    from chigai.experiment import discover
    from chigai.run.freshness import best, check_all
    from chigai.site.render import Shown

    entries = {spec.id: (spec, best(check_all(ROOT, spec))) for spec in discover(ROOT).values()}
    return {key: Shown(spec, e.result, False) for key, (spec, e) in entries.items() if e.result}
