"""Fluent files parsed once per project (chigai.site.parsed)."""

import pytest

from chigai.site import parsed
from chigai.site.parsed import keep_parsed, parse_ftl
from chigai.site.templating import RenderError


@pytest.fixture
def kept(tmp_path):
    keep_parsed(tmp_path / "words")
    yield tmp_path / "words"
    keep_parsed(None)


def test_a_kept_file_is_loaded_not_parsed_again(kept, tmp_path, monkeypatch):
    ftl = tmp_path / "en.ftl"
    ftl.write_text("hello = Hello, { $name }!\n")
    first = parse_ftl(ftl)
    assert len(list(kept.iterdir())) == 1

    def refuse(*_):
        raise AssertionError("parsed again")

    monkeypatch.setattr(parsed.FluentParser, "parse", refuse)
    assert parse_ftl(ftl).equals(first)
    ftl.write_text("hello = Hi, { $name }!\n")  # an edit is a new text: parsed anew
    with pytest.raises(AssertionError, match="parsed again"):
        parse_ftl(ftl)


def test_a_syntax_error_names_the_file_and_is_never_kept(kept, tmp_path):
    ftl = tmp_path / "ja.ftl"
    ftl.write_text("good = ok\nbroken = { $x\n")
    for _ in range(2):
        with pytest.raises(RenderError, match=r"ja\.ftl: Fluent syntax error at 'broken"):
            parse_ftl(ftl)
    assert not kept.exists() or not list(kept.iterdir())
