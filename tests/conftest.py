"""Shared fixtures: throwaway copies of the project, so tests never touch the real results.

The two expensive ones, the built site and the quick project, are made once per test run
and shared by every pytest-xdist worker (`once`). The quick project's trials come from a
persistent cache (TRIAL_CACHE), keyed exactly as chigai keys them, so a warm run only
re-summarizes; see `quick_project`.
"""

import inspect
import os
import types
from pathlib import Path

import pytest
from helpers import (
    KEPT_CACHES,
    ROOT,
    TRIAL_CACHE,
    copy_project,
    drop_shared_cache,
    keep_trials,
    once,
    prune_kept,
    prune_shared_caches,
    run_tool,
    seed_trials,
)

# One math thread per process, set before torch or numpy is imported: the suite's small
# models run as fast on one, and several threads per process thrash on a busy machine
# (chigai's own runs do the same through CHIGAI_THREADS; README "Performance").
for variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(variable, "1")


# What a test does that takes seconds: run one of our tools as a real process, or use a
# session fixture that trained or built something.
STARTS_A_PROCESS = frozenset({"run_tool", "started", "subprocess"})
SLOW_FIXTURES = frozenset({"quick_project", "built_site"})


def pytest_sessionstart(session: pytest.Session) -> None:
    if not os.environ.get("PYTEST_XDIST_WORKER"):  # once per run, before any worker starts
        prune_kept()
        for kept in KEPT_CACHES.values():
            prune_kept(kept)
        prune_shared_caches()


def pytest_unconfigure(config: pytest.Config) -> None:
    drop_shared_cache()  # every process (xdist's workers too) made its own at import


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tiers, so a writer can leave the slow ones out (`pytest -m "not slow and not
    browser"`: three quarters of the tests, a fifth of the time); CI runs them all.
    Marked by what a test does, not by a list: `slow` if it or a fixture of its module
    starts a process (directly or through a function of its module) or it uses one of
    SLOW_FIXTURES; `browser` under tests/browser."""
    for item in items:
        if "browser" in item.path.relative_to(ROOT / "tests").parts:
            item.add_marker(pytest.mark.browser)
        names = set(getattr(item, "fixturenames", ()))
        own = [getattr(item, "function", None)] + [vars(item.module).get(n) for n in names]
        if names & SLOW_FIXTURES or any(_starts_a_process(f, set()) for f in own if f):
            item.add_marker(pytest.mark.slow)


def _starts_a_process(thing: object, seen: set[int]) -> bool:
    """Whether a function or class names STARTS_A_PROCESS, itself or through a function or
    class of its own module that it names (followed once each)."""
    thing = inspect.unwrap(thing) if callable(thing) else thing
    if id(thing) in seen:
        return False
    seen.add(id(thing))
    if inspect.isclass(thing):
        return any(_starts_a_process(f, seen) for f in vars(thing).values() if callable(f))
    if not inspect.isfunction(thing):
        return False
    names = _names(thing.__code__)
    if names & STARTS_A_PROCESS:
        return True
    same_module = (thing.__globals__.get(name) for name in names)
    return any(
        _starts_a_process(other, seen)
        for other in same_module
        if getattr(other, "__module__", None) == thing.__module__
    )


def _names(code: types.CodeType) -> set[str]:
    """Every global or attribute name a code object uses, nested functions included."""
    nested = (_names(const) for const in code.co_consts if isinstance(const, types.CodeType))
    return set(code.co_names).union(*nested)


def _build_site(project: Path) -> None:
    copy_project(project)
    done = run_tool("mkdocs", "build", "--strict", cwd=project)
    assert done.returncode == 0, done.stderr[-3000:]


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built strictly once from a copy of the project; returns site_dir."""
    return once(tmp_path_factory, "site", _build_site) / "site"


def _run_quick(project: Path) -> None:
    copy_project(project)
    for stored in (project / "results").glob("*.quick.json"):
        stored.unlink()
    seed_trials(project, TRIAL_CACHE)
    try:
        done = run_tool(
            "chigai", "run", "--preset", "quick", "--device", "cpu", cwd=project, timeout=900
        )
    finally:  # even a failed run's finished trials are as good as any
        keep_trials(project, TRIAL_CACHE)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-3000:]


@pytest.fixture(scope="session")
def quick_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project copy where every experiment has just run at the quick preset, for real.

    One `chigai run`, as a user types it: its trials share both cores, and compute_cost,
    which times steps, runs alone at the end so that no other trial distorts its clock.
    Its trials start from TRIAL_CACHE: a trial is reused only under chigai's own key (the
    code `trial()` reaches, settings, point, device, threads, torch and CPU), so a hit is
    as good as a rerun, an edited experiment retrains only its own trials, and every
    result is still summarized, checked and written by this run.
    """
    return once(tmp_path_factory, "quick", _run_quick)
