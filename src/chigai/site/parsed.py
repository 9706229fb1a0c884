"""Fluent files parsed once per project, not once per build.

fluent.syntax parses in pure Python: the three articles' six .ftl files took about a
seventh of a `mkdocs build`. With `keep_parsed(folder)` (the plugin sets the project's
.cache/chigai/words) a parsed file is pickled there under the hash of its text and the
parser's version, written atomically, and a later process loads it instead. The folder
is the project's own cache, as trusted as its code.
"""

import hashlib
import pickle
from importlib.metadata import version
from pathlib import Path

from fluent.syntax import FluentParser
from fluent.syntax import ast as fluent_ast

from chigai.run.atomic import write_atomically
from chigai.site.templating import RenderError

_PARSER = f"fluent.syntax {version('fluent.syntax')}, pickle {pickle.HIGHEST_PROTOCOL}"
_kept: dict[str, Path] = {}  # "folder": where parsed files are kept, when they are


def keep_parsed(folder: Path | None) -> None:
    """Keep parsed files in `folder` between processes (None: parse in every process)."""
    _kept.pop("folder", None)
    if folder is not None:
        _kept["folder"] = folder


def parse_ftl(path: Path) -> fluent_ast.Resource:
    """One .ftl file's messages; a syntax error names the file and the broken message."""
    text = path.read_text(encoding="utf-8")
    folder = _kept.get("folder")
    stored = None
    if folder is not None:
        key = hashlib.sha256(f"{_PARSER}\n{text}".encode()).hexdigest()
        stored = folder / f"{key}.pickle"
        if stored.is_file():
            return pickle.loads(stored.read_bytes())
    resource = FluentParser().parse(text)
    junk = [entry for entry in resource.body if isinstance(entry, fluent_ast.Junk)]
    if junk:
        where = junk[0].content.strip().splitlines()[0][:60]
        raise RenderError(f"{path}: Fluent syntax error at {where!r}; fix that message")
    if stored is not None:
        write_atomically(stored, pickle.dumps(resource, protocol=pickle.HIGHEST_PROTOCOL))
    return resource
