"""`mkdocs serve` (and `properdocs serve`) as a writer uses it: a real server, real edits,
in a copy of one article (what serve does is the same for one article as for three)."""

import json
import re
import socket
import subprocess
import threading
import time
import urllib.request
from pathlib import Path

from helpers import BIN, copy_article, shrink_adding_quick

from chigai.site.prose import num


class Server:
    """mkdocs serve in the background, its log collected line by line."""

    def __init__(self, project: Path, tool: str = "mkdocs"):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.process = subprocess.Popen(
            [str(BIN / tool), "serve", "--livereload", "-a", f"127.0.0.1:{self.port}"],
            cwd=project,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env={"PATH": str(BIN), "NO_MKDOCS_2_WARNING": "1", "HOME": str(project)},
        )
        self.lines: list[str] = []
        threading.Thread(target=self._collect, daemon=True).start()

    def _collect(self) -> None:
        for line in self.process.stdout:
            self.lines.append(line)

    def wait_for(self, text: str, after: int = 0, timeout: float = 120) -> int:
        """Wait until a log line after line `after` contains text; return its index."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for i, line in enumerate(self.lines[after:], start=after):
                if text in line:
                    return i
            assert self.process.poll() is None, "".join(self.lines[-30:])
            time.sleep(0.2)
        raise AssertionError(f"no {text!r} in the serve log:\n" + "".join(self.lines[-30:]))

    def page(self, path: str) -> str:
        # generous: a rebuild that the rerun starts (results/ is watched) can hold the server
        url = f"http://127.0.0.1:{self.port}/{path}"
        with urllib.request.urlopen(url, timeout=60) as response:
            return response.read().decode()


def baseline_on_page(server: Server, project: Path) -> str:
    """The blind guess's error in the quick result, as the page must show it: measured on
    the run's own test data, so a rerun moves it (read from the result, not the wording)."""
    stored = json.loads((project / "results" / "adding_problem.quick.json").read_text())
    baseline = num(stored["data"]["baseline_mse"])
    page = server.page("en/rnn-vs-lstm/")
    assert re.search(rf"(?<![\d.]){re.escape(baseline)}(?!\d)", page), baseline
    return baseline


def test_serve_rebuilds_on_code_edits_and_reruns_the_experiment_that_went_stale(tmp_path):
    project = copy_article(tmp_path / "p")  # each rebuild: one article
    # a tiny quick preset, so each rerun in this test takes a second instead of half a minute
    shrink_adding_quick(project, steps=200, seed=1)
    # no full result, so the page shows the quick one (editing the quick preset leaves the
    # full result fresh, and a fresh full result is what a page prefers)
    (project / "results" / "adding_problem.full.json").unlink()
    server = Server(project)
    try:
        served = server.wait_for("Serving on")
        assert any("rerunning the quick preset" in line for line in server.lines[:served])
        first = baseline_on_page(server, project)

        # an edit under src/ (here: figure labels) rebuilds the site without retraining
        strings = project / "src" / "chigai" / "site" / "strings.py"
        strings.write_text(strings.read_text() + "\n")
        changed = server.wait_for("Detected file changes", after=served)
        rebuilt = server.wait_for("Reloading browsers", after=changed)
        assert not any("rerunning" in line for line in server.lines[changed:rebuilt])

        # an edit to the experiment makes it stale: it is rerun and the page shows new numbers
        shrink_adding_quick(project, steps=200, seed=2)
        changed = server.wait_for("Detected file changes", after=rebuilt)
        server.wait_for("rerunning the quick preset", after=changed)
        server.wait_for("Reloading browsers", after=changed)
        assert baseline_on_page(server, project) != first
    finally:
        server.process.terminate()
        server.process.wait(timeout=20)


def test_properdocs_serves_the_same_site_and_rebuilds_on_a_page_edit(tmp_path):
    """ProperDocs, the maintained fork of MkDocs 1.6, is a drop-in for `mkdocs serve`."""
    project = copy_article(tmp_path / "p")  # each rebuild: one article
    server = Server(project, tool="properdocs")
    try:
        served = server.wait_for("Serving on")
        assert "How these numbers were made" in server.page("en/rnn-vs-lstm/")
        page = project / "docs" / "rnn-vs-lstm.en.md"
        page.write_text(page.read_text() + "\nA sentence added while serving.\n")
        changed = server.wait_for("Detected file changes", after=served)
        server.wait_for("Reloading browsers", after=changed)
        assert "A sentence added while serving." in server.page("en/rnn-vs-lstm/")
    finally:
        server.process.terminate()
        server.process.wait(timeout=20)
