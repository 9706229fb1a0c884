"""Compiled sections kept between processes (chigai.site.templating.keep_compiled)."""

import subprocess
import sys

import jinja2
import pytest

from chigai.site import templating
from chigai.site.templating import RenderError, keep_compiled, render_section


@pytest.fixture
def kept(tmp_path):
    keep_compiled(tmp_path / "templates")
    yield tmp_path / "templates"
    keep_compiled(None)


SECTION = "{{ 2 + a }} {{ b }}"


def test_a_kept_section_renders_without_compiling_again(kept, monkeypatch):
    keep_compiled(None)
    plain = render_section(SECTION, "p.en.md", {"a": 1, "b": "<b>*x*</b>"})
    assert plain.startswith("3 ") and "<b>" not in plain  # escaped: the environment's own
    keep_compiled(kept)
    assert render_section(SECTION, "p.en.md", {"a": 1, "b": "<b>*x*</b>"}) == plain
    assert len(list(kept.iterdir())) == 1
    templating._compiled.cache_clear()  # as in a new process: only the folder is left

    def refuse(*_):
        raise AssertionError("compiled again")

    monkeypatch.setattr(templating.PAGES, "compile", refuse)
    assert render_section(SECTION, "p.en.md", {"a": 1, "b": "<b>*x*</b>"}) == plain


def test_an_edited_section_or_environment_is_compiled_anew(kept, monkeypatch):
    render_section("{{ a }}", "p.en.md", {"a": 1})
    render_section("{{ a }}!", "p.en.md", {"a": 1})
    assert len(list(kept.iterdir())) == 2
    monkeypatch.setattr(templating, "_ENVIRONMENT", "another environment")
    templating._compiled.cache_clear()
    assert render_section("{{ a }}", "p.en.md", {"a": 1}) == "1"
    assert len(list(kept.iterdir())) == 3


def test_errors_still_name_page_line_and_key(kept):
    for _ in range(2):  # compiled, then loaded from the folder
        templating._compiled.cache_clear()
        with pytest.raises(RenderError, match=r"p\.en\.md:2: 'missing' is undefined"):
            render_section("ok\n{{ missing }}", "p.en.md", {})
    with pytest.raises(RenderError, match=r"p\.en\.md:1: template syntax error"):
        render_section("{% if %}", "p.en.md", {})


def test_a_fresh_process_loads_what_another_compiled(kept):
    render_section("{{ a }}", "p.en.md", {"a": 1})
    code = (
        "import sys; from pathlib import Path; from chigai.site import templating\n"
        f"templating.keep_compiled(Path({str(kept)!r}))\n"
        "templating.PAGES.compile = None  # any compile would fail\n"
        "print(templating.render_section('{{ a }}', 'p.en.md', {'a': 41}))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "41"
    assert isinstance(templating.PAGES.bytecode_cache, jinja2.FileSystemBytecodeCache)
