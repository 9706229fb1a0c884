"""A truncated companion notebook: named with its fix everywhere, never a traceback."""

import pytest
from helpers import copy_article, run_tool

BOOK = "docs/notebooks/rnn-vs-lstm.en.ipynb"
FIX = f"restore it with `git checkout -- {BOOK}`, then run `chigai notebooks`"


@pytest.fixture
def project(tmp_path):
    project = copy_article(tmp_path / "p")  # the RNN article alone: its notebook is cut
    book = project / BOOK
    book.write_text(book.read_text()[:5000])  # cut mid-JSON, as a crash or a bad merge can
    return project


def test_the_build_names_the_notebook_and_goes_on_without_it(project):
    before = (project / BOOK).read_bytes()
    done = run_tool("mkdocs", "build", cwd=project, env={"CHIGAI_ON_STALE": "warn"})
    assert done.returncode == 0, done.stderr[-3000:]
    assert "Traceback" not in done.stderr and "JSONDecodeError" not in done.stderr
    warnings = [line for line in done.stderr.splitlines() if BOOK in line]
    assert warnings and "WARNING" in warnings[0] and "not a readable notebook" in warnings[0]
    assert FIX in warnings[0]
    assert (project / "site" / "notebooks" / "rnn-vs-lstm" / "index.html").exists()  # ja
    assert (project / "site" / "en" / "rnn-vs-lstm" / "index.html").exists()
    assert (project / BOOK).read_bytes() == before  # nothing wrote over it


def test_status_and_notebooks_name_it_and_go_on(project):
    status = run_tool("chigai", "status", cwd=project)
    assert status.returncode == 0, status.stderr
    assert f"{BOOK:31} broken" in status.stdout and FIX in status.stdout
    assert "docs/notebooks/rnn-vs-lstm.ja.ipynb" in status.stdout  # the others still listed
    books = run_tool("chigai", "notebooks", cwd=project)
    assert books.returncode == 1
    assert f"FAILED: {BOOK}: not a readable notebook" in books.stdout and FIX in books.stdout
    assert "rnn-vs-lstm.ja.ipynb: fresh, skipped" in books.stdout
