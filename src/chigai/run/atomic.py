"""The one way chigai writes a file: a temporary file in the same folder, then a rename.

A crash or Ctrl-C mid-write leaves the old file whole (os.replace is atomic on POSIX and
Windows), never half a result, notebook or figure. The file keeps its mode, and a new one
gets the usual mode for this umask (mkstemp's own would be 0600, private).
"""

import os
import stat
import tempfile
from pathlib import Path


def write_atomically(path: Path, content: str | bytes) -> None:
    """Replace `path` with `content` (text is written as UTF-8) in one step."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = stat.S_IMODE(path.stat().st_mode) if path.exists() else 0o666 & ~_umask()
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _umask() -> int:
    current = os.umask(0)  # the only way to read the umask is to set it
    os.umask(current)
    return current
