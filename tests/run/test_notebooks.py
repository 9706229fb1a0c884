"""Companion notebooks: fingerprinted like experiments, executed for real by a kernel."""

import json
from pathlib import Path

import nbformat
import pytest
from helpers import article_pages
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from chigai.experiment import discover
from chigai.run.notebooks import NotebookError, execute, is_fresh, notebook_fingerprint, notebooks

ROOT = Path(__file__).resolve().parents[2]
LANGS = ("ja", "en")
SPECS = discover(ROOT)


def write(path: Path, *cells) -> Path:
    notebook = new_notebook(cells=list(cells))
    notebook.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nbformat.write(notebook, path)
    return path


def test_code_and_named_experiments_change_the_fingerprint_prose_does_not(tmp_path):
    path = write(tmp_path / "a.ipynb", new_markdown_cell("# Hi"), new_code_cell("x = 1"))
    base = notebook_fingerprint(path, SPECS)
    write(path, new_markdown_cell("# Hello, edited"), new_code_cell("x = 1"))
    assert notebook_fingerprint(path, SPECS) == base
    write(path, new_markdown_cell("# Hi"), new_code_cell("x = 2"))
    assert notebook_fingerprint(path, SPECS) != base
    write(path, new_markdown_cell("# Hi"), new_code_cell("import chigai.training\nx = 1"))
    assert notebook_fingerprint(path, SPECS) != base  # imports a compute module
    named = write(path, new_code_cell('spec = "marked_recall"'))
    other = dict(SPECS)
    other["marked_recall"] = SPECS["small_data"]  # as if the experiment's code had changed
    assert notebook_fingerprint(named, SPECS) != notebook_fingerprint(named, other)


def test_executing_stores_outputs_and_the_fingerprint(tmp_path):
    path = write(tmp_path / "ok.ipynb", new_code_cell("print(6 * 7)"))
    assert not is_fresh(path, SPECS)
    execute(path, SPECS)
    stored = json.loads(path.read_text())
    assert "".join(stored["cells"][0]["outputs"][0]["text"]) == "42\n"
    assert stored["metadata"]["chigai"]["fingerprint"] == notebook_fingerprint(path, SPECS)
    assert is_fresh(path, SPECS)


def test_a_failing_cell_names_the_notebook_and_keeps_the_old_file(tmp_path):
    path = write(tmp_path / "bad.ipynb", new_code_cell("raise ValueError('no data')"))
    before = path.read_bytes()
    with pytest.raises(NotebookError, match=r"bad.ipynb: a cell failed .*ValueError: no data"):
        execute(path, SPECS)
    assert path.read_bytes() == before


def test_published_notebooks_are_fresh_and_have_outputs():
    found = notebooks(ROOT)
    # the published articles have one in each language; a fresh `chigai new` page has none
    # yet, and a notebook belongs to an article page that exists
    articles = {"rnn-vs-lstm", "attention-vs-lstm", "gru-vs-lstm"}
    names = {p.name for p in found}
    assert {f"{a}.{lang}.ipynb" for a in articles for lang in LANGS} <= names
    assert {name.split(".")[0] for name in names} <= set(article_pages())
    for path in found:
        assert is_fresh(path, SPECS), f"{path.name} is stale: run `chigai notebooks`"
        cells = json.loads(path.read_text())["cells"]
        assert all(
            c["outputs"]
            for c in cells
            if c["cell_type"] == "code" and not "".join(c["source"]).startswith("#")
        )
        # a chart, not the text "<Figure size 640x400 with 1 Axes>" (issue 13)
        images = [
            output
            for c in cells
            for output in c.get("outputs", [])
            if {"image/svg+xml", "image/png"} & set(output.get("data", {}))
        ]
        assert images, f"{path.name} shows no chart"
