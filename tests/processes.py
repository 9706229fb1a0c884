"""Our tools run as separate processes, the way a user runs them, at a fraction of the cost.

A `chigai` or `mkdocs` process spends about 2.5 s of CPU importing torch, MkDocs and
nbconvert before it does anything; the suite starts about 70 of them. `run_tool` forks each
one instead from a server process that imported those once (multiprocessing's forkserver):
the child is still its own process, with its own working folder, environment, output and
exit status, and it calls the very function the console script calls. Nothing leaks from
one run to the next, because each child starts from the server's untouched state.

Where the interpreter's own start matters (the console script itself, the thread count set
by the environment before torch is imported, a PYTHONPATH pointing elsewhere), a test asks
for `fresh=True` and gets a plain subprocess.
"""

import atexit
import multiprocessing
import os
import subprocess
import sys
import tempfile
from importlib.metadata import entry_points
from pathlib import Path

BIN = Path(sys.executable).parent
PRELOADED = ("torch", "chigai.cli", "mkdocs.__main__", "chigai.site.plugin", "material")
# properdocs is MkDocs under another name: it cannot share a process that imported mkdocs.
FORKED = frozenset({"chigai", "mkdocs"})
# A child reads these only when its interpreter starts, so a run that changes them is fresh.
READ_AT_START = frozenset({"PYTHONPATH", "PYTHONHOME", "OMP_NUM_THREADS", "MKL_NUM_THREADS"})

_forks = multiprocessing.get_context("forkserver")
_forks.set_forkserver_preload(list(PRELOADED))


def run_tool(
    *args: str,
    cwd: Path,
    env: dict[str, str] | None = None,
    timeout: float = 300,
    fresh: bool = False,
) -> subprocess.CompletedProcess:
    """Run a console script of this environment as its own process: chigai and mkdocs
    forked from the preloaded server, anything else, or any run that is `fresh` or whose
    `env` changes what only a starting interpreter reads, started from scratch."""
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    changed = {k for k in READ_AT_START if environment.get(k) != os.environ.get(k)}
    if fresh or changed or args[0] not in FORKED:
        return subprocess.run(
            [str(BIN / args[0]), *args[1:]],
            cwd=cwd,
            env=environment,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
    with tempfile.TemporaryDirectory(prefix="chigai-run-") as folder:
        out, err = Path(folder, "stdout"), Path(folder, "stderr")
        child = _forks.Process(target=_main, args=(args, str(cwd), environment, out, err))
        child.start()
        child.join(timeout)
        if child.is_alive():
            child.kill()
            child.join()
            raise subprocess.TimeoutExpired(list(args), timeout)
        return subprocess.CompletedProcess(list(args), child.exitcode, _read(out), _read(err))


def _read(path: Path) -> str:
    return path.read_text(errors="replace") if path.exists() else ""


def _main(args: tuple[str, ...], cwd: str, env: dict[str, str], out: Path, err: Path) -> None:
    """In the child: become `args` run in `cwd` with `env`, as the console script would."""
    os.chdir(cwd)
    os.environ.clear()
    os.environ.update(env)
    sys.dont_write_bytecode = bool(env.get("PYTHONDONTWRITEBYTECODE"))  # as at a start
    for fd, path in ((1, out), (2, err)):
        os.dup2(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644), fd)
    sys.stdout = open(1, "w", encoding="utf-8", closefd=False)  # noqa: SIM115 (the process's)
    sys.stderr = open(2, "w", encoding="utf-8", closefd=False)  # noqa: SIM115
    sys.argv = [str(BIN / args[0]), *args[1:]]
    (script,) = entry_points(group="console_scripts", name=args[0])
    try:
        sys.exit(script.load()())  # as the console script does
    finally:
        atexit._run_exitfuncs()  # multiprocessing leaves with os._exit, which skips them
        sys.stdout.flush()
        sys.stderr.flush()
